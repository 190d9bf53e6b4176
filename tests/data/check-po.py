#!/usr/bin/python3
"""Fails when po/nl.po has an untranslated or fuzzy message, when a file with
translatable strings is missing from po/POTFILES.in, or when POTFILES.in names
a file that does not exist."""
import os
import re
import subprocess
import sys

src = os.environ.get("WERVING_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []

stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull,
                        os.path.join(src, "po", "nl.po")],
                       capture_output=True, text=True)
report = (stats.stdout + stats.stderr).strip()
if stats.returncode != 0 or "untranslated" in report or "fuzzy" in report:
    failures.append("po/nl.po is not complete: " + report)

listed = set()
with open(os.path.join(src, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)
            if not os.path.exists(os.path.join(src, line)):
                failures.append(f"po/POTFILES.in lists {line}, which does not exist")

# portal/ is not listed: the server answers in English; its messages are not
# part of the app.
marker = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(|translatable="yes"|<_|gettext-domain=')
candidates = subprocess.run(["git", "-C", src, "ls-files", "--cached", "--others", "--exclude-standard",
                             "src", "data"],
                            capture_output=True, text=True).stdout.split()
for path in candidates:
    if not re.search(r"\.(c|ui|in|xml)$", path) or path.startswith("data/ui/werving.gresource"):
        continue
    try:
        text = open(os.path.join(src, path), encoding="utf-8").read()
    except (OSError, UnicodeDecodeError):
        continue
    if marker.search(text) and path not in listed:
        failures.append(f"{path} has translatable strings but is missing from po/POTFILES.in")

# The catalogue must also cover the current sources: every msgid xgettext
# finds has to be in nl.po (otherwise a new string would ship untranslated).
pot = subprocess.run(["xgettext", "--from-code=UTF-8", "--keyword=_", "--keyword=N_",
                      "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
                      "--keyword=ngettext:1,2", "-o", "-", "-D", src, "-f",
                      os.path.join(src, "po", "POTFILES.in")],
                     capture_output=True, text=True)
if pot.returncode != 0:
    failures.append("xgettext failed: " + pot.stderr.strip())
else:
    missing = subprocess.run(["msgcmp", "--use-untranslated", os.path.join(src, "po", "nl.po"), "-"],
                             input=pot.stdout, capture_output=True, text=True)
    if missing.returncode != 0:
        failures.append("po/nl.po lacks messages that are in the sources (run tools/po-update.sh):\n" +
                        missing.stderr.strip()[:2000])

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
