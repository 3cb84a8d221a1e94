"""YAML as the measure files are written by hand: keys in order, Chinese as is, long text
as a ``|-`` block, a comment line at the top."""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value or len(value) > 80 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data: dict[str, Any], comment: str) -> str:
    body = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000, indent=2
    )
    head = "".join(f"# {line}\n" if line else "#\n" for line in comment.splitlines())
    return head + body
