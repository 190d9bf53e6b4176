"""SQL injection against a real werving-portal: every query parameter, every
body field, the path ids and the headers the server reads.

An injection "works" if it changes what the server does beyond the literal
value: more or other rows, a changed row it should not touch, a database
error text, a 5xx, a time delay, or a different answer for a true and a false
condition (blind injection). Text fields must come back byte for byte."""

import json
import os
import sys
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import secutil  # noqa: E402
from secutil import w  # noqa: E402

PAYLOADS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "') OR ('1'='1",
    "1 OR 1=1",
    "1; DROP TABLE cvs; --",
    "'; DELETE FROM vacancies; --",
    "x', name='pwned', kvk='00000000",
    "' UNION SELECT name, email, phone, 1, 2, 3, 4, 5 FROM cv_private --",
    "' UNION SELECT sql FROM sqlite_master --",
    "' AND 1=randomblob(500000000) --",
    "' AND (SELECT count(*) FROM sqlite_master) > 0 --",
    "%' OR '%'='",
    "'||(SELECT password_hash FROM organisations LIMIT 1)||'",
    "\\'; --",
    "' ; ATTACH DATABASE '/tmp/pwned.db' AS p; --",
    "NEAR(a b) OR x* OR \"",
    "a\" OR email:*",
    "*",
    "'",
    "''",
    "`",
    "1e999",
    "-1",
    "99999999999999999999999",
]

# Everything GET /v1/cvs reads (portal_cv_query_new_from_params).
CV_PARAMS = ["q", "skills", "occupation", "place", "radius_km", "education_min", "hours_min", "hours_max",
             "driving_licence", "languages", "available_from", "updated_since", "sort", "cursor", "limit"]

DB_ERROR_MARKERS = ("SQLITE", "SYNTAX ERROR", "NO SUCH TABLE", "NO SUCH COLUMN", "UNRECOGNIZED TOKEN",
                    "SQL LOGIC", "FTS5")


class InjectionTest(w.PortalTestCase):
    portal_args = {"cvs": 1500, "cv_view_quota": 1000, "contact_quota": 1000}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

    def setUp(self):
        self.acc = self.register_org(verified=True)
        self.org = self.client(self.acc)
        self.other_acc = self.register_org(name="Buurman B.V.", verified=True)
        self.other = self.client(self.other_acc)

    def assertNoDbLeak(self, r, where, echoed=()):
        """No database error text in the answer (beyond an echo of what
        the request itself sent, which a stored text field returns)."""
        text = r.text
        for value in echoed:
            text = text.replace(json.dumps(value)[1:-1], "")
        upper = text.upper()
        for marker in DB_ERROR_MARKERS:
            self.assertNotIn(marker, upper, f"{where}: database error text leaked: {r}")

    def baseline(self):
        r = self.org.get("/v1/cvs", query={"limit": 1, "sort": "recent"})
        self.assertEqual(r.status, 200, r)
        return r.json["total"]

    # --- query parameters ------------------------------------------------

    def test_every_query_parameter(self):
        base_total = self.baseline()
        v = self.active_vacancy(self.org)
        cv_ids, _ = self.search_ids(self.org, limit=2)
        t = self.org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_ids[0], "body": "Hallo"}).json
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        targets = [(self.org, "/v1/cvs", CV_PARAMS),
                   (self.org, "/v1/vacancies", ["status", "cursor", "limit"]),
                   (self.org, "/v1/threads", ["cursor", "limit"]),
                   (self.org, f"/v1/threads/{t['id']}/messages", ["cursor", "limit"]),
                   (self.org, f"/v1/vacancies/{v['id']}/matches", ["cursor", "limit"]),
                   (js, "/v1/me/cv/views", ["cursor", "limit"])]
        n = 0
        slowest = 0.0
        for client, path, params in targets:
            for param in params:
                for value in PAYLOADS:
                    with self.subTest(path=path, param=param, value=value):
                        started = time.monotonic()
                        r = client.get(path, query={param: value})
                        slowest = max(slowest, time.monotonic() - started)
                        n += 1
                        self.assertIn(r.status, (200, 400, 422), f"injection in {param}: {r}")
                        self.assertNoDbLeak(r, f"{path}?{param}")
                        if r.status == 200 and path == "/v1/cvs":
                            self.assertLessEqual(r.json["total"], base_total,
                                                 f"injection in {param} found more CVs than exist")
                        if r.status == 200 and path == "/v1/vacancies":
                            self.assertEqual({x["id"] for x in r.json["items"]} - {v["id"]}, set(),
                                             "another organisation's vacancies came back")
        # randomblob() in a working injection takes seconds; literals are fast.
        self.assertLess(slowest, 5.0, "an answer was slow enough to suggest time-based injection")
        self.assertEqual(self.baseline(), base_total, "the CV table changed")
        secutil.record("SQL injection", "payloads in every query parameter of every list route "
                       f"(GET /v1/cvs: all {len(CV_PARAMS)} filters)", n,
                       "no 5xx, no database error text, no extra or foreign rows, no delay")

    def test_blind_true_false_conditions_answer_alike(self):
        """Boolean-based blind injection: a true and a false condition
        appended to the same value must give the same answer."""
        pairs = [("' AND '1'='1", "' AND '1'='2"), (" AND 1=1", " AND 1=2"),
                 ("' OR '1'='1' --", "' OR '1'='2' --"), ("\" AND \"a\"=\"a", "\" AND \"a\"=\"b")]
        bases = {"q": "monteur", "place": "Utrecht", "skills": "Excel", "occupation": "2512",
                 "languages": "nl", "education_min": "mbo-4", "sort": "recent", "hours_min": "20"}
        n = 0
        for param, base in bases.items():
            for true_tail, false_tail in pairs:
                with self.subTest(param=param, tail=true_tail):
                    a = self.org.get("/v1/cvs", query={param: base + true_tail, "limit": 5})
                    b = self.org.get("/v1/cvs", query={param: base + false_tail, "limit": 5})
                    n += 2
                    self.assertEqual(a.status, b.status, f"{param}: true/false differ: {a} / {b}")
                    if a.status == 200:
                        self.assertEqual(([x["id"] for x in a.json["items"]], a.json["total"]),
                                         ([x["id"] for x in b.json["items"]], b.json["total"]),
                                         f"{param}: a true and a false condition answer differently")
        secutil.record("SQL injection", "boolean-blind pairs (true vs false condition) in CV-search filters", n,
                       "identical answers")

    def test_path_ids(self):
        n = 0
        for prefix in ("/v1/vacancies/", "/v1/cvs/", "/v1/threads/", "/v1/vacancies/", "/v1/threads/"):
            for value in PAYLOADS + ["1 OR 1=1", "1%20OR%201=1", "0x1", "1e3", "1.0", "1 1"]:
                with self.subTest(path=prefix, value=value):
                    path = prefix + urllib.parse.quote(value, safe="")
                    r = self.org.request("GET", path, check=False)
                    n += 1
                    self.assertIn(r.status, (400, 404), f"{path}: {r}")
                    self.assertNoDbLeak(r, path)
        secutil.record("SQL injection", "payloads as the {id} of every id route", n, "400 or 404, nothing else")

    # --- bodies ---------------------------------------------------------

    def roundtrip_vacancy(self, field, value, extra=None):
        body = {"title": "Injectie " + uuid.uuid4().hex[:6]}
        body.update(extra or {})
        body[field] = value
        r = self.org.post("/v1/vacancies", body)
        self.assertNoDbLeak(r, f"POST /v1/vacancies {field}", [value])
        self.assertIn(r.status, (201, 422), f"{field}={value!r}: {r}")
        if r.status == 201:
            got = self.org.get(f"/v1/vacancies/{r.json['id']}").json
            self.assertEqual(got[field], value, f"{field} was not stored verbatim")
        return r

    def test_every_body_field(self):
        other_before = self.other.get("/v1/organisations/me").json
        demo_v = self.active_vacancy(self.other, title="Vacature van de buurman")
        n = 0
        text_fields = ["title", "description", "place", "postcode", "contract_type", "education_level",
                       "start_date", "closing_date"]
        for value in PAYLOADS:
            padded = value if len(value) >= 3 else value + "xyz"
            for field in text_fields:
                with self.subTest(field=field, value=value):
                    if field == "title":
                        self.roundtrip_vacancy("title", padded)
                    else:
                        self.roundtrip_vacancy(field, value)
                    n += 1
            with self.subTest(field="occupation/salary/skills", value=value):
                r = self.org.post("/v1/vacancies", {"title": "Geneste injectie",
                                                    "occupation": {"code": value, "label": value},
                                                    "salary": {"min": 1, "max": 2, "period": value},
                                                    "skills": [value, "C"]})
                self.assertIn(r.status, (201, 422), r)
                self.assertNoDbLeak(r, "nested vacancy fields", [value])
                r = self.org.post("/v1/vacancies", {"title": "Skills injectie", "skills": [padded[:60]]})
                self.assertEqual(r.status, 201, r)
                self.assertEqual(r.json["skills"], [padded[:60]])
                n += 2
            with self.subTest(field="PATCH vacancy", value=value):
                v = self.draft(self.org)
                r = self.org.patch(f"/v1/vacancies/{v['id']}", {"title": padded, "description": value})
                self.assertEqual(r.status, 200, r)
                self.assertEqual((r.json["title"], r.json["description"]), (padded, value))
                r = self.org.post(f"/v1/vacancies/{v['id']}/renew", {"closing_date": value})
                self.assertIn(r.status, (400, 403, 409, 422), r)
                self.assertNoDbLeak(r, "renew", [value])
                n += 2
            with self.subTest(field="organisation", value=value):
                r = self.org.patch("/v1/organisations/me", {"name": padded, "contact_name": padded,
                                                            "phone": value})
                self.assertIn(r.status, (200, 422), r)
                self.assertNoDbLeak(r, "PATCH organisations/me", [value, padded])
                if r.status == 200:
                    self.assertEqual((r.json["name"], r.json["contact_name"]), (padded, padded))
                r = self.org.patch("/v1/organisations/me", {"name": padded})
                self.assertEqual(r.status, 200, r)
                self.assertEqual(r.json["name"], padded)
                n += 2
            with self.subTest(field="registration", value=value):
                body = {"kvk": value, "name": padded, "kind": value, "contact_name": padded,
                        "email": value, "phone": value, "password": value + "-long-enough"}
                r = self.api.post("/v1/organisations", body)
                self.assertIn(r.status, (201, 409, 422), r)
                self.assertNoDbLeak(r, "POST organisations", [value, padded])
                n += 1
            with self.subTest(field="sign-in", value=value):
                r = self.api.post("/v1/sessions", {"email": value, "password": value})
                self.assertIn(r.status, (401, 422, 429), f"an injected sign-in must never succeed: {r}")
                r = self.api.post("/v1/sessions", {"email": self.acc.email, "password": value})
                self.assertIn(r.status, (401, 429), f"an injected password must never succeed: {r}")
                r = self.api.post("/v1/sessions/refresh", {"refresh_token": value})
                self.assertIn(r.status, (400, 401, 422), r)
                n += 3
        # Injection in threads and messages.
        v = self.active_vacancy(self.org)
        cv_ids, _ = self.search_ids(self.org, limit=len(PAYLOADS) + 1)
        for i, value in enumerate(PAYLOADS):
            with self.subTest(field="thread/message body", value=value):
                r = self.org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_ids[i], "body": value})
                self.assertEqual(r.status, 201, r)
                tid = r.json["id"]
                r = self.org.post(f"/v1/threads/{tid}/messages", {"body": value})
                self.assertEqual(r.status, 201, r)
                msgs = self.org.get(f"/v1/threads/{tid}/messages").json["items"]
                self.assertEqual([m["body"] for m in msgs], [value, value], "message bodies not stored verbatim")
                n += 2
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        for value in PAYLOADS:
            with self.subTest(field="me/cv visibility", value=value):
                r = js.patch("/v1/me/cv", {"visibility": value})
                self.assertProblem(r, 422, "validation")
                n += 1
        self.assertEqual(js.get("/v1/me/cv").json["visibility"], "anonymous", "R8: visibility changed")
        # Nothing of the neighbour changed.
        self.assertEqual(self.other.get("/v1/organisations/me").json, other_before,
                         "an injection changed another organisation")
        self.assertEqual(self.other.get(f"/v1/vacancies/{demo_v['id']}").json["title"], "Vacature van de buurman")
        self.assertEqual(self.api.get("/v1/health").status, 200)
        secutil.record("SQL injection", "payloads in every body field (organisation, sign-in, refresh, "
                       "vacancy incl. nested occupation/salary/skills, renew, thread, message, CV visibility)", n,
                       "stored verbatim or refused (4xx); no other row changed")

    # --- headers ---------------------------------------------------------

    def test_headers(self):
        n = 0
        for value in PAYLOADS:
            with self.subTest(header="Authorization", value=value):
                r = self.api.get("/v1/organisations/me", token=value)
                self.assertProblem(r, 401, "unauthenticated")
                n += 1
            printable = "".join(c for c in value if " " <= c <= "~")
            if printable:
                with self.subTest(header="Idempotency-Key", value=value):
                    a = self.org.post("/v1/vacancies", {"title": "Sleutel A"}, headers={"Idempotency-Key": printable})
                    b = self.org.post("/v1/vacancies", {"title": "Sleutel A"}, headers={"Idempotency-Key": printable})
                    self.assertEqual(a.status, 201, a)
                    self.assertEqual((b.status, b.json), (a.status, a.json), "the key was not kept as text")
                    n += 2
        secutil.record("SQL injection", "payloads in Authorization and Idempotency-Key headers", n,
                       "401 / key kept as literal text")


if __name__ == "__main__":
    secutil.main()
