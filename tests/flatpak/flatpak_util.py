"""Helpers for the flatpak suite: the cached local runtime, flatpak-builder,
the throw-away user installation, the sandboxed app on the AT-SPI bus and the
plain-text secret scan.

Run with Debian's /usr/bin/python3 inside tools/test-env.sh."""
import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

import pyatspi

import atspi_util as ui

APP_ID = "io.github.werving.Werving"
SOURCE_DIR = ui.SOURCE_DIR
CACHE = os.environ.get("WERVING_FLATPAK_CACHE", "/var/tmp/werving-flatpak")
MANIFEST = os.path.join(SOURCE_DIR, "flatpak", APP_ID + ".json")
SKIP = 77


def skip(reason):
    """One clear line, then the exit status meson counts as skipped."""
    print(f"SKIP: {reason}", flush=True)
    sys.exit(SKIP)


def tool_env(**extra):
    """The environment for flatpak and flatpak-builder: the test's, minus the
    switches that turn GLib warnings of those tools into aborts, plus the
    cached installation that holds the runtime."""
    env = dict(os.environ)
    env.pop("G_DEBUG", None)
    env["FLATPAK_SYSTEM_DIR"] = os.path.join(CACHE, "system")
    env.update(extra)
    return env


def run(cmd, log, env=None, timeout=1200):
    """Runs cmd with its output appended to log; on failure the assertion
    carries the last lines of that output."""
    started = time.monotonic()
    with open(log, "a") as out:
        out.write(f"$ {' '.join(cmd)}\n")
        out.flush()
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, env=env or tool_env(),
                              timeout=timeout)
    if proc.returncode != 0:
        with open(log) as f:
            tail = f.read()[-4000:]
        raise AssertionError(f"{cmd[0]} {cmd[1] if len(cmd) > 1 else ''} failed "
                             f"with status {proc.returncode}:\n{tail}")
    return time.monotonic() - started


def check_sandbox_possible():
    """bwrap must be able to make the namespaces flatpak asks for."""
    for tool in ("flatpak", "flatpak-builder", "bwrap", "eu-strip"):
        if shutil.which(tool) is None:
            raise AssertionError(f"{tool} is not installed (tools/deps.sh installs it)")
    proc = subprocess.run(["bwrap", "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-net",
                           "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "true"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        skip("bwrap cannot create a sandbox on this machine (no user namespaces?): "
             + (proc.stderr.strip().splitlines() or ["no message"])[-1])


def ensure_runtime(log):
    """tools/flatpak-runtime.sh: a no-op when the cache is there."""
    if os.geteuid() != 0 and not os.path.exists(os.path.join(CACHE, "runtime.done")):
        skip(f"the local Debian 13 runtime is not in {CACHE} and building it needs root")
    return run([os.path.join(SOURCE_DIR, "tools", "flatpak-runtime.sh"), "runtime"], log)


@contextlib.contextmanager
def cache_lock(name):
    """One flatpak-builder at a time per cache (its build and state dirs are shared)."""
    os.makedirs(CACHE, exist_ok=True)
    with open(os.path.join(CACHE, name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build_bundle(workdir, log):
    """Derives the test manifest, builds it with flatpak-builder into a fresh
    repository and makes the single-file bundle. Returns (bundle, timings)."""
    manifest = os.path.join(workdir, APP_ID + ".json")
    repo = os.path.join(workdir, "repo")
    bundle = os.path.join(workdir, APP_ID + ".flatpak")
    run(["/usr/bin/python3", os.path.join(SOURCE_DIR, "tools", "flatpak-test-manifest.py"),
         MANIFEST, manifest], log)
    timings = {}
    with cache_lock("app-build"):
        # A "dir" source is never taken from flatpak-builder's cache, so the
        # working tree is always rebuilt; ccache keeps that quick.
        timings["flatpak-builder"] = run(
            ["flatpak-builder", "--disable-rofiles-fuse", "--ccache", "--force-clean",
             "--state-dir", os.path.join(CACHE, "builder-state"), "--repo", repo,
             os.path.join(CACHE, "app-build"), manifest], log)
    timings["build-bundle"] = run(["flatpak", "build-bundle", repo, bundle, APP_ID], log)
    return bundle, timings


def find_new_app(before, proc, name="werving", timeout=30):
    """The sandboxed app's accessible root. Its process id on the AT-SPI bus is
    the a11y proxy's, not the sandboxed process's, so look for a new
    application of that name instead."""
    def probe():
        if proc.poll() is not None:
            raise AssertionError(f"flatpak run exited with status {proc.returncode} before the app showed up")
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == name and app_key(app) not in before:
                return app
        return None
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
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for the sandboxed app on the AT-SPI bus")


def app_key(app):
    try:
        return (app.name, app.get_process_id())
    except Exception:
        return None


def apps_on_bus():
    return {app_key(app) for app in pyatspi.Registry.getDesktop(0) if app is not None}


def find_menu_item(root, name):
    """A clickable menu entry by what it says. GTK 4.8 names a menu item after
    its label; GTK 4.18 leaves the item unnamed and names only the label in it."""
    def match(node):
        if node is None or not ui.has_action(node, "click"):
            return False
        if ui.accessible_name(node) == name:
            return True
        return node.getRoleName() == "menu item" and name in ui.labels(node)
    return pyatspi.findDescendant(root, match, breadth_first=True)


def quiet_activation_environment():
    """Services the session bus starts on demand (xdg-desktop-portal and its
    backends) inherit the bus's environment, and with the test's
    G_DEBUG=fatal-warnings their first harmless warning (no RealtimeKit, no
    PipeWire here) kills them; the sandboxed app then sees ServiceUnknown."""
    subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                    "--object-path", "/org/freedesktop/DBus",
                    "--method", "org.freedesktop.DBus.UpdateActivationEnvironment",
                    "{'G_DEBUG': ''}"], check=True, stdout=subprocess.DEVNULL)


@contextlib.contextmanager
def desktop_portal(log):
    """xdg-desktop-portal of our own on the test's session bus, replacing any
    instance started earlier with the test's environment, as a GNOME session
    has it (XDG_CURRENT_DESKTOP picks the gtk and gnome-keyring backends)."""
    quiet_activation_environment()
    env = dict(os.environ)
    env.pop("G_DEBUG", None)
    env["XDG_CURRENT_DESKTOP"] = "GNOME"
    with open(log, "a") as out:
        proc = subprocess.Popen(["/usr/libexec/xdg-desktop-portal", "--replace"], env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        ui.wait_for(lambda: proc.poll() is None and subprocess.run(
            ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus", "--object-path",
             "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.GetConnectionUnixProcessID",
             "org.freedesktop.portal.Desktop"], capture_output=True, text=True).stdout.strip()
            == f"(uint32 {proc.pid},)", what="our xdg-desktop-portal on the bus")
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)


def running_instances(env):
    out = subprocess.run(["flatpak", "ps", "--columns=application"], capture_output=True, text=True,
                         env=env).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


TOKEN_RUN = re.compile(rb"[A-Za-z0-9_-]{43,}")


def issued_token_hashes(db_path):
    """SHA-256 hex of every access and refresh token the portal ever issued
    (it stores only the hashes)."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        rows = db.execute("SELECT access_hash, refresh_hash FROM sessions").fetchall()
    finally:
        db.close()
    return {h for row in rows for h in row}


def find_secrets(top, password, token_hashes):
    """(path, what) for every file under top that holds the password or one of
    the tokens in plain text. Tokens are 43 URL-safe base64 characters; every
    43-character window of every such run is hashed and compared."""
    found = []
    for root, dirs, files in os.walk(top):
        for name in files:
            path = os.path.join(root, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError:
                continue
            if password.encode() in data:
                found.append((path, "the password"))
            for match in TOKEN_RUN.finditer(data):
                run_bytes = match.group(0)
                for i in range(len(run_bytes) - 42):
                    window = run_bytes[i:i + 43]
                    if hashlib.sha256(window).hexdigest() in token_hashes:
                        found.append((path, "a token"))
                        break
    return found


def permissions(env):
    """`flatpak info --show-permissions` as {group: {key: set(values)}}."""
    out = subprocess.run(["flatpak", "info", "--show-permissions", APP_ID], capture_output=True,
                         text=True, env=env, check=True).stdout
    groups, group = {}, None
    for line in out.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            group = groups.setdefault(line[1:-1], {})
        elif "=" in line and group is not None:
            key, value = line.split("=", 1)
            group[key] = {v for v in value.split(";") if v}
    return groups, out
