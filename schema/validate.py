#!/usr/bin/env python3
"""Validates mtlint rule files against schema/mtlint-rule.schema.json.

    python3 schema/validate.py [--json] FILE...

YAML is read with YAML 1.2 core-schema scalars (only true/false are booleans; `yes`, `on`
and dates stay strings), as mtlint's loader and YAML editors read it. Prints each file's
problems (or, with --json, one JSON object: path -> list of messages). Exit status: 0 all
valid, 1 some file invalid, 3 when PyYAML or jsonschema is not installed.
"""
import json
import os
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as error:  # the Swift test skips on this status
    print(f"validate.py: {error}", file=sys.stderr)
    sys.exit(3)


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema implicit types."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def problems(schema, path):
    try:
        with open(path, encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=CoreLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return [f"cannot read: {error}"]
    validator = jsonschema.Draft202012Validator(schema)
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        found.append(f"{where}: {error.message}")
    return found


def main(arguments):
    as_json = "--json" in arguments
    files = [a for a in arguments if a != "--json"]
    schema_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mtlint-rule.schema.json")
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    results = {path: problems(schema, path) for path in files}
    if as_json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for path, found in results.items():
            for message in found:
                print(f"{path}: {message}")
    return 1 if any(results.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
