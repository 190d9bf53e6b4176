#!/bin/sh
# Installs what is missing, builds, starts a local werving-portal with demo data
# on a free loopback port, and starts Werving against it. Extra arguments go to
# the app. The portal and its throw-away database go away when the app quits.
set -eu
cd "$(dirname "$0")/.."
./tools/deps.sh
./tools/build.sh
build=${WERVING_BUILD:-_build}

export GSETTINGS_SCHEMA_DIR="$PWD/$build/data"
export WERVING_LOCALEDIR="$PWD/$build/po"

workdir=$(mktemp -d "${TMPDIR:-/tmp}/werving-demo.XXXXXX")
portal_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

mkfifo "$workdir/ready"
"$build/portal/werving-portal" --demo --port 0 --db "$workdir/demo.db" \
  --cvs "${WERVING_DEMO_CVS:-20000}" >"$workdir/ready" 2>"$workdir/portal.log" &
portal_pid=$!
url=""
if read -r line <"$workdir/ready"; then
  url=${line#listening on }
fi
if [ -z "$url" ]; then
  echo "werving-portal did not start; its log:" >&2
  cat "$workdir/portal.log" >&2
  exit 1
fi
echo "Demo portal: $url" >&2
echo "  organisation: demo@werving.test / werving-demo-1" >&2
echo "  jobseeker:    jobseeker@werving.test / werving-demo-1" >&2
"$build/src/werving" --portal "$url" "$@"
