#!/bin/sh
# The whole project builds with zero warnings (-Dwerror=true) on Debian 13's
# GTK 4.18, libadwaita 1.7 and libsoup 3.6 (tools/newer-stack.sh).
set -eu
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: the newer-stack build runs in a Debian 13 chroot, which needs root"
  exit 77
fi
exec "$WERVING_SOURCE_DIR/tools/newer-stack.sh" "$WERVING_SOURCE_DIR"
