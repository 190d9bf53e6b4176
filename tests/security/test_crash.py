"""Crash safety: kill -9 a werving-portal while acknowledged writes are in
flight, restart it on the same database, and check that SQLite's
integrity_check is ok and every write the server acknowledged (2xx) is
there. Bounded: ITERATIONS rounds, each killed at a random moment."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import secutil  # noqa: E402
from secutil import w  # noqa: E402

ITERATIONS = int(os.environ.get("WERVING_CRASH_ITERATIONS", "20"))
WRITERS = 4


class CrashTest(w.PortalTestCase):
    portal_args = {"cvs": 200, "cv_view_quota": 100000, "contact_quota": 100000}

    def test_kill_9_during_writes(self):
        acc = self.register_org(verified=True)
        email, password = acc.email, acc.password
        c = self.client(acc)
        v = self.active_vacancy(c)
        cv_ids, _ = self.search_ids(c, limit=3)
        r = c.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_ids[0], "body": "Begin"})
        self.assertEqual(r.status, 201, r)
        thread_id = r.json["id"]
        acked_vacancies = {}  # id -> title
        acked_messages = {}   # id -> body
        attempts = failures = 0
        rng = random.Random(int(os.environ.get("WERVING_CRASH_SEED", "8")))
        lock = threading.Lock()

        for round_ in range(ITERATIONS):
            token = self.sign_in(email, password)["access_token"]
            client = self.api.with_token(token)
            stop = threading.Event()

            def writer(k):
                nonlocal attempts, failures
                i = 0
                while not stop.is_set():
                    i += 1
                    text = f"r{round_}-w{k}-{i}-{uuid.uuid4().hex[:8]}"
                    try:
                        if i % 2:
                            resp = client.post("/v1/vacancies", {"title": "Crash " + text}, check=False)
                            if 200 <= resp.status < 300:
                                with lock:
                                    acked_vacancies[resp.json["id"]] = "Crash " + text
                        else:
                            resp = client.post(f"/v1/threads/{thread_id}/messages", {"body": text}, check=False)
                            if 200 <= resp.status < 300:
                                with lock:
                                    acked_messages[resp.json["id"]] = text
                        with lock:
                            attempts += 1
                    except (OSError, w.ConformanceError, ValueError, TypeError):
                        with lock:
                            failures += 1  # the connection died with the server: not acknowledged
                        if stop.is_set():
                            return
                        time.sleep(0.01)

            threads = [threading.Thread(target=writer, args=(k,)) for k in range(WRITERS)]
            for t in threads:
                t.start()
            time.sleep(rng.uniform(0.05, 0.6))
            os.kill(self.portal.proc.pid, signal.SIGKILL)
            stop.set()
            for t in threads:
                t.join(30)
            self.portal.proc.wait(10)
            # Between runs, check the file itself while no server has it open.
            with sqlite3.connect(self.portal.db) as db:
                self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok",
                                 f"round {round_}: the database is corrupt after kill -9")
            self._start_again()

        token = self.sign_in(email, password)["access_token"]
        client = self.api.with_token(token)
        with sqlite3.connect(self.portal.db) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            self.assertEqual(db.execute("PRAGMA foreign_key_check").fetchall(), [])
        missing_v = [vid for vid, title in acked_vacancies.items()
                     if (r := client.get(f"/v1/vacancies/{vid}")).status != 200 or r.json["title"] != title]
        self.assertEqual(missing_v, [], f"acknowledged vacancies lost: {missing_v[:10]}")
        bodies, cursor = {}, None
        while True:
            q = {"limit": 100}
            if cursor:
                q["cursor"] = cursor
            r = client.get(f"/v1/threads/{thread_id}/messages", query=q)
            self.assertEqual(r.status, 200, r)
            bodies.update({m["id"]: m["body"] for m in r.json["items"]})
            cursor = r.json["next_cursor"]
            if not cursor:
                break
        missing_m = [mid for mid, body in acked_messages.items() if bodies.get(mid) != body]
        self.assertEqual(missing_m, [], f"acknowledged messages lost: {missing_m[:10]}")
        self.assertGreater(len(acked_vacancies) + len(acked_messages), ITERATIONS * 5,
                           "too few writes were acknowledged for the test to mean anything")
        secutil.record("Crash safety", f"kill -9 at a random moment during {WRITERS} concurrent writers, "
                       f"{ITERATIONS} rounds, restart on the same database",
                       ITERATIONS,
                       f"integrity_check ok every round; all {len(acked_vacancies)} acknowledged vacancies and "
                       f"{len(acked_messages)} acknowledged messages present ({failures} requests cut off)")

    def _start_again(self):
        self.portal._log.close()
        self.portal._log = open(self.portal.log_path, "ab")
        args = [a for a in self.portal.args if a != "--demo"]
        self.portal.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.portal._log,
                                            stdin=subprocess.DEVNULL)
        self.portal.port = self.portal._wait_listening(deadline=time.monotonic() + 60)
        threading.Thread(target=self.portal._drain, daemon=True).start()
        self.api = w.Client(self.portal.port)


if __name__ == "__main__":
    secutil.main()
