#!/bin/sh
# Configures and builds Werving with -Dwerror=true on the newer stack —
# Debian 13: GTK 4.18, libadwaita 1.7, libsoup 3.6, GLib 2.84, GCC 14,
# meson 1.7 — inside the chroot tools/flatpak-runtime.sh makes (and caches).
# Fails on any warning, also the ones -Dwerror does not turn into errors
# (meson, glib-compile-resources, msgfmt).
#   tools/newer-stack.sh [SOURCE_DIR]      (default: this checkout)
# Needs root (chroot, mounts). The build folder stays in the chroot so a
# second run only rebuilds what changed.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
src=$(cd "${1:-$here}" && pwd)
CACHE=${WERVING_FLATPAK_CACHE:-/var/tmp/werving-flatpak}
export WERVING_FLATPAK_CACHE="$CACHE"

[ "$(id -u)" = 0 ] || { echo "newer-stack: needs root (chroot)" >&2; exit 1; }
root=$("$here/tools/flatpak-runtime.sh" chroot)
# One build folder per source tree: ninja trusts file times, which say
# nothing when another tree is mounted at the same place.
key=$(printf '%s' "$src" | sha1sum | cut -c1-12)
mkdir -p "$root/src" "$root/build/$key"
log="$CACHE/newer-stack-$key.log"

# One build at a time in the shared build folder.
exec 9>"$CACHE/newer-stack.lock"
flock 9

status=0
# shellcheck disable=SC2016 # expanded by the inner shell
unshare --mount --propagation private -- sh -eu -c '
  root=$1 src=$2 key=$3
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --bind "$src" "$root/src"
  mount -o remount,bind,ro "$root/src"
  exec chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 sh -eu -c "
    cd /build/$key
    if [ -f werving/build.ninja ]; then
      meson setup --reconfigure werving /src -Dwerror=true -Dfuzzing=false
    else
      meson setup werving /src -Dwerror=true -Dfuzzing=false
    fi
    ninja -C werving
  "' newer-stack "$root" "$src" "$key" >"$log" 2>&1 || status=$?

# shellcheck disable=SC2016 # expanded in the chroot
versions=$(chroot "$root" sh -c 'echo "GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1), libsoup $(pkg-config --modversion libsoup-3.0), GLib $(pkg-config --modversion glib-2.0), $(gcc --version | head -n 1), meson $(meson --version)"')
if [ $status -ne 0 ]; then
  grep -E 'error|warning' "$log" | head -n 40 >&2 || tail -n 40 "$log" >&2
  echo "newer-stack: the build failed on $versions (log: $log)" >&2
  exit 1
fi
# Warnings that do not stop the build are still warnings.
if grep -n -i -E '(^|[^-])warning[: ]' "$log" >&2; then
  echo "newer-stack: the build has warnings on $versions (log: $log)" >&2
  exit 1
fi
echo "newer-stack: zero warnings with -Dwerror=true on $versions"
