"""R3 (new contacts per day capped), R4 (CV views per day capped, 429 with
Retry-After, quota headers count down) and sign-in throttling, against a
real werving-portal started with --cv-view-quota 20 --contact-quota 3."""

import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import werving_api as w  # noqa: E402

VIEW_QUOTA = 20
CONTACT_QUOTA = 3


def seconds_to_midnight_utc():
    now = datetime.datetime.now(datetime.timezone.utc)
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return (midnight - now).total_seconds()


class QuotaTest(w.PortalTestCase):
    portal_args = {"cvs": 3000, "cv_view_quota": VIEW_QUOTA, "contact_quota": CONTACT_QUOTA}

    def test_r4_cv_views_stop_at_the_quota(self):
        rule = "R4 (CV views per organisation per day are capped)"
        org = self.client(self.register_org(verified=True))
        q = org.get("/v1/quota").json["cv_views"]
        self.assertEqual((q["limit"], q["used"], q["remaining"]), (VIEW_QUOTA, 0, VIEW_QUOTA),
                         f"{rule}: a new organisation's quota: {q}")
        ids, _ = self.search_ids(org, limit=VIEW_QUOTA + 5, sort="recent")
        self.assertEqual(len(ids), VIEW_QUOTA + 5)
        for i, cv_id in enumerate(ids[:VIEW_QUOTA]):
            r = org.get(f"/v1/cvs/{cv_id}")
            self.assertEqual(r.status, 200, f"{rule}: view {i + 1} of {VIEW_QUOTA} refused: {r}")
            self.assertEqual(r.header_int("X-Quota-Limit"), VIEW_QUOTA, f"{rule}: X-Quota-Limit")
            self.assertEqual(r.header_int("X-Quota-Remaining"), VIEW_QUOTA - i - 1,
                             f"{rule}: X-Quota-Remaining must count down")
            self.assertAlmostEqual(r.header_int("X-Quota-Reset"), seconds_to_midnight_utc(), delta=5,
                                   msg=f"{rule}: X-Quota-Reset is the seconds until midnight UTC")
        q = org.get("/v1/quota").json["cv_views"]
        self.assertEqual((q["used"], q["remaining"]), (VIEW_QUOTA, 0), f"{rule}: /v1/quota after the views")
        resets = datetime.datetime.fromisoformat(q["resets_at"].replace("Z", "+00:00"))
        self.assertEqual((resets.hour, resets.minute, resets.second), (0, 0, 0), "resets_at is midnight UTC")
        for cv_id in ids[VIEW_QUOTA:]:
            r = org.get(f"/v1/cvs/{cv_id}")
            self.assertProblem(r, 429, "quota-exceeded", f"{rule}: view past the quota")
            self.assertEqual(r.json["quota"], "cv-views")
            retry = r.header_int("Retry-After")
            self.assertIsNotNone(retry, f"{rule}: 429 without Retry-After")
            self.assertAlmostEqual(retry, seconds_to_midnight_utc(), delta=5,
                                   msg=f"{rule}: Retry-After is the time until the quota resets")
            self.assertEqual(r.json["retry_after"], retry)
            self.assertEqual(r.header_int("X-Quota-Remaining"), 0)
            for leak in ("headline", "summary", "skills", "experience", "personalia", "region"):
                self.assertNotIn(leak, r.json, f"{rule}: CV data returned past the quota")
            self.assertNotIn(f'"id": {cv_id}', r.text)
        q = org.get("/v1/quota").json["cv_views"]
        self.assertEqual((q["used"], q["remaining"]), (VIEW_QUOTA, 0), f"{rule}: refused views are no views")
        # Search still works and is bounded; other organisations are not affected.
        self.assertEqual(org.get("/v1/cvs", query={"limit": 100}).status, 200)
        self.assertProblem(org.get("/v1/cvs", query={"limit": 101}), 400, "bad-request",
                           f"{rule}: search paging is bounded")
        other = self.client(self.register_org(verified=True))
        r = other.get(f"/v1/cvs/{ids[0]}")
        self.assertEqual(r.status, 200, f"{rule}: the quota is per organisation: {r}")
        self.assertEqual(r.header_int("X-Quota-Remaining"), VIEW_QUOTA - 1)

    def test_r3_new_contacts_are_capped(self):
        rule = "R3 (new contacts per organisation per day are capped)"
        org = self.client(self.register_org(verified=True))
        q = org.get("/v1/quota").json["new_contacts"]
        self.assertEqual((q["limit"], q["used"], q["remaining"]), (CONTACT_QUOTA, 0, CONTACT_QUOTA), rule)
        v = self.active_vacancy(org, title="R3 vacature")
        ids, _ = self.search_ids(org, limit=CONTACT_QUOTA + 3)
        threads = []
        for i, cv_id in enumerate(ids[:CONTACT_QUOTA]):
            r = org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_id, "body": f"Contact {i}"})
            self.assertEqual(r.status, 201, f"{rule}: contact {i + 1} of {CONTACT_QUOTA} refused: {r}")
            threads.append(r.json)
        q = org.get("/v1/quota").json["new_contacts"]
        self.assertEqual((q["used"], q["remaining"]), (CONTACT_QUOTA, 0), rule)
        before = org.get("/v1/threads", query={"limit": 100}).json["total"]
        for cv_id in ids[CONTACT_QUOTA:]:
            r = org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_id, "body": "Nog eentje"})
            self.assertProblem(r, 429, "quota-exceeded", f"{rule}: contact past the cap")
            self.assertEqual(r.json["quota"], "new-contacts")
            self.assertIsNotNone(r.header_int("Retry-After"), f"{rule}: 429 without Retry-After")
            self.assertAlmostEqual(r.header_int("Retry-After"), seconds_to_midnight_utc(), delta=5)
        self.assertEqual(org.get("/v1/threads", query={"limit": 100}).json["total"], before,
                         f"{rule}: a refused contact created a thread")
        # A second vacancy does not lift the cap: it is per organisation.
        v2 = self.active_vacancy(org, title="R3 tweede vacature")
        r = org.post("/v1/threads", {"vacancy_id": v2["id"], "cv_id": ids[0], "body": "Via een andere vacature"})
        self.assertProblem(r, 429, "quota-exceeded", f"{rule}: the cap is per organisation, not per vacancy")
        # Existing conversations go on: a message is not a new contact.
        r = org.post(f"/v1/threads/{threads[0]['id']}/messages", {"body": "Een vervolgbericht"})
        self.assertEqual(r.status, 201, f"{rule}: messages in existing threads must still work: {r}")
        # No broadcast: one thread, one CV.
        r = org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": ids[3:6], "body": "Aan iedereen"})
        self.assertIn(r.status, (400, 422), f"{rule}: a list of CVs must be refused: {r}")
        other = self.client(self.register_org(verified=True))
        ov = self.active_vacancy(other)
        r = other.post("/v1/threads", {"vacancy_id": ov["id"], "cv_id": ids[-1], "body": "Hallo"})
        self.assertEqual(r.status, 201, f"{rule}: another organisation's cap is its own: {r}")

    def test_sign_in_throttling(self):
        rule = "sign-in throttling (5 failures per e-mail within 15 min)"
        acc = self.register_org()
        for i in range(5):
            r = self.api.post("/v1/sessions", {"email": acc.email, "password": f"wrong-password-{i}"})
            self.assertProblem(r, 401, "unauthenticated", f"{rule}: failure {i + 1}")
        r = self.api.post("/v1/sessions", {"email": acc.email, "password": "wrong-password-6"})
        self.assertProblem(r, 429, "rate-limited", f"{rule}: 6th attempt")
        self.assertGreater(r.header_int("Retry-After") or 0, 0, f"{rule}: Retry-After")
        self.assertLessEqual(r.header_int("Retry-After"), 15 * 60)
        r = self.api.post("/v1/sessions", {"email": acc.email, "password": acc.password})
        self.assertProblem(r, 429, "rate-limited", f"{rule}: the right password is throttled too")
        # Another e-mail address is not affected.
        other = self.register_org()
        self.assertEqual(self.api.post("/v1/sessions", {"email": other.email, "password": other.password}).status,
                         201)


if __name__ == "__main__":
    w.main()
