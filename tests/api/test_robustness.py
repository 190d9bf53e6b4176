"""Hostile and unusual input at the HTTP level: idempotency replay, 413 for
big bodies, malformed JSON and wrong types (400 problem+json), bad paging,
SQL-injection-looking values in every query parameter (never 500, never
extra rows). Every answer also conforms to portal/openapi.yaml."""

import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import werving_api as w  # noqa: E402

INJECTIONS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "1; DROP TABLE cvs; --",
    "1) OR (1=1",
    "%' OR 1=1 --",
    "' UNION SELECT name, email, phone FROM cv_private --",
    "*",
    "\"",
    "NEAR(a b) OR x*",
    "a AND OR NOT",
    "\x00",
    "%",
    "_",
    "\\",
    "' ; --",
    "1e999",
    "-1",
    "99999999999999999999999",
]

CV_PARAMS = ["q", "skills", "occupation", "place", "radius_km", "education_min", "hours_min", "hours_max",
             "driving_licence", "languages", "available_from", "updated_since", "sort", "cursor", "limit"]


class RobustnessTest(w.PortalTestCase):

    def setUp(self):
        self.org_acc = self.register_org(verified=True)
        self.org = self.client(self.org_acc)

    # --- idempotency ----------------------------------------------------

    def test_idempotency_replay(self):
        rule = "idempotency (same key, same account: first answer replayed, one effect)"
        v = self.active_vacancy(self.org)
        ids, _ = self.search_ids(self.org, limit=2)
        r = self.org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": ids[0], "body": "Eerste"})
        self.assertEqual(r.status, 201, r)
        tid = r.json["id"]
        key = {"Idempotency-Key": "msg-" + uuid.uuid4().hex}
        first = self.org.post(f"/v1/threads/{tid}/messages", {"body": "Precies één keer"}, headers=key)
        self.assertEqual(first.status, 201, first)
        again = self.org.post(f"/v1/threads/{tid}/messages", {"body": "Precies één keer"}, headers=key)
        self.assertEqual((again.status, again.json), (first.status, first.json), f"{rule}: replay differs")
        msgs = self.org.get(f"/v1/threads/{tid}/messages", query={"limit": 100}).json["items"]
        self.assertEqual([m["body"] for m in msgs].count("Precies één keer"), 1, f"{rule}: two messages made")
        # Vacancy creation.
        key = {"Idempotency-Key": "vac-" + uuid.uuid4().hex}
        before = self.org.get("/v1/vacancies").json["counts"]["draft"]
        a = self.org.post("/v1/vacancies", {"title": "Idempotent"}, headers=key)
        b = self.org.post("/v1/vacancies", {"title": "Idempotent"}, headers=key)
        self.assertEqual((a.status, a.json), (b.status, b.json), f"{rule}: vacancy replay differs")
        self.assertEqual(self.org.get("/v1/vacancies").json["counts"]["draft"], before + 1,
                         f"{rule}: two drafts made")
        # A new thread (a new contact) with a key counts once.
        key = {"Idempotency-Key": "thr-" + uuid.uuid4().hex}
        used = self.org.get("/v1/quota").json["new_contacts"]["used"]
        a = self.org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": ids[1], "body": "Hoi"}, headers=key)
        b = self.org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": ids[1], "body": "Hoi"}, headers=key)
        self.assertEqual(a.status, 201, a)
        self.assertEqual((a.status, a.json), (b.status, b.json), f"{rule}: thread replay differs")
        self.assertEqual(self.org.get("/v1/quota").json["new_contacts"]["used"], used + 1,
                         f"{rule}: the replay counted as a second contact")
        # The same key from another account is that account's own.
        other = self.client(self.register_org())
        c = other.post("/v1/vacancies", {"title": "Van een ander"},
                       headers={"Idempotency-Key": key["Idempotency-Key"]})
        self.assertEqual(c.status, 201, c)
        self.assertEqual(c.json["title"], "Van een ander", f"{rule}: a key leaked across accounts")
        # Without a key, two posts are two messages.
        self.org.post(f"/v1/threads/{tid}/messages", {"body": "Zonder sleutel"})
        self.org.post(f"/v1/threads/{tid}/messages", {"body": "Zonder sleutel"})
        msgs = self.org.get(f"/v1/threads/{tid}/messages", query={"limit": 100}).json["items"]
        self.assertEqual([m["body"] for m in msgs].count("Zonder sleutel"), 2)

    # --- size -----------------------------------------------------------

    def test_payload_too_large(self):
        big = "a" * (100 * 1024)
        cases = [
            ("POST", "/v1/vacancies", {"title": "Groot", "description": big}, self.org),
            ("PATCH", "/v1/organisations/me", {"name": big}, self.org),
            ("POST", "/v1/organisations", {"kvk": "12345678", "name": big, "kind": "employer", "contact_name": "x",
                                           "email": "big@api-test.werving.test", "phone": "030-1234567",
                                           "password": "long-enough-pw"}, self.api),
            ("POST", "/v1/sessions", {"email": "x@y.z", "password": big}, self.api),
        ]
        for method, path, body, client in cases:
            with self.subTest(route=f"{method} {path}"):
                r = client.request(method, path, body=body)
                self.assertProblem(r, 413, "payload-too-large")
        # Just under 64 KiB is read and judged on its content.
        r = self.org.post("/v1/vacancies", {"title": "Bijna te groot", "description": "b" * (60 * 1024)})
        self.assertProblem(r, 422, "validation")
        self.assertEqual(self.api.get("/v1/health").status, 200)

    # --- malformed and mistyped -----------------------------------------

    def test_malformed_json(self):
        for raw in [b"{", b"", b"[]", b"null", b"42", b'"title"', b'{"title": }', b'{"title": "a",}',
                    b'{"title": "\xff\xfe ongeldig"}', b"[" * 60000, b'{"title": "' + b"\\u" + b'zz"}',
                    b"{'title': 'single quotes'}"]:
            with self.subTest(body=raw[:40]):
                r = self.org.request("POST", "/v1/vacancies", raw=raw)
                self.assertProblem(r, 400, "bad-request")
                self.assertEqual(r.headers.get("content-type", "").split(";")[0], "application/problem+json")
        self.assertEqual(self.api.get("/v1/health").status, 200, "the server must survive hostile bodies")

    def test_wrong_types(self):
        v = self.draft(self.org)
        cases = [
            ("POST", "/v1/vacancies", {"title": 5}),
            ("POST", "/v1/vacancies", {"title": "Goed", "hours_min": "tien"}),
            ("POST", "/v1/vacancies", {"title": "Goed", "skills": "C, GTK"}),
            ("POST", "/v1/vacancies", {"title": "Goed", "salary": 3000}),
            ("POST", "/v1/vacancies", {"title": ["Goed"]}),
            ("PATCH", f"/v1/vacancies/{v['id']}", {"hours_max": True}),
            ("PATCH", f"/v1/vacancies/{v['id']}", {"occupation": "2512"}),
            ("POST", "/v1/threads", {"vacancy_id": "1", "cv_id": 1, "body": "x"}),
            ("POST", "/v1/threads", {"vacancy_id": 1, "cv_id": 1.5, "body": "x"}),
            ("POST", "/v1/threads", {"vacancy_id": 1, "cv_id": 1, "body": {"text": "x"}}),
            ("POST", f"/v1/vacancies/{v['id']}/renew", {"closing_date": 20301231}),
            ("PATCH", "/v1/organisations/me", {"name": None}),
        ]
        for method, path, body in cases:
            with self.subTest(route=f"{method} {path}", body=body):
                r = self.org.request(method, path, body=body)
                self.assertProblem(r, 400, "bad-request")
        for body in ({"email": 1, "password": "x"}, {"email": "a@b.c", "password": ["x"]}):
            with self.subTest(route="POST /v1/sessions", body=body):
                self.assertProblem(self.api.post("/v1/sessions", body), 400, "bad-request")
        # Bad path ids.
        for path in ("/v1/vacancies/abc", "/v1/vacancies/-1", "/v1/vacancies/1.5", "/v1/threads/0x10",
                     "/v1/cvs/99999999999999999999999"):
            with self.subTest(path=path):
                r = self.org.get(path)
                self.assertIn(r.status, (400, 404), r)

    def test_bad_paging(self):
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        v = self.active_vacancy(self.org)
        lists = [(self.org, "/v1/vacancies"), (self.org, "/v1/cvs"), (self.org, "/v1/threads"),
                 (self.org, f"/v1/vacancies/{v['id']}/matches"), (js, "/v1/me/cv/views")]
        for client, path in lists:
            for limit in ("0", "101", "-1", "abc", "1.5", "1e2"):
                with self.subTest(path=path, limit=limit):
                    self.assertProblem(client.get(path, query={"limit": limit}), 400, "bad-request",
                                       "paging is bounded: limit 1..100")
            with self.subTest(path=path, cursor="garbage"):
                self.assertProblem(client.get(path, query={"cursor": "not-a-cursor!!"}), 400, "bad-request")
            r = client.get(path, query={"limit": "100"})
            self.assertEqual(r.status, 200, r)
            self.assertLessEqual(len(r.json["items"]), 100)

    # --- injection --------------------------------------------------------

    def test_sql_injection_in_every_query_parameter(self):
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        baseline = self.org.get("/v1/cvs", query={"limit": 1}).json["total"]
        v = self.active_vacancy(self.org)
        t = self.org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": self.search_ids(self.org, 1)[0][0],
                                          "body": "x"}).json
        targets = [(self.org, "/v1/cvs", CV_PARAMS),
                   (self.org, "/v1/vacancies", ["status", "cursor", "limit"]),
                   (self.org, "/v1/threads", ["cursor", "limit"]),
                   (self.org, f"/v1/threads/{t['id']}/messages", ["cursor", "limit"]),
                   (self.org, f"/v1/vacancies/{v['id']}/matches", ["cursor", "limit"]),
                   (js, "/v1/me/cv/views", ["cursor", "limit"])]
        for client, path, params in targets:
            for param in params:
                for value in INJECTIONS:
                    with self.subTest(path=path, param=param, value=value):
                        r = client.get(path, query={param: value})
                        self.assertIn(r.status, (200, 400, 422), f"injection in {param}: {r}")
                        if r.status == 200 and path == "/v1/cvs":
                            self.assertLessEqual(r.json["total"], baseline,
                                                 f"injection in {param} found more rows than exist")
                        if r.status == 200 and path == "/v1/vacancies":
                            self.assertTrue(all(x["status"] in ("draft", "active", "closed", "expired")
                                                for x in r.json["items"]))
                        self.assertNotIn("SQLITE", r.text.upper(), "database error text leaked")
                        self.assertNotIn("SYNTAX ERROR", r.text.upper(), "database error text leaked")
        # Injections in the free-text search find at most what a word would.
        for value in ("' OR '1'='1", "x' OR 1=1 --", "\" OR \"\"=\""):
            r = self.org.get("/v1/cvs", query={"q": value, "limit": 100})
            if r.status == 200:
                self.assertLess(r.json["total"], baseline, f"q={value!r} matched every CV")
        # Only this organisation's vacancies, whatever the filter says.
        r = self.org.get("/v1/vacancies", query={"status": "active' OR '1'='1", "limit": 100})
        if r.status == 200:
            own = {x["id"] for x in self.org.get("/v1/vacancies", query={"limit": 100}).json["items"]}
            self.assertTrue({x["id"] for x in r.json["items"]} <= own, "injection leaked other rows")
        self.assertEqual(self.api.get("/v1/health").status, 200)
        # Injection in bodies is stored as text, not executed.
        r = self.org.post("/v1/vacancies", {"title": "x'); DROP TABLE vacancies; --"})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(self.org.get(f"/v1/vacancies/{r.json['id']}").json["title"],
                         "x'); DROP TABLE vacancies; --")


if __name__ == "__main__":
    w.main()
