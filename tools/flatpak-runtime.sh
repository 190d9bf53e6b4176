#!/bin/sh
# Builds, once, the Debian 13 (trixie) tree that stands in for the GNOME
# runtime on machines that cannot download org.gnome.Platform, and installs it
# as a Flatpak runtime+SDK. Everything lives under one cache folder and is
# rebuilt only when missing or when the package list below changes.
#
#   tools/flatpak-runtime.sh chroot    the Debian 13 chroot (also used by
#                                      tools/newer-stack.sh)
#   tools/flatpak-runtime.sh runtime   chroot + runtime installed (default)
#   tools/flatpak-runtime.sh env       prints the shell lines that point
#                                      flatpak at the cached installation
#
# Layout of $WERVING_FLATPAK_CACHE (default /var/tmp/werving-flatpak):
#   trixie/          the chroot: debootstrap --variant=minbase + PACKAGES
#                    (a changed list is installed into it, not rebuilt)
#   runtime/         metadata + files/ (= the chroot's /usr, files/etc = /etc)
#   repo/            OSTree repository the runtime is exported to
#   system/          a Flatpak installation (FLATPAK_SYSTEM_DIR) holding it
#   builder-state/   flatpak-builder's state dir (downloads, ccache, cache)
# Needs root (debootstrap, chroot) and: debootstrap flatpak.
set -eu

CACHE=${WERVING_FLATPAK_CACHE:-/var/tmp/werving-flatpak}
MIRROR=${WERVING_DEBIAN_MIRROR:-http://deb.debian.org/debian}
RUNTIME_ID=io.github.werving.Sdk
RUNTIME_BRANCH=13
REMOTE=werving-local

# The -dev packages make the tree an SDK (flatpak-builder builds in it) and let
# tools/newer-stack.sh build the project; ccache and appstream-util
# (appstream-compose) are what flatpak-builder 1.2 runs inside the SDK; the
# rest is what the app needs at run time that a minbase system lacks (icons,
# fonts, schemas, TLS, SVG).
PACKAGES="
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  libsqlite3-dev libsodium-dev meson ninja-build gcc pkg-config gettext
  appstream desktop-file-utils
  libglib2.0-bin libgtk-4-bin gsettings-desktop-schemas shared-mime-info
  adwaita-icon-theme hicolor-icon-theme librsvg2-common glib-networking
  fonts-cantarell fonts-dejavu-core ca-certificates python3
  ccache elfutils appstream-util
"

log () { echo "flatpak-runtime: $*" >&2; }

# shellcheck disable=SC2086 # one word per package
packages_key () { echo "$MIRROR" $PACKAGES | tr -s ' \n' ' '; }

# Runs COMMAND... inside the chroot with proc, sys, dev and dev/pts mounted
# in a private mount namespace, so nothing stays mounted if we are killed.
in_chroot () {
  root=$1; shift
  # shellcheck disable=SC2016 # expanded by the inner shell
  unshare --mount --propagation private -- sh -eu -c '
    root=$1; shift
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs tmpfs "$root/dev/shm"
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    exec chroot "$root" "$@"' in_chroot "$root" "$@"
}

ensure_chroot () {
  if [ -f "$CACHE/trixie.done" ] && [ "$(cat "$CACHE/trixie.done")" = "$(packages_key)" ]; then
    return 0
  fi
  [ "$(id -u)" = 0 ] || { log "building the Debian 13 chroot needs root"; exit 1; }
  mkdir -p "$CACHE"
  if [ ! -f "$CACHE/trixie.base" ] || [ "$(cat "$CACHE/trixie.base")" != "$MIRROR" ]; then
    command -v debootstrap >/dev/null || { log "debootstrap is not installed"; exit 1; }
    log "building the Debian 13 chroot in $CACHE/trixie (about 3 min, once)"
    rm -rf "$CACHE/trixie" "$CACHE/trixie.base" "$CACHE/trixie.done" "$CACHE/runtime.done"
    debootstrap --variant=minbase trixie "$CACHE/trixie" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 ||
      { tail -n 20 "$CACHE/debootstrap.log" >&2; log "debootstrap failed (log: $CACHE/debootstrap.log)"; exit 1; }
    echo "$MIRROR" >"$CACHE/trixie.base"
  else
    log "installing the changed package list into $CACHE/trixie"
  fi
  # apt-get installs only what is missing, so a longer list costs little.
  # shellcheck disable=SC2086
  in_chroot "$CACHE/trixie" sh -eu -c '
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "$@"
    apt-get clean' apt $PACKAGES >"$CACHE/apt.log" 2>&1 ||
    { tail -n 20 "$CACHE/apt.log" >&2; log "apt-get in the chroot failed (log: $CACHE/apt.log)"; exit 1; }
  packages_key >"$CACHE/trixie.done"
}

# flatpak talks to the cached installation as if it were the system one; a
# test's own FLATPAK_USER_DIR then finds the runtime there.
flatpak_env () {
  echo "FLATPAK_SYSTEM_DIR='$CACHE/system'; export FLATPAK_SYSTEM_DIR"
}

runtime_installed () {
  FLATPAK_SYSTEM_DIR="$CACHE/system" flatpak --system info "$RUNTIME_ID//$RUNTIME_BRANCH" >/dev/null 2>&1
}

ensure_runtime () {
  ensure_chroot
  # runtime.done names the chroot it was exported from.
  if [ -f "$CACHE/runtime.done" ] && [ "$(cat "$CACHE/runtime.done")" = "$(cat "$CACHE/trixie.done")" ] &&
     runtime_installed; then
    return 0
  fi
  log "exporting the chroot as the Flatpak runtime $RUNTIME_ID//$RUNTIME_BRANCH (about 2 min, once)"
  rm -rf "$CACHE/runtime" "$CACHE/repo" "$CACHE/system" "$CACHE/runtime.done"
  mkdir -p "$CACHE/runtime"
  # Hard links: the export only reads the tree, so no second copy on disk.
  cp -al "$CACHE/trixie/usr" "$CACHE/runtime/files"
  cp -al "$CACHE/trixie/etc" "$CACHE/runtime/files/etc"
  # Without it flatpak cannot rebuild the library cache in the sandbox.
  ln -sf ../sbin/ldconfig "$CACHE/runtime/files/bin/ldconfig"
  arch=$(flatpak --default-arch)
  cat >"$CACHE/runtime/metadata" <<EOF
[Runtime]
name=$RUNTIME_ID
runtime=$RUNTIME_ID/$arch/$RUNTIME_BRANCH
sdk=$RUNTIME_ID/$arch/$RUNTIME_BRANCH
EOF
  flatpak build-export --runtime --files=files "$CACHE/repo" "$CACHE/runtime" "$RUNTIME_BRANCH" \
    >"$CACHE/export.log" 2>&1 ||
    { tail -n 20 "$CACHE/export.log" >&2; log "flatpak build-export failed"; exit 1; }
  export FLATPAK_SYSTEM_DIR="$CACHE/system"
  flatpak --system remote-add --if-not-exists --no-gpg-verify "$REMOTE" "file://$CACHE/repo"
  flatpak --system install -y --noninteractive "$REMOTE" "$RUNTIME_ID//$RUNTIME_BRANCH" >"$CACHE/install.log" 2>&1 ||
    { tail -n 20 "$CACHE/install.log" >&2; log "installing the runtime failed"; exit 1; }
  cp "$CACHE/trixie.done" "$CACHE/runtime.done"
}

what=${1:-runtime}
mkdir -p "$CACHE"
# One builder at a time: the flatpak and newer-stack suites may start together.
exec 8>"$CACHE/lock"
flock 8
case "$what" in
  chroot) ensure_chroot; echo "$CACHE/trixie" ;;
  runtime) ensure_runtime; echo "$RUNTIME_ID//$RUNTIME_BRANCH" ;;
  env) ensure_runtime; flatpak_env ;;
  *) echo "usage: $0 [chroot|runtime|env]" >&2; exit 2 ;;
esac
