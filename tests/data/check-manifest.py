#!/usr/bin/python3
"""Checks the Flatpak manifest: it parses with flatpak-builder, targets the
GNOME runtime and asks for exactly the sandbox holes the README documents."""
import json
import os
import subprocess
import sys

src = os.environ["WERVING_SOURCE_DIR"]
path = os.path.join(src, "flatpak", "io.github.werving.Werving.json")
expected = {"--share=network", "--share=ipc", "--socket=wayland",
            "--socket=fallback-x11", "--device=dri"}

# flatpak-builder prints harmless GLib warnings of its own; the test
# environment's G_DEBUG=fatal-warnings must not turn them into a crash.
env = {k: v for k, v in os.environ.items() if k != "G_DEBUG"}
shown = subprocess.run(["flatpak-builder", "--show-manifest", path], capture_output=True, text=True, env=env)
if shown.returncode != 0:
    print("FAIL: flatpak-builder cannot parse the manifest:", shown.stderr.strip())
    sys.exit(1)
manifest = json.loads(shown.stdout)
failures = []
if manifest.get("id") != "io.github.werving.Werving":
    failures.append(f"id is {manifest.get('id')!r}")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    failures.append("runtime/sdk must be org.gnome.Platform/org.gnome.Sdk")
if manifest.get("command") != "werving":
    failures.append("command must be werving")
args = set(manifest.get("finish-args", []))
if args != expected:
    failures.append(f"finish-args differ from the documented set: extra {sorted(args - expected)}, "
                    f"missing {sorted(expected - args)}")
if manifest["modules"][-1].get("buildsystem") != "meson":
    failures.append("the app module must build with meson")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
