"""A bounded sqlmap run (Debian package 'sqlmap') against a local
werving-portal: the CV search's parameters and a vacancy id in the path,
signed in with the bearer header, --level 2 --risk 1, backend SQLite. It
must find no injection. Without sqlmap the test fails: install it."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import secutil  # noqa: E402
from secutil import w  # noqa: E402

BUDGET_SECONDS = 240  # per target; a normal run takes far less


class SqlmapTest(w.PortalTestCase):
    portal_args = {"cvs": 300, "cv_view_quota": 100000, "contact_quota": 100}

    def sqlmap(self, url, token, params=None):
        exe = shutil.which("sqlmap")
        if exe is None:
            self.fail("sqlmap is not installed: apt-get install sqlmap (Debian package 'sqlmap')")
        out_dir = tempfile.mkdtemp(prefix="werving-sqlmap-")
        args = [exe, "-u", url, "--batch", "--level=2", "--risk=1", "--dbms=SQLite", "--time-sec=2",
                "--threads=4", "--flush-session", "--disable-coloring", "--output-dir", out_dir,
                "--headers", f"Authorization: Bearer {token}", "--ignore-code=400,422"]
        if params:
            args += ["-p", params]
        started = time.monotonic()
        try:
            run = subprocess.run(args, capture_output=True, text=True, timeout=BUDGET_SECONDS,
                                 env=dict(os.environ, HOME=out_dir))
        except subprocess.TimeoutExpired as e:
            self.fail(f"sqlmap took more than {BUDGET_SECONDS} s on {url}: {(e.stdout or '')[-2000:]}")
        finally:
            shutil.rmtree(out_dir, ignore_errors=True)
        return run, time.monotonic() - started

    def assertNoInjection(self, run, url):
        text = run.stdout + run.stderr
        self.assertNotIn("identified the following injection point", text, f"sqlmap found an injection in {url}")
        self.assertNotRegex(text, r"parameter '[^']+' (is|appears to be) .*injectable(?! )",
                            f"sqlmap found an injectable parameter in {url}:\n{text[-3000:]}")
        self.assertRegex(text, r"(all tested parameters do not appear to be injectable|"
                               r"do not appear to be injectable)",
                         f"sqlmap did not finish its tests of {url}:\n{text[-3000:]}")

    def test_sqlmap_finds_no_injection(self):
        acc = self.register_org(verified=True)
        c = self.client(acc)
        v = self.draft(c, title="Vacature voor sqlmap")
        targets = [
            (f"http://127.0.0.1:{self.portal.port}/v1/cvs?q=monteur&place=Utrecht&skills=Excel&sort=recent&limit=5",
             "q,place,skills,sort,limit"),
            (f"http://127.0.0.1:{self.portal.port}/v1/vacancies/{v['id']}*", None),
        ]
        for url, params in targets:
            with self.subTest(url=url):
                run, seconds = self.sqlmap(url, acc.token, params)
                print(f"sqlmap {url}: {seconds:.0f} s", flush=True)
                self.assertNoInjection(run, url)
                requests = run.stdout.count("[INFO] testing ")
                secutil.record("SQL injection", f"sqlmap --level 2 --risk 1 (SQLite, bearer header) on "
                               f"{url.split(str(self.portal.port))[1]}", max(requests, 1),
                               f"no injectable parameter ({seconds:.0f} s; count = sqlmap test groups)")
        self.assertTrue(secutil.health_ok(self.portal.port))
        self.assertEqual(c.get(f"/v1/vacancies/{v['id']}").json["title"], "Vacature voor sqlmap")


if __name__ == "__main__":
    secutil.main()
