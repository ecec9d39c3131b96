#!/usr/bin/env python3
"""Check control folders with a built assure binary, before they are part of
the built-in library: what `tests/fixtures.rs` checks once they are.

    python3 tests/check_controls.py [--bin BINARY] policies/azure/storage/azure-storage-https ...

For each folder (`policy.rego`, `policy_test.rego`, `pass/`, `fail/`):
- the policy's unit tests pass (`assure verify`);
- METADATA has an id equal to the folder name, a rationale for every SOC 2
  criterion and SOC 1 objective it maps to, and limitations;
- the control fails exactly on the lines its fail fixtures mark with
  `expect-fail: <id>` (on the finding's line, or alone on the line above
  it), and nowhere in its pass fixtures, which give at least one passing
  target;
- no evaluation or input error in either.
The policies are loaded with the helper library (`policies/lib`) and
without the built-in library. Exit 1 when anything is wrong.
"""
import argparse
import json
import os
import re
import subprocess
import sys


def markers(root, cid):
    want = set()
    marker = f"expect-fail: {cid}"
    for dirpath, _, names in os.walk(root):
        for n in names:
            path = os.path.join(dirpath, n)
            try:
                lines = open(path, encoding="utf-8").read().split("\n")
            except (UnicodeDecodeError, OSError):
                continue
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            for i, line in enumerate(lines):
                if marker not in line:
                    continue
                if line.lstrip().startswith("#"):
                    j = i + 1
                    while j < len(lines) and (not lines[j].strip() or lines[j].lstrip().startswith("#")):
                        j += 1
                    want.add((rel, j + 1))
                else:
                    want.add((rel, i + 1))
    return want


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(binary, folder):
    problems = []
    policy = os.path.join(folder, "policy.rego")
    text = open(policy).read()
    m = re.search(r"^#\s+id:\s*(\S+)", text, re.M)
    cid = m.group(1) if m else None
    if cid != os.path.basename(folder.rstrip("/")):
        problems.append(f"id {cid} is not the folder name")
    meta = "\n".join(l[2:] if l.startswith("# ") else l[1:] for l in text.split("package ")[0].split("\n") if l.startswith("#"))
    for key in ("rationale:", "limitations:", "resource_types:" if "terraform" in meta or "cloudformation" in meta else "inputs:"):
        if key not in meta:
            problems.append(f"METADATA has no {key}")
    code, out, err = run(binary, ["verify", "--no-builtin", "policies/lib", folder])
    if code != 0:
        problems.append(f"unit tests: {out[-1500:]}{err[-1500:]}")
    lib = ["--no-builtin", "-p", "policies/lib", "-p", folder, "--control", cid, "--format", "json", "--allow-empty"]
    for kind in ("fail", "pass"):
        d = os.path.join(folder, kind)
        if not os.path.isdir(d):
            problems.append(f"no {kind}/")
            continue
        code, out, err = run(binary, ["test"] + lib + [d])
        if code == 2:
            problems.append(f"{kind}: {err.strip()[:1500]}")
            continue
        v = json.loads(out)
        got = set()
        for c in v["controls"]:
            for t in c["targets"]:
                if t["outcome"] == "error":
                    problems.append(f"{kind}: error on {t['name']}: {t.get('error')}")
                for f in t.get("findings", []):
                    if f["level"] == "deny":
                        got.add((f["location"]["path"], f["location"]["line"]))
        if v["summary"]["input_errors"]:
            problems.append(f"{kind}: input errors {v['input_errors']}")
        if kind == "fail":
            want = markers(d, cid)
            if not want:
                problems.append("fail fixtures mark no expected finding")
            if got != want:
                problems.append(f"fail: findings {sorted(got)} but markers {sorted(want)}")
        else:
            if got:
                problems.append(f"pass: findings {sorted(got)}")
            if v["summary"]["passed"] == 0:
                problems.append("pass: no passing target")
    return cid, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("ASSURE_BIN", "target/release/assure"))
    ap.add_argument("folders", nargs="+")
    a = ap.parse_args()
    bad = 0
    for f in a.folders:
        cid, problems = check(a.bin, f)
        if problems:
            bad += 1
            print(f"FAIL {cid or f}")
            for p in problems:
                print(f"  - {p}")
        else:
            print(f"ok   {cid}")
    print(f"{len(a.folders) - bad}/{len(a.folders)} controls ok")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
