"""Small helpers to drive the real Werving app through AT-SPI (pyatspi).

Run with Debian's /usr/bin/python3 inside tools/test-env.sh (Xvfb, session bus,
AT-SPI bus)."""
import os
import subprocess
import time

import pyatspi

SOURCE_DIR = os.environ.get("WERVING_SOURCE_DIR", os.getcwd())
BUILD_DIR = os.environ.get("WERVING_BUILD_DIR", os.path.join(SOURCE_DIR, "_build"))
ARTIFACTS = os.path.join(BUILD_DIR, "test-artifacts")


def app_env(language=None, settings="memory"):
    env = dict(os.environ)
    env["GSETTINGS_SCHEMA_DIR"] = os.path.join(BUILD_DIR, "data")
    env["WERVING_LOCALEDIR"] = os.path.join(BUILD_DIR, "po")
    env["GSETTINGS_BACKEND"] = settings
    env.setdefault("GSK_RENDERER", "cairo")
    env.pop("G_DEBUG", None)  # GTK's own one-time warnings must not abort the app
    if language:
        env["LANGUAGE"] = language
        env["LANG"] = "nl_NL.UTF-8" if language == "nl" else "C.UTF-8"
        env["LC_ALL"] = env["LANG"]
    return env


def start_app(args=(), language=None, settings="memory"):
    exe = os.path.join(BUILD_DIR, "src", "werving")
    return subprocess.Popen([exe, *args], env=app_env(language, settings))


def wait_for(predicate, timeout=15.0, what="condition"):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under us while the app starts
            last_error = error
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}"
                         + (f" (last error: {last_error})" if last_error else ""))


def wait_for_app(proc, timeout=20):
    """The app's accessible root, once it is on the AT-SPI bus."""
    def probe():
        if proc.poll() is not None:
            raise AssertionError(f"the app exited with status {proc.returncode} before showing up")
        return find_app(proc.pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            app = probe()
        except AssertionError:
            raise
        except Exception:
            app = None
        if app is not None:
            return app
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for the app (pid {proc.pid}, "
                         f"alive: {proc.poll() is None}) on the AT-SPI bus")


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def accessible_name(node):
    """The name a screen reader says. GTK 4.8 names a button with a mnemonic
    "_Label Label" (the raw label, then the child label's text); newer GTK says
    "Label". Normalise to what the user sees."""
    name = node.name or ""
    parts = name.split(" ")
    half = len(parts) // 2
    if len(parts) % 2 == 0 and half and [p.replace("_", "") for p in parts[:half]] == parts[half:]:
        return " ".join(parts[half:])
    return name


def find(root, role=None, name=None, showing=False, action=None):
    """First descendant with the given role name and accessible name."""
    def match(node):
        if node is None:
            return False
        if role is not None and node.getRoleName() != role:
            return False
        if name is not None and accessible_name(node) != name:
            return False
        if showing and not node.getState().contains(pyatspi.STATE_SHOWING):
            return False
        if action is not None and not has_action(node, action):
            return False
        return True
    return pyatspi.findDescendant(root, match, breadth_first=True)


def has_action(node, action_name):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return False
    return any(action.getName(i) == action_name for i in range(action.nActions))


def do_action(node, action_name):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == action_name:
            try:
                action.doAction(i)
            except Exception as error:
                # An action that ends the app (Quit) may do so before the
                # reply is flushed; the caller checks the exit status (and
                # every other caller waits for the action's effect).
                if "disconnected" not in str(error) and "Did not receive a reply" not in str(error):
                    raise
            return
    raise AssertionError(f"{node.getRoleName()} '{node.name}' has no action {action_name}")


def set_text(node, text):
    """Types text into an entry and waits until the entry holds it."""
    node.queryEditableText().setTextContents(text)
    wait_for(lambda: node.queryText().characterCount == len(text), timeout=5,
             what=f"the entry '{node.name}' to hold the text")


def screenshot(name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, name + ".png")
    subprocess.run(["import", "-window", "root", path], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path




class Portal:
    """A werving-portal with demo data on a free loopback port."""

    def __init__(self, tmpdir, cvs=500, extra=()):
        exe = os.environ.get("WERVING_PORTAL") or os.path.join(BUILD_DIR, "portal", "werving-portal")
        self.exe = exe
        self.db = os.path.join(tmpdir, "portal.db")
        self.log = os.path.join(tmpdir, "portal.log")
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen([exe, "--demo", "--port", "0", "--db", self.db, "--cvs", str(cvs),
                                          *extra], stdout=subprocess.PIPE, stderr=log, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("listening on "):
            self.stop()
            raise AssertionError(f"werving-portal did not start: {line!r}")
        self.url = line[len("listening on "):]

    def access_log(self):
        with open(self.log) as f:
            return f.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def labels(root):
    """Texts of every label under root."""
    found = []
    pyatspi.findAllDescendants(root, lambda n: n is not None and n.getRoleName() == "label"
                               and found.append(n.name) and False)
    return found


def find_all(root, role):
    return pyatspi.findAllDescendants(root, lambda n: n is not None and n.getRoleName() == role)


def list_rows(root, list_name):
    """The label texts of each row of the list named list_name, row by row."""
    lst = find(root, role="list", name=list_name)
    if lst is None:
        return []
    rows = []
    for item in lst:
        if item is not None and item.getRoleName() == "list item":
            rows.append(labels(item))
    return rows


def choose_menu_item(frame, app, menu_name, item_name, done, what, attempts=3):
    """Opens the menu button menu_name and clicks item_name until done()
    holds. Under load a click can reach a popover that is not mapped yet and
    be ignored; a user would click again, and so does this."""
    for _ in range(attempts):
        do_action(find(frame, name=menu_name, action="click"), "click")
        item = wait_for(lambda: find(app, name=item_name, action="click"), what=item_name)
        time.sleep(0.2)
        do_action(item, "click")
        try:
            return wait_for(done, timeout=5, what=what)
        except AssertionError:
            continue
    raise AssertionError(f"{item_name} in {menu_name} did not lead to {what}")
