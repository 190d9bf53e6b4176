#!/usr/bin/python3
"""A user signs in to a real portal and sees the organisation's vacancies,
filters them by status and signs out — in English and in Dutch."""
import os
import subprocess
import sys
import tempfile
import unittest

import atspi_util as ui

DEMO_EMAIL = "demo@werving.test"
DEMO_PASSWORD = "werving-demo-1"


def stored_kinds(portal_url, email):
    """The kinds of secret the keyring holds for this account on this portal
    (other tests in the same keyring use the same e-mail on other portals)."""
    kinds = []
    base = portal_url.rstrip("/")
    for portal in (base, base + "/"):
        found = subprocess.run(["secret-tool", "search", "--all", "email", email, "portal", portal],
                               capture_output=True, text=True)
        # secret-tool prints the attributes on stderr.
        for line in (found.stdout + found.stderr).splitlines():
            if line.startswith("attribute.kind = "):
                kinds.append(line[len("attribute.kind = "):])
    return kinds


def wait_for_sign_in_page(frame, url):
    """The sign-in page's description names the portal once the window has
    switched to it; controls of a page not shown yet ignore clicks."""
    host = url.rstrip("/")
    ui.wait_for(lambda: any(host in text for text in ui.labels(frame)), what="the sign-in page")


class SignInTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.portal = ui.Portal(self.tmp.name)

    def tearDown(self):
        self.portal.stop()
        self.tmp.cleanup()

    def flow(self, language, t):
        proc = ui.start_app(["--portal", self.portal.url], language=language)
        tag = language or "en"
        try:
            app = ui.wait_for_app(proc)
            frame = ui.wait_for(lambda: ui.find(app, role="frame"), what="the main window")
            ui.do_action(ui.wait_for(lambda: ui.find(frame, name=t["continue"], action="click"),
                                     what="Continue"), "click")
            wait_for_sign_in_page(frame, self.portal.url)
            email = ui.wait_for(lambda: ui.find(frame, role="text", name=t["email"]), what="the e-mail row")
            password = ui.find(frame, role="text", name=t["password"])
            self.assertIsNotNone(password, "a password field")

            # A wrong password is refused with a clear sentence.
            ui.set_text(email, DEMO_EMAIL)
            ui.set_text(password, "not-the-password")
            ui.do_action(ui.find(frame, name=t["sign_in"], action="click"), "click")
            ui.wait_for(lambda: any(t["wrong"] in text for text in ui.labels(frame)),
                        what=f"the wrong-password message (labels: {ui.labels(frame)[-3:]}; "
                             f"portal log: {self.portal.access_log()[-1500:]})")
            ui.screenshot(f"sign-in-wrong-password-{tag}")

            ui.set_text(password, DEMO_PASSWORD)
            ui.do_action(ui.find(frame, name=t["sign_in"], action="click"), "click")
            # The demo organisation's vacancies appear, with their statuses.
            rows = ui.wait_for(lambda: ui.list_rows(frame, t["vacancies"]), timeout=20,
                               what="the vacancies list filled")
            statuses = sorted(row[-1] for row in rows)
            self.assertEqual(statuses, sorted([t["draft"], t["active"], t["closed"], t["expired"]]),
                             f"the demo organisation's four vacancies, one per status: {rows}")
            self.assertIn(["Medior softwareontwikkelaar"], [row[:1] for row in rows])
            ui.screenshot(f"vacancies-{tag}")

            # Filtering by "Draft" leaves only drafts.
            draft_filter = ui.wait_for(lambda: next((n for n in ui.find_all(frame, "push button")
                                                     if ui.accessible_name(n).startswith(t["draft"] + " (")),
                                                    None),
                                       what="the Draft filter with its count")
            ui.do_action(draft_filter, "click")
            ui.wait_for(lambda: [row[-1] for row in ui.list_rows(frame, t["vacancies"])] == [t["draft"]],
                        what="only the draft listed")
            ui.screenshot(f"vacancies-drafts-{tag}")

            menu = ui.find(frame, name=t["menu"], action="click")
            ui.do_action(menu, "click")
            ui.do_action(ui.wait_for(lambda: ui.find(app, name=t["sign_out"], action="click"),
                                     what="Sign Out"), "click")
            ui.wait_for(lambda: ui.find(frame, name=t["sign_in"], action="click"), what="the sign-in page again")
            ui.do_action(ui.find(frame, name=t["menu"], action="click"), "click")
            ui.do_action(ui.wait_for(lambda: ui.find(app, name=t["quit"], action="click"), what="Quit"), "click")
            self.assertEqual(proc.wait(timeout=10), 0)
        finally:
            if proc.poll() is None:
                ui.screenshot(f"sign-in-failure-{tag}")
                proc.kill()
                proc.wait()

    def test_remember_me_signs_in_silently_after_restart(self):
        """Remember me keeps the refresh token in the keyring (never a file):
        the next start on the same portal opens the vacancies directly."""
        proc = ui.start_app(["--portal", self.portal.url], settings="keyfile")
        try:
            app = ui.wait_for_app(proc)
            frame = ui.wait_for(lambda: ui.find(app, role="frame"), what="the main window")
            ui.do_action(ui.wait_for(lambda: ui.find(frame, name="Continue", action="click"),
                                     what="Continue"), "click")
            wait_for_sign_in_page(frame, self.portal.url)
            ui.set_text(ui.wait_for(lambda: ui.find(frame, role="text", name="E-mail Address"),
                                    what="the e-mail row"), DEMO_EMAIL)
            ui.set_text(ui.find(frame, role="text", name="Password"), DEMO_PASSWORD)
            ui.do_action(ui.find(frame, name="Sign In", action="click"), "click")
            ui.wait_for(lambda: ui.list_rows(frame, "Vacancies"), timeout=20, what="the vacancies")
            ui.do_action(ui.find(frame, name="Main Menu", action="click"), "click")
            ui.do_action(ui.wait_for(lambda: ui.find(app, name="Quit", action="click"), what="Quit"), "click")
            self.assertEqual(proc.wait(timeout=10), 0)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

        self.assertEqual(stored_kinds(self.portal.url, DEMO_EMAIL), ["refresh-token"],
                         "the refresh token, and only it (no password unasked), is in the keyring")
        stored = subprocess.run(["secret-tool", "search", "--all", "email", DEMO_EMAIL],
                                capture_output=True, text=True)
        self.assertNotIn(DEMO_PASSWORD, stored.stdout, "the password is not stored without asking")
        home = os.environ["HOME"]
        for top, _, files in os.walk(home):
            for name in files:
                path = os.path.join(top, name)
                if "/keyrings/" in path:
                    continue  # gnome-keyring's own encrypted store
                with open(path, "rb") as f:
                    self.assertNotIn(DEMO_PASSWORD.encode(), f.read(), f"the password is in {path}")

        proc = ui.start_app(["--portal", self.portal.url], settings="keyfile")
        try:
            app = ui.wait_for_app(proc)
            frame = ui.wait_for(lambda: ui.find(app, role="frame"), what="the main window")
            rows = ui.wait_for(lambda: ui.list_rows(frame, "Vacancies"), timeout=20,
                               what="the vacancies without signing in again")
            self.assertEqual(len(rows), 4)
            ui.screenshot("signed-in-after-restart")
            # Signing out forgets the secret.
            ui.choose_menu_item(frame, app, "Main Menu", "Sign Out",
                                lambda: "Signed out" in ui.labels(frame), "the signed-out notice")
            ui.wait_for(lambda: stored_kinds(self.portal.url, DEMO_EMAIL) == [],
                        what="the keyring emptied of this account's secrets")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    def test_english(self):
        self.flow(None, {"continue": "Continue", "email": "E-mail Address", "password": "Password",
                         "sign_in": "Sign In", "wrong": "password is wrong", "active": "Active", "draft": "Draft",
                         "closed": "Closed", "expired": "Expired", "vacancies": "Vacancies", "menu": "Main Menu", "sign_out": "Sign Out", "quit": "Quit"})

    def test_dutch(self):
        self.flow("nl", {"continue": "Doorgaan", "email": "E-mailadres", "password": "Wachtwoord",
                         "sign_in": "Aanmelden", "wrong": "wachtwoord is onjuist", "active": "Actief",
                         "draft": "Concept", "closed": "Gesloten", "expired": "Verlopen", "vacancies": "Vacatures", "menu": "Hoofdmenu",
                         "sign_out": "Afmelden", "quit": "Afsluiten"})


if __name__ == "__main__":
    unittest.main(verbosity=2, argv=sys.argv[:1])
