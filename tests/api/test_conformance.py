"""Every route of the API, round trip, against a real werving-portal; every
answer is checked against portal/openapi.yaml by werving_api.Client."""

import base64
import datetime
import hashlib
import json
import os
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import werving_api as w  # noqa: E402


def today(days=0):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


class WebSocket:
    """Just enough RFC 6455 to open the events channel and read text frames."""

    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, port, path, token=None):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=20)
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [f"GET {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Upgrade: websocket",
                 "Connection: Upgrade", f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        if token:
            lines.append(f"Authorization: Bearer {token}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            buf += chunk
        head, _, self.rest = buf.partition(b"\r\n\r\n")
        head_lines = head.decode("latin-1").split("\r\n")
        self.status = int(head_lines[0].split()[1])
        self.headers = {}
        for line in head_lines[1:]:
            k, _, v = line.partition(":")
            self.headers[k.strip().lower()] = v.strip()
        self.expected_accept = base64.b64encode(hashlib.sha1((key + self.GUID).encode()).digest()).decode()
        self.body = b""
        if self.status != 101:
            self.body = self.read_body(int(self.headers.get("content-length", "0")))

    def read_body(self, n):
        while len(self.rest) < n:
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            self.rest += chunk
        body, self.rest = self.rest[:n], self.rest[n:]
        return body

    def _exact(self, n):
        data = self.read_body(n)
        if len(data) < n:
            raise ConnectionError("events socket closed")
        return data

    def next_text(self, deadline):
        while True:
            self.sock.settimeout(max(0.1, deadline - time.monotonic()))
            b0, b1 = self._exact(2)
            opcode, length = b0 & 0x0F, b1 & 0x7F
            if length == 126:
                length = struct.unpack("!H", self._exact(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", self._exact(8))[0]
            mask = self._exact(4) if b1 & 0x80 else None
            payload = self._exact(length)
            if mask:
                payload = bytes(c ^ mask[i % 4] for i, c in enumerate(payload))
            if opcode == 1:
                return payload.decode("utf-8")
            if opcode == 8:
                raise ConnectionError("events socket closed by server")

    def close(self):
        try:
            self.sock.sendall(bytes([0x88, 0x80]) + os.urandom(4))
        except OSError:
            pass
        self.sock.close()


class ConformanceTest(w.PortalTestCase):

    def test_health(self):
        r = self.api.get("/v1/health")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json["status"], "ok")

    def test_organisation_round_trip(self):
        acc = self.register_org(name="Bakkerij Round Trip", kind="intermediary")
        me = self.client(acc)
        r = me.get("/v1/organisations/me")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json["email"], acc.email)
        self.assertEqual(r.json["kind"], "intermediary")
        self.assertEqual(r.json["verification"], "pending")
        r = me.patch("/v1/organisations/me", {"name": "Bakkerij Nieuwe Naam", "phone": "020-7654321"})
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json["name"], "Bakkerij Nieuwe Naam")
        self.assertEqual(me.get("/v1/organisations/me").json["phone"], "020-7654321")
        # Duplicate e-mail and duplicate KvK are conflicts.
        dup = {"kvk": "99887766", "name": "X", "kind": "employer", "contact_name": "Y",
               "email": acc.email, "phone": "030-1234567", "password": "long-enough-pw"}
        self.assertProblem(self.api.post("/v1/organisations", dup), 409, "conflict")
        dup.update(kvk=acc.org["kvk"], email="other-" + acc.email)
        self.assertProblem(self.api.post("/v1/organisations", dup), 409, "conflict")
        # Validation names the fields.
        bad = {"kvk": "1234", "name": "X", "kind": "employer", "contact_name": "Y",
               "email": "v@api-test.werving.test", "phone": "030-1234567", "password": "short"}
        r = self.api.post("/v1/organisations", bad)
        self.assertProblem(r, 422, "validation")
        fields = {e["field"] for e in r.json["errors"]}
        self.assertIn("kvk", fields)
        self.assertIn("password", fields)
        r = self.api.post("/v1/organisations", {**bad, "kvk": "12345678", "password": "long-enough-pw",
                                                 "kind": "charity"})
        self.assertProblem(r, 422, "validation")
        self.assertIn("kind", {e["field"] for e in r.json["errors"]})

    def test_sessions_round_trip(self):
        acc = self.account(w.DEMO_ORG)
        self.assertEqual(acc.session["token_type"], "Bearer")
        self.assertEqual(acc.session["account"]["kind"], "organisation")
        r = self.api.post("/v1/sessions", {"email": w.DEMO_ORG[0], "password": "wrong-password"})
        self.assertProblem(r, 401, "unauthenticated")
        self.assertProblem(self.api.get("/v1/organisations/me"), 401, "unauthenticated")
        self.assertProblem(self.api.get("/v1/organisations/me", token="not-a-token"), 401, "unauthenticated")
        # Refresh rotates.
        r = self.api.post("/v1/sessions/refresh", {"refresh_token": acc.session["refresh_token"]})
        self.assertEqual(r.status, 201, r)
        new = r.json
        self.assertNotEqual(new["access_token"], acc.token)
        self.assertNotEqual(new["refresh_token"], acc.session["refresh_token"])
        self.assertEqual(self.api.get("/v1/organisations/me", token=new["access_token"]).status, 200)
        r = self.api.post("/v1/sessions/refresh", {"refresh_token": acc.session["refresh_token"]})
        self.assertProblem(r, 401, "unauthenticated", "a used refresh token must stop working")
        # Sign out revokes the access token and its refresh token.
        self.assertEqual(self.api.delete("/v1/sessions/current", token=new["access_token"]).status, 204)
        self.assertProblem(self.api.get("/v1/organisations/me", token=new["access_token"]), 401,
                           "unauthenticated", "token reuse after sign-out")
        self.assertProblem(self.api.post("/v1/sessions/refresh", {"refresh_token": new["refresh_token"]}),
                           401, "unauthenticated", "refresh after sign-out")
        self.assertProblem(self.api.delete("/v1/sessions/current", token=new["access_token"]), 401,
                           "unauthenticated")
        js = self.account(w.DEMO_JOBSEEKER)
        self.assertEqual(js.session["account"]["kind"], "jobseeker")

    def test_vacancy_round_trip(self):
        org = self.client(self.account(w.DEMO_ORG))
        v = self.draft(org, title="Lasser MIG/MAG")
        vid = v["id"]
        self.assertEqual(org.get(f"/v1/vacancies/{vid}").json["title"], "Lasser MIG/MAG")
        r = org.patch(f"/v1/vacancies/{vid}", {"title": "Lasser TIG", "skills": ["TIG", "lezen van tekeningen"]})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["title"], "Lasser TIG")
        self.assertEqual(r.json["skills"], ["TIG", "lezen van tekeningen"])
        r = org.get("/v1/vacancies", query={"status": "draft", "limit": 100})
        self.assertIn(vid, [x["id"] for x in r.json["items"]])
        self.assertTrue(all(x["status"] == "draft" for x in r.json["items"]))
        self.assertGreaterEqual(r.json["counts"]["draft"], 1)
        r = org.post(f"/v1/vacancies/{vid}/publish")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["status"], "active")
        self.assertEqual(org.post(f"/v1/vacancies/{vid}/publish").status, 409, "publishing twice")
        r = org.get(f"/v1/vacancies/{vid}/matches", query={"limit": 10})
        self.assertEqual(r.status, 200, r)
        for item in r.json["items"]:
            self.assertIn("matched", item)
        self.assertProblem(org.delete(f"/v1/vacancies/{vid}"), 409, "conflict")
        r = org.post(f"/v1/vacancies/{vid}/close")
        self.assertEqual((r.status, r.json["status"]), (200, "closed"), r)
        r = org.post(f"/v1/vacancies/{vid}/renew", {"closing_date": today(40)})
        self.assertEqual((r.status, r.json["status"]), (200, "active"), r)
        self.assertEqual(r.json["closing_date"], today(40))
        d = self.draft(org)
        self.assertEqual(org.delete(f"/v1/vacancies/{d['id']}").status, 204)
        self.assertProblem(org.get(f"/v1/vacancies/{d['id']}"), 404, "not-found")
        # Paging through every vacancy of the organisation.
        seen, cursor = [], None
        for _ in range(50):
            q = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            r = org.get("/v1/vacancies", query=q)
            self.assertLessEqual(len(r.json["items"]), 2)
            seen += [x["id"] for x in r.json["items"]]
            cursor = r.json["next_cursor"]
            if not cursor:
                break
        self.assertEqual(len(seen), len(set(seen)), "pages overlap")
        self.assertEqual(len(seen), r.json["total"])

    def test_vacancy_validation(self):
        org = self.client(self.account(w.DEMO_ORG))
        cases = [({"title": "ab"}, "title"), ({"title": "Goed", "postcode": "0123 AB"}, "postcode"),
                 ({"title": "Goed", "hours_min": 40, "hours_max": 20}, "hours_"),
                 ({"title": "Goed", "hours_min": 0}, "hours_min"),
                 ({"title": "Goed", "salary": {"min": 5000, "max": 3000, "period": "month"}}, "salary"),
                 ({"title": "Goed", "skills": ["x" * 61]}, "skills"),
                 ({"title": "Goed", "skills": [f"s{i}" for i in range(31)]}, "skills"),
                 ({"title": "Goed", "description": "x" * 10001}, "description")]
        for body, field in cases:
            with self.subTest(field=field, body=str(body)[:60]):
                r = org.post("/v1/vacancies", body)
                self.assertProblem(r, 422, "validation")
                fields = [e["field"] for e in r.json["errors"]]
                self.assertTrue(any(f.startswith(field) for f in fields),
                                f"errors do not name {field}: {r.json['errors']}")
        v = self.draft(org, closing_date=today(-1))
        r = org.post(f"/v1/vacancies/{v['id']}/publish")
        self.assertProblem(r, 422, "validation")
        self.assertIn("closing_date", [e["field"] for e in r.json["errors"]])

    def test_cv_search_and_detail(self):
        org = self.client(self.account(w.DEMO_ORG))
        r = org.get("/v1/cvs")
        self.assertEqual(r.status, 200)
        self.assertEqual(len(r.json["items"]), min(20, r.json["total"]), "default limit is 20")
        self.assertGreater(r.json["total"], 100, "the demo portal has thousands of CVs")
        queries = [{"q": "ontwikkelaar"}, {"skills": "Excel"}, {"occupation": "2512"},
                   {"place": "Utrecht", "radius_km": 25}, {"education_min": "mbo-4"},
                   {"hours_min": 24, "hours_max": 32}, {"driving_licence": "true"}, {"languages": "nl,en"},
                   {"available_from": today(30)}, {"updated_since": today(-30)}, {"sort": "recent"},
                   {"sort": "relevance", "q": "zorg"}]
        for q in queries:
            with self.subTest(query=q):
                r = org.get("/v1/cvs", query={**q, "limit": 5})
                self.assertEqual(r.status, 200, r)
        # Two pages never overlap.
        r1 = org.get("/v1/cvs", query={"limit": 50, "sort": "recent"})
        self.assertTrue(r1.json["next_cursor"])
        r2 = org.get("/v1/cvs", query={"limit": 50, "sort": "recent", "cursor": r1.json["next_cursor"]})
        ids1 = {x["id"] for x in r1.json["items"]}
        ids2 = {x["id"] for x in r2.json["items"]}
        self.assertFalse(ids1 & ids2, "search pages overlap")
        cv_id = r1.json["items"][0]["id"]
        before = org.get("/v1/quota").json["cv_views"]
        r = org.get(f"/v1/cvs/{cv_id}")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["id"], cv_id)
        self.assertEqual(r.header_int("X-Quota-Limit"), before["limit"])
        self.assertEqual(r.header_int("X-Quota-Remaining"), before["remaining"] - 1)
        after = org.get("/v1/quota").json
        self.assertEqual(after["cv_views"]["used"], before["used"] + 1)
        self.assertIn("new_contacts", after)
        self.assertProblem(org.get("/v1/cvs/999999999"), 404, "not-found")

    def test_threads_round_trip(self):
        org = self.client(self.register_org(verified=True))
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        own_cv = js.get("/v1/me/cv")
        self.assertEqual(own_cv.status, 200, own_cv)
        cv_id = own_cv.json["id"]
        if own_cv.json["status"] == "hidden":
            js.patch("/v1/me/cv", {"visibility": "anonymous"})
        v = self.active_vacancy(org, title="Thread round trip")
        r = org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_id, "body": "Goedemiddag, interesse?"})
        self.assertEqual(r.status, 201, r)
        t = r.json
        self.assertEqual((t["vacancy_id"], t["cv_id"], t["vacancy_title"]), (v["id"], cv_id, "Thread round trip"))
        self.assertFalse(t["read_only"])
        r = org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_id, "body": "Nog een keer"})
        self.assertProblem(r, 409, "conflict", "one thread per (vacancy, cv)")
        r = org.get("/v1/threads")
        self.assertEqual(r.json["items"][0]["id"], t["id"], "newest activity first")
        self.assertEqual(org.get(f"/v1/threads/{t['id']}").json["id"], t["id"])
        r = org.get(f"/v1/threads/{t['id']}/messages")
        self.assertEqual([m["body"] for m in r.json["items"]], ["Goedemiddag, interesse?"])
        self.assertEqual(r.json["items"][0]["sender"], "organisation")
        # The jobseeker sees it, replies, reads, reveals.
        r = js.get("/v1/threads", query={"limit": 100})
        self.assertIn(t["id"], [x["id"] for x in r.json["items"]])
        self.assertGreaterEqual(js.get(f"/v1/threads/{t['id']}").json["unread_count"], 1)
        self.assertEqual(js.post(f"/v1/threads/{t['id']}/read").status, 204)
        self.assertEqual(js.get(f"/v1/threads/{t['id']}").json["unread_count"], 0)
        r = js.post(f"/v1/threads/{t['id']}/messages", {"body": "Ja, graag!"})
        self.assertEqual((r.status, r.json["sender"], r.json["thread_id"]), (201, "jobseeker", t["id"]), r)
        r = org.get(f"/v1/threads/{t['id']}")
        self.assertEqual(r.json["unread_count"], 1)
        self.assertEqual(r.json["last_message_preview"][:10], "Ja, graag!"[:10])
        r = org.post(f"/v1/threads/{t['id']}/messages", {"body": "Fijn. Wanneer kun je?"})
        self.assertEqual(r.status, 201, r)
        r = org.get(f"/v1/threads/{t['id']}/messages", query={"limit": 100})
        self.assertEqual([m["body"] for m in r.json["items"]],
                         ["Goedemiddag, interesse?", "Ja, graag!", "Fijn. Wanneer kun je?"], "oldest first")
        self.assertIsNone(org.get(f"/v1/threads/{t['id']}").json["revealed_contact"])
        self.assertProblem(org.post(f"/v1/threads/{t['id']}/reveal"), 403, "forbidden",
                           "R8: only the jobseeker reveals")
        r = js.post(f"/v1/threads/{t['id']}/reveal")
        self.assertEqual(r.status, 200, r)
        pers = own_cv.json["personalia"]
        rc = org.get(f"/v1/threads/{t['id']}").json["revealed_contact"]
        self.assertEqual((rc["name"], rc["email"], rc["phone"]), (pers["name"], pers["email"], pers["phone"]))
        r = org.post(f"/v1/threads/{t['id']}/messages", {"body": ""})
        self.assertProblem(r, 422, "validation")
        r = org.post(f"/v1/threads/{t['id']}/messages", {"body": "x" * 5001})
        self.assertProblem(r, 422, "validation")
        # Closing the vacancy makes the thread read-only for the organisation (R2).
        org.post(f"/v1/vacancies/{v['id']}/close")
        self.assertTrue(org.get(f"/v1/threads/{t['id']}").json["read_only"])
        r = org.post(f"/v1/threads/{t['id']}/messages", {"body": "Nog iets"})
        self.assertProblem(r, 409, "no-active-vacancy", "R2: no messages about a closed vacancy")

    def test_shortlist_round_trip(self):
        org = self.client(self.register_org(verified=True))
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        draft = self.draft(org, title="Shortlist-vacature")
        base = f"/v1/vacancies/{draft['id']}/shortlist"
        own_cv = js.get("/v1/me/cv").json["id"]
        ids = [i for i in self.search_ids(org, limit=4, sort="recent")[0] if i != own_cv]
        secret = "Privénotitie 7Q: bellen na de zomer"
        # New is 201, again is 200; an absent note keeps the note.
        r = org.put(f"{base}/{own_cv}", {"stage": "shortlisted", "note": secret})
        self.assertEqual(r.status, 201, r)
        self.assertEqual((r.json["cv_id"], r.json["stage"], r.json["note"], r.json["available"]),
                         (own_cv, "shortlisted", secret, True))
        self.assertEqual(r.json["summary"]["id"], own_cv)
        self.assertNotIn("name", r.json["summary"])
        r = org.put(f"{base}/{own_cv}", {"stage": "interview"})
        self.assertEqual((r.status, r.json["stage"], r.json["note"]), (200, "interview", secret), r)
        for cv in ids[:2]:
            self.assertEqual(org.put(f"{base}/{cv}", {"stage": "contacted"}).status, 201)
        # The list envelope, newest first, paged.
        r = org.get(base, query={"limit": 2})
        self.assertEqual((r.status, r.json["total"], r.json["total_is_estimate"]), (200, 3, False), r)
        self.assertTrue(r.json["next_cursor"])
        r2 = org.get(base, query={"limit": 2, "cursor": r.json["next_cursor"]})
        listed = [e["cv_id"] for e in r.json["items"] + r2.json["items"]]
        self.assertEqual(listed, [ids[1], ids[0], own_cv])
        self.assertIsNone(r2.json["next_cursor"])
        # Validation: stage enum and note length name their field.
        for body, field in (({"stage": "promoted"}, "stage"), ({"note": "x"}, "stage"),
                            ({"stage": "hired", "note": "x" * 2001}, "note")):
            with self.subTest(body=str(body)[:40]):
                r = org.put(f"{base}/{own_cv}", body)
                self.assertProblem(r, 422, "validation")
                self.assertIn(field, [e["field"] for e in r.json["errors"]])
        self.assertEqual(org.put(f"{base}/{own_cv}", {"stage": "hired", "note": "é" * 2000}).status, 200,
                         "2000 characters (not bytes) are allowed")
        org.put(f"{base}/{own_cv}", {"stage": "interview", "note": secret})
        self.assertProblem(org.put(f"{base}/{own_cv}", {"stage": 5}), 400, "bad-request")
        self.assertProblem(org.put(f"{base}/999999999", {"stage": "hired"}), 404, "not-found")
        self.assertProblem(org.get("/v1/vacancies/999999999/shortlist"), 404, "not-found")
        # The open CV shows no name on a shortlist; a hidden one stays, unavailable.
        try:
            self.assertEqual(js.patch("/v1/me/cv", {"visibility": "open"}).status, 200)
            entry = next(e for e in org.get(base).json["items"] if e["cv_id"] == own_cv)
            self.assertEqual(entry["summary"]["visibility"], "open")
            self.assertNotIn("name", entry["summary"], "R1: a shortlist is not a (logged) CV view")
            self.assertEqual(js.patch("/v1/me/cv", {"visibility": "hidden"}).status, 200)
            entry = next(e for e in org.get(base).json["items"] if e["cv_id"] == own_cv)
            self.assertEqual((entry["available"], entry["summary"], entry["note"]), (False, None, secret))
            r = org.put(f"{base}/{own_cv}", {"stage": "rejected"})
            self.assertEqual((r.status, r.json["available"]), (200, False), "a hidden CV's entry can be updated")
        finally:
            js.patch("/v1/me/cv", {"visibility": "anonymous"})
        # Notes are private: nothing the jobseeker can read carries them.
        for path in ("/v1/me/cv", "/v1/threads", "/v1/me/cv/views"):
            self.assertNotIn("Privénotitie", js.get(path).body.decode("utf-8"), path)
        self.assertProblem(js.get(base), 403, "forbidden")
        # R6: an organisation the portal has not verified sees no shortlist.
        pending = self.client(self.register_org())
        pending_draft = self.draft(pending)
        self.assertProblem(pending.get(f"/v1/vacancies/{pending_draft['id']}/shortlist"), 403,
                           "organisation-not-verified")
        self.assertProblem(pending.put(f"/v1/vacancies/{pending_draft['id']}/shortlist/{own_cv}",
                                       {"stage": "shortlisted"}), 403, "organisation-not-verified")
        # Removing.
        self.assertEqual(org.delete(f"{base}/{ids[0]}").status, 204)
        self.assertProblem(org.delete(f"{base}/{ids[0]}"), 404, "not-found")
        self.assertEqual(org.get(base).json["total"], 2)
        # Deleting the draft takes its shortlist with it.
        self.assertEqual(org.delete(f"/v1/vacancies/{draft['id']}").status, 204)
        self.assertProblem(org.get(base), 404, "not-found")

    def test_jobseeker_round_trip(self):
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        r = js.get("/v1/me/cv")
        self.assertEqual(r.status, 200, r)
        self.assertIn(r.json["status"], ("hidden", "anonymous", "open"))
        r = js.post("/v1/me/cv/renew")
        self.assertEqual(r.status, 200, r)
        expires = datetime.datetime.fromisoformat(r.json["expires_at"].replace("Z", "+00:00"))
        now = datetime.datetime.now(datetime.timezone.utc)
        self.assertAlmostEqual((expires - now).total_seconds() / 86400, 180, delta=1.1)
        r = js.get("/v1/me/cv/views")
        self.assertEqual(r.status, 200, r)
        org = self.client(self.account(w.DEMO_ORG))
        self.assertProblem(org.get("/v1/me/cv"), 403, "forbidden")
        self.assertProblem(js.get("/v1/cvs"), 403, "forbidden", "a jobseeker cannot search CVs")
        self.assertProblem(js.get("/v1/vacancies"), 403, "forbidden")

    def test_events(self):
        org = self.client(self.register_org(verified=True))
        js_acc = self.account(w.DEMO_JOBSEEKER)
        js = self.client(js_acc)
        ws = WebSocket(self.portal.port, "/v1/events")
        ws.sock.close()
        self.assertEqual(ws.status, 401, "events without a token must be refused")
        w.document().check("GET", "/v1/events", ws.status, ws.headers, ws.body)
        ws = WebSocket(self.portal.port, "/v1/events", token=js_acc.token)
        try:
            self.assertEqual(ws.status, 101, f"events upgrade failed: {ws.headers}")
            self.assertEqual(ws.headers.get("sec-websocket-accept"), ws.expected_accept)
            self.assertEqual(ws.headers.get("upgrade", "").lower(), "websocket")
            cv_id = js.get("/v1/me/cv").json["id"]
            js.patch("/v1/me/cv", {"visibility": "anonymous"})
            v = self.active_vacancy(org, title="Events test")
            t = org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_id, "body": "Hallo via events"})
            self.assertEqual(t.status, 201, t)
            m = org.post(f"/v1/threads/{t.json['id']}/messages", {"body": "Hallo via events"})
            self.assertEqual(m.status, 201, m)
            event_schema = w.document().validator(w.document().schema("Event"))
            deadline = time.monotonic() + 20
            got = None
            while time.monotonic() < deadline:
                frame = json.loads(ws.next_text(deadline))
                errors = [e.message for e in event_schema.iter_errors(frame)]
                self.assertEqual(errors, [], f"event does not conform to Event: {frame}")
                if frame["type"] == "message.created" and frame["thread_id"] == t.json["id"]:
                    got = frame
                    break
            self.assertIsNotNone(got, "no message.created event reached the jobseeker")
            self.assertEqual(got["message"]["body"], "Hallo via events")
            # A heartbeat at least every 15 s.
            deadline = time.monotonic() + 20
            beat = None
            while beat is None and time.monotonic() < deadline:
                frame = json.loads(ws.next_text(deadline))
                self.assertEqual([e.message for e in event_schema.iter_errors(frame)], [],
                                 f"event does not conform to Event: {frame}")
                if frame["type"] == "heartbeat":
                    beat = frame
            self.assertIsNotNone(beat, "no heartbeat within 20 s")
            w.document().hits.add(("openEvents", 101))
        finally:
            ws.close()
        ws = WebSocket(self.portal.port, f"/v1/events?access_token={js_acc.token}")
        self.assertEqual(ws.status, 101, "?access_token= must work too")
        ws.close()

    def test_zz_every_operation_answered(self):
        # Runs last (alphabetical order): every operation of the document was
        # exercised above with a successful answer that conformed.
        ok = {op for op, status in w.document().hits if 200 <= status < 300 or status == 101}
        missing = sorted(w.document().operation_ids() - ok)
        self.assertEqual(missing, [], "operations never answered successfully in this file")


if __name__ == "__main__":
    w.main()
