#!/bin/sh
# Regenerates po/werving.pot from the sources and merges it into po/nl.po.
# Translate the new entries afterwards; the 'data' suite fails while any is
# untranslated or fuzzy.
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
[ -d "$build" ] || meson setup "$build" >/dev/null
ninja -C "$build" werving-pot >/dev/null
msgmerge --quiet --update --backup=none --no-fuzzy-matching po/nl.po po/werving.pot
rm -f po/werving.pot
msgfmt --check --statistics -o /dev/null po/nl.po
