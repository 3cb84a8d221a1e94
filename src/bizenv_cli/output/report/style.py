"""Look of the report: status colours and bar characters, table box, safe text.

Only ASCII is drawn around the data (table rules, bar characters): box-drawing
and block characters are East-Asian "ambiguous width", shown double wide by
terminals set up for Chinese, which breaks the columns. Colour is an extra:
every status also has its own bar character, so the report reads the same
without colour (NO_COLOR, piped output, printed on paper).
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from bizenv_cli.evaluation.result import Status
from bizenv_cli.sanitize import clean

STATUS_STYLE: dict[Status, str] = {
    Status.met: "green",
    Status.at_risk: "yellow",
    Status.overdue: "bold red",
    Status.not_met: "red",
    Status.missing: "magenta",
    Status.pending: "cyan",
    Status.waived: "dim",
}

# Header rule of dashes, no vertical lines; a dashed rule between sections.
REPORT_BOX = box.Box(
    "    \n    \n -- \n    \n -- \n -- \n    \n    \n",
    ascii=True,
)

def safe(text: str, style: str = "") -> Text:
    """Untrusted text as a Text: never parsed as markup; control characters, bidi
    controls and line separators written as escapes (``sanitize.clean``); newlines kept."""
    return Text(clean(text, keep="\n"), style=style)


def status_text(status: Status, label: str) -> Text:
    return Text(label, style=STATUS_STYLE[status])


def report_table(*, lines: bool = False) -> Table:
    """The one table style of the report: bold header, ASCII rules, no edges."""
    return Table(
        box=REPORT_BOX,
        show_edge=False,
        show_lines=lines,
        header_style="bold",
        pad_edge=False,
        padding=(0, 1, 0, 0),
        expand=False,
    )


def remaining(width: int, used: list[int], *, minimum: int = 8) -> int:
    """What is left of ``width`` for one more column after the ``used`` columns and the
    two characters between columns (the padding and the blank rule of REPORT_BOX)."""
    return max(minimum, width - sum(used) - 2 * len(used))
