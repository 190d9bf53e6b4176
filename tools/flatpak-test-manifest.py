#!/usr/bin/python3
"""Derives the offline test manifest from the real one.

    tools/flatpak-test-manifest.py REAL.json OUT.json [RUNTIME_ID [BRANCH]]

Only runtime, sdk and runtime-version change (to the local Debian 13 runtime
that tools/flatpak-runtime.sh installs); relative source paths are made
absolute so that OUT.json may live outside the source tree. Everything else —
finish-args, modules, config-opts, cleanup — is the real manifest's, so the
test builds what users get."""
import json
import os
import sys

REPLACED = ("runtime", "sdk", "runtime-version")


def absolutise_sources(module, base):
    for source in module.get("sources", []):
        if isinstance(source, dict) and "path" in source and not os.path.isabs(source["path"]):
            source["path"] = os.path.normpath(os.path.join(base, source["path"]))
    for child in module.get("modules", []):
        if isinstance(child, dict):
            absolutise_sources(child, base)


def derive(real, base, runtime_id, branch):
    test = json.loads(json.dumps(real))
    for key in REPLACED:
        if key not in test:
            raise SystemExit(f"the real manifest has no '{key}'")
    test["runtime"] = runtime_id
    test["sdk"] = runtime_id
    test["runtime-version"] = branch
    for module in test.get("modules", []):
        if isinstance(module, dict):
            absolutise_sources(module, base)
    return test


def main(argv):
    if len(argv) not in (3, 4, 5):
        raise SystemExit(__doc__)
    real_path, out_path = argv[1], argv[2]
    runtime_id = argv[3] if len(argv) > 3 else "io.github.werving.Sdk"
    branch = argv[4] if len(argv) > 4 else "13"
    with open(real_path) as f:
        real = json.load(f)
    base = os.path.dirname(os.path.abspath(real_path))
    test = derive(real, base, runtime_id, branch)
    with open(out_path, "w") as f:
        json.dump(test, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
