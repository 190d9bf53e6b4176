#!/usr/bin/python3
"""Issue 7 through the real UI against a real portal, in English and in
Dutch: the demo organisation reads its thread; the jobseeker replies over
the portal's API and the reply appears in the open conversation within a
second, with no user action; a reply that arrives while the window is not
focused raises one notification naming the thread; a message written while
the portal is down waits in the outbox, survives a restart of the app, and
reaches the portal exactly once when it is back."""
import os
import tempfile
import time
import unittest
import uuid

import atspi_util as ui

DEMO_EMAIL = "demo@werving.test"
JOBSEEKER_EMAIL = "jobseeker@werving.test"
PASSWORD = "werving-demo-1"
LIVE_LIMIT_S = 1.0

EN = {"Continue": "Continue", "E-mail Address": "E-mail Address", "Password": "Password", "Sign In": "Sign In",
      "Sections": "Sections", "Messages": "Messages", "Vacancies": "Vacancies", "Conversations": "Conversations",
      "Composer": "Message to the candidate", "Send": "Send Message", "Sent": "Sent",
      "Waiting": "Waiting to send", "New message from": "New message from {}",
      "offline-start": "so you are not signed in yet"}
NL = {"Continue": "Doorgaan", "E-mail Address": "E-mailadres", "Password": "Wachtwoord", "Sign In": "Aanmelden",
      "Sections": "Onderdelen", "Messages": "Berichten", "Vacancies": "Vacatures", "Conversations": "Gesprekken",
      "Composer": "Bericht aan de kandidaat", "Send": "Bericht verzenden", "Sent": "Verzonden",
      "Waiting": "Wacht op verzending", "New message from": "Nieuw bericht van {}",
      "offline-start": "dus u bent nog niet aangemeld"}


def bubbles(conversation):
    """(body, meta) of each message in the open conversation; day separators
    (one label) are left out."""
    return [tuple(row[:2]) for row in (ui.labels(item) for item in conversation
                                       if item is not None and item.getRoleName() == "list item")
            if len(row) >= 2]


class MessagesTest(unittest.TestCase):
    def setUp(self):
        # Cleanups, not tearDown: they also run when setUp itself fails.
        self.proc = None
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.desktop = ui.FakeDesktop()
        self.addCleanup(self.desktop.stop)
        self.portal = ui.Portal(self.tmp.name, cvs=50)
        self.addCleanup(self.portal.stop)
        self.addCleanup(self.stop_app)
        self.jobseeker = self.portal.sign_in(JOBSEEKER_EMAIL, PASSWORD)
        status, threads = self.portal.api("GET", "/v1/threads", token=self.jobseeker)
        self.assertEqual(status, 200)
        self.thread = threads["items"][0]

    def stop_app(self):
        if self.proc is not None and self.proc.poll() is None:
            ui.screenshot(f"messages-end-{self.tag}")
            self.proc.kill()
            self.proc.wait()

    def reply(self, body):
        """The jobseeker answers in the thread, as the jobseeker's own client
        would; returns when the portal has stored it."""
        status, message = self.portal.api("POST", f"/v1/threads/{self.thread['id']}/messages",
                                          {"body": body}, token=self.jobseeker)
        self.assertEqual(status, 201, message)

    def portal_copies(self, body):
        status, page = self.portal.api("GET", f"/v1/threads/{self.thread['id']}/messages?limit=100",
                                       token=self.portal.sign_in(JOBSEEKER_EMAIL, PASSWORD))
        self.assertEqual(status, 200, page)
        return [m for m in page["items"] if m["body"] == body]

    def start_app(self, language):
        # A key file for the settings, so the next start remembers the account.
        self.proc, app, frame = ui.launch(["--portal", self.portal.url], language=language, settings="keyfile")
        return app, frame

    def open_thread(self, frame, t):
        """Messages in the sidebar, then a click on the demo thread."""
        ui.show_section(frame, 2, t["Messages"], t["Sections"])
        threads = ui.wait_for(lambda: ui.find_quick(frame, role="list", name=t["Conversations"]),
                              what="the conversation list")
        row = ui.wait_for(lambda: next((item for item in threads if item is not None
                                        and self.thread["candidate_label"] in ui.labels(item)), None),
                          timeout=15, what="the demo thread listed")
        ui.click(row)
        conversation = ui.find_quick(frame, role="list", name=t["Messages"])
        ui.wait_for(lambda: len(bubbles(conversation)) >= 2, timeout=15, what="the thread's messages shown")
        return conversation

    def composer(self, frame, t):
        return ui.wait_for(lambda: ui.find_quick(frame, role="text", name=t["Composer"]), what="the composer")

    def flow(self, language):
        self.tag = language or "en"
        t = NL if language == "nl" else EN
        app, frame = self.start_app(language)
        ui.sign_in(frame, self.portal.url, DEMO_EMAIL, PASSWORD, t, remember=True)
        conversation = self.open_thread(frame, t)
        ui.wait_for(lambda: ui.is_active(frame), timeout=5, what="the window focused")
        ui.screenshot(f"messages-thread-{self.tag}")

        # Live: the reply shows up in the open conversation by itself.
        live = f"Ja, dinsdag om tien uur past mij goed. ({uuid.uuid4().hex[:8]})"
        posted = time.monotonic()
        self.reply(live)
        deadline = posted + 5
        while time.monotonic() < deadline and not any(body == live for body, _ in bubbles(conversation)):
            pass
        latency = time.monotonic() - posted
        figure = (f"live reply drawn in the open conversation {latency * 1000:.0f} ms after it was posted "
                  f"({self.tag}; from before the jobseeker's POST to the row in the accessibility tree)")
        print(figure)
        os.makedirs(ui.ARTIFACTS, exist_ok=True)
        with open(os.path.join(ui.ARTIFACTS, "messages-live-latency.txt"), "a") as figures:
            figures.write(figure + "\n")
        self.assertLess(latency, LIVE_LIMIT_S, "the reply appears within a second without user action")
        ui.screenshot(f"messages-live-reply-{self.tag}")

        # Unfocused: another application takes the focus; the next reply
        # raises a notification naming the thread.
        self.desktop.take_focus()
        ui.wait_for(lambda: not ui.is_active(frame), timeout=10, what="the app's window losing the focus")
        unfocused = f"Ik neem mijn diploma’s mee. ({uuid.uuid4().hex[:8]})"
        self.reply(unfocused)
        ui.wait_for(lambda: any(body == unfocused for body, _ in bubbles(conversation)), timeout=10,
                    what="the second reply in the conversation")
        note = ui.wait_for(lambda: next((n for n in self.desktop.notifications() if n["body"] == unfocused), None),
                           timeout=10, what=f"a notification (got {self.desktop.notifications()})")
        ui.screenshot(f"messages-unfocused-{self.tag}")
        self.assertEqual(note["title"], t["New message from"].format(self.thread["candidate_label"]))
        self.assertEqual((note.get("default_action"), note.get("target")), ("app.open-thread", self.thread["id"]),
                         "clicking the notification opens this thread")
        self.assertEqual([n["body"] for n in self.desktop.notifications()], [unfocused],
                         "one notification, none for the reply read while focused")
        self.desktop.give_back_focus()
        ui.wait_for(lambda: ui.is_active(frame), timeout=10, what="the app's window focused again")

        # Clicking the notification opens its thread, wherever the user was.
        ui.show_section(frame, 0, t["Vacancies"], t["Sections"])
        self.desktop.click(note)
        messages_row = [row for row in ui.find_quick(frame, role="list", name=t["Sections"])
                        if row.getRoleName() == "list item"][2]
        ui.wait_for(lambda: messages_row.getState().contains(ui.pyatspi.STATE_SELECTED), timeout=10,
                    what="the Messages section shown by the notification")
        ui.wait_for(lambda: any(body == unfocused for body, _ in bubbles(conversation)), timeout=10,
                    what="the notified thread open")

        # Offline: the portal goes away; a message written now waits.
        self.portal.stop()
        offline = f"Tot dinsdag! Ik stuur de stukken vooraf. ({uuid.uuid4().hex[:8]})"
        composer = self.composer(frame, t)
        ui.click(composer)
        ui.wait_for(lambda: ui.is_focused(composer), timeout=5, what="the composer focused")
        ui.set_text(composer, offline)
        if language == "nl":
            ui.do_action(ui.find_quick(frame, name=t["Send"], action="click"), "click")
        else:
            ui.press("Return", control=True)
        meta = ui.wait_for(lambda: next((m for body, m in bubbles(conversation) if body == offline), None),
                           timeout=10, what="the offline message in the conversation")
        ui.wait_for(lambda: next(m for body, m in bubbles(conversation) if body == offline).startswith(t["Waiting"]),
                    timeout=30, what=f"the message marked as waiting (it says '{meta}')")
        ui.screenshot(f"messages-offline-pending-{self.tag}")

        ui.press("q", control=True)
        self.assertEqual(self.proc.wait(timeout=15), 0, "the app quits cleanly")

        # Restarted while the portal is still down: the app opens on what it
        # loaded before and says it is not signed in yet; the message waits.
        app, frame = self.start_app(language)
        ui.wait_for(lambda: ui.find_quick(frame, role="label", where=lambda n: t["offline-start"] in n.name),
                    timeout=30, what="the app saying it cannot reach the portal to sign in")
        ui.screenshot(f"messages-restart-offline-{self.tag}")

        # Back on the same address and database: without any user action the
        # app signs in from the keyring and the message goes out exactly once.
        self.portal.start()
        ui.wait_for(lambda: self.portal_copies(offline), timeout=90, what="the message on the portal")
        ui.wait_signed_in(frame, self.portal.url, DEMO_EMAIL)
        conversation = self.open_thread(frame, t)
        ui.wait_for(lambda: any(body == offline and meta.endswith(t["Sent"]) for body, meta in bubbles(conversation)),
                    timeout=15, what="the message shown as sent")
        ui.screenshot(f"messages-delivered-{self.tag}")
        self.assertEqual(len(self.portal_copies(offline)), 1, "exactly one copy reached the portal")
        self.assertEqual(sum(1 for body, _ in bubbles(conversation) if body == offline), 1,
                         "the conversation shows it once")
        ui.press("q", control=True)
        self.assertEqual(self.proc.wait(timeout=15), 0)

    def test_english(self):
        self.flow(None)

    def test_dutch(self):
        self.flow("nl")


if __name__ == "__main__":
    unittest.main(verbosity=2)
