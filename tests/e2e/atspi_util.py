"""Small helpers to drive the real Werving app through AT-SPI (pyatspi).

Run with Debian's /usr/bin/python3 inside tools/test-env.sh (Xvfb, session bus,
AT-SPI bus)."""
import json
import os
import subprocess
import time
import urllib.error
import urllib.request

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


def launch(args=(), language=None, settings="memory"):
    """Starts the app and waits for its main window: (process, app, frame).
    On the shared development machine the app twice exited at once with
    "cannot open display :0" although this session's Xvfb was up (cause not
    found; 40 bare starts in a row never failed); a start that fails within
    two seconds is tried once more, saying so on stdout. An app that cannot
    start fails the second time too."""
    for attempt in (1, 2):
        started = time.monotonic()
        proc = start_app(args, language, settings)
        try:
            app = wait_for_app(proc)
        except AssertionError:
            if attempt == 1 and proc.poll() not in (None, 0) and time.monotonic() - started < 2:
                print(f"the app exited with status {proc.returncode} at once; starting it again")
                continue
            raise
        frame = wait_for(lambda: find(app, role="frame"), what="the main window")
        return proc, app, frame


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


def is_list_view(node):
    """A GtkListView/GtkGridView (its rows are many and rarely what a search
    wants), as opposed to a GtkListBox of form rows."""
    return node.getRoleName() == "list" and has_action(node, "list.select-all")


def walk(root, skip_views=True):
    """root and its descendants, breadth first. With skip_views the rows of
    list views are left out (not the list views themselves): GTK 4.8 realises
    up to 200 rows per list and offers AT-SPI no cache, so every node read is
    a round trip — walking those rows costs seconds."""
    queue = [root]
    while queue:
        node = queue.pop(0)
        if node is None:
            continue
        yield node
        if skip_views and node is not root and is_list_view(node):
            continue
        try:
            queue.extend(node)
        except Exception:  # the node went away under us
            continue


def find_quick(root, role=None, name=None, action=None, where=None):
    """find() that does not look inside list views' rows (see walk); where:
    a further test of the node."""
    for node in walk(root):
        try:
            if role is not None and node.getRoleName() != role:
                continue
            if name is not None and accessible_name(node) != name:
                continue
            if action is not None and not has_action(node, action):
                continue
            if where is not None and not where(node):
                continue
        except Exception:
            continue
        return node
    return None


def labels_quick(root):
    """labels() outside list views' rows (see walk); a list view given as
    root is read whole."""
    return [node.name for node in walk(root) if node.getRoleName() == "label"]


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
        self.cvs = cvs
        self.extra = tuple(extra)
        self.proc = None
        self.url = None
        self.start(0)

    def start(self, port=None):
        """Starts the portal; with port None again on the port and database
        it had (the demo data is only created in a new database)."""
        if port is None:
            port = int(self.url.rstrip("/").rsplit(":", 1)[1])
        with open(self.log, "a") as log:
            self.proc = subprocess.Popen([self.exe, "--demo", "--port", str(port), "--db", self.db,
                                          "--cvs", str(self.cvs), *self.extra],
                                         stdout=subprocess.PIPE, stderr=log, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("listening on "):
            self.stop()
            raise AssertionError(f"werving-portal did not start: {line!r}")
        url = line[len("listening on "):]
        if self.url is not None and url != self.url:
            raise AssertionError(f"the portal came back on {url}, not {self.url}")
        self.url = url

    def api(self, method, path, body=None, token=None, headers=None):
        """One call to the portal's HTTP API: (status, decoded JSON or None)."""
        return api(self.url, method, path, body, token, headers)

    def sign_in(self, email, password):
        """An access token for the account, as any API client gets one."""
        status, session = self.api("POST", "/v1/sessions", {"email": email, "password": password})
        if status != 201:
            raise AssertionError(f"signing in {email} over HTTP: {status} {session}")
        return session["access_token"]

    def access_log(self):
        with open(self.log) as f:
            return f.read()

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        if self.proc is not None and self.proc.stdout is not None:
            self.proc.stdout.close()


def api(base_url, method, path, body=None, token=None, headers=None):
    """(status, decoded JSON body or None) of one HTTP call, errors included."""
    all_headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token is not None:
        all_headers["Authorization"] = "Bearer " + token
    all_headers.update(headers or {})
    request = urllib.request.Request(base_url.rstrip("/") + path, method=method, headers=all_headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            status, data = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status, data = error.code, error.read()
    return status, (json.loads(data) if data else None)


class FakeDesktop:
    """fake_desktop.py in its own process: records notifications sent on
    the session bus, and takes the keyboard focus from the app on demand."""

    def __init__(self):
        import threading
        self.records = []
        self.lock = threading.Lock()
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(os.path.dirname(__file__), "fake_desktop.py")],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     env={**os.environ, "GSK_RENDERER": "cairo"})
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        wait_for(lambda: self._has("ready") or self._has("error"), timeout=20, what="the fake desktop")
        if self._has("error"):
            raise AssertionError(f"the fake desktop failed: {self.records}")

    def _read(self):
        for line in self.proc.stdout:
            with self.lock:
                self.records.append(json.loads(line))

    def _has(self, key, value=None):
        with self.lock:
            return any(key in r and (value is None or r[key] == value) for r in self.records)

    def notifications(self):
        with self.lock:
            return [r["notification"] for r in self.records if "notification" in r]

    def _command(self, command, answer):
        with self.lock:
            self.records = [r for r in self.records if r.get("window") != answer]
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        wait_for(lambda: self._has("window", answer), timeout=10, what=f"the fake desktop's window {answer}")

    def take_focus(self):
        """Shows and presents another application's window."""
        self._command("focus", "shown")

    def give_back_focus(self):
        self._command("release", "gone")

    def click(self, notification):
        """Clicks a notification, as a user does in the desktop's shell."""
        with self.lock:
            self.records = [r for r in self.records if "clicked" not in r]
        self.proc.stdin.write(f"click {notification['id']}\n")
        self.proc.stdin.flush()
        wait_for(lambda: self._has("clicked", notification["id"]) or self._has("error"), timeout=15,
                 what="the notification clicked")
        if self._has("error"):
            raise AssertionError(f"clicking the notification failed: {self.records}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(timeout=5)
        self.proc.stdout.close()


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


def is_active(frame):
    """Whether the window has the keyboard focus (GTK says so through the
    frame's ACTIVE state)."""
    return frame.getState().contains(pyatspi.STATE_ACTIVE)


def is_focused(node):
    return node.getState().contains(pyatspi.STATE_FOCUSED)


def click(node):
    """A left click in the middle of node, through the X server as a mouse
    would. GTK 4 cannot tell AT-SPI where its windows are on screen, so the
    extents it gives are relative to the window; without a window manager
    (Xvfb here) the window sits at 0,0 and they are screen positions."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if extents.width <= 0 or extents.height <= 0:
        raise AssertionError(f"{node.getRoleName()} '{node.name}' is not on screen to click")
    pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2, extents.y + extents.height // 2, "b1c")


def scroll_down(node, clicks=5):
    """Turns the mouse wheel over node (button 5 is 'wheel down' in X11)."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    x, y = extents.x + extents.width // 2, extents.y + extents.height // 2
    pyatspi.Registry.generateMouseEvent(x, y, "abs")
    for _ in range(clicks):
        pyatspi.Registry.generateMouseEvent(x, y, "b5c")


CONTROL_MASK = 1 << 2
KEYSYMS = {"Return": 0xff0d, "Escape": 0xff1b, "Tab": 0xff09, "Page_Down": 0xff56, "Page_Up": 0xff55,
           "End": 0xff57, "Home": 0xff50, "Down": 0xff54, "Up": 0xff52}


def press(key, control=False):
    """Presses and releases a key (a character or a keysym name of KEYSYMS),
    with Control held if asked, as the keyboard would."""
    keysym = KEYSYMS[key] if len(key) > 1 else ord(key)
    if control:
        pyatspi.Registry.generateKeyboardEvent(CONTROL_MASK, None, pyatspi.KEY_LOCKMODIFIERS)
    try:
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    finally:
        if control:
            pyatspi.Registry.generateKeyboardEvent(CONTROL_MASK, None, pyatspi.KEY_UNLOCKMODIFIERS)


def type_text(text):
    """Types text on the keyboard into whatever has the focus."""
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)


def show_section(frame, index, name, sidebar="Sections"):
    """Picks a section in the sidebar (0 Vacancies, 1 Candidates, 2 Messages)
    and waits until the sidebar says it is selected. sidebar: the sidebar's
    name in the language under test."""
    sections = wait_for(lambda: find_quick(frame, role="list", name=sidebar), what="the sidebar")
    rows = [row for row in sections if row is not None and row.getRoleName() == "list item"]
    sections.querySelection().selectChild(index)
    wait_for(lambda: rows[index].getState().contains(pyatspi.STATE_SELECTED), timeout=5,
             what=f"the {name} section selected")


def sign_in(frame, portal_url, email, password, t=None, remember=False):
    """From the welcome page to the signed-in window. t maps the English
    labels to the language under test."""
    t = t or {}
    do_action(wait_for(lambda: find_quick(frame, name=t.get("Continue", "Continue"), action="click"),
                       what="Continue"), "click")
    host = portal_url.rstrip("/")
    wait_for(lambda: find_quick(frame, role="label", where=lambda n: host in n.name), what="the sign-in page")
    set_text(wait_for(lambda: find_quick(frame, role="text", name=t.get("E-mail Address", "E-mail Address")),
                      what="the e-mail row"), email)
    set_text(find_quick(frame, role="text", name=t.get("Password", "Password")), password)
    if remember:
        switch = find_quick(frame, role="check box", action="toggle")
        if not switch.getState().contains(pyatspi.STATE_CHECKED):
            do_action(switch, "toggle")
        wait_for(lambda: switch.getState().contains(pyatspi.STATE_CHECKED), timeout=5, what="Remember Me on")
    do_action(find_quick(frame, name=t.get("Sign In", "Sign In"), action="click"), "click")
    wait_signed_in(frame, portal_url, email)


def wait_signed_in(frame, portal_url, email, timeout=20):
    """The sidebar's account line ("e-mail at portal") appears once signed in."""
    host = portal_url.rstrip("/")
    wait_for(lambda: find_quick(frame, role="label", where=lambda n: email in n.name and host in n.name),
             timeout=timeout, what=f"{email} signed in")


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
