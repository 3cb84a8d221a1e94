"""Findings as GitHub Actions workflow commands (annotations on the pull request):
``::error file=F,line=L,col=C,title=CODE::message``, then a plain summary line."""

from __future__ import annotations

from typing import TextIO

from bizenv_cli.diagnostics import Finding
from bizenv_cli.output.caps import capped
from bizenv_cli.output.validate import summary
from bizenv_cli.sanitize import clean, clip
from bizenv_cli.validation import Validation


def escape_data(text: str) -> str:
    """Escape a command's message, as GitHub's toolkit does (other control characters,
    which the log would interpret, and bidi controls are written as escapes)."""
    text = clip(text, 600).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return clean(text)


def escape_property(text: str) -> str:
    """Escape a property value: additionally ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    props = [f"file={escape_property(finding.path)}"]
    if finding.line:
        props += [f"line={finding.line}", f"col={finding.col}"]
    props.append(f"title={escape_property(finding.code)}")
    return f"::{finding.level.value} {','.join(props)}::{escape_data(finding.message)}"


def write(result: Validation, stream: TextIO, *, color: bool = False) -> None:
    shown, more = capped(result.findings)
    for finding in shown:
        stream.write(command(finding) + "\n")
    for text in more:
        stream.write(text + "\n")
    stream.write(summary(result) + "\n")
