"""R1 (anonymous means anonymous) at the HTTP level: for many anonymous CVs,
from search, matches and detail, none of the person's personalia (read
straight from the portal's database) appears anywhere in the answer; free
text holds no e-mail address, phone number or web link; threads and error
bodies about an anonymous CV carry none either. Open CVs do carry their
personalia, which also proves that the ground truth is read right."""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import werving_api as w  # noqa: E402
import ground_truth  # noqa: E402

RULE = "R1 (anonymous means anonymous)"
VIEW_QUOTA = 20
N_ORGS = 5  # 5 x 20 = 100 detail views

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL_RE = re.compile(r"(?i)\bhttps?://|\bwww\.|\b[\w-]+\.(nl|com|org|net|io)/")
PHONE_RE = re.compile(r"(?<![\d-])(\+31|0031|0)[ -]?[1-9](?:[ -]?\d){8}(?!\d)")
# Members that hold the portal's vocabulary, not the person's writing:
# exempt from the name check (an employer named after a family stays,
# by contract).
VOCABULARY = {"employer", "institution", "region", "label", "code", "skills", "languages", "level",
              "education_level", "field", "visibility", "matched", "type", "title_vacancy", "vacancy_title"}


def strings(node, path=""):
    """(path, string) for every string in a JSON value, keys included."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield f"{path}/{k}#key", k
            yield from strings(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from strings(v, f"{path}/{i}")
    elif isinstance(node, str):
        yield path, node


def last_key(path):
    parts = [p for p in path.split("/") if p and not p.isdigit()]
    return parts[-1] if parts else ""


def personal_needles(p):
    """Strings that must never appear for this person, and names that must
    not appear as words in free text."""
    needles = []
    for col in ("email", "phone", "national_id", "photo_url", "linkedin"):
        if p.get(col):
            needles.append((col, p[col]))
    if p.get("street") and p.get("house_number"):
        needles.append(("address", f"{p['street']} {p['house_number']}"))
    if p.get("postcode"):
        pc = p["postcode"]
        needles.append(("postcode", pc))
        needles.append(("postcode", pc.replace(" ", "")))
    if p.get("birth_date"):
        y, m, d = p["birth_date"].split("-")
        needles += [("birth_date", p["birth_date"]), ("birth_date", f"{d}-{m}-{y}"),
                    ("birth_date", f"{d}/{m}/{y}")]
    needles.append(("name", f"{p['first_name']} {p['last_name']}"))
    names = [n for n in re.split(r"\s+", f"{p['first_name']} {p['last_name']}")
             if len(n) >= 3 and n[0].isupper()]
    return needles, names


def digits(s):
    return re.sub(r"\D", "", s)


def find_leaks(body_text, body_json, p, anonymous=True):
    """Every trace of person p in one answer; [] when clean."""
    leaks = []
    needles, names = personal_needles(p)
    pairs = list(strings(body_json)) if body_json is not None else []
    haystacks = [body_text] + [s for _, s in pairs]
    for what, needle in needles:
        if any(needle.lower() in h.lower() for h in haystacks):
            leaks.append(f"{what} {needle!r}")
    phone_digits = digits(p.get("phone") or "")
    if len(phone_digits) >= 9:
        tail = phone_digits[-9:]
        for path, s in pairs:
            if tail in digits(s):
                leaks.append(f"phone digits at {path}: {s[:80]!r}")
    if anonymous:
        for path, s in pairs:
            key = last_key(path.split("#")[0])
            if path.endswith("#key") or (path.count("/") == 1 and key in ("type", "instance")):
                continue  # keys, and a problem's own type/instance URIs
            if EMAIL_RE.search(s):
                leaks.append(f"an e-mail address in {path}: {EMAIL_RE.search(s).group(0)!r}")
            if URL_RE.search(s):
                leaks.append(f"a web link in {path}: {s[:80]!r}")
            if PHONE_RE.search(s):
                leaks.append(f"a phone number in {path}: {PHONE_RE.search(s).group(0)!r}")
            if key in VOCABULARY:
                continue
            for name in names:
                if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", s):
                    leaks.append(f"the person's name {name!r} in {path}: {s[:80]!r}")
    return leaks


class AnonymityTest(w.PortalTestCase):
    portal_args = {"cvs": 3000, "cv_view_quota": VIEW_QUOTA, "contact_quota": 3}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.truth = ground_truth.CvTruth(cls.portal.db)

    @classmethod
    def tearDownClass(cls):
        cls.truth.close()
        super().tearDownClass()

    def assertNoLeak(self, r, cv_id, where):
        p = self.truth.personalia(cv_id)
        self.assertIsNotNone(p, f"no cv_private row for CV {cv_id}")
        leaks = find_leaks(r.text, r.json, p)
        self.assertEqual(leaks, [], f"{RULE} violated: {where} about anonymous CV {cv_id} reveals: {leaks[:5]}")

    def assertNoLeakIn(self, text, obj, cv_id, where):
        leaks = find_leaks(text, obj, self.truth.personalia(cv_id))
        self.assertEqual(leaks, [], f"{RULE} violated: {where} about anonymous CV {cv_id} reveals: {leaks[:5]}")

    def test_ground_truth_matches_the_owner_view(self):
        # Without this the other checks could pass on a wrongly read truth.
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        own = js.get("/v1/me/cv").json
        p = self.truth.personalia(own["id"])
        self.assertEqual(own["personalia"]["name"], f"{p['first_name']} {p['last_name']}")
        self.assertEqual(own["personalia"]["email"], p["email"])
        self.assertEqual(own["personalia"]["phone"], p["phone"])
        self.assertEqual(own["personalia"]["birth_date"], p["birth_date"])
        self.assertEqual(own["personalia"]["postcode"], p["postcode"])
        self.assertEqual(find_leaks(json.dumps(own), own, p, anonymous=False) != [], True,
                         "the leak finder must find personalia where they are")

    def test_search_results(self):
        org = self.client(self.account(w.DEMO_ORG))
        checked = {"anonymous": 0, "open": 0}
        queries = [{"sort": "recent"}, {"sort": "relevance", "q": "ervaring"}, {"q": "zorg"},
                   {"q": "ontwikkelaar"}, {"place": "Amsterdam"}, {"driving_licence": "true"}]
        for q in queries:
            cursor = None
            for _ in range(4 if q.get("sort") == "recent" else 2):
                r = org.get("/v1/cvs", query={**q, "limit": 100, **({"cursor": cursor} if cursor else {})})
                self.assertEqual(r.status, 200, r)
                for item in r.json["items"]:
                    text = json.dumps(item, ensure_ascii=False)
                    if item["visibility"] == "anonymous":
                        self.assertNoLeakIn(text, item, item["id"], f"search {q}")
                        self.assertEqual(self.truth.visibility(item["id"]), ground_truth.ANONYMOUS)
                        checked["anonymous"] += 1
                    else:
                        p = self.truth.personalia(item["id"])
                        self.assertEqual(item.get("name"), f"{p['first_name']} {p['last_name']}",
                                         "an open CV's summary carries its name")
                        checked["open"] += 1
                cursor = r.json["next_cursor"]
                if not cursor:
                    break
        self.assertGreater(checked["anonymous"], 500, f"too few anonymous CVs checked: {checked}")
        self.assertGreater(checked["open"], 50, f"too few open CVs seen: {checked}")

    def test_matches(self):
        org = self.client(self.account(w.DEMO_ORG))
        active = org.get("/v1/vacancies", query={"status": "active"}).json["items"]
        own = self.active_vacancy(org, title="Verzorgende IG", skills=["Zorg", "Communicatie"], place="Utrecht")
        n = 0
        for v in active + [own]:
            r = org.get(f"/v1/vacancies/{v['id']}/matches", query={"limit": 100})
            self.assertEqual(r.status, 200, r)
            for item in r.json["items"]:
                if item["visibility"] == "anonymous":
                    self.assertNoLeakIn(json.dumps(item, ensure_ascii=False), item, item["id"], "matches")
                    n += 1
        self.assertGreater(n, 0, "matches returned no anonymous CV to check")

    def test_details(self):
        orgs = [self.client(self.account(w.DEMO_ORG))] + [
            self.client(self.register_org(verified=True)) for _ in range(N_ORGS - 1)]
        ids, _ = self.search_ids(orgs[0], limit=100, sort="recent")
        ids2, _ = self.search_ids(orgs[0], limit=100, q="ervaring")
        anon, opened = [], []
        for cv_id in dict.fromkeys(ids + ids2):
            (anon if self.truth.visibility(cv_id) == ground_truth.ANONYMOUS else opened).append(cv_id)
        todo = anon[:N_ORGS * VIEW_QUOTA - 5] + opened[:5]
        self.assertGreaterEqual(len(todo), 80)
        used = {i: 0 for i in range(len(orgs))}
        n_anon = 0
        for k, cv_id in enumerate(todo):
            i = k % len(orgs)
            if used[i] >= VIEW_QUOTA:
                i = min(used, key=used.get)
            used[i] += 1
            r = orgs[i].get(f"/v1/cvs/{cv_id}")
            if r.status == 429:
                self.assertNoLeak(r, cv_id, "the quota error")
                continue
            self.assertEqual(r.status, 200, r)
            if r.json["visibility"] == "anonymous":
                self.assertNotIn("personalia", r.json, f"{RULE} violated: personalia member in CV {cv_id}")
                self.assertNotIn("name", r.json, f"{RULE} violated: name member in CV {cv_id}")
                self.assertNoLeak(r, cv_id, "CV detail")
                self.assertRegex(r.json["age_band"], r"^\d{2}(-\d{2}|\+)$", "an age band instead of a birth date")
                n_anon += 1
            else:
                p = self.truth.personalia(cv_id)
                pers = r.json["personalia"]
                self.assertEqual((pers["name"], pers["email"], pers["birth_date"]),
                                 (f"{p['first_name']} {p['last_name']}", p["email"], p["birth_date"]),
                                 "an open CV shows its personalia to a verified organisation")
        self.assertGreaterEqual(n_anon, 75, f"too few anonymous details checked: {n_anon}")

    def test_threads_and_errors(self):
        org_acc = self.register_org(verified=True)
        org = self.client(org_acc)
        js = self.client(self.account(w.DEMO_JOBSEEKER))
        self.assertEqual(js.patch("/v1/me/cv", {"visibility": "anonymous"}).status, 200)
        cv_id = js.get("/v1/me/cv").json["id"]
        v = self.active_vacancy(org, title="R1 gesprek")
        r = org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_id, "body": "Hallo kandidaat"})
        self.assertEqual(r.status, 201, r)
        self.assertNoLeak(r, cv_id, "the new thread")
        tid = r.json["id"]
        self.assertRegex(r.json["candidate_label"], r"\S", "a pseudonymous candidate label")
        for path in (f"/v1/threads/{tid}", "/v1/threads", f"/v1/threads/{tid}/messages"):
            self.assertNoLeak(org.get(path), cv_id, f"GET {path}")
        # The jobseeker replies: the thread still carries no personalia.
        js.post(f"/v1/threads/{tid}/messages", {"body": "Vertel eens meer over de functie."})
        self.assertNoLeak(org.get(f"/v1/threads/{tid}"), cv_id, "thread after a reply")
        # Error bodies.
        r = org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_id, "body": "Nog eens"})
        self.assertEqual(r.status, 409, r)
        self.assertNoLeak(r, cv_id, "the duplicate-thread error")
        r = org.post("/v1/threads", {"vacancy_id": v["id"], "cv_id": cv_id, "body": ""})
        self.assertIn(r.status, (409, 422), r)
        self.assertNoLeak(r, cv_id, "a validation error")
        r = org.get(f"/v1/cvs/{cv_id}")
        self.assertEqual(r.status, 200, r)
        self.assertNoLeak(r, cv_id, "CV detail")
        others, _ = self.search_ids(org, limit=VIEW_QUOTA + 5, sort="recent")
        for other_id in [i for i in others if i != cv_id][:VIEW_QUOTA]:
            if org.get(f"/v1/cvs/{other_id}").status == 429:
                break
        r = org.get(f"/v1/cvs/{cv_id}")
        self.assertIn(r.status, (200, 429), r)
        self.assertNoLeak(r, cv_id, "the answer past the quota")
        self.assertEqual(js.patch("/v1/me/cv", {"visibility": "hidden"}).status, 200)
        try:
            other = self.client(self.register_org(verified=True))
            r = other.get(f"/v1/cvs/{cv_id}")
            self.assertEqual(r.status, 404, r)
            self.assertNoLeak(r, cv_id, "the not-found error of a hidden CV")
            self.assertNoLeak(org.get(f"/v1/threads/{tid}"), cv_id, "thread of a hidden CV")
        finally:
            js.patch("/v1/me/cv", {"visibility": "anonymous"})
        # Revealing in the thread is the jobseeker's choice, and only there.
        r = js.post(f"/v1/threads/{tid}/reveal")
        self.assertEqual(r.status, 200, r)
        p = self.truth.personalia(cv_id)
        rc = org.get(f"/v1/threads/{tid}").json["revealed_contact"]
        self.assertEqual(rc["email"], p["email"], "the revealed contact is the person's own")
        r = self.client(self.register_org(verified=True)).get(f"/v1/cvs/{cv_id}")
        self.assertEqual(r.status, 200, r)
        self.assertNoLeak(r, cv_id, "CV detail after a reveal in someone else's thread")


if __name__ == "__main__":
    w.main()
