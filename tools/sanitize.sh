#!/bin/sh
# Builds Werving with AddressSanitizer + UndefinedBehaviorSanitizer (gcc) and
# runs the core library's and the portal's test suites under it. Passes only
# when every test passes AND no sanitizer wrote a report: ASan, LSan (leaks
# at exit) and UBSan all log to files, so a report from a werving-portal
# started by a Python test fails the run too, not only one from a test
# program.
#
#   tools/sanitize.sh [BUILD_DIR]        (default: _build-asan)
#   WERVING_SANITIZE_SUITES="portal cvs" tools/sanitize.sh   (default: core portal cvs api)
#
# The core suite's keyring and privacy tests need a session bus and a
# keyring: run this inside tools/test-env.sh (the 'sanitizers' meson test is,
# through the README's test command); without them those two tests skip.
#
# The leak suppressions (tests/security/lsan.supp) cover only allocations
# inside GLib, libsoup and libsecret; each is commented there.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/_build-asan}
suites=${WERVING_SANITIZE_SUITES:-core portal cvs api}
started=$(date +%s)

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dapp=false -Dbench=false -Dfuzzing=false
fi
ninja -C "$build"

logdir="$build/meson-logs/sanitizers"
rm -rf "$logdir"
mkdir -p "$logdir"

# GSlice would hide heap errors and leaks behind its own allocator.
export G_SLICE=always-malloc
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:print_stacktrace=1:fast_unwind_on_malloc=0:malloc_context_size=30:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$logdir/asan:suppressions=$src/tests/security/asan.supp"
export LSAN_OPTIONS="suppressions=$src/tests/security/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logdir/ubsan:suppressions=$src/tests/security/ubsan.supp"

suite_args=""
for s in $suites; do
  suite_args="$suite_args --suite $s"
done

status=0
# shellcheck disable=SC2086
meson test -C "$build" --print-errorlogs --num-processes "$(nproc)" \
  --timeout-multiplier 3 $suite_args || status=$?

reports=$(find "$logdir" -type f | sort)
if [ -n "$reports" ]; then
  echo "sanitize: sanitizer reports were written:" >&2
  for f in $reports; do
    echo "==== $f" >&2
    head -n 60 "$f" >&2
  done
  status=1
fi

elapsed=$(( $(date +%s) - started ))
if [ "$status" = 0 ]; then
  echo "sanitize: suites [$suites] passed under ASan+UBSan with no report (${elapsed} s)"
else
  echo "sanitize: FAILED (suites [$suites], ${elapsed} s)" >&2
fi
exit $status
