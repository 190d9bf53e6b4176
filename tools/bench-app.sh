#!/bin/sh
# The app benchmarks (they print figures; they are not tests):
#   tools/bench-app.sh startup [--runs N]      first signed-in frame and VmRSS vs a hello-world
#   tools/bench-app.sh search  [OPTIONS]       search latency, scroll frame times, RSS, 500,000 CVs
#   tools/bench-app.sh messages [--runs N]     portal message -> row drawn latency
#   tools/bench-app.sh idle [--idle S]         CPU and wake-ups of the signed-in app at rest
# Builds what is needed in $WERVING_BUILD (default _build) and runs under
# tools/test-env.sh (Xvfb, session bus, unlocked keyring), with settings in a
# keyfile so the app remembers its portal like a returning user.
set -eu
cd "$(dirname "$0")/.."
build=${WERVING_BUILD:-_build}
what=${1:-}
[ $# -gt 0 ] && shift

case "$what" in
  startup|idle) program=bench-startup ;;
  search) program=bench-search-ui ;;
  messages) program=bench-messages ;;
  *) echo "usage: $0 startup|search|messages|idle [OPTIONS]" >&2; exit 2 ;;
esac
[ "$what" = idle ] && [ $# -eq 0 ] && set -- --idle 60

[ -d "$build" ] || meson setup "$build" -Dwerror=true >/dev/null
ninja -C "$build" bench/app/$program bench/app/bench-startup-app bench/app/bench-startup-hello \
  portal/werving-portal >/dev/null

export WERVING_PORTAL="$PWD/$build/portal/werving-portal"
export GSETTINGS_SCHEMA_DIR="$PWD/$build/data"
export GSETTINGS_BACKEND=keyfile
export WERVING_LOCALEDIR="$PWD/$build/po"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r); GSK_RENDERER=${GSK_RENDERER:-default}"
# test-env.sh sets GSETTINGS_BACKEND=memory for the tests: the benchmarks want
# the keyfile, so set it again inside.
exec ./tools/test-env.sh env GSETTINGS_BACKEND=keyfile "$build/bench/app/$program" "$@"
