"""Shared helpers of the security suite (suite 'security').

Reuses tests/api/werving_api.py for starting a real werving-portal and for a
client whose answers are checked against portal/openapi.yaml, and adds:

- Findings: every attack a test tries is recorded with its count and the
  test's outcome in $WERVING_BUILD_DIR/meson-logs/security/<file>.json, so
  tools/security-report.sh can write docs/security-report.md from the run.
- raw_http(): a raw socket request, for bytes http.client will not send.
- rss_kib(): a process's resident memory from /proc/PID/status.

Only the Python standard library (plus what werving_api.py needs).
"""

import json
import os
import socket
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("WERVING_SOURCE_DIR") or os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "api"))

import werving_api as w  # noqa: E402,F401

BUILD_DIR = os.environ.get("WERVING_BUILD_DIR") or os.getcwd()
RESULTS_DIR = os.path.join(BUILD_DIR, "meson-logs", "security")

_findings = []  # dicts: area, attack, count, detail, test


def record(area, attack, count, detail=""):
    """Notes one kind of attack or fault tried by the running test. Its
    result is the outcome of the test that recorded it."""
    _findings.append({"area": area, "attack": attack, "count": int(count), "detail": detail,
                      "test": _current_test[0]})


_current_test = [None]


class _Result(unittest.TextTestResult):
    outcomes = {}

    def startTest(self, test):
        _current_test[0] = test.id()
        super().startTest(test)

    def addSuccess(self, test):
        self.outcomes[test.id()] = "passed"
        super().addSuccess(test)

    def addFailure(self, test, err):
        self.outcomes[test.id()] = "FAILED"
        super().addFailure(test, err)

    def addError(self, test, err):
        self.outcomes[test.id()] = "FAILED"
        super().addError(test, err)

    def addSkip(self, test, reason):
        self.outcomes[test.id()] = "skipped"
        super().addSkip(test, reason)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self.outcomes[test.id()] = "FAILED"
        super().addSubTest(test, subtest, err)


def main():
    """unittest.main() that also writes the findings of this file."""
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    runner = unittest.TextTestRunner(verbosity=2, resultclass=_Result)
    prog = unittest.main(testRunner=runner, exit=False)
    outcomes = _Result.outcomes
    for f in _findings:
        outcome = outcomes.get(f["test"], "FAILED")
        # A subtest failure marks the whole test.
        f["result"] = outcome
    os.makedirs(RESULTS_DIR, exist_ok=True)
    with open(os.path.join(RESULTS_DIR, name + ".json"), "w", encoding="utf-8") as out:
        json.dump({"file": name, "findings": _findings,
                   "tests": outcomes, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
                  out, indent=1)
    sys.exit(0 if prog.result.wasSuccessful() else 1)


def raw_http(port, data, timeout=10.0, read_limit=1 << 20, half_close=True):
    """Sends raw bytes and returns (status or None, raw answer bytes),
    reading until the server closes, the answer is complete or timeout."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(data)
            if half_close:
                s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        answer = b""
        try:
            while len(answer) < read_limit:
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
                if _complete(answer):
                    break
        except (ConnectionResetError, socket.timeout):
            pass
    status = None
    if answer.startswith(b"HTTP/1."):
        try:
            status = int(answer.split(b" ", 2)[1])
        except (IndexError, ValueError):
            status = None
    return status, answer


def _complete(answer):
    """One whole answer: libsoup 3.2 keeps a keep-alive connection open
    after the client's half-close, so do not wait for the close."""
    end = answer.find(b"\r\n\r\n")
    if end < 0:
        return False
    head = answer[:end].lower()
    at = head.find(b"\r\ncontent-length:")
    if at < 0:
        return True
    length = int(head[at + 17:].split(b"\r\n", 1)[0].strip() or b"0")
    return len(answer) - end - 4 >= length


def rss_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def portal_alive(portal):
    return portal.proc.poll() is None


def health_ok(port):
    status, _ = raw_http(port, b"GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    return status == 200
