#!/bin/sh
# Runs a command in the environment the tests need: a throw-away HOME, Xvfb,
# a private session bus, an unlocked gnome-keyring-daemon and the AT-SPI bus.
#   tools/test-env.sh COMMAND [ARGS...]
set -eu

if [ -z "${WERVING_TEST_ENV_INNER:-}" ]; then
  top=$(mktemp -d "${TMPDIR:-/tmp}/werving-test.XXXXXX")
  export WERVING_TEST_TOP="$top"
  mkdir -p "$top/home" "$top/runtime"
  chmod 0700 "$top/runtime"
  export HOME="$top/home"
  export XDG_RUNTIME_DIR="$top/runtime"
  export XDG_DATA_HOME="$top/home/.local/share"
  export XDG_CONFIG_HOME="$top/home/.config"
  export XDG_CACHE_HOME="$top/home/.cache"
  export GSETTINGS_BACKEND=memory
  export NO_AT_BRIDGE=0
  export WERVING_TEST_ENV_INNER=1
  status=0
  # Xvfb picks its own free display and tells us which through -displayfd.
  exec 9>"$top/display"
  Xvfb -displayfd 9 -screen 0 1280x800x24 -nolisten tcp >"$top/xvfb.log" 2>&1 &
  xvfb_pid=$!
  i=0
  while [ ! -s "$top/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  export DISPLAY=":$(cat "$top/display")"
  dbus-run-session -- "$0" "$@" || status=$?
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
  # GTK may have started xdg-document-portal, whose FUSE mount outlives the bus.
  if [ -d "$top/runtime/doc" ]; then
    fusermount3 -u -z "$top/runtime/doc" 2>/dev/null || fusermount -u -z "$top/runtime/doc" 2>/dev/null || true
  fi
  rm -rf "$top"
  exit $status
fi

# Inside the session bus: an unlocked keyring with a throw-away password.
eval "$(echo werving-test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
spi_pid=$!
status=0
"$@" || status=$?
kill "$spi_pid" 2>/dev/null || true
pkill -u "$(id -u)" -f "gnome-keyring-daemon.*$WERVING_TEST_TOP" 2>/dev/null || true
exit $status
