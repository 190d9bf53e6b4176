#!/bin/sh
# The local Debian 13 Flatpak runtime builds (or is in the cache). Started
# first and in parallel with the other suites, so the sandbox test, which runs
# alone, finds it ready.
set -eu
cache=${WERVING_FLATPAK_CACHE:-/var/tmp/werving-flatpak}
if [ "$(id -u)" != 0 ] && [ ! -f "$cache/runtime.done" ]; then
  echo "SKIP: the local Debian 13 runtime is not in $cache and building it needs root"
  exit 77
fi
started=$(date +%s)
"$WERVING_SOURCE_DIR/tools/flatpak-runtime.sh" runtime
echo "runtime ready in $(( $(date +%s) - started )) s"
