"""Load: wrk on loopback against CV search and thread messages with many
concurrent connections for a bounded time. Every answer must be 2xx (a 429
would be a deliberate quota answer and is counted apart), and the server's
resident memory must stay flat: measured after a warm-up and after the runs.
Prints requests/s. wrk is Debian's package 'wrk'."""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import secutil  # noqa: E402
from secutil import w  # noqa: E402

SECONDS = int(os.environ.get("WERVING_LOAD_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("WERVING_LOAD_CONNECTIONS", "50"))
# Growth of VmRSS allowed over two full runs after the warm-up. SQLite's page
# cache (2 MiB default per connection) and malloc arenas settle in the
# warm-up; a per-request leak of even 100 bytes would exceed this.
RSS_GROWTH_LIMIT_KIB = 16 * 1024

LUA = r"""
local threads = {}
local paths = {}
for p in string.gmatch(os.getenv("WERVING_PATHS"), "[^ ]+") do table.insert(paths, p) end
local method = os.getenv("WERVING_METHOD")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("WERVING_TOKEN")
wrk.headers["Content-Type"] = "application/json"

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  n = 0
end

function request()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  if method == "POST" then
    return wrk.format("POST", path, nil, string.format('{"body":"Belasting %d"}', n))
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for s, c in pairs(t:get("counts")) do total[s] = (total[s] or 0) + c end
  end
  for s, c in pairs(total) do io.write(string.format("STATUS %d %d\n", s, c)) end
  io.write(string.format("P99_US %d\n", latency:percentile(99)))
end
"""


class LoadTest(w.PortalTestCase):
    portal_args = {"cvs": 5000, "cv_view_quota": 100, "contact_quota": 100}

    @classmethod
    def setUpClass(cls):
        cls.wrk = shutil.which("wrk")
        super().setUpClass()

    def run_wrk(self, token, method, paths, seconds):
        if self.wrk is None:
            self.fail("wrk is not installed (Debian package 'wrk'); it is needed for the load test")
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
            f.write(LUA)
            script = f.name
        try:
            env = dict(os.environ, WERVING_TOKEN=token, WERVING_METHOD=method, WERVING_PATHS=" ".join(paths))
            out = subprocess.run([self.wrk, "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--timeout", "10s",
                                  "-s", script, f"http://127.0.0.1:{self.portal.port}{paths[0]}"],
                                 capture_output=True, text=True, env=env, timeout=seconds + 60)
        finally:
            os.unlink(script)
        self.assertEqual(out.returncode, 0, out.stderr)
        text = out.stdout
        statuses = {int(s): int(c) for s, c in re.findall(r"^STATUS (\d+) (\d+)$", text, re.M)}
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
        errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
        socket_errors = sum(int(x) for x in errors.groups()) if errors else 0
        p99 = int(re.search(r"^P99_US (\d+)$", text, re.M).group(1))
        return statuses, rps, socket_errors, p99, text

    def test_search_and_messages_under_load(self):
        acc = self.register_org(verified=True)
        c = self.client(acc)
        v = self.active_vacancy(c)
        cv_ids, _ = self.search_ids(c, limit=2)
        r = c.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_ids[0], "body": "Start"})
        self.assertEqual(r.status, 201, r)
        thread_path = f"/v1/threads/{r.json['id']}/messages"
        search_paths = ["/v1/cvs?q=monteur&limit=20", "/v1/cvs?place=Utrecht&radius_km=25&limit=20",
                        "/v1/cvs?skills=Excel&sort=recent&limit=50", "/v1/cvs?education_min=mbo-4&hours_min=24",
                        "/v1/cvs?q=verpleegkundige&place=Amsterdam&limit=10", "/v1/cvs?languages=nl,en&limit=100"]
        pid = self.portal.proc.pid
        fds_before = len(os.listdir(f"/proc/{pid}/fd"))
        # Warm-up: caches, arenas and the connection pool settle.
        self.run_wrk(acc.token, "GET", search_paths, 2)
        warm = self.run_wrk(acc.token, "POST", [thread_path], 2)[0]
        acked = sum(n for s, n in warm.items() if 200 <= s < 300)
        rss_before = secutil.rss_kib(pid)
        results = {}
        for name, method, paths in (("search", "GET", search_paths), ("messages", "POST", [thread_path])):
            statuses, rps, socket_errors, p99, text = self.run_wrk(acc.token, method, paths, SECONDS)
            print(f"load {name}: {rps:.0f} requests/s, p99 {p99 / 1000:.1f} ms, statuses {statuses}", flush=True)
            ok = sum(n for s, n in statuses.items() if 200 <= s < 300)
            bad = {s: n for s, n in statuses.items() if not (200 <= s < 300) and s != 429}
            self.assertEqual(bad, {}, f"{name}: non-2xx answers under load:\n{text}")
            self.assertEqual(socket_errors, 0, f"{name}: socket errors under load:\n{text}")
            self.assertGreater(ok, SECONDS * 50, f"{name}: implausibly few answers:\n{text}")
            results[name] = (rps, p99, ok, statuses.get(429, 0))
        rss_after = secutil.rss_kib(pid)
        growth = rss_after - rss_before
        fds_after = len(os.listdir(f"/proc/{pid}/fd"))
        print(f"load: VmRSS {rss_before} KiB -> {rss_after} KiB (+{growth} KiB); "
              f"open fds {fds_before} -> {fds_after}", flush=True)
        self.assertLess(growth, RSS_GROWTH_LIMIT_KIB, f"the server grew by {growth} KiB under load")
        self.assertTrue(secutil.health_ok(self.portal.port))
        # Every message acknowledged under load is there; at most the ones
        # still in flight when wrk stopped come on top.
        acked += results["messages"][2]
        total = c.get(thread_path, query={"limit": 1}).json["total"]
        self.assertGreaterEqual(total, 1 + acked, "messages acknowledged under load are missing")
        self.assertLessEqual(total, 1 + acked + 2 * CONNECTIONS, "more messages stored than were sent")
        for name, (rps, p99, ok, r429) in results.items():
            secutil.record("Load", f"wrk {CONNECTIONS} connections x {SECONDS} s on "
                           f"{'GET /v1/cvs (6 searches)' if name == 'search' else 'POST /v1/threads/{id}/messages'}",
                           ok, f"{rps:.0f} requests/s, p99 {p99 / 1000:.1f} ms, {ok} x 2xx, {r429} x 429, "
                           "0 errors")
        secutil.record("Load", "server memory across both runs (after a 4 s warm-up)", 1,
                       f"VmRSS +{growth} KiB (limit {RSS_GROWTH_LIMIT_KIB} KiB); open fds {fds_before} -> "
                       f"{fds_after} (libsoup 3.2 keeps the socket of each closed keep-alive connection)")


if __name__ == "__main__":
    secutil.main()
