#!/bin/sh
# Extracts the messages of every file in po/POTFILES.in and merges them into
# po/nl.po. Translate the new entries afterwards; the 'data' suite fails while
# any is untranslated or fuzzy.
set -eu
cd "$(dirname "$0")/.."
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
xgettext --package-name=werving --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --flag=g_strdup_printf:1:c-format \
  --flag=g_dngettext:2:pass-c-format --its=/usr/share/gettext/its/gtkbuilder.its \
  -D . -f po/POTFILES.in -o "$pot" 2>/dev/null || \
xgettext --package-name=werving --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --flag=g_strdup_printf:1:c-format \
  -D . -f po/POTFILES.in -o "$pot"
msgmerge --quiet --update --backup=none --no-fuzzy-matching po/nl.po "$pot"
msgattrib --no-obsolete -o po/nl.po po/nl.po
msgfmt --check --statistics -o /dev/null po/nl.po
