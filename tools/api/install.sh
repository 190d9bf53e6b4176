#!/bin/sh
# Installs the API tools (the OpenAPI linter, @redocly/cli) from the npm
# registry into a cache folder keyed by the hash of package-lock.json:
#   /var/tmp/werving-npm/<sha256 of the lock>/node_modules
# A no-op when that cache is already complete. Prints the folder holding the
# tools' executables (node_modules/.bin) as the last line of stdout; all
# progress goes to stderr. Fails with a clear message when npm or the
# network is missing. node_modules is never written into the source tree.
#   tools/api/install.sh            -> /var/tmp/werving-npm/<hash>/node_modules/.bin
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=${WERVING_NPM_CACHE:-/var/tmp/werving-npm}

fail () {
  echo "tools/api/install.sh: $*" >&2
  exit 1
}

command -v node >/dev/null 2>&1 || fail "node is not installed (tools/deps.sh installs it)"
command -v npm >/dev/null 2>&1 || fail "npm is not installed (tools/deps.sh installs it)"

# @redocly/cli 1.34 runs on Debian 12's own Node.js 18.19 as well as newer.
node -e '
  const [maj, min] = process.versions.node.split(".").map(Number);
  process.exit(maj > 18 || (maj === 18 && min >= 17) ? 0 : 1);
' || fail "Node.js $(node --version) is too old for @redocly/cli; need >= 18.17"

if [ -f "$here/package-lock.json" ]; then
  key=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)
else
  key=nolock-$(sha256sum < "$here/package.json" | cut -c1-16)
fi
dir="$root/$key"
stamp="$dir/.complete"

if [ -f "$stamp" ] && [ -x "$dir/node_modules/.bin/redocly" ]; then
  echo "$dir/node_modules/.bin"
  exit 0
fi

mkdir -p "$root"
tmp=$(mktemp -d "$root/.install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cp "$here/package.json" "$tmp/"
[ -f "$here/package-lock.json" ] && cp "$here/package-lock.json" "$tmp/"

echo "tools/api/install.sh: installing API tools into $dir" >&2
if [ -f "$tmp/package-lock.json" ]; then
  cmd="ci"
else
  cmd="install"
fi
if ! (cd "$tmp" && npm "$cmd" --no-audit --no-fund --loglevel=error \
        --cache "$root/.npm-cache" >&2); then
  fail "'npm $cmd' failed: is the npm registry reachable? (the API linter cannot run without it)"
fi
[ -x "$tmp/node_modules/.bin/redocly" ] || fail "npm $cmd finished but node_modules/.bin/redocly is missing"
touch "$tmp/.complete"

# Publish atomically; a concurrent install of the same key may have won.
if ! mv -T "$tmp" "$dir" 2>/dev/null; then
  [ -f "$stamp" ] || { rm -rf "$dir"; mv -T "$tmp" "$dir"; }
fi
trap - EXIT INT TERM
rm -rf "$tmp"
echo "$dir/node_modules/.bin"
