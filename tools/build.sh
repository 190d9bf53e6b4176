#!/bin/sh
# Configures (once) and builds Werving in _build with warnings as errors.
set -eu
cd "$(dirname "$0")/.."
build=${WERVING_BUILD:-_build}
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dwerror=true >&2
fi
ninja -C "$build" >&2
