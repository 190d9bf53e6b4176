#!/bin/sh
# Installs every Debian 12 package Werving needs to build, run and test.
# As root it installs what is missing; otherwise it prints the one apt-get
# line to run and fails if anything is missing.
set -eu

PACKAGES="
  build-essential pkg-config meson ninja-build git
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev
  libjson-glib-dev libsecret-1-dev libsqlite3-dev libsodium-dev
  gettext appstream desktop-file-utils
  xvfb xauth dbus dbus-x11 at-spi2-core gnome-keyring libsecret-tools
  python3 python3-pyatspi python3-dogtail python3-yaml python3-jsonschema imagemagick locales
  translate-toolkit clang libclang-rt-14-dev valgrind
  flatpak flatpak-builder elfutils debootstrap xdg-desktop-portal xdg-desktop-portal-gtk
  sqlmap
  wrk hyperfine curl ca-certificates
"

# Node.js may come from elsewhere (nodesource); only ask Debian for it when
# there is no npm at all.
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"

missing=""
for p in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "deps: installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing >&2
  else
    echo "Werving needs these Debian packages; run as root:" >&2
    echo "  apt-get install --no-install-recommends$missing" >&2
    exit 1
  fi
fi

# Dutch number and date formatting needs the nl_NL.UTF-8 locale.
if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  if [ "$(id -u)" = 0 ]; then
    sed -i 's/^# *\(nl_NL.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^nl_NL.UTF-8 UTF-8' /etc/locale.gen || echo 'nl_NL.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >&2
  else
    echo "deps: the nl_NL.UTF-8 locale is missing (Dutch formatting tests will be skipped); as root: enable it in /etc/locale.gen and run locale-gen" >&2
  fi
fi
