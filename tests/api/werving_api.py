"""Shared helpers for the HTTP-level API tests (suite 'api').

- ApiDocument loads portal/openapi.yaml, resolves its $refs and checks that
  an answer conforms: the status is declared for the operation, required
  headers are present and well-typed, the content type is declared and the
  body validates against the schema (JSON Schema 2020-12).
- Portal starts a real werving-portal on a free port with a throw-away
  database and stops it.
- Client sends requests; EVERY answer goes through ApiDocument, so a
  non-conforming answer fails the test that caused it.

Only the standard library plus Debian's python3-yaml and python3-jsonschema.
"""

import datetime
import http.client
import itertools
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

import jsonschema
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("WERVING_SOURCE_DIR") or os.path.dirname(os.path.dirname(HERE))
DOC_PATH = os.path.join(SOURCE_DIR, "portal", "openapi.yaml")
PROBLEM_BASE = "https://werving.example/problems/"

DEMO_ORG = ("demo@werving.test", "werving-demo-1")
PENDING_ORG = ("pending@werving.test", "werving-demo-1")
DEMO_JOBSEEKER = ("jobseeker@werving.test", "werving-demo-1")

_NOBODY = object()


class ConformanceError(AssertionError):
    """An answer that does not conform to portal/openapi.yaml."""


def _check_date_time(value):
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", value):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


FORMAT_CHECKER = jsonschema.FormatChecker()
FORMAT_CHECKER.checks("date-time")(_check_date_time)


class ApiDocument:
    """portal/openapi.yaml, with $refs resolved, as a response checker."""

    METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

    def __init__(self, path=DOC_PATH):
        with open(path, encoding="utf-8") as f:
            self.doc = yaml.safe_load(f)
        self._resolved = {}
        self.operations = []  # (method, regex, template, operation)
        for template, item in self.doc["paths"].items():
            pattern = "^" + "".join(
                "[^/]+" if part.startswith("{") else re.escape(part)
                for part in re.split(r"(\{[^}]+\})", template)
            ) + "$"
            for method in self.METHODS:
                if method in item:
                    self.operations.append((method.upper(), re.compile(pattern), template, item[method]))
        # Literal paths before templated ones.
        self.operations.sort(key=lambda o: o[2].count("{"))
        self._validators = {}
        self.hits = set()  # (operationId, status) of every checked answer

    def resolve(self, node):
        """Deep copy of node with every $ref inlined (the document has no cycles)."""
        if isinstance(node, dict):
            if "$ref" in node:
                ref = node["$ref"]
                if ref not in self._resolved:
                    target = self.doc
                    for part in ref.lstrip("#/").split("/"):
                        target = target[part.replace("~1", "/").replace("~0", "~")]
                    self._resolved[ref] = self.resolve(target)
                merged = dict(self._resolved[ref]) if isinstance(self._resolved[ref], dict) else self._resolved[ref]
                extra = {k: self.resolve(v) for k, v in node.items() if k != "$ref"}
                if extra and isinstance(merged, dict):
                    merged = {"allOf": [merged, extra]}
                return merged
            return {k: self.resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [self.resolve(v) for v in node]
        return node

    def schema(self, name):
        return self.resolve({"$ref": "#/components/schemas/" + name})

    def validator(self, schema):
        key = json.dumps(schema, sort_keys=True)
        v = self._validators.get(key)
        if v is None:
            v = jsonschema.Draft202012Validator(schema, format_checker=FORMAT_CHECKER)
            self._validators[key] = v
        return v

    def find_operation(self, method, path):
        for m, regex, template, op in self.operations:
            if m == method and regex.match(path):
                return template, op
        raise ConformanceError(f"{method} {path}: no such operation in openapi.yaml")

    def check(self, method, path, status, headers, body):
        """Raises ConformanceError unless the answer conforms. headers: dict of
        lower-case name -> value; body: bytes."""
        template, op = self.find_operation(method, path)
        where = f"{method} {path} ({op.get('operationId')}) -> {status}"
        if status >= 500:
            raise ConformanceError(f"{where}: server error; body: {body[:500]!r}")
        responses = op["responses"]
        key = str(status)
        if key not in responses:
            key = f"{status // 100}XX"
        if key not in responses:
            raise ConformanceError(
                f"{where}: status {status} is not declared (declared: {sorted(responses)}); body: {body[:300]!r}")
        resp = self.resolve(responses[key])
        problems = []
        for name, header in resp.get("headers", {}).items():
            value = headers.get(name.lower())
            if value is None:
                if header.get("required"):
                    problems.append(f"required header {name} is missing")
                continue
            hschema = header.get("schema", {})
            if hschema.get("type") == "integer":
                if not re.fullmatch(r"-?\d+", value.strip()):
                    problems.append(f"header {name}: {value!r} is not an integer")
                    continue
                value = int(value)
            for err in self.validator(hschema).iter_errors(value):
                problems.append(f"header {name}: {err.message}")
        content = resp.get("content")
        if content:
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype not in content:
                problems.append(f"content type {ctype!r} not declared (declared: {sorted(content)})")
            else:
                try:
                    data = json.loads(body.decode("utf-8"))
                except (UnicodeDecodeError, ValueError) as e:
                    problems.append(f"body is not JSON ({e}): {body[:200]!r}")
                else:
                    schema = content[ctype].get("schema", {})
                    errs = sorted(self.validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
                    for err in errs[:8]:
                        loc = "/".join(str(p) for p in err.absolute_path) or "(root)"
                        problems.append(f"body at {loc}: {err.message[:300]}")
                    if len(errs) > 8:
                        problems.append(f"... and {len(errs) - 8} more schema errors")
        elif body:
            problems.append(f"no body declared but got {len(body)} bytes: {body[:200]!r}")
        if problems:
            raise ConformanceError(f"{where} does not conform to openapi.yaml:\n  - " + "\n  - ".join(problems))
        self.hits.add((op.get("operationId"), status))
        return template, op

    def operation_ids(self):
        return {op.get("operationId") for _, _, _, op in self.operations}


_DOCUMENT = None


def document():
    global _DOCUMENT
    if _DOCUMENT is None:
        _DOCUMENT = ApiDocument()
    return _DOCUMENT


class Response:
    def __init__(self, method, path, status, headers, body):
        self.method = method
        self.path = path
        self.status = status
        self.headers = headers
        self.body = body
        self.text = body.decode("utf-8", "replace")
        try:
            self.json = json.loads(self.text) if body else None
        except ValueError:
            self.json = None

    @property
    def problem_type(self):
        if isinstance(self.json, dict) and isinstance(self.json.get("type"), str):
            t = self.json["type"]
            return t[len(PROBLEM_BASE):] if t.startswith(PROBLEM_BASE) else t
        return None

    def header_int(self, name):
        v = self.headers.get(name.lower())
        return int(v) if v is not None and re.fullmatch(r"\d+", v.strip()) else None

    def __repr__(self):
        return f"<{self.method} {self.path} -> {self.status} {self.text[:300]}>"


class Client:
    """HTTP client whose every answer is checked against openapi.yaml."""

    def __init__(self, port, token=None):
        self.port = port
        self.token = token
        self.doc = document()
        self.count = 0

    def with_token(self, token):
        return Client(self.port, token)

    def request(self, method, path, body=_NOBODY, token=_NOBODY, headers=None, raw=None, query=None,
                check=True):
        """check=False only for probes of routes the document does not have
        (they must still never answer 5xx)."""
        method = method.upper()
        token = self.token if token is _NOBODY else token
        hdrs = {"Accept": "application/json, application/problem+json"}
        if token:
            hdrs["Authorization"] = "Bearer " + token
        data = None
        if raw is not None:
            data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        elif body is not _NOBODY:
            data = json.dumps(body).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        if headers:
            hdrs.update(headers)
        url = path
        if query:
            url += "?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, url, body=data, headers=hdrs)
            r = conn.getresponse()
            rbody = r.read()
            rheaders = {k.lower(): v for k, v in r.getheaders()}
            status = r.status
        finally:
            conn.close()
        self.count += 1
        if check:
            self.doc.check(method, path, status, rheaders, rbody)
        elif status >= 500:
            raise ConformanceError(f"{method} {url} -> {status}: server error; body: {rbody[:500]!r}")
        return Response(method, url, status, rheaders, rbody)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=_NOBODY, **kw):
        return self.request("POST", path, body=body, **kw)

    def patch(self, path, body=_NOBODY, **kw):
        return self.request("PATCH", path, body=body, **kw)

    def put(self, path, body=_NOBODY, **kw):
        return self.request("PUT", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


class PortalError(RuntimeError):
    pass


class Portal:
    """A real werving-portal on a free port with its own database."""

    def __init__(self, cvs=3000, cv_view_quota=20, contact_quota=3, extra=()):
        self.exe = os.environ.get("WERVING_PORTAL")
        if not self.exe or not os.access(self.exe, os.X_OK):
            raise PortalError("WERVING_PORTAL is not set to the built werving-portal "
                              "(run through `meson test --suite api`)")
        self.tmp = tempfile.mkdtemp(prefix="werving-api-")
        self.db = os.path.join(self.tmp, "p.db")
        self.log_path = os.path.join(self.tmp, "portal.log")
        self._log = open(self.log_path, "wb")
        args = [self.exe, "--port", "0", "--db", self.db, "--demo", "--cvs", str(cvs),
                "--cv-view-quota", str(cv_view_quota), "--contact-quota", str(contact_quota), *extra]
        self.args = args
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self._log, stdin=subprocess.DEVNULL)
        self.port = self._wait_listening(deadline=time.monotonic() + 180)
        # Keep draining stdout so the server can never block on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()

    def _wait_listening(self, deadline):
        buf = b""
        fd = self.proc.stdout.fileno()
        while time.monotonic() < deadline:
            if self.proc.poll() is not None and not select.select([fd], [], [], 0)[0]:
                break
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            buf += chunk
            m = re.search(rb"^listening on http://127\.0\.0\.1:(\d+)/\r?$", buf, re.M)
            if m:
                return int(m.group(1))
        self.stop()
        raise PortalError(f"werving-portal did not print 'listening on http://127.0.0.1:PORT/' "
                          f"(exit {self.proc.returncode}); stdout: {buf[:500]!r}; stderr: {self.log_tail()}")

    def _drain(self):
        try:
            while self.proc.stdout.read(4096):
                pass
        except (OSError, ValueError):
            pass

    def log_tail(self, n=2000):
        try:
            with open(self.log_path, "rb") as f:
                return f.read()[-n:].decode("utf-8", "replace")
        except OSError:
            return ""

    def admin(self, action, email):
        r = subprocess.run([self.exe, "admin", action, "--db", self.db, "--email", email],
                           capture_output=True, timeout=60)
        if r.returncode != 0:
            raise PortalError(f"werving-portal admin {action} --email {email} failed ({r.returncode}): "
                              f"{r.stderr.decode('utf-8', 'replace')}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)


_counter = itertools.count(1)
_run = os.getpid() % 100000


class Account:
    def __init__(self, email, password, session, org=None):
        self.email = email
        self.password = password
        self.session = session
        self.token = session["access_token"]
        self.org = org

    @property
    def id(self):
        return self.session["account"]["id"]


class PortalTestCase(unittest.TestCase):
    """One portal per test file (class); helpers to make accounts."""

    portal_args = {}
    portal = None

    @classmethod
    def setUpClass(cls):
        cls.portal = Portal(**cls.portal_args)
        cls.api = Client(cls.portal.port)

    @classmethod
    def tearDownClass(cls):
        if cls.portal is not None:
            if os.environ.get("WERVING_API_KEEP"):
                cls.portal.stop()
                print(f"kept {cls.portal.tmp}", file=sys.stderr)
            else:
                cls.portal.cleanup()

    # --- accounts -------------------------------------------------------

    def sign_in(self, email, password):
        r = self.api.post("/v1/sessions", {"email": email, "password": password})
        self.assertEqual(r.status, 201, f"sign-in of {email} failed: {r}")
        return r.json

    def account(self, creds, org=None):
        return Account(creds[0], creds[1], self.sign_in(*creds), org)

    def client(self, account_or_token):
        token = account_or_token.token if isinstance(account_or_token, Account) else account_or_token
        return self.api.with_token(token)

    def register_org(self, name=None, kind="employer", verified=False):
        n = next(_counter)
        email = f"org{n}-{_run}@api-test.werving.test"
        password = "correct-horse-battery"
        kvk = f"{(_run * 1000 + n * 7919) % 90000000 + 10000000:08d}"
        body = {"kvk": kvk, "name": name or f"Testbedrijf {n} B.V.", "kind": kind,
                "contact_name": "Anna Tester", "email": email, "phone": "030-1234567",
                "password": password}
        r = self.api.post("/v1/organisations", body)
        self.assertEqual(r.status, 201, f"registering {email} failed: {r}")
        self.assertEqual(r.json["verification"], "pending", f"a new organisation must start pending (R6): {r}")
        if verified:
            self.portal.admin("verify", email)
        acc = Account(email, password, self.sign_in(email, password), r.json)
        return acc

    # --- assertions -----------------------------------------------------

    def assertProblem(self, r, status, ptype, rule=""):
        prefix = f"{rule}: " if rule else ""
        self.assertEqual(r.status, status, f"{prefix}expected {status} {ptype}, got {r}")
        self.assertEqual(r.headers.get("content-type", "").split(";")[0].strip(), "application/problem+json",
                         f"{prefix}errors must be application/problem+json: {r}")
        self.assertEqual(r.problem_type, ptype, f"{prefix}expected problem type {ptype}: {r}")

    def draft(self, client, **fields):
        body = {
            "title": "Softwareontwikkelaar C",
            "description": "Je bouwt mee aan onze GNOME-software.",
            "occupation": {"code": "2512", "label": "Softwareontwikkelaar"},
            "place": "Utrecht",
            "postcode": "3511 AB",
            "hours_min": 32,
            "hours_max": 40,
            "contract_type": "permanent",
            "education_level": "hbo",
            "salary": {"min": 3500, "max": 5000, "period": "month"},
            "skills": ["C", "GTK"],
            "start_date": None,
            "closing_date": (datetime.date.today() + datetime.timedelta(days=30)).isoformat(),
        }
        body.update(fields)
        r = client.post("/v1/vacancies", body)
        self.assertEqual(r.status, 201, f"creating a draft failed: {r}")
        self.assertEqual(r.json["status"], "draft")
        return r.json

    def active_vacancy(self, client, **fields):
        v = self.draft(client, **fields)
        r = client.post(f"/v1/vacancies/{v['id']}/publish")
        self.assertEqual(r.status, 200, f"publishing failed: {r}")
        self.assertEqual(r.json["status"], "active")
        return r.json

    def search_ids(self, client, limit=100, **query):
        r = client.get("/v1/cvs", query={"limit": limit, **query})
        self.assertEqual(r.status, 200, f"search failed: {r}")
        return [item["id"] for item in r.json["items"]], r


def main():
    unittest.main(verbosity=2)
