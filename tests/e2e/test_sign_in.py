#!/usr/bin/python3
"""A user signs in to a real portal and sees the organisation's vacancies,
filters them by status and signs out — in English and in Dutch."""
import sys
import tempfile
import unittest

import atspi_util as ui

DEMO_EMAIL = "demo@werving.test"
DEMO_PASSWORD = "werving-demo-1"


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
            app = ui.wait_for(lambda: ui.find_app(proc.pid), what="the app on the AT-SPI bus")
            frame = ui.wait_for(lambda: ui.find(app, role="frame"), what="the main window")
            ui.do_action(ui.wait_for(lambda: ui.find(frame, name=t["continue"], action="click"),
                                     what="Continue"), "click")
            email = ui.wait_for(lambda: ui.find(frame, role="text", name=t["email"]), what="the e-mail row")
            password = ui.find(frame, role="text", name=t["password"])
            self.assertIsNotNone(password, "a password field")

            # A wrong password is refused with a clear sentence.
            ui.set_text(email, DEMO_EMAIL)
            ui.set_text(password, "not-the-password")
            ui.do_action(ui.find(frame, name=t["sign_in"], action="click"), "click")
            ui.wait_for(lambda: any(t["wrong"] in text for text in ui.labels(frame)),
                        what="the wrong-password message")
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
