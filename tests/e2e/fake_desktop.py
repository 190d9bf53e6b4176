#!/usr/bin/python3
"""The parts of a desktop the end-to-end tests need, in a process of its own.

- A notification server: owns org.gtk.Notifications (what GLib's
  GNotification uses outside a sandbox when the name has an owner) and
  org.freedesktop.Notifications (GLib's fallback) on the session bus, and
  prints every notification it is sent as one JSON line on stdout.
- Another application's window, to take the keyboard focus away from the
  app under test. Xvfb runs without a window manager, so nothing moves the
  focus when a window is clicked; but GTK's gtk_window_present() with no
  window manager raises its window and calls XSetInputFocus() on it itself,
  so presenting a window of our own takes the X input focus from the app
  (its window gets FocusOut and reports itself inactive). Destroying it is
  not enough to hand the focus back: X reverts it to the root window, and
  no window is focused. Setting the focus to PointerRoot, as window
  managers with "focus follows mouse" do, gives it to the window under the
  pointer — the app's, where the tests click — and GDK reports that window
  active again (checked).

Commands, one per line on stdin: "focus" presents the window, "release"
destroys it, "click ID" clicks notification ID as a notification server
does (org.gtk.Notifications: activates the notification's default action
on the application through org.gtk.Actions; org.freedesktop.Notifications:
emits ActionInvoked "default"). Lines on stdout: {"ready": true} once both
names are owned and GTK is up, {"notification": {...}} per notification,
{"window": "shown"|"gone"} and {"clicked": ID} after a command."""
import ctypes
import json
import sys

import gi

gi.require_version("Gtk", "4.0")
from gi.repository import Gio, GLib, Gtk  # noqa: E402

GTK_XML = """
<node>
  <interface name="org.gtk.Notifications">
    <method name="AddNotification">
      <arg type="s" name="app_id" direction="in"/>
      <arg type="s" name="id" direction="in"/>
      <arg type="a{sv}" name="notification" direction="in"/>
    </method>
    <method name="RemoveNotification">
      <arg type="s" name="app_id" direction="in"/>
      <arg type="s" name="id" direction="in"/>
    </method>
  </interface>
</node>"""

FDO_XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
</node>"""


def emit(record):
    print(json.dumps(record), flush=True)


def plain(value):
    """A GVariant's contents as JSON-friendly values."""
    if isinstance(value, GLib.Variant):
        value = value.unpack()
    if isinstance(value, dict):
        return {key: plain(val) for key, val in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(val) for val in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


class FakeDesktop:
    def __init__(self):
        self.loop = GLib.MainLoop()
        self.window = None
        self.next_id = 1
        self.sent = {}  # id -> how to click it
        self.owned = set()
        self.bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        for xml, path, name in ((GTK_XML, "/org/gtk/Notifications", "org.gtk.Notifications"),
                                (FDO_XML, "/org/freedesktop/Notifications", "org.freedesktop.Notifications")):
            info = Gio.DBusNodeInfo.new_for_xml(xml).interfaces[0]
            self.bus.register_object(path, info, self.method_call, None, None)
            Gio.bus_own_name_on_connection(self.bus, name, Gio.BusNameOwnerFlags.NONE,
                                           self.name_acquired, self.name_lost)
        Gtk.init()
        channel = GLib.IOChannel.unix_new(sys.stdin.fileno())
        GLib.io_add_watch(channel, GLib.PRIORITY_DEFAULT, GLib.IOCondition.IN | GLib.IOCondition.HUP,
                          self.command)

    def name_acquired(self, connection, name):
        self.owned.add(name)
        if len(self.owned) == 2:
            emit({"ready": True})

    def name_lost(self, connection, name):
        emit({"error": f"could not own {name}"})
        self.loop.quit()

    def method_call(self, connection, sender, path, interface, method, parameters, invocation):
        args = parameters.unpack()
        if method == "AddNotification":
            app_id, ident, raw = args
            action = raw.get("default-action")
            target = parameters.get_child_value(2).lookup_value("default-action-target", None)
            self.sent[ident] = ("gtk", app_id, action, target)
            data = plain(raw)
            emit({"notification": {"backend": "gtk", "app_id": app_id, "id": ident,
                                   "title": data.get("title"), "body": data.get("body"),
                                   "default_action": data.get("default-action"),
                                   "target": data.get("default-action-target")}})
            invocation.return_value(None)
        elif method == "Notify":
            app_name, replaces, icon, summary, body, actions, hints, timeout = args
            self.sent[str(self.next_id)] = ("freedesktop", self.next_id)
            emit({"notification": {"backend": "freedesktop", "app_id": app_name, "id": str(self.next_id),
                                   "title": summary, "body": body, "actions": list(actions)}})
            invocation.return_value(GLib.Variant("(u)", (self.next_id,)))
            self.next_id += 1
        elif method == "GetCapabilities":
            invocation.return_value(GLib.Variant("(as)", (["body", "actions"],)))
        elif method == "GetServerInformation":
            invocation.return_value(GLib.Variant("(ssss)", ("fake-desktop", "werving", "1", "1.2")))
        else:  # RemoveNotification, CloseNotification
            invocation.return_value(None)

    def click(self, ident):
        how = self.sent.get(ident)
        if how is None:
            emit({"error": f"no notification {ident}"})
            return
        if how[0] == "gtk":
            _, app_id, action, target = how
            name = action[len("app."):] if action and action.startswith("app.") else action
            self.bus.call_sync(app_id, "/" + app_id.replace(".", "/"), "org.gtk.Actions", "Activate",
                               GLib.Variant("(sava{sv})", (name, [target] if target is not None else [], {})),
                               None, Gio.DBusCallFlags.NONE, 10000, None)
        else:
            self.bus.emit_signal(None, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                                 "ActionInvoked", GLib.Variant("(us)", (how[1], "default")))
        emit({"clicked": ident})

    @staticmethod
    def focus_follows_pointer():
        xlib = ctypes.cdll.LoadLibrary("libX11.so.6")
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        display = ctypes.c_void_p(xlib.XOpenDisplay(None))
        pointer_root, revert_to_pointer_root, current_time = 1, 1, 0
        xlib.XSetInputFocus(display, ctypes.c_ulong(pointer_root), revert_to_pointer_root,
                            ctypes.c_ulong(current_time))
        xlib.XCloseDisplay(display)  # flushes the request

    def command(self, channel, condition):
        line = sys.stdin.readline()
        if not line:
            self.loop.quit()
            return False
        line = line.strip()
        if line == "focus" and self.window is None:
            self.window = Gtk.Window(title="Other Application", default_width=320, default_height=200)
            self.window.set_child(Gtk.Label(label="Another application has the focus"))
            self.window.present()
            emit({"window": "shown"})
        elif line.startswith("click "):
            self.click(line[len("click "):])
        elif line == "release" and self.window is not None:
            self.window.destroy()
            self.window = None
            self.focus_follows_pointer()
            emit({"window": "gone"})
        return True


if __name__ == "__main__":
    desktop = FakeDesktop()
    desktop.loop.run()
