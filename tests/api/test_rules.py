"""Domain rules R2, R5, R6, R7 and R8 at the HTTP level, against a real
werving-portal; every answer also conforms to portal/openapi.yaml."""

import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import werving_api as w  # noqa: E402
import ground_truth  # noqa: E402


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc)


def parse_ts(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


class RulesTest(w.PortalTestCase):
    portal_args = {"cvs": 3000, "cv_view_quota": 20, "contact_quota": 3}

    def demo_cv_id(self, js):
        r = js.get("/v1/me/cv")
        self.assertEqual(r.status, 200, f"the demo jobseeker must own a CV: {r}")
        return r.json["id"]

    def some_cv(self, org):
        ids, _ = self.search_ids(org, limit=5, sort="recent")
        self.assertTrue(ids, "search found no CV at all")
        return ids[0]

    # --- R2 -------------------------------------------------------------

    def test_r2_contact_needs_an_own_active_vacancy(self):
        rule = "R2 (contact needs an own, active vacancy)"
        demo = self.client(self.account(w.DEMO_ORG))
        by_status = {}
        for status in ("draft", "closed", "expired", "active"):
            r = demo.get("/v1/vacancies", query={"status": status, "limit": 100})
            self.assertEqual(r.status, 200, r)
            self.assertTrue(all(v["status"] == status for v in r.json["items"]), f"status filter broken: {r}")
            if r.json["items"]:
                by_status[status] = r.json["items"][0]
        self.assertIn("expired", by_status, "demo data must hold an expired vacancy (contract: Server CLI)")
        expired = by_status["expired"]
        self.assertLess(expired["closing_date"], datetime.date.today().isoformat(),
                        "an expired vacancy's closing_date has passed")
        if "draft" not in by_status:
            by_status["draft"] = self.draft(demo)
        if "closed" not in by_status:
            v = self.active_vacancy(demo)
            by_status["closed"] = demo.post(f"/v1/vacancies/{v['id']}/close").json
        cv_id = self.some_cv(demo)
        threads_before = demo.get("/v1/threads", query={"limit": 100}).json["total"]
        for status in ("draft", "closed", "expired"):
            with self.subTest(vacancy_status=status):
                r = demo.post("/v1/threads", {"vacancy_id": by_status[status]["id"], "cv_id": cv_id,
                                              "body": "Mogen we je benaderen?"})
                self.assertProblem(r, 409, "no-active-vacancy", f"{rule}: a {status} vacancy")
        # Another organisation's active vacancy: not found (never reveal it).
        other = self.client(self.register_org(verified=True))
        other_active = self.active_vacancy(other)
        r = demo.post("/v1/threads", {"vacancy_id": other_active["id"], "cv_id": cv_id, "body": "Hallo"})
        self.assertProblem(r, 404, "not-found", f"{rule}: another organisation's vacancy")
        # Not logged in.
        r = self.api.post("/v1/threads", {"vacancy_id": other_active["id"], "cv_id": cv_id, "body": "Hallo"})
        self.assertProblem(r, 401, "unauthenticated", f"{rule}: contact needs a signed-in organisation")
        # A jobseeker cannot open threads.
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        r = js.post("/v1/threads", {"vacancy_id": other_active["id"], "cv_id": cv_id, "body": "Hallo"})
        self.assertProblem(r, 403, "forbidden", f"{rule}: only organisations open threads")
        self.assertEqual(demo.get("/v1/threads", query={"limit": 100}).json["total"], threads_before,
                         f"{rule}: a refused contact created a thread")
        # The active one works: the rule refuses only what it must.
        active = self.active_vacancy(demo, title="R2 actief")
        r = demo.post("/v1/threads", {"vacancy_id": active["id"], "cv_id": cv_id, "body": "Hallo"})
        self.assertEqual(r.status, 201, f"{rule}: contact about an own active vacancy must work: {r}")
        # An expired vacancy's threads are read-only (R2).
        r = demo.get("/v1/threads", query={"limit": 100})
        for t in r.json["items"]:
            if t["vacancy_id"] in (by_status["closed"]["id"], expired["id"]):
                self.assertTrue(t["read_only"], f"{rule}: thread of an inactive vacancy must be read-only: {t}")

    # --- R5 -------------------------------------------------------------

    def test_r5_jobseeker_sees_who_viewed(self):
        rule = "R5 (every CV view is logged and shown to the jobseeker)"
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        js.patch("/v1/me/cv", {"visibility": "anonymous"})
        cv_id = self.demo_cv_id(js)
        name = "Kijkgraag Werving R5 B.V."
        acc = self.register_org(name=name, verified=True)
        org = self.client(acc)
        before = [v for v in js.get("/v1/me/cv/views", query={"limit": 100}).json["items"]
                  if v["organisation_name"] == name]
        self.assertEqual(before, [], f"{rule}: a view was logged before any view")
        # A search is not a view.
        org.get("/v1/cvs", query={"limit": 100})
        t0 = utcnow() - datetime.timedelta(seconds=5)
        r = org.get(f"/v1/cvs/{cv_id}")
        self.assertEqual(r.status, 200, r)
        r = js.get("/v1/me/cv/views", query={"limit": 100})
        self.assertEqual(r.status, 200, r)
        mine = [v for v in r.json["items"] if v["organisation_name"] == name]
        self.assertEqual(len(mine), 1, f"{rule}: the viewing organisation is not listed once: {r.json['items']}")
        self.assertGreaterEqual(parse_ts(mine[0]["viewed_at"]), t0, f"{rule}: viewed_at is wrong: {mine}")
        self.assertLessEqual(parse_ts(mine[0]["viewed_at"]), utcnow() + datetime.timedelta(seconds=5))
        self.assertEqual(r.json["items"][0]["organisation_name"], name, f"{rule}: newest view first")
        # A refused view (unverified organisation) is no view.
        pending_name = "Nog Niet Geverifieerd R5 B.V."
        pending = self.client(self.register_org(name=pending_name))
        pending.get(f"/v1/cvs/{cv_id}")
        r = js.get("/v1/me/cv/views", query={"limit": 100})
        self.assertNotIn(pending_name, [v["organisation_name"] for v in r.json["items"]],
                         f"{rule}: a refused view was logged as a view")

    # --- R6 -------------------------------------------------------------

    def test_r6_unverified_organisation(self):
        rule = "R6 (bona fide employers only)"
        demo = self.client(self.account(w.DEMO_ORG))
        cv_id = self.some_cv(demo)
        for label, acc in (("new registration", self.register_org()),
                           ("demo pending organisation", self.account(w.PENDING_ORG))):
            with self.subTest(organisation=label):
                org = self.client(acc)
                self.assertEqual(org.get("/v1/organisations/me").json["verification"], "pending")
                d = self.draft(org, title="Concept van een onbevestigde werkgever")
                r = org.patch(f"/v1/vacancies/{d['id']}", {"title": "Concept, aangepast"})
                self.assertEqual(r.status, 200, f"{rule}: an unverified organisation can write drafts: {r}")
                r = org.post(f"/v1/vacancies/{d['id']}/publish")
                self.assertProblem(r, 403, "organisation-not-verified", f"{rule}: publish")
                self.assertEqual(org.get(f"/v1/vacancies/{d['id']}").json["status"], "draft",
                                 f"{rule}: the refused publish changed the status")
                r = org.get("/v1/cvs")
                self.assertProblem(r, 403, "organisation-not-verified", f"{rule}: search")
                self.assertNotIn("items", r.json)
                r = org.get(f"/v1/cvs/{cv_id}")
                self.assertProblem(r, 403, "organisation-not-verified", f"{rule}: CV detail")
                self.assertNotIn("headline", r.json)
                r = org.get(f"/v1/vacancies/{d['id']}/matches")
                self.assertProblem(r, 403, "organisation-not-verified", f"{rule}: matches")
        # Once verified, the same organisation can.
        acc = self.register_org()
        org = self.client(acc)
        d = self.draft(org)
        self.assertProblem(org.post(f"/v1/vacancies/{d['id']}/publish"), 403, "organisation-not-verified", rule)
        self.portal.admin("verify", acc.email)
        self.assertEqual(org.get("/v1/organisations/me").json["verification"], "verified")
        r = org.post(f"/v1/vacancies/{d['id']}/publish")
        self.assertEqual(r.status, 200, f"{rule}: a verified organisation must be able to publish: {r}")
        self.assertEqual(org.get("/v1/cvs").status, 200)
        # Blocked again: no search, no views.
        self.portal.admin("block", acc.email)
        self.assertEqual(org.get("/v1/organisations/me").json["verification"], "blocked")
        r = org.get("/v1/cvs")
        self.assertEqual(r.status, 403, f"{rule}: a blocked organisation searched CVs: {r}")
        r = org.get(f"/v1/cvs/{cv_id}")
        self.assertEqual(r.status, 403, f"{rule}: a blocked organisation viewed a CV: {r}")

    # --- R7 -------------------------------------------------------------

    def test_r7_hidden_cv_is_never_found(self):
        rule = "R7 (hidden CVs are never found)"
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        org = self.client(self.register_org(verified=True))
        self.assertEqual(js.patch("/v1/me/cv", {"visibility": "anonymous"}).status, 200)
        r = js.post("/v1/me/cv/renew")  # updated now: first in a recent search
        self.assertEqual(r.status, 200, r)
        cv = r.json
        ids, _ = self.search_ids(org, limit=50, sort="recent")
        self.assertIn(cv["id"], ids, "precondition: the freshly renewed CV is found by a recent search")
        r = js.patch("/v1/me/cv", {"visibility": "hidden"})
        self.assertEqual((r.status, r.json["status"]), (200, "hidden"), r)
        ids, _ = self.search_ids(org, limit=100, sort="recent")
        self.assertNotIn(cv["id"], ids, f"{rule}: hidden CV in a recent search")
        for q in ({"q": cv["headline"]}, {"skills": ",".join(cv["skills"][:2])} if cv["skills"] else {},
                  {"place": cv["region"]}):
            ids, _ = self.search_ids(org, limit=100, **q)
            self.assertNotIn(cv["id"], ids, f"{rule}: hidden CV found by {q}")
        self.assertProblem(org.get(f"/v1/cvs/{cv['id']}"), 404, "not-found", f"{rule}: hidden CV detail")
        demo = self.client(self.account(w.DEMO_ORG))
        for v in demo.get("/v1/vacancies", query={"status": "active"}).json["items"][:2]:
            r = demo.get(f"/v1/vacancies/{v['id']}/matches", query={"limit": 100})
            self.assertNotIn(cv["id"], [x["id"] for x in r.json["items"]], f"{rule}: hidden CV in matches")
        # Back to anonymous: found again.
        self.assertEqual(js.patch("/v1/me/cv", {"visibility": "anonymous"}).status, 200)
        ids, _ = self.search_ids(org, limit=50, sort="recent")
        self.assertIn(cv["id"], ids, f"{rule}: an anonymous CV again must be found again")
        self.assertEqual(org.get(f"/v1/cvs/{cv['id']}").status, 200)

    def test_r7_expired_and_hidden_cvs_from_the_database(self):
        rule = "R7 (hidden and expired CVs are never found)"
        truth = ground_truth.CvTruth(self.portal.db)
        hidden, expired = truth.unfindable_ids()
        self.assertTrue(hidden, "precondition: the demo data holds hidden CVs (seed: about 5 %)")
        org = self.client(self.register_org(verified=True))
        # Scan every findable CV through search paging.
        seen, cursor, pages, total = set(), None, 0, None
        while pages < 200:
            q = {"limit": 100, "sort": "recent", **({"cursor": cursor} if cursor else {})}
            r = org.get("/v1/cvs", query=q)
            self.assertEqual(r.status, 200, r)
            total = r.json["total"]
            seen.update(x["id"] for x in r.json["items"])
            cursor = r.json["next_cursor"]
            pages += 1
            if not cursor:
                break
        self.assertEqual(seen & expired, set(), f"{rule}: expired CVs found: {sorted(seen & expired)[:10]}")
        self.assertEqual(seen & hidden, set(), f"{rule}: hidden CVs found: {sorted(seen & hidden)[:10]}")
        self.assertEqual(len(seen), total, "paging through every result must reach the total")
        self.assertEqual(seen, truth.findable_ids(), "search must find exactly the findable CVs")
        for cv_id in sorted(expired)[:5] + sorted(hidden)[:5]:
            self.assertProblem(org.get(f"/v1/cvs/{cv_id}"), 404, "not-found", f"{rule}: CV {cv_id} detail")
        self.assertTrue(expired, f"{rule} cannot be checked for expiry: the demo data holds no expired CV "
                                 "(portal-seed.c promises about 5 %)")

    # --- R8 -------------------------------------------------------------

    def test_r8_only_the_jobseeker_changes_visibility(self):
        rule = "R8 (only the jobseeker decides)"
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        self.assertEqual(js.patch("/v1/me/cv", {"visibility": "anonymous"}).status, 200)
        cv_id = self.demo_cv_id(js)
        org = self.client(self.account(w.DEMO_ORG))
        for vis in ("open", "hidden", "anonymous"):
            r = org.patch("/v1/me/cv", {"visibility": vis})
            self.assertProblem(r, 403, "forbidden", f"{rule}: organisation PATCH /v1/me/cv")
        r = org.request("PATCH", f"/v1/cvs/{cv_id}", body={"visibility": "open"}, check=False)
        # Not a route of the document: any refusal will do, the proof is that nothing changed.
        self.assertIn(r.status, (400, 403, 404, 405), f"{rule}: organisation changed a CV through /v1/cvs/{{id}}: {r}")
        r = org.post("/v1/me/cv/renew")
        self.assertProblem(r, 403, "forbidden", f"{rule}: organisation renewed a CV")
        self.assertEqual(js.get("/v1/me/cv").json["status"], "anonymous", f"{rule}: visibility changed")
        r = org.get(f"/v1/cvs/{cv_id}")
        self.assertEqual(r.json["visibility"], "anonymous")
        self.assertNotIn("personalia", r.json)
        # The jobseeker can: open shows personalia, anonymous hides them again.
        r = js.patch("/v1/me/cv", {"visibility": "open"})
        self.assertEqual((r.status, r.json["status"]), (200, "open"), r)
        pers = r.json["personalia"]
        r = org.get(f"/v1/cvs/{cv_id}")
        self.assertEqual(r.json["visibility"], "open")
        self.assertEqual(r.json["personalia"]["name"], pers["name"])
        self.assertEqual(js.patch("/v1/me/cv", {"visibility": "anonymous"}).status, 200)
        r = org.get(f"/v1/cvs/{cv_id}")
        self.assertNotIn("personalia", r.json, "R1: personalia still shown after going anonymous")
        self.assertNotIn(pers["name"], r.text, "R1: name still shown after going anonymous")
        r = js.patch("/v1/me/cv", {"visibility": "public"})
        self.assertProblem(r, 422, "validation")


if __name__ == "__main__":
    w.main()
