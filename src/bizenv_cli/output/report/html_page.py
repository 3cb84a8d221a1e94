"""`bizenv report --html FILE`: the printable document as an HTML page of real tables.

The page holds the same blocks as the PDF (``output.report.document``), so no
column depends on the width the terminal report was laid out at: a browser
wraps the text inside its cell, on screen and on paper. A print stylesheet sets
A4 pages, repeats a table's header row on each page and starts each view and
each unit's notice on a new page. Chinese is plain text in its cell (no
per-character spans, no padding, normal letter spacing), so no gap opens
inside a word. Fonts are the reader's own (a local font stack): the page loads
nothing from the network. Text from the data is cleaned by ``document`` and
HTML-escaped here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape

from bizenv_cli.evaluation.result import Status
from bizenv_cli.i18n import Messages
from bizenv_cli.output.report.blocks import Block, Figure, Heading, Line, PageBreak, Table
from bizenv_cli.output.report.views.bars import BAR_CHAR
from bizenv_cli.sanitize import no_commands

FONTS = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif'
)
MONO = 'ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono", monospace'
COLOURS: dict[Status, str] = {
    Status.met: "#1a7f37",
    Status.at_risk: "#9a6700",
    Status.overdue: "#cf222e",
    Status.not_met: "#bc4c00",
    Status.missing: "#8250df",
    Status.pending: "#0969da",
    Status.waived: "#6e7781",
}

STYLE = f"""
body {{ font-family: {FONTS}; font-size: 14px; line-height: 1.45; color: #1f2328;
       margin: 1.5em auto; max-width: 80em; padding: 0 1em; }}
h1 {{ font-size: 1.6em; margin: 0 0 .4em; }}
h2 {{ font-size: 1.25em; margin: 0 0 .5em; }}
h3 {{ font-size: 1.05em; margin: 1em 0 .4em; }}
p {{ margin: .15em 0; }}
.label {{ color: #59636e; margin-right: .8em; }}
table {{ border-collapse: collapse; width: 100%; margin: .5em 0 1em; }}
th, td {{ text-align: left; vertical-align: top; padding: .25em .45em;
         border-bottom: 1px solid #d1d9e0; overflow-wrap: anywhere; }}
th {{ background: #e1e6ee; font-weight: 600; white-space: nowrap; }}
td.status {{ white-space: nowrap; }}
td.num, th.num {{ text-align: right; white-space: nowrap; }}
tr.strong td {{ background: #f3f5f8; font-weight: 600; }}
code {{ font-family: {MONO}; font-size: .92em; white-space: nowrap; }}
section + section {{ border-top: 2px solid #d1d9e0; margin-top: 1.5em; padding-top: 1em; }}
{"".join(f".s-{s.value} {{ color: {c}; }}" for s, c in COLOURS.items())}
figure.chart {{ margin: .6em 0 1em; break-inside: avoid; }}
figure.chart svg {{ max-width: 100%; height: auto; }}
@page {{ size: A4; margin: 12mm 12mm 14mm; }}
@media print {{
  body {{ font-size: 9pt; margin: 0; max-width: none; padding: 0; color: #000; }}
  section + section {{ break-before: page; border-top: none; margin-top: 0; padding-top: 0; }}
  thead {{ display: table-header-group; }}
  tr {{ break-inside: avoid; }}
  h2, h3 {{ break-after: avoid; }}
  th, tr.strong td {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
"""

_BAR = re.compile(r"^[" + re.escape("".join(BAR_CHAR.values())) + r"]+$")
_RUN = re.compile(r"(.)\1*")


def render(blocks: Sequence[Block], msg: Messages, title: str) -> str:
    """``blocks`` as a whole HTML page."""
    statuses = {msg.status(s): s for s in Status}
    by_char = {c: s for s, c in BAR_CHAR.items()}
    sections: list[list[str]] = [[]]
    figures = 0
    for block in blocks:
        if isinstance(block, PageBreak):
            if sections[-1]:
                sections.append([])
        elif isinstance(block, Heading):
            sections[-1].append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Line):
            label = f'<span class="label">{escape(block.label)}</span>' if block.label else ""
            sections[-1].append(f"<p>{label}{escape(block.text)}</p>")
        elif isinstance(block, Figure):
            from bizenv_cli.output.report.chart_svg import svg

            figures += 1
            chart = svg(block.chart, f"bz{figures}")
            sections[-1].append(f'<figure class="chart">{chart}</figure>')
        else:
            sections[-1].append(_table(block, statuses, by_char))
    body = "\n".join(f"<section>\n{chr(10).join(s)}\n</section>" for s in sections if s)
    lang = "zh-CN" if msg.lang == "zh" else "en"
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="UTF-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )
    return no_commands(page)


def _table(table: Table, statuses: Mapping[str, Status], by_char: Mapping[str, Status]) -> str:
    first_number = len(table.heads) - table.right

    def cell(tag: str, col: int, text: str) -> str:
        classes = []
        if col >= first_number:
            classes.append("num")
        shown = escape(text).replace("\n", "<br>")  # a list of titles: one a line
        if tag == "td" and col in table.code:
            if _BAR.match(text):
                runs = (
                    f'<span class="s-{by_char[m.group(1)].value}">{escape(m.group(0))}</span>'
                    for m in _RUN.finditer(text)
                )
                shown = f"<code>{''.join(runs)}</code>"
            else:  # one id, or a list of them: each whole on its line
                shown = ", ".join(f"<code>{escape(i)}</code>" for i in text.split(", "))
        elif tag == "td" and text in statuses:
            classes += ["status", f"s-{statuses[text].value}"]
        attr = f' class="{" ".join(classes)}"' if classes else ""
        return f"<{tag}{attr}>{shown}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(table.heads))
    rows = []
    for n, row in enumerate(table.rows):
        attr = ' class="strong"' if n in table.strong else ""
        rows.append(f"<tr{attr}>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>")
    return (
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )
