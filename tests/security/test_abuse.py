"""Abuse by signed-in and anonymous clients of a real werving-portal: other
organisations' ids on every id route (object-level authorisation), tokens
reused after sign-out and refresh, brute-force sign-in, and a scraper that
pages through search and opens CVs as fast as it can from many connections
at once (R4: stopped at the quota, nothing beyond it returned)."""

import concurrent.futures
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import secutil  # noqa: E402
from secutil import w  # noqa: E402

VIEW_QUOTA = 40


class AbuseTest(w.PortalTestCase):
    portal_args = {"cvs": 1500, "cv_view_quota": VIEW_QUOTA, "contact_quota": 50}

    def test_other_organisations_ids_on_every_route(self):
        a_acc = self.register_org(name="Eigenaar A B.V.", verified=True)
        b_acc = self.register_org(name="Indringer B B.V.", verified=True)
        a, b = self.client(a_acc), self.client(b_acc)
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        v = self.active_vacancy(a, title="Van A")
        closed = self.active_vacancy(a, title="Gesloten van A")
        self.assertEqual(a.post(f"/v1/vacancies/{closed['id']}/close").status, 200)
        d = self.draft(a, title="Concept van A")
        own_cv = js.get("/v1/me/cv").json["id"]
        r = a.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": own_cv, "body": "Van A aan de werkzoekende"})
        self.assertEqual(r.status, 201, r)
        t = r.json["id"]
        future = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
        cv_ids, _ = self.search_ids(b, limit=2)
        routes = [
            ("GET", f"/v1/vacancies/{v['id']}", None), ("PATCH", f"/v1/vacancies/{v['id']}", {"title": "Gekaapt"}),
            ("PATCH", f"/v1/vacancies/{d['id']}", {"title": "Gekaapt"}), ("DELETE", f"/v1/vacancies/{d['id']}", None),
            ("POST", f"/v1/vacancies/{d['id']}/publish", None), ("POST", f"/v1/vacancies/{v['id']}/close", None),
            ("POST", f"/v1/vacancies/{closed['id']}/renew", {"closing_date": future}),
            ("GET", f"/v1/vacancies/{v['id']}/matches", None),
            ("GET", f"/v1/threads/{t}", None), ("GET", f"/v1/threads/{t}/messages", None),
            ("POST", f"/v1/threads/{t}/messages", {"body": "Van B"}), ("POST", f"/v1/threads/{t}/read", None),
            # B contacting a CV about A's vacancy.
            ("POST", "/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_ids[0], "body": "Via A"}),
        ]
        n = 0
        for method, path, body in routes:
            with self.subTest(route=f"{method} {path}"):
                kw = {"body": body} if body is not None else {}
                r = b.request(method, path, **kw)
                n += 1
                self.assertIn(r.status, (404,), f"B reached A's object: {r}")
                self.assertNotIn("Van A", r.text)
        # Ids that do not exist answer exactly like A's (no existence oracle).
        for method, path, body in routes[:3]:
            missing = path.replace(str(v["id"]), "987654321").replace(str(d["id"]), "987654321")
            r1 = b.request(method, path, **({"body": body} if body else {}))
            r2 = b.request(method, missing, **({"body": body} if body else {}))
            self.assertEqual((r1.status, r1.json.get("detail")), (r2.status, r2.json.get("detail")))
            n += 2
        # A jobseeker on organisation routes and another jobseeker's thread.
        other_js = self.client(self.register_org(verified=True))  # an org, as the "wrong kind"
        for method, path, body in (("GET", f"/v1/vacancies/{v['id']}", None), ("GET", "/v1/cvs", None),
                                   ("GET", f"/v1/cvs/{cv_ids[0]}", None), ("POST", "/v1/threads",
                                   {"vacancy_id": v["id"], "cv_id": own_cv, "body": "x"})):
            with self.subTest(jobseeker=f"{method} {path}"):
                r = js.request(method, path, **({"body": body} if body else {}))
                n += 1
                self.assertEqual(r.status, 403, r)
        for method, path, body in (("POST", f"/v1/threads/{t}/reveal", None), ("GET", "/v1/me/cv", None),
                                   ("PATCH", "/v1/me/cv", {"visibility": "open"}), ("GET", "/v1/me/cv/views", None)):
            with self.subTest(organisation=f"{method} {path}"):
                r = other_js.request(method, path, **({"body": body} if body else {}))
                n += 1
                self.assertEqual(r.status, 403, r)
        # Nothing changed for A.
        self.assertEqual(a.get(f"/v1/vacancies/{v['id']}").json["title"], "Van A")
        self.assertEqual(a.get(f"/v1/vacancies/{v['id']}").json["status"], "active")
        self.assertEqual(a.get(f"/v1/vacancies/{d['id']}").status, 200)
        self.assertEqual([m["body"] for m in a.get(f"/v1/threads/{t}/messages").json["items"]],
                         ["Van A aan de werkzoekende"])
        secutil.record("Authorisation", "another organisation's vacancy, draft, closed vacancy and thread ids "
                       "on every id route; wrong account kind on every guarded route", n,
                       "404 (indistinguishable from a missing id) / 403; nothing changed")

    def test_token_reuse_after_sign_out(self):
        acc = self.register_org(verified=True)
        session = acc.session
        c = self.client(acc)
        self.assertEqual(c.get("/v1/organisations/me").status, 200)
        self.assertEqual(c.delete("/v1/sessions/current").status, 204)
        n = 0
        for method, path in (("GET", "/v1/organisations/me"), ("GET", "/v1/cvs"), ("GET", "/v1/quota"),
                             ("GET", "/v1/vacancies"), ("POST", "/v1/vacancies"), ("DELETE", "/v1/sessions/current")):
            with self.subTest(route=f"{method} {path}"):
                r = c.request(method, path, **({"body": {"title": "Na afmelden"}} if method == "POST" else {}))
                n += 1
                self.assertProblem(r, 401, "unauthenticated")
        r = self.api.post("/v1/sessions/refresh", {"refresh_token": session["refresh_token"]})
        self.assertEqual(r.status, 401, f"the refresh token outlived the sign-out: {r}")
        # Refresh rotation: the old refresh token and the old access token die.
        fresh = self.sign_in(acc.email, acc.password)
        r = self.api.post("/v1/sessions/refresh", {"refresh_token": fresh["refresh_token"]})
        self.assertEqual(r.status, 201, r)
        again = self.api.post("/v1/sessions/refresh", {"refresh_token": fresh["refresh_token"]})
        self.assertEqual(again.status, 401, f"a refresh token worked twice: {again}")
        self.assertEqual(self.api.get("/v1/organisations/me", token=r.json["access_token"]).status, 200)
        # The events channel refuses the dead token too.
        status, _ = secutil.raw_http(self.portal.port, (
            "GET /v1/events HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            f"Authorization: Bearer {session['access_token']}\r\n\r\n").encode())
        self.assertEqual(status, 401)
        n += 4
        secutil.record("Sessions", "access token, refresh token and events upgrade reused after sign-out; "
                       "refresh token reused after rotation", n, "401 every time")

    def test_brute_force_sign_in_is_slowed_down(self):
        acc = self.register_org(verified=True)
        statuses = []
        started = time.monotonic()
        for i in range(12):
            r = self.api.post("/v1/sessions", {"email": acc.email, "password": f"guess-{i:04d}-wrong"})
            statuses.append(r.status)
        elapsed = time.monotonic() - started
        self.assertEqual(statuses[:5], [401] * 5, statuses)
        self.assertEqual(statuses[5:], [429] * 7, f"guesses 6.. must be refused: {statuses}")
        r = self.api.post("/v1/sessions", {"email": acc.email, "password": "guess-x"})
        self.assertIsNotNone(r.header_int("Retry-After"))
        self.assertGreater(r.header_int("Retry-After"), 60)
        # Locked out: even the right password is refused for now, so guessing
        # further teaches nothing. Case and spaces do not open a new budget.
        for email in (acc.email, acc.email.upper(), " " + acc.email):
            r = self.api.post("/v1/sessions", {"email": email, "password": acc.password})
            self.assertIn(r.status, (401, 422, 429), r)
            self.assertNotEqual(r.status, 201, "the lock-out was bypassed")
        # Parallel guessing does not get past the budget either.
        other = self.register_org(verified=True)
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda i: self.api.post("/v1/sessions", {
                "email": other.email, "password": f"parallel-{i}"}).status, range(24)))
        self.assertLessEqual(results.count(401), 5, f"parallel guesses past the budget: {results}")
        self.assertNotIn(201, results)
        secutil.record("Sign-in", f"brute force: 12 sequential guesses ({elapsed:.1f} s), 24 parallel guesses, "
                       "case/space variants of the e-mail", 12 + 24 + 3,
                       "401 x5 then 429 rate-limited with Retry-After; right password refused while locked")

    def test_scraper_stops_at_the_quota(self):
        acc = self.register_org(verified=True)
        c = self.client(acc)
        # Page through search as fast as possible.
        ids, cursor, pages = [], None, 0
        started = time.monotonic()
        while pages < 200:
            q = {"limit": 100, "sort": "recent"}
            if cursor:
                q["cursor"] = cursor
            r = c.get("/v1/cvs", query=q)
            self.assertEqual(r.status, 200, r)
            pages += 1
            ids += [x["id"] for x in r.json["items"]]
            for item in r.json["items"]:
                self.assertNotIn("personalia", item, "R1: search results carry personalia")
                self.assertNotIn("summary", item)
            cursor = r.json["next_cursor"]
            if not cursor:
                break
        paging_s = time.monotonic() - started
        self.assertEqual(len(ids), len(set(ids)), "paging returned a CV twice")
        # Open CVs from 16 connections at once.
        opened, refused, other = [], [], []

        def open_cv(cv_id):
            return cv_id, c.get(f"/v1/cvs/{cv_id}")

        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            for cv_id, r in pool.map(open_cv, ids[:VIEW_QUOTA * 3]):
                if r.status == 200:
                    opened.append(cv_id)
                elif r.status == 429:
                    refused.append(r)
                else:
                    other.append(r)
        open_s = time.monotonic() - started
        self.assertEqual(other, [], "unexpected answers")
        self.assertEqual(len(opened), VIEW_QUOTA, f"R4: {len(opened)} CVs opened with a quota of {VIEW_QUOTA}")
        self.assertEqual(len(refused), VIEW_QUOTA * 2)
        for r in refused:
            self.assertEqual(r.problem_type, "quota-exceeded")
            self.assertIsNotNone(r.header_int("Retry-After"))
            for leak in ("headline", "summary", "skills", "experience", "personalia", "region", "age_band"):
                self.assertNotIn(leak, r.json, "R4: CV data past the quota")
        q = c.get("/v1/quota").json["cv_views"]
        self.assertEqual((q["used"], q["remaining"]), (VIEW_QUOTA, 0))
        secutil.record("Scraping (R4)", f"a scraper paged {pages} search pages ({len(ids)} summaries in "
                       f"{paging_s:.1f} s), then opened {VIEW_QUOTA * 3} CVs from 16 parallel connections "
                       f"({open_s:.1f} s)", pages + VIEW_QUOTA * 3,
                       f"exactly {VIEW_QUOTA} (the quota) opened; {VIEW_QUOTA * 2} refused 429 with no CV data. "
                       "Note: search paging itself is not capped (all findable summaries can be listed)")


if __name__ == "__main__":
    secutil.main()
