#!/bin/sh
# Installs what is missing, builds with warnings as errors and runs every test
# suite in a private environment (Xvfb, session bus, unlocked keyring).
# Extra arguments go to `meson test` (for example `--suite core`).
# Ends with one line: "N passed, N failed, N skipped".
set -eu
cd "$(dirname "$0")/.."
./tools/deps.sh
./tools/build.sh
build=${WERVING_BUILD:-_build}

status=0
./tools/test-env.sh meson test -C "$build" --print-errorlogs \
  --num-processes "$(nproc)" "$@" || status=$?

/usr/bin/python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    result = json.loads(line).get("result")
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
