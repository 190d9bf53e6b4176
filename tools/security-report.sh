#!/bin/sh
# Runs the reliability and security checks of issue 8 and regenerates
# docs/security-report.md from what they record:
#   - meson test --suite security (hostile clients, sqlmap, crash safety, load)
#   - the client's tests test-hostile-server and test-privacy (suite core),
#     and test-hostile-server once under valgrind
#   - tools/sanitize.sh (core, portal, cvs and api suites under ASan+UBSan)
# The privacy and keyring tests need a session bus and a keyring: outside
# tools/test-env.sh this script runs those steps inside it.
#   - meson test --suite fuzz (short libFuzzer runs; needs clang)
#
#   tools/security-report.sh            (build folders _build-sec, _build-asan, _build-fuzz)
#   WERVING_REPORT_SKIP="sanitizers fuzz valgrind" tools/security-report.sh
# Exits non-zero when any part failed; the report says which.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src"
build=${WERVING_SEC_BUILD:-_build-sec}
asan_build=${WERVING_ASAN_BUILD:-_build-asan}
fuzz_build=${WERVING_FUZZ_BUILD:-_build-fuzz}
skip=${WERVING_REPORT_SKIP:-}
results="$src/$build/meson-logs/security"
status=0

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dwerror=true -Dapp=false || exit 1
fi
ninja -C "$build" || exit 1
rm -rf "$results"
mkdir -p "$results"

started=$(date +%s)
meson test -C "$build" --suite security --no-suite sanitizers --print-errorlogs --num-processes "$(nproc)" || status=1
echo "{\"seconds\": $(( $(date +%s) - started ))}" > "$results/_security-time.json"

envwrap=""
[ -n "${WERVING_TEST_ENV_INNER:-}" ] || envwrap="$src/tools/test-env.sh"

# The client half: the core against a hostile fake portal, and privacy.
started=$(date +%s)
# shellcheck disable=SC2086
$envwrap meson test -C "$build" --print-errorlogs test-hostile-server test-privacy \
  > "$results/_client.log" 2>&1 || status=1
/usr/bin/python3 - "$results" "$src/$build" "$(( $(date +%s) - started ))" <<'PY'
import json, os, re, sys
results, build, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
tests = []
for line in open(os.path.join(build, "meson-logs", "testlog.json"), encoding="utf-8"):
    if not line.strip():
        continue
    t = json.loads(line)
    cases = [{"path": m.group(3), "result": "passed" if not m.group(1) else "FAILED",
              "skipped": bool(m.group(4))}
             for m in re.finditer(r"^(not )?ok (\d+) (\S+)( # SKIP.*)?$", t.get("stdout") or "", re.M)]
    tests.append({"name": t["name"], "result": t["result"], "seconds": round(t.get("duration", 0), 1),
                  "cases": cases})
json.dump({"seconds": seconds, "tests": tests}, open(os.path.join(results, "_client.json"), "w"))
PY

case " $skip " in
  *" valgrind "*) ;;
  *)
    started=$(date +%s)
    vg=0
    WERVING_SOURCE_DIR="$src" G_SLICE=always-malloc G_DEBUG=gc-friendly \
      valgrind --trace-children=yes --leak-check=full --show-leak-kinds=definite,indirect \
      --errors-for-leak-kinds=definite,indirect --error-exitcode=3 --num-callers=30 \
      --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
      "$build/tests/core/test-hostile-server" > "$results/_valgrind.log" 2>&1 || vg=1
    [ $vg = 0 ] || status=1
    /usr/bin/python3 - "$results" "$vg" "$(( $(date +%s) - started ))" <<'PY'
import json, os, re, sys
results, failed, seconds = sys.argv[1], sys.argv[2] == "1", int(sys.argv[3])
text = open(os.path.join(results, "_valgrind.log"), encoding="utf-8", errors="replace").read()
def total(pattern):
    return sum(int(n.replace(",", "")) for n in re.findall(pattern, text))
json.dump({"failed": failed, "seconds": seconds,
           "processes": len(re.findall(r"ERROR SUMMARY", text)),
           "errors": total(r"ERROR SUMMARY: ([\d,]+) errors"),
           "definitely": total(r"definitely lost: ([\d,]+) bytes"),
           "indirectly": total(r"indirectly lost: ([\d,]+) bytes"),
           "cases": len(re.findall(r"^ok \d+ ", text, re.M))},
          open(os.path.join(results, "_valgrind.json"), "w"))
PY
    ;;
esac

case " $skip " in
  *" sanitizers "*) ;;
  *)
    started=$(date +%s)
    san=0
    # shellcheck disable=SC2086
    $envwrap sh tools/sanitize.sh "$src/$asan_build" > "$results/_sanitize.log" 2>&1 || san=1
    tail -n 5 "$results/_sanitize.log"
    [ $san = 0 ] || status=1
    /usr/bin/python3 - "$results" "$san" "$(( $(date +%s) - started ))" "$src/$asan_build" <<'PY'
import json, os, sys
results, failed, seconds, asan = sys.argv[1], sys.argv[2] == "1", int(sys.argv[3]), sys.argv[4]
tests = []
log = os.path.join(asan, "meson-logs", "testlog.json")
if os.path.exists(log):
    for line in open(log, encoding="utf-8"):
        if line.strip():
            t = json.loads(line)
            tests.append((t["name"], t["result"]))
json.dump({"failed": failed, "seconds": seconds, "tests": tests}, open(os.path.join(results, "_sanitizers.json"), "w"))
PY
    ;;
esac

case " $skip " in
  *" fuzz "*) ;;
  *)
    if command -v clang >/dev/null 2>&1; then
      if [ ! -f "$fuzz_build/build.ninja" ]; then
        CC=clang meson setup "$fuzz_build" -Dfuzzing=true -Dapp=false -Dbench=false -Dtests=false || status=1
      fi
      fz=0
      ninja -C "$fuzz_build" && meson test -C "$fuzz_build" --suite fuzz --print-errorlogs > "$results/_fuzz.log" 2>&1 || fz=1
      [ $fz = 0 ] || status=1
      /usr/bin/python3 - "$results" "$src/$fuzz_build" <<'PY'
import json, os, re, sys
results, fuzz = sys.argv[1], sys.argv[2]
out = []
log = os.path.join(fuzz, "meson-logs", "testlog.json")
if os.path.exists(log):
    for line in open(log, encoding="utf-8"):
        if not line.strip():
            continue
        t = json.loads(line)
        text = (t.get("stdout") or "") + (t.get("stderr") or "")
        runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
        out.append({"name": t["name"], "result": t["result"], "runs": int(runs[-1]) if runs else 0,
                    "seconds": round(t.get("duration", 0))})
json.dump(out, open(os.path.join(results, "_fuzz.json"), "w"))
PY
    else
      echo "security-report: clang is missing, the fuzz targets were not run" >&2
      status=1
    fi
    ;;
esac

/usr/bin/python3 "$src/tests/security/write_report.py" "$results" "$src/docs/security-report.md" || status=1
echo "security-report: wrote docs/security-report.md"
exit $status
