"""Findings as one JSON object (documented in docs/validate.md; ``version`` changes
only when the structure does)."""

from __future__ import annotations

import json
from typing import TextIO

from bizenv_cli.sanitize import json_safe
from bizenv_cli.validation import Validation

VERSION = 1


def to_dict(result: Validation) -> dict[str, object]:
    return {
        "version": VERSION,
        "files": result.files,
        "summary": {
            "errors": result.errors,
            "warnings": result.warnings,
            "acknowledged": len(result.acknowledged),
        },
        "findings": [finding.to_dict() for finding in result.findings],
        "acknowledged": [item.to_dict() for item in result.acknowledged],
    }


def write(result: Validation, stream: TextIO, *, color: bool = False) -> None:
    # Every finding (no cap: programs count them); bidi and C1 characters as \uXXXX.
    stream.write(json_safe(json.dumps(to_dict(result), ensure_ascii=False, indent=2)) + "\n")
