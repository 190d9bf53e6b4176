"""portal/openapi.yaml lints clean with a real OpenAPI linter (@redocly/cli,
installed by tools/api/install.sh), and covers the contract: every route,
operationIds, tags, bounds, problem types, quota headers, Idempotency-Key."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import werving_api as w  # noqa: E402

TOOLS = os.path.join(w.SOURCE_DIR, "tools", "api")
LINT_ENV = dict(os.environ, REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true", NO_COLOR="1")

# (method, path) of every route in /work/notes/contract.md
CONTRACT_ROUTES = [
    ("get", "/v1/health"),
    ("post", "/v1/organisations"),
    ("get", "/v1/organisations/me"),
    ("patch", "/v1/organisations/me"),
    ("post", "/v1/sessions"),
    ("post", "/v1/sessions/refresh"),
    ("delete", "/v1/sessions/current"),
    ("get", "/v1/vacancies"),
    ("post", "/v1/vacancies"),
    ("get", "/v1/vacancies/{id}"),
    ("patch", "/v1/vacancies/{id}"),
    ("delete", "/v1/vacancies/{id}"),
    ("post", "/v1/vacancies/{id}/publish"),
    ("post", "/v1/vacancies/{id}/close"),
    ("post", "/v1/vacancies/{id}/renew"),
    ("get", "/v1/vacancies/{id}/matches"),
    ("get", "/v1/vacancies/{id}/shortlist"),
    ("put", "/v1/vacancies/{id}/shortlist/{cv_id}"),
    ("delete", "/v1/vacancies/{id}/shortlist/{cv_id}"),
    ("get", "/v1/cvs"),
    ("get", "/v1/cvs/{id}"),
    ("get", "/v1/quota"),
    ("post", "/v1/threads"),
    ("get", "/v1/threads"),
    ("get", "/v1/threads/{id}"),
    ("get", "/v1/threads/{id}/messages"),
    ("post", "/v1/threads/{id}/messages"),
    ("post", "/v1/threads/{id}/read"),
    ("post", "/v1/threads/{id}/reveal"),
    ("get", "/v1/me/cv"),
    ("patch", "/v1/me/cv"),
    ("post", "/v1/me/cv/renew"),
    ("get", "/v1/me/cv/views"),
    ("get", "/v1/events"),
]
PROBLEM_NAMES = ["validation", "bad-request", "unauthenticated", "forbidden", "not-found",
                 "no-active-vacancy", "quota-exceeded", "organisation-not-verified", "conflict",
                 "payload-too-large", "rate-limited", "internal"]
PUBLIC = {("post", "/v1/organisations"), ("post", "/v1/sessions"), ("post", "/v1/sessions/refresh"),
          ("get", "/v1/health")}


def install_linter():
    r = subprocess.run([os.path.join(TOOLS, "install.sh")], capture_output=True, text=True, timeout=900)
    if r.returncode != 0:
        raise AssertionError(
            "LINTER NOT AVAILABLE: tools/api/install.sh failed, so openapi.yaml could not be linted "
            f"(npm registry unreachable?).\nstderr:\n{r.stderr[-3000:]}")
    bindir = r.stdout.strip().splitlines()[-1]
    exe = os.path.join(bindir, "redocly")
    if not os.access(exe, os.X_OK):
        raise AssertionError(f"LINTER NOT AVAILABLE: {exe} is not executable")
    return exe


def lint(exe, path, cwd):
    return subprocess.run([exe, "lint", "--config", os.path.join(TOOLS, "redocly.yaml"), "--format", "stylish",
                           path], capture_output=True, text=True, cwd=cwd, env=LINT_ENV, timeout=300)


class LintTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.exe = install_linter()

    def test_document_lints_clean(self):
        r = lint(self.exe, os.path.join("portal", "openapi.yaml"), w.SOURCE_DIR)
        out = r.stdout + r.stderr
        self.assertEqual(r.returncode, 0, f"redocly lint found problems in portal/openapi.yaml:\n{out}")
        self.assertNotRegex(out, r"(?i)\b[1-9]\d* (warning|error)s?\b",
                            f"redocly lint reported warnings or errors:\n{out}")
        self.assertRegex(out, r"valid", f"unexpected linter output:\n{out}")

    def test_linter_catches_a_defect(self):
        # The linter must really lint: a copy with an operation lacking its
        # operationId and a broken $ref must fail.
        with open(w.DOC_PATH, encoding="utf-8") as f:
            text = f.read()
        broken = text.replace("      operationId: getHealth\n", "", 1)
        broken = broken.replace("$ref: '#/components/schemas/Health'", "$ref: '#/components/schemas/Nope'", 1)
        self.assertNotEqual(broken, text)
        tmp = tempfile.mkdtemp(prefix="werving-lint-")
        try:
            path = os.path.join(tmp, "openapi.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(broken)
            r = lint(self.exe, path, tmp)
            out = r.stdout + r.stderr
            self.assertNotEqual(r.returncode, 0, f"the linter accepted a broken document:\n{out}")
            self.assertIn("operation-operationId", out)
            self.assertIn("no-unresolved-refs", out)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class DocumentTest(unittest.TestCase):
    """The document says what the contract says, strictly enough to be useful."""

    @classmethod
    def setUpClass(cls):
        cls.d = w.document()
        cls.doc = cls.d.doc

    def op(self, method, path):
        return self.doc["paths"][path][method]

    def test_openapi_31(self):
        self.assertTrue(str(self.doc["openapi"]).startswith("3.1"))
        self.assertEqual(self.doc["components"]["securitySchemes"]["bearer"],
                         {**self.doc["components"]["securitySchemes"]["bearer"], "type": "http", "scheme": "bearer"})

    def test_every_contract_route(self):
        ids = set()
        for method, path in CONTRACT_ROUTES:
            with self.subTest(route=f"{method.upper()} {path}"):
                self.assertIn(path, self.doc["paths"], "route missing from openapi.yaml")
                self.assertIn(method, self.doc["paths"][path], "operation missing from openapi.yaml")
                op = self.op(method, path)
                self.assertTrue(op.get("operationId"))
                self.assertNotIn(op["operationId"], ids, "duplicate operationId")
                ids.add(op["operationId"])
                self.assertTrue(op.get("tags"))
                if (method, path) in PUBLIC:
                    self.assertEqual(op.get("security"), [], "public route must say security: []")
                else:
                    self.assertNotIn("security", op, "must inherit the bearer security")
                    self.assertIn("401", op["responses"])
                if method in ("post", "patch"):
                    self.assertIn("413", op["responses"], "bodies over 64 KiB answer 413")
                if method == "post":
                    names = [self.d.resolve(p)["name"] for p in op.get("parameters", [])]
                    self.assertIn("Idempotency-Key", names)
        documented = {(m, p) for p, item in self.doc["paths"].items() for m in item if m in w.ApiDocument.METHODS}
        self.assertEqual(documented - set(CONTRACT_ROUTES), set(), "operations not in the contract")

    def test_paging_bounds(self):
        limit = self.d.resolve(self.doc["components"]["parameters"]["Limit"])["schema"]
        self.assertEqual((limit["minimum"], limit["maximum"], limit["default"]), (1, 100, 20))
        for path, item in self.doc["paths"].items():
            for method, op in item.items():
                if method != "get" or "200" not in op["responses"]:
                    continue
                schema = self.d.resolve(op["responses"]["200"])
                schema = schema["content"]["application/json"]["schema"] if "content" in schema else {}
                if "next_cursor" in json.dumps(schema):
                    names = [self.d.resolve(p)["name"] for p in op.get("parameters", [])]
                    self.assertIn("limit", names, f"{path} pages but has no limit")
                    self.assertIn("cursor", names, f"{path} pages but has no cursor")

    def test_problem_types(self):
        enum = self.doc["components"]["schemas"]["ProblemType"]["enum"]
        self.assertEqual(sorted(enum), sorted(w.PROBLEM_BASE + n for n in PROBLEM_NAMES))

    def test_quota_headers_and_retry_after(self):
        cv = self.d.resolve(self.op("get", "/v1/cvs/{id}")["responses"]["200"])
        for h in ("X-Quota-Limit", "X-Quota-Remaining", "X-Quota-Reset", "X-Request-Id"):
            self.assertTrue(cv["headers"][h]["required"], h)
        too_many = self.d.resolve(self.op("get", "/v1/cvs/{id}")["responses"]["429"])
        self.assertTrue(too_many["headers"]["Retry-After"]["required"])
        self.assertTrue(self.d.resolve(self.op("post", "/v1/sessions")["responses"]["429"])["headers"]["Retry-After"])

    def test_anonymous_cv_rejects_personalia(self):
        # R1 in the schema itself: an anonymous CV with a personalia field or
        # an unexpected field fails validation.
        cv = {"id": 1, "visibility": "anonymous", "headline": "Lasser", "occupation": None, "skills": [],
              "region": "Utrecht", "hours_min": 24, "hours_max": 40, "education_level": "mbo-2",
              "available_from": None, "driving_licence": True, "languages": ["nl"],
              "updated_at": "2026-11-23T09:30:00Z", "summary": "", "age_band": "25-34",
              "experience": [], "education": []}
        v = self.d.validator(self.d.schema("Cv"))
        self.assertEqual(list(v.iter_errors(cv)), [])
        pers = {"name": "Jan Jansen", "birth_date": "1990-01-01", "email": "jan@example.nl", "phone": "0612345678",
                "address": "Dorpsstraat 1", "postcode": "3511 AB", "city": "Utrecht"}
        for extra in ({"personalia": pers}, {"name": "Jan Jansen"}, {"email": "jan@example.nl"},
                      {"birth_date": "1990-01-01"}, {"postcode": "3511 AB"}):
            with self.subTest(extra=extra):
                self.assertNotEqual(list(v.iter_errors({**cv, **extra})), [])
        self.assertEqual(list(v.iter_errors({**cv, "visibility": "open", "name": "Jan Jansen",
                                             "personalia": pers})), [])
        self.assertNotEqual(list(v.iter_errors({**cv, "visibility": "open"})), [],
                            "an open CV must carry its personalia")
        s = self.d.validator(self.d.schema("CvSummary"))
        summary = {k: cv[k] for k in cv if k not in ("summary", "age_band", "experience", "education")}
        self.assertEqual(list(s.iter_errors(summary)), [])
        self.assertNotEqual(list(s.iter_errors({**summary, "name": "Jan Jansen"})), [])
        self.assertNotEqual(list(s.iter_errors({**summary, "phone": "0612345678"})), [])


class CheckerTest(unittest.TestCase):
    """The conformance checker itself rejects what it must."""

    def setUp(self):
        self.d = w.document()

    def check(self, method, path, status, body, ctype="application/json", headers=None):
        h = {"content-type": ctype, "x-request-id": "r1"}
        h.update(headers or {})
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        return self.d.check(method, path, status, h, raw)

    def test_accepts_health(self):
        self.check("GET", "/v1/health", 200, {"status": "ok", "version": "0.1.0"})

    def test_rejects(self):
        problem = {"type": w.PROBLEM_BASE + "not-found", "title": "Not found", "status": 404}
        cases = [
            ("undeclared status", lambda: self.check("GET", "/v1/health", 201, {"status": "ok", "version": "1"})),
            ("5xx", lambda: self.check("GET", "/v1/health", 500, problem, "application/problem+json")),
            ("wrong body", lambda: self.check("GET", "/v1/health", 200, {"status": "bad"})),
            ("wrong content type", lambda: self.check("GET", "/v1/threads/1", 404, problem)),
            ("missing X-Request-Id", lambda: self.d.check("GET", "/v1/health", 200,
                                                          {"content-type": "application/json"},
                                                          b'{"status":"ok","version":"1"}')),
            ("type/status mismatch", lambda: self.check("GET", "/v1/threads/1", 404,
                                                        {**problem, "status": 403}, "application/problem+json")),
            ("unknown route", lambda: self.check("GET", "/v1/nope", 200, {})),
            ("not JSON", lambda: self.check("GET", "/v1/health", 200, b"<html>")),
            ("429 without Retry-After", lambda: self.check(
                "GET", "/v1/cvs/5", 429, {"type": w.PROBLEM_BASE + "quota-exceeded", "title": "q", "status": 429,
                                          "retry_after": 5, "quota": "cv-views"}, "application/problem+json",
                {"x-quota-limit": "1", "x-quota-remaining": "0", "x-quota-reset": "5"})),
            ("body on 204", lambda: self.check("DELETE", "/v1/sessions/current", 204, b"{}")),
        ]
        for name, fn in cases:
            with self.subTest(case=name):
                self.assertRaises(w.ConformanceError, fn)


if __name__ == "__main__":
    w.main()
