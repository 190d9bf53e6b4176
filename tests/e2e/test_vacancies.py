#!/usr/bin/python3
"""A recruiter manages vacancies through the real UI against a real portal:
creates a draft, publishes the ready draft, closes the active vacancy after
confirming, and sees each status in the list."""
import sys
import tempfile
import unittest

import atspi_util as ui


def statuses(frame):
    return {row[0]: row[-1] for row in ui.list_rows(frame, "Vacancies") if row}


class VacanciesTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.portal = ui.Portal(self.tmp.name)

    def tearDown(self):
        self.portal.stop()
        self.tmp.cleanup()

    def select(self, frame, title):
        lst = ui.find(frame, role="list", name="Vacancies")
        rows = [item for item in lst if item is not None and item.getRoleName() == "list item"]
        for index, item in enumerate(rows):
            if ui.labels(item)[:1] == [title]:
                lst.querySelection().selectChild(index)
                return
        raise AssertionError(f"no vacancy '{title}' in the list")

    def test_create_publish_close(self):
        proc = ui.start_app(["--portal", self.portal.url])
        try:
            app = ui.wait_for_app(proc)
            frame = ui.wait_for(lambda: ui.find(app, role="frame"), what="the main window")
            ui.do_action(ui.wait_for(lambda: ui.find(frame, name="Continue", action="click"),
                                     what="Continue"), "click")
            ui.wait_for(lambda: any(self.portal.url.rstrip("/") in t for t in ui.labels(frame)),
                        what="the sign-in page")
            ui.set_text(ui.find(frame, role="text", name="E-mail Address"), "demo@werving.test")
            ui.set_text(ui.find(frame, role="text", name="Password"), "werving-demo-1")
            ui.do_action(ui.find(frame, name="Sign In", action="click"), "click")
            ui.wait_for(lambda: len(statuses(frame)) == 4, timeout=20, what="the four demo vacancies")

            # A new draft with only a title.
            ui.do_action(ui.find(frame, name="New Vacancy", action="click"), "click")
            editor = ui.wait_for(lambda: next((w for w in app if w is not None and w.getRoleName() == "frame"
                                               and ui.find(w, role="text", name="Title")), None),
                                 what="the vacancy editor")
            ui.set_text(ui.find(editor, role="text", name="Title"), "Bakker (nachtdienst)")
            ui.do_action(ui.find(editor, name="Save", action="click"), "click")
            ui.wait_for(lambda: statuses(frame).get("Bakker (nachtdienst)") == "Draft", timeout=20,
                        what="the new draft in the list")
            ui.screenshot("vacancies-new-draft")

            # The demo draft is complete: publish it.
            self.select(frame, "Junior softwareontwikkelaar")
            ui.do_action(ui.wait_for(lambda: ui.find(frame, name="Publish", action="click"),
                                     what="Publish"), "click")
            ui.wait_for(lambda: statuses(frame).get("Junior softwareontwikkelaar") == "Active",
                        timeout=20, what="the published vacancy listed as active")

            # Close the other active vacancy, confirming in the dialog.
            self.select(frame, "Medior softwareontwikkelaar")
            confirm = ui.choose_menu_item(frame, app, "More Actions", "Close…",
                                          lambda: ui.find(app, name="Close Vacancy", action="click"),
                                          what="the confirmation dialog")
            ui.do_action(confirm, "click")
            ui.wait_for(lambda: statuses(frame).get("Medior softwareontwikkelaar") == "Closed",
                        timeout=20, what="the closed vacancy listed as closed")
            ui.screenshot("vacancies-after-actions")
        finally:
            if proc.poll() is None:
                ui.screenshot("vacancies-end")
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    unittest.main(verbosity=2, argv=sys.argv[:1])
