#!/usr/bin/python3
"""A new organisation registers itself, gets field errors on the right rows,
is told what it cannot do until the portal verifies it (R6), and after the
portal's admin verifies it the explanation is gone."""
import subprocess
import sys
import tempfile
import unittest

import atspi_util as ui

PENDING_TEXT = "still checking your organisation"


class RegisterTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.portal = ui.Portal(self.tmp.name)

    def tearDown(self):
        self.portal.stop()
        self.tmp.cleanup()

    def test_register_then_verified(self):
        proc = ui.start_app(["--portal", self.portal.url])
        try:
            app = ui.wait_for_app(proc)
            frame = ui.wait_for(lambda: ui.find(app, role="frame"), what="the main window")
            ui.do_action(ui.wait_for(lambda: ui.find(frame, name="Continue", action="click"),
                                     what="Continue"), "click")
            ui.wait_for(lambda: any(self.portal.url.rstrip("/") in t for t in ui.labels(frame)),
                        what="the sign-in page")
            ui.do_action(ui.find(frame, name="New here? Register your organisation", action="click"), "click")
            ui.wait_for(lambda: "Register Your Organisation" in ui.labels(frame), what="the register page")
            page = ui.find(frame, name="Register Your Organisation", role="label").parent.parent

            def row(name):
                return ui.find(page, role="text", name=name)

            # Client-side checks mark the wrong rows before anything is sent.
            ui.set_text(row("KvK Number"), "1234")
            ui.set_text(row("Organisation Name"), "Bakkerij De Korenschoof")
            ui.set_text(row("Name"), "Fatima El Amrani")
            ui.set_text(row("E-mail Address"), "hr@korenschoof.test")
            ui.set_text(row("Phone Number"), "030 123 4567")
            ui.set_text(row("Password"), "kort")
            ui.do_action(ui.find(page, name="Register", action="click"), "click")
            ui.wait_for(lambda: "A KvK number has exactly 8 digits." in ui.labels(page),
                        what="the KvK error under its row")
            self.assertIn("Choose a password of at least 10 characters.", ui.labels(page))
            self.assertNotIn("Enter the name of your organisation.", ui.labels(page))
            ui.screenshot("register-field-errors")

            ui.set_text(row("KvK Number"), "61873209")
            ui.set_text(row("Password"), "een-lang-wachtwoord")
            ui.do_action(ui.find(page, name="Register", action="click"), "click")
            # Registered and signed in: the R6 explanation is shown.
            ui.wait_for(lambda: any(PENDING_TEXT in t for t in ui.labels(frame)), timeout=20,
                        what="the explanation for an unverified organisation")
            ui.screenshot("registered-pending")

            subprocess.run([self.portal.exe, "admin", "verify", "--db", self.portal.db,
                            "--email", "hr@korenschoof.test"], check=True, capture_output=True)
            ui.do_action(ui.find(frame, name="Main Menu", action="click"), "click")
            ui.do_action(ui.wait_for(lambda: ui.find(app, name="Sign Out", action="click"),
                                     what="Sign Out"), "click")
            sign_in = ui.wait_for(lambda: ui.find(frame, name="Sign In", action="click"), what="Sign In")
            ui.set_text(ui.find(frame, role="text", name="Password"), "een-lang-wachtwoord")
            ui.do_action(sign_in, "click")
            ui.wait_for(lambda: "No Vacancies" in ui.labels(frame) and
                        not any(PENDING_TEXT in t for t in ui.labels(frame)),
                        timeout=20, what="the verified organisation without the explanation")
        finally:
            if proc.poll() is None:
                ui.screenshot("register-end")
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    unittest.main(verbosity=2, argv=sys.argv[:1])
