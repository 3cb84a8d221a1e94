"""Findings as text: ``file:line:col: error CODE message`` and a summary line.

Colour (rich) only when asked for, i.e. when writing to a terminal without NO_COLOR.
Messages carry text from the files checked: it is always printed as plain text,
never interpreted as rich markup.
"""

from __future__ import annotations

from typing import TextIO

from bizenv_cli.diagnostics import Level
from bizenv_cli.i18n.findings import LEVELS_ZH, zh_message
from bizenv_cli.output.caps import capped, finding_line
from bizenv_cli.output.validate import summary
from bizenv_cli.sanitize import message as printable
from bizenv_cli.validation import Validation


def write(result: Validation, stream: TextIO, *, color: bool = False, lang: str = "en") -> None:
    if color:
        _write_rich(result, stream, lang)
        return
    shown, more = capped(result.findings, lang=lang)
    for finding in shown:
        stream.write(finding_line(finding, lang) + "\n")
    for text in more:
        stream.write(text + "\n")
    stream.write(summary(result, lang) + "\n")


def _write_rich(result: Validation, stream: TextIO, lang: str) -> None:
    from rich.text import Text

    from bizenv_cli.output.terminal.console import SafeConsole

    console = SafeConsole(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
    text = Text()  # one Text for the whole report: rendering line by line is twice as slow
    shown, more = capped(result.findings, lang=lang)
    zh = lang == "zh"
    for finding in shown:
        style = "bold red" if finding.level is Level.error else "yellow"
        text.append(f"{printable(finding.location())}:", style="bold")
        text.append(" ")
        text.append(LEVELS_ZH[finding.level.value] if zh else finding.level.value, style=style)
        text.append(" ")
        text.append(printable(finding.code), style="cyan")
        text.append(" ")
        shown_message = printable(finding.message)
        text.append(zh_message(finding.code, shown_message) if zh else shown_message)
        text.append("\n")
    for line_ in more:
        text.append(line_ + "\n")
    style = "red" if result.errors else ("yellow" if result.warnings else "green")
    text.append(summary(result, lang), style=style)
    console.print(text)
