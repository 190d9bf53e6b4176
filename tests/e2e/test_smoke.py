#!/usr/bin/python3
"""The real app, driven through AT-SPI: its window appears with the right
title and first widgets, in English and in Dutch, and it quits cleanly."""
import sys
import unittest

import atspi_util as ui


class SmokeTest(unittest.TestCase):
    def run_app(self, language, title, button, menu_label, quit_label):
        proc = ui.start_app(["--portal", "http://127.0.0.1:1/"], language=language)
        try:
            app = ui.wait_for_app(proc)
            frame = ui.wait_for(lambda: ui.find(app, role="frame"), what="the main window")
            self.assertEqual(frame.name, title)
            ui.wait_for(lambda: ui.find(frame, role="push button", name=button),
                        what=f"the '{button}' button")
            entry = ui.wait_for(lambda: ui.find(frame, role="text"), what="the portal address entry")
            self.assertEqual(entry.queryText().characterCount, len("http://127.0.0.1:1/"),
                             "the --portal address is filled in")
            ui.screenshot(f"smoke-{language or 'en'}")
            # Quit the way a user does: the main menu, then Quit.
            menu = ui.find(frame, name=menu_label, action="click")
            self.assertIsNotNone(menu, f"a control named '{menu_label}'")
            ui.do_action(menu, "click")
            item = ui.wait_for(lambda: ui.find(app, name=quit_label, action="click"), what=f"the '{quit_label}' item")
            ui.do_action(item, "click")
            self.assertEqual(proc.wait(timeout=10), 0, "the app exits with status 0")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    def test_english(self):
        self.run_app(None, "Werving", "Continue", "Main Menu", "Quit")

    def test_dutch(self):
        self.run_app("nl", "Werving", "Doorgaan", "Hoofdmenu", "Afsluiten")


if __name__ == "__main__":
    unittest.main(verbosity=2, argv=sys.argv[:1])
