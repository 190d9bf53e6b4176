"""Object-level authorisation: a second organisation gets 404 on every
id-bearing route of the first organisation's vacancy and thread, changes
nothing, and cannot tell another's object from a missing one."""

import datetime
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import werving_api as w  # noqa: E402

MISSING_ID = 987654321


def normalise(problem, ident):
    """A problem body with volatile members dropped and the id masked."""
    p = {k: v for k, v in problem.items() if k not in ("instance", "request_id")}
    return re.sub(rf"\b{ident}\b", "<id>", repr(sorted(p.items())))


class AuthorisationTest(w.PortalTestCase):

    def setUp(self):
        self.a_acc = self.register_org(name="Eigenaar A B.V.", verified=True)
        self.b_acc = self.register_org(name="Nieuwsgierig B B.V.", verified=True)
        self.a = self.client(self.a_acc)
        self.b = self.client(self.b_acc)
        self.vacancy = self.active_vacancy(self.a, title="Van A")
        self.draft_v = self.draft(self.a, title="Concept van A")
        ids, _ = self.search_ids(self.a, limit=3)
        r = self.a.post("/v1/threads", {"vacancy_id": self.vacancy["id"], "cv_id": ids[0], "body": "Van A"})
        self.assertEqual(r.status, 201, r)
        self.thread = r.json
        self.cv_id = ids[1]
        self.listed_cv = ids[2]
        r = self.a.put(f"/v1/vacancies/{self.vacancy['id']}/shortlist/{self.listed_cv}",
                       {"stage": "interview", "note": "Notitie van A"})
        self.assertEqual(r.status, 201, r)

    def routes(self):
        v, d, t = self.vacancy["id"], self.draft_v["id"], self.thread["id"]
        future = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
        return [
            ("GET", f"/v1/vacancies/{v}", None, v),
            ("PATCH", f"/v1/vacancies/{v}", {"title": "Gekaapt"}, v),
            ("PATCH", f"/v1/vacancies/{d}", {"title": "Gekaapt"}, d),
            ("DELETE", f"/v1/vacancies/{d}", None, d),
            ("POST", f"/v1/vacancies/{d}/publish", None, d),
            ("POST", f"/v1/vacancies/{v}/close", None, v),
            ("POST", f"/v1/vacancies/{v}/renew", {"closing_date": future}, v),
            ("GET", f"/v1/vacancies/{v}/matches", None, v),
            ("GET", f"/v1/vacancies/{v}/shortlist", None, v),
            ("PUT", f"/v1/vacancies/{v}/shortlist/{self.cv_id}", {"stage": "rejected", "note": "Van B"}, v),
            ("PUT", f"/v1/vacancies/{v}/shortlist/{self.listed_cv}", {"stage": "rejected", "note": "Van B"}, v),
            ("DELETE", f"/v1/vacancies/{v}/shortlist/{self.listed_cv}", None, v),
            ("GET", f"/v1/threads/{t}", None, t),
            ("GET", f"/v1/threads/{t}/messages", None, t),
            ("POST", f"/v1/threads/{t}/messages", {"body": "Van B"}, t),
            ("POST", f"/v1/threads/{t}/read", None, t),
        ]

    def test_second_organisation_gets_404_everywhere(self):
        rule = "object-level authorisation"
        for method, path, body, ident in self.routes():
            with self.subTest(route=f"{method} {path}"):
                kw = {"body": body} if body is not None else {}
                r = self.b.request(method, path, **kw)
                self.assertProblem(r, 404, "not-found", f"{rule}: organisation B on A's object")
                missing = self.b.request(method, path.replace(f"/{ident}", f"/{MISSING_ID}", 1), **kw)
                self.assertProblem(missing, 404, "not-found")
                self.assertEqual(normalise(r.json, ident), normalise(missing.json, MISSING_ID),
                                 f"{rule}: A's object answers differently from a missing one (reveals it)")
        # Contacting through A's vacancy.
        r = self.b.post("/v1/threads", {"vacancy_id": self.vacancy["id"], "cv_id": self.cv_id, "body": "Via A"})
        self.assertProblem(r, 404, "not-found", f"{rule}: B opened a thread on A's vacancy")
        # Reveal is for jobseekers only; an organisation never learns anything from it.
        r = self.b.post(f"/v1/threads/{self.thread['id']}/reveal")
        self.assertIn(r.status, (403, 404), f"{rule}: B on A's reveal: {r}")
        # Nothing changed for A, and B's lists do not hold A's objects.
        v = self.a.get(f"/v1/vacancies/{self.vacancy['id']}").json
        self.assertEqual((v["title"], v["status"]), ("Van A", "active"), f"{rule}: B changed A's vacancy")
        d = self.a.get(f"/v1/vacancies/{self.draft_v['id']}")
        self.assertEqual((d.status, d.json["status"], d.json["title"]), (200, "draft", "Concept van A"),
                         f"{rule}: B changed or deleted A's draft")
        shortlist = self.a.get(f"/v1/vacancies/{self.vacancy['id']}/shortlist").json["items"]
        self.assertEqual([(e["cv_id"], e["stage"], e["note"]) for e in shortlist],
                         [(self.listed_cv, "interview", "Notitie van A")], f"{rule}: B changed A's shortlist")
        msgs = self.a.get(f"/v1/threads/{self.thread['id']}/messages").json["items"]
        self.assertEqual([m["body"] for m in msgs], ["Van A"], f"{rule}: B wrote into A's thread")
        self.assertNotIn(self.vacancy["id"], [x["id"] for x in self.b.get("/v1/vacancies",
                                                                        query={"limit": 100}).json["items"]])
        self.assertNotIn(self.thread["id"], [x["id"] for x in self.b.get("/v1/threads",
                                                                       query={"limit": 100}).json["items"]])

    def test_jobseeker_and_anonymous_callers(self):
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        own_threads = {t["id"] for t in js.get("/v1/threads", query={"limit": 100}).json["items"]}
        if self.thread["id"] not in own_threads:
            # The thread is about someone else's CV: the jobseeker gets 404.
            for method, path in (("GET", f"/v1/threads/{self.thread['id']}"),
                                 ("GET", f"/v1/threads/{self.thread['id']}/messages"),
                                 ("POST", f"/v1/threads/{self.thread['id']}/reveal"),
                                 ("POST", f"/v1/threads/{self.thread['id']}/read")):
                with self.subTest(route=f"jobseeker {method} {path}"):
                    self.assertProblem(js.request(method, path), 404, "not-found",
                                       "object-level authorisation: a jobseeker on another's thread")
        r = js.get(f"/v1/vacancies/{self.vacancy['id']}")
        self.assertIn(r.status, (403, 404), f"a jobseeker read an organisation's vacancy: {r}")
        # Shortlists and their private notes are for organisations only.
        v = self.vacancy["id"]
        for method, path, body in (("GET", f"/v1/vacancies/{v}/shortlist", None),
                                   ("PUT", f"/v1/vacancies/{v}/shortlist/{self.listed_cv}", {"stage": "hired"}),
                                   ("DELETE", f"/v1/vacancies/{v}/shortlist/{self.listed_cv}", None)):
            with self.subTest(route=f"jobseeker {method} {path}"):
                kw = {"body": body} if body is not None else {}
                self.assertProblem(js.request(method, path, **kw), 403, "forbidden",
                                   "a jobseeker on an organisation's shortlist")
        for method, path, body, _ in self.routes():
            with self.subTest(route=f"anonymous {method} {path}"):
                kw = {"body": body} if body is not None else {}
                self.assertProblem(self.api.request(method, path, token=None, **kw), 401, "unauthenticated")

    def test_sign_out_revokes(self):
        acc = self.account((self.a_acc.email, self.a_acc.password))
        c = self.client(acc)
        self.assertEqual(c.get(f"/v1/vacancies/{self.vacancy['id']}").status, 200)
        self.assertEqual(c.delete("/v1/sessions/current").status, 204)
        for method, path, body, _ in self.routes():
            with self.subTest(route=f"after sign-out {method} {path}"):
                kw = {"body": body} if body is not None else {}
                self.assertProblem(c.request(method, path, **kw), 401, "unauthenticated",
                                   "token reuse after sign-out")
        # The other session of the same organisation still works.
        self.assertEqual(self.a.get(f"/v1/vacancies/{self.vacancy['id']}").status, 200)


class AccessTokenExpiryTest(w.PortalTestCase):
    portal_args = {"cvs": 50, "extra": ("--access-ttl", "2")}

    def test_access_token_expires_and_refresh_renews(self):
        acc = self.account(w.DEMO_ORG)
        self.assertEqual(acc.session["expires_in"], 2, "expires_in follows --access-ttl")
        c = self.client(acc)
        self.assertEqual(c.get("/v1/organisations/me").status, 200)
        time.sleep(3.5)
        self.assertProblem(c.get("/v1/organisations/me"), 401, "unauthenticated", "an expired access token")
        r = self.api.post("/v1/sessions/refresh", {"refresh_token": acc.session["refresh_token"]})
        self.assertEqual(r.status, 201, f"the refresh token outlives the access token: {r}")
        self.assertEqual(self.api.get("/v1/organisations/me", token=r.json["access_token"]).status, 200)


if __name__ == "__main__":
    w.main()
