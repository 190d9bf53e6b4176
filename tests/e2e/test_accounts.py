#!/usr/bin/python3
"""A recruiter with two accounts: both remembered, switched between from the
account menu without typing a password again, and one signed out after
confirming that its unsent items will be lost."""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unittest

import atspi_util as ui

DEMO = "demo@werving.test"
PENDING = "pending@werving.test"
PASSWORD = "werving-demo-1"


def stored_kinds(portal, email):
    """The kinds of secret the keyring holds for this account on this portal."""
    found = subprocess.run(["secret-tool", "search", "--all", "email", email, "portal", portal],
                           capture_output=True, text=True)
    return [line[len("attribute.kind = "):] for line in (found.stdout + found.stderr).splitlines()
            if line.startswith("attribute.kind = ")]


def outbox_path(portal, email):
    """Where the app keeps an account's outbox (XDG_DATA_HOME/werving/<sha256>/)."""
    data = os.environ.get("XDG_DATA_HOME") or os.path.join(os.environ["HOME"], ".local", "share")
    key = hashlib.sha256(f"{portal}\n{email}".encode()).hexdigest()
    return os.path.join(data, "werving", key, "outbox.json")


def leave_unsent(portal, email, count):
    """Messages the portal refused earlier (no such thread): unsent until the
    user retries or discards them."""
    items = [{"id": f"item-{i}", "kind": "message.send", "idempotency_key": f"e2e-accounts-{i}",
              "target_id": 999990 + i, "body": {"body": f"Bericht {i}"}, "state": "failed",
              "attempts": 1, "reason": None, "created_at": "2026-01-05T09:00:00Z"} for i in range(count)]
    path = outbox_path(portal, email)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    with open(path, "w") as f:
        json.dump({"version": 1, "items": items}, f)
    os.chmod(path, 0o600)
    return path


class AccountsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.portal = ui.Portal(self.tmp.name, cvs=50)
        self.base = self.portal.url.rstrip("/")

    def tearDown(self):
        self.portal.stop()
        self.tmp.cleanup()

    def vacancy_titles(self, frame):
        return [row[0] for row in ui.list_rows(frame, "Vacancies") if row]

    def sign_in(self, frame, email, vacancy):
        ui.wait_for(lambda: any(self.base in text for text in ui.labels(frame)), what="the sign-in page")
        ui.set_text(ui.wait_for(lambda: ui.find(frame, role="text", name="E-mail Address"),
                                what="the e-mail row"), email)
        ui.set_text(ui.find(frame, role="text", name="Password"), PASSWORD)
        ui.do_action(ui.find(frame, name="Sign In", action="click"), "click")
        ui.wait_for(lambda: vacancy in self.vacancy_titles(frame), timeout=20,
                    what=f"the vacancies of {email}")

    def test_two_accounts_switch_and_sign_out(self):
        proc = ui.start_app(["--portal", self.portal.url])
        try:
            app = ui.wait_for_app(proc)
            frame = ui.wait_for(lambda: ui.find(app, role="frame"), what="the main window")

            # The first account, as on a first start.
            ui.do_action(ui.wait_for(lambda: ui.find(frame, name="Continue", action="click"),
                                     what="Continue"), "click")
            self.sign_in(frame, DEMO, "Medior softwareontwikkelaar")

            # The second one through Add Account… in the account menu.
            # The welcome page, with Cancel back to the first account.
            ui.choose_menu_item(frame, app, "Accounts", "Add Account…",
                                lambda: ui.find(frame, name="Cancel", action="click"),
                                "the welcome page")
            ui.screenshot("accounts-add-account-welcome")
            ui.set_text(ui.find(frame, role="text", name="Portal Address"), self.portal.url)
            ui.do_action(ui.find(frame, name="Continue", action="click"), "click")
            self.sign_in(frame, PENDING, "Bakker")
            self.assertNotIn("Medior softwareontwikkelaar", self.vacancy_titles(frame),
                             "the sections show the second account only")
            ui.wait_for(lambda: stored_kinds(self.base, PENDING) == ["refresh-token"],
                        what="the second account's token in the keyring")
            self.assertEqual(stored_kinds(self.base, DEMO), ["refresh-token"],
                             "adding an account keeps the first one's secret")
            ui.screenshot("accounts-second-account")

            # The first account left unsent items behind (refused earlier).
            outbox = leave_unsent(self.base, DEMO, 2)

            # Switch back from the account menu: no password asked.
            demo_item = f"{DEMO} at {self.base}"
            ui.do_action(ui.find(frame, name="Accounts", action="click"), "click")
            ui.wait_for(lambda: ui.find(app, name=demo_item, action="click"), what="the other account in the menu")
            ui.screenshot("accounts-menu")
            ui.do_action(ui.find(app, name=demo_item, action="click"), "click")
            ui.wait_for(lambda: "Medior softwareontwikkelaar" in self.vacancy_titles(frame), timeout=20,
                        what="the first account's vacancies after switching")
            self.assertNotIn("Bakker", self.vacancy_titles(frame))
            self.assertIsNone(ui.find(frame, name="Cancel", action="click"),
                              "switching to a remembered account asks no password")
            ui.screenshot("accounts-switched")

            # Sign Out asks first, saying how many items would be lost.
            ui.choose_menu_item(frame, app, "Accounts", "Sign Out",
                                lambda: ui.find(app, name="Sign Out and Discard 2 Unsent Items?"),
                                "the sign-out confirmation")
            self.assertTrue(os.path.exists(outbox), "nothing is wiped before the user confirms")
            ui.screenshot("accounts-sign-out-confirm")
            ui.do_action(ui.wait_for(lambda: ui.find(app, name="Sign Out and Discard", action="click"),
                                     what="the destructive response"), "click")
            ui.wait_for(lambda: "Signed out" in ui.labels(frame), what="the signed-out notice")
            ui.wait_for(lambda: not os.path.exists(outbox), what="the outbox file wiped")
            ui.wait_for(lambda: stored_kinds(self.base, DEMO) == [], what="the first account's secrets wiped")
            self.assertEqual(stored_kinds(self.base, PENDING), ["refresh-token"],
                             "the other account stays remembered")
            ui.screenshot("accounts-signed-out")

            ui.do_action(ui.find(frame, name="Main Menu", action="click"), "click")
            ui.do_action(ui.wait_for(lambda: ui.find(app, name="Quit", action="click"), what="Quit"), "click")
            self.assertEqual(proc.wait(timeout=10), 0)
        finally:
            if proc.poll() is None:
                ui.screenshot("accounts-failure")
                proc.kill()
                proc.wait()
            for email in (DEMO, PENDING):
                subprocess.run(["secret-tool", "clear", "email", email, "portal", self.base],
                               capture_output=True)


if __name__ == "__main__":
    unittest.main(verbosity=2, argv=sys.argv[:1])
