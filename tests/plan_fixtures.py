#!/usr/bin/env python3
"""Write plan-JSON fixtures for every Terraform control from its HCL ones.

For each built-in control that reads Terraform, its `pass/` and `fail/`
HCL fixtures are planned as Terraform would plan them from an empty state
and written as `plan-pass/plan.json` and `plan-fail/plan.json` beside them,
in the shape of `terraform show -json PLAN` (format_version 1.2):

- `planned_values.root_module.resources`: address, mode, type, name,
  provider_name, schema_version, `values` (literal attributes and nested
  blocks as lists of objects), `sensitive_values`; a resource with a literal
  `count` becomes one entry per index;
- `resource_changes`: `create` actions with `after`, and `after_unknown`
  marking every value that refers to another object (plus `id`), which
  planned values leave out;
- `configuration.root_module.resources[].expressions`: `constant_value` for
  literals, `references` (most specific first) for the rest;
- a value that refers only to attributes written as literals (a bucket's
  `name`) is known, as Terraform knows it when it plans; what refers to
  anything else (`id`, `arn`, a data source) is unknown;
- `configuration.provider_config`: each provider block under its name (or
  `name.alias`) with its settings as expressions.

The shape follows Terraform's JSON output format and the test plans public
projects commit (bridgecrewio/checkov, tests/terraform/runner/resources/plan);
nothing is copied from them. `tests/fixtures.rs` checks that each control
fails on the plan exactly where it fails on the HCL that produced it.

    python3 tests/plan_fixtures.py [ASSURE_BINARY]
"""
import json
import os
import re
import subprocess
import sys

META = {"count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection"}
REF = re.compile(r"(?<![\w.])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?(?:\.[a-z_][a-z0-9_]*)?)")
PROVIDERS = {"aws": "registry.terraform.io/hashicorp/aws", "github": "registry.terraform.io/integrations/github"}


def unknown(v):
    return isinstance(v, str) and "${" in v


def references(text):
    """What an expression refers to, most specific first, as Terraform lists them."""
    out = []
    for m in REF.finditer(text):
        ref = m.group(1)
        if ref.split(".")[0] in {"each", "count", "path", "terraform", "self"}:
            continue
        parts = ref.split(".")
        base = ".".join(parts[:3] if parts[0] == "data" else parts[:2])
        for r in (ref, base):
            if r not in out:
                out.append(r)
    return out


INTERPOLATION = re.compile(r"\$\{([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)\.([a-z_][a-z0-9_]*)\}")


def known(v, literals):
    """A string whose every interpolation is an attribute written as a literal
    in the configuration (a bucket's `name`) is known when Terraform plans:
    its value, or None when anything in it is only known after apply."""
    if not unknown(v):
        return v
    def value(m):
        body = literals.get((m.group(1), m.group(2)), {})
        attr = body.get(m.group(3))
        if isinstance(attr, (str, int, float, bool)) and not unknown(attr):
            return str(attr).lower() if isinstance(attr, bool) else str(attr)
        raise LookupError
    try:
        out = INTERPOLATION.sub(value, v)
    except LookupError:
        return None
    return None if unknown(out) else out


def split(value, literals, top=True):
    """(planned values, after_unknown, configuration expressions) of a body.
    Meta-arguments (`count`, `lifecycle`...) are only those of the resource
    itself: a nested block may have the same name (a backup rule's
    `lifecycle`)."""
    vals, unk, exprs = {}, {}, {}
    for key, v in value.items():
        if top and key in META:
            continue
        if unknown(v) and known(v, literals) is not None:
            v = known(v, literals)
            vals[key] = v
            exprs[key] = {"references": references(value[key])}
        elif unknown(v):
            unk[key] = True
            exprs[key] = {"references": references(v)}
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            parts = [split(x, literals, top=False) for x in v]
            vals[key] = [p[0] for p in parts]
            if any(p[1] for p in parts):
                unk[key] = [p[1] for p in parts]
            exprs[key] = [p[2] for p in parts]
        else:
            vals[key] = v
            exprs[key] = {"constant_value": v}
    return vals, unk, exprs


def plan(module):
    planned, changes, config = [], [], []
    literals = {
        (rtype, name): bodies[0]
        for rtype, by_name in module.get("resource", {}).items()
        for name, bodies in by_name.items()
        if bodies and isinstance(bodies[0], dict)
    }
    for section, mode in (("resource", "managed"), ("data", "data")):
        for rtype, by_name in sorted(module.get(section, {}).items()):
            provider = PROVIDERS.get(rtype.split("_")[0], "registry.terraform.io/hashicorp/" + rtype.split("_")[0])
            for name, bodies in sorted(by_name.items()):
                body = bodies[0]
                count = body.get("count")
                indexes = list(range(count)) if isinstance(count, int) else [None]
                vals, unk, exprs = split(body, literals)
                base = f"{'data.' if mode == 'data' else ''}{rtype}.{name}"
                for i in indexes:
                    address = base if i is None else f"{base}[{i}]"
                    entry = {"address": address, "mode": mode, "type": rtype, "name": name}
                    if i is not None:
                        entry["index"] = i
                    entry.update({"provider_name": provider, "schema_version": 0, "values": vals, "sensitive_values": {}})
                    planned.append(entry)
                    if mode == "managed":
                        after_unknown = dict(unk)
                        after_unknown["id"] = True
                        changes.append({
                            "address": address, "mode": mode, "type": rtype, "name": name,
                            **({"index": i} if i is not None else {}),
                            "provider_name": provider,
                            "change": {"actions": ["create"], "before": None, "after": vals,
                                       "after_unknown": after_unknown, "before_sensitive": False,
                                       "after_sensitive": {}},
                        })
                cfg = {"address": base, "mode": mode, "type": rtype, "name": name,
                       "provider_config_key": rtype.split("_")[0], "expressions": exprs, "schema_version": 0}
                if isinstance(count, int):
                    cfg["count_expression"] = {"constant_value": count}
                config.append(cfg)
    provider_config = {}
    for p in sorted({r["provider_config_key"] for r in config}):
        provider_config[p] = {"name": p, "full_name": PROVIDERS.get(p, "registry.terraform.io/hashicorp/" + p)}
    # Provider blocks as Terraform's configuration lists them: keyed by name,
    # or `name.alias`, with their settings as expressions.
    for name, bodies in sorted(module.get("provider", {}).items()):
        for body in bodies:
            alias = body.get("alias") if isinstance(body.get("alias"), str) else None
            key = f"{name}.{alias}" if alias else name
            entry = {"name": name, "full_name": PROVIDERS.get(name, "registry.terraform.io/hashicorp/" + name)}
            if alias:
                entry["alias"] = alias
            settings = {k: v for k, v in body.items() if k != "alias"}
            entry["expressions"] = split(settings, literals, top=False)[2]
            provider_config[key] = entry
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": planned}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": provider_config,
            "root_module": {"resources": config},
        },
        "timestamp": "2026-11-29T00:00:00Z",
        "applyable": True,
        "complete": True,
        "errored": False,
    }


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/debug/assure"
    controls = json.loads(subprocess.check_output([binary, "controls", "--format", "json"]))
    written = 0
    for c in controls:
        if "terraform" not in c["inputs"] or not c["source"].startswith("builtin:"):
            continue
        folder = os.path.dirname(c["source"][len("builtin:"):])
        for kind in ("pass", "fail"):
            src = os.path.join(folder, kind)
            docs = json.loads(subprocess.check_output([binary, "parse", src]))
            modules = [d["input"] for d in docs if d["kind"] == "terraform"]
            if len(modules) != 1:
                sys.exit(f"{src}: expected one Terraform root module, found {len(modules)}")
            out = os.path.join(folder, f"plan-{kind}", "plan.json")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w") as f:
                json.dump(plan(modules[0]), f, indent=2, sort_keys=False)
                f.write("\n")
            written += 1
    print(f"wrote {written} plans")


if __name__ == "__main__":
    main()
