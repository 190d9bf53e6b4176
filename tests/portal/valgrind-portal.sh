#!/bin/sh
# Runs werving-portal under valgrind for the 'portal-valgrind' tests: any
# leak or memory error makes the server exit 1, which the test sees on
# shutdown. Logs: $WERVING_BUILD_DIR/meson-logs/valgrind-portal.<pid>.log
set -eu
here=$(dirname "$0")
logdir="${WERVING_BUILD_DIR:-/tmp}/meson-logs"
mkdir -p "$logdir"
exec valgrind --leak-check=full --error-exitcode=1 --num-callers=30 \
  --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
  --suppressions="$here/valgrind.supp" \
  --log-file="$logdir/valgrind-portal.%p.log" \
  "$WERVING_PORTAL_REAL" "$@"
