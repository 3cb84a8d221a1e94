"""`bizenv report`: the result of `bizenv check` as a progress report for meetings (zh/en)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bizenv_cli.cli.options import (
    as_of_option,
    due_within_option,
    ids_option,
    measures_option,
    messages,
    output_file_option,
    titled,
    waivers_option,
)
from bizenv_cli.errors import EXIT_OK

if TYPE_CHECKING:
    from bizenv_cli.i18n import Messages
    from bizenv_cli.loading.measureset import MeasureSet
    from bizenv_cli.output.report.blocks import Block
    from bizenv_cli.output.report.open_items import OpenItems

VIEWS = ("chapter", "department", "overdue", "deadline", "returns")  # output.report.page.VIEWS

EXIT_HELP = (
    "Exit codes: 0 the report was printed (also when targets are overdue, not met or "
    "missing: a report informs, `bizenv check` is the gate); 2 usage error (bad option, "
    "unknown --department, an export naming an input); 3 input that cannot be used "
    "(measure files, submissions, waivers) or an export that cannot be written; 4 internal "
    "error."
)


@click.command(epilog=EXIT_HELP)
@click.argument("submissions", nargs=-1, type=click.Path(path_type=Path))
@as_of_option("report")
@waivers_option
@measures_option
@click.option(
    "--by",
    "views",
    type=click.Choice(VIEWS),
    multiple=True,
    metavar="VIEW",
    help="Views after the header (repeatable): chapter (bars by chapter and section), "
    "department (who must act), overdue (overdue and missing targets), deadline "
    "(due soon and a calendar by month), returns (per unit: files received and targets "
    "unreported, units that sent nothing first). Default: chapter, department, overdue.",
)
@click.option(
    "--department",
    metavar="UNIT",
    help="One unit's report card: its id, name or any alias (all views keep to its targets).",
)
@due_within_option
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="Language of the report. Default: zh when LC_ALL, LC_MESSAGES or LANG starts "
    "with 'zh', else en.",
)
@click.option(
    "--width",
    type=click.IntRange(min=40, max=400),
    default=None,
    metavar="COLUMNS",
    help="Width of the report. Default: $COLUMNS, else the terminal's, else 160 when piped.",
)
@output_file_option(
    "--html",
    "html_file",
    help="Also write the report as an HTML page of tables (every column whatever the "
    "width; prints on A4, a page per view).",
)
@output_file_option(
    "--svg",
    "svg_file",
    help="Also write the report as an SVG picture (rich's export of the same output).",
)
@output_file_option(
    "--markdown",
    "markdown_file",
    help="Also write the report as Markdown tables (for a wiki or a pull request).",
)
@output_file_option(
    "--pdf",
    "pdf_file",
    help="Also write the report as an A4 PDF (the meeting pack: a page per view, with "
    "--by department a page per unit). Needs the pdf extra: pip install 'bizenv[pdf]'.",
)
@click.option(
    "--ledger",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="The supervision ledger (督办台账): its open items, red first, open the report.",
)
@ids_option
def report(
    submissions: tuple[Path, ...],
    as_of: date | None,
    waivers: Path | None,
    measures_dir: Path,
    views: tuple[str, ...],
    department: str | None,
    due_within: int,
    lang: str | None,
    width: int | None,
    html_file: Path | None,
    svg_file: Path | None,
    markdown_file: Path | None,
    pdf_file: Path | None,
    ledger: Path | None,
    ids: bool,
) -> int:
    """Print a progress report on SUBMISSIONS (files or folders): the same evaluation as
    `bizenv check`, shown for a meeting.

    The header gives counts per status and the share of due targets met (due:
    deadline passed or ongoing; see docs/report.md). Exports are written
    atomically: a failed write leaves no partial file.
    """
    from bizenv_cli.output.report.export import export, rendered
    from bizenv_cli.output.report.page import DEFAULT_VIEWS, print_report, renderables
    from bizenv_cli.output.report.views import build_report
    from bizenv_cli.output.terminal.console import make_console

    msg = messages(lang)
    from bizenv_cli.checking import run_check
    from bizenv_cli.cli.verbose import warn

    measure_set, result = run_check(
        list(submissions),
        measures_dir,
        as_of=as_of,
        waivers=waivers,
        due_within=due_within,
        today=date.today,  # the wall clock only when no date is given or reported, as in check
        warn=warn,
    )
    from bizenv_cli.supervision.returns_due import attach

    # the returns' due dates by supervision.yaml's feedback cycle (docs/supervision.md)
    result = result.model_copy(
        update={"returns": attach(result.returns, measure_set, result.as_of)}
    )
    from bizenv_cli.cli.outputs import check_inputs, guard_outputs

    inputs = check_inputs(measure_set, submissions, waivers)
    guard_outputs([*inputs, ledger] if ledger is not None else inputs)
    msg = titled(msg, measure_set, ids)  # under zh, targets by their titles (-v: ids too)
    font = None
    if pdf_file is not None:  # before anything is printed: say now if the PDF cannot be made
        from bizenv_cli.output.report.fonts import pdf_font

        font = pdf_font()
    unit = None
    if department is not None:
        unit = measure_set.index.resolve(department)
        if unit is None:
            hint = measure_set.index.suggest(department)
            from bizenv_cli.sanitize import clip

            message = msg("cli.unknown_department", name=clip(department))
            if hint:
                message += "; " + msg("cli.did_you_mean", suggestion=hint)
            raise click.BadParameter(message, param_hint="--department")
    departments = measure_set.departments.departments
    data = build_report(result, measure_set.plan, departments, department=unit)
    console = make_console()
    if width is not None:
        console.width = width
    chosen = views or DEFAULT_VIEWS
    from bizenv_cli.history.since import since_for_report

    targets = {r.target for r in data.results}
    since = since_for_report(
        measure_set, list(submissions), result, waivers=waivers, targets=targets
    )
    what = {r.target: r.what for r in data.results}
    items = _open_items(ledger, measure_set, result.as_of, msg) if ledger is not None else None
    extra = []
    if items is not None:
        from bizenv_cli.output.report.open_items import items_terminal

        extra.append(items_terminal(items, console.width))
    if since is not None:
        from bizenv_cli.output.report.since import since_view

        extra.append(since_view(since, msg, console.width, what))
    parts = renderables(data, chosen, msg, departments, console.width, extra)
    if svg_file is not None:
        parts = rendered(console, parts)  # laid out once for the terminal and the picture
    print_report(console, parts)
    title = msg("report.title")
    blocks: list[Block] = []
    files: list[tuple[Path, str | bytes]] = []  # every export made before any is written
    if html_file is not None or pdf_file is not None:  # the paper formats: every column
        from bizenv_cli.output.report.document import document, since_blocks

        section = since_blocks(since, msg, what) if since is not None else []
        if items is not None:
            from bizenv_cli.output.report.open_items import items_blocks

            section = [*items_blocks(items), *section]
        blocks = document(data, chosen, msg, departments, section)
    if html_file is not None:
        from bizenv_cli.output.report.html_page import render as render_html

        files.append((html_file, render_html(blocks, msg, title)))  # charts inline
    if svg_file is not None:
        picture = export(parts, console.width, "svg", title, print_report)
        if since is not None:
            from bizenv_cli.output.report.charts import add_to_svg

            picture = add_to_svg(picture, since, msg)
        files.append((svg_file, picture))
    if markdown_file is not None:
        from bizenv_cli.output.report.markdown import render
        from bizenv_cli.output.report.since_markdown import since_lines

        lines = since_lines(since, msg, what) if since is not None else []
        if items is not None:
            from bizenv_cli.output.report.open_items import items_markdown

            lines = [*items_markdown(items), *lines]
        files.append((markdown_file, render(data, chosen, msg, departments, lines)))
    if pdf_file is not None and font is not None:
        from bizenv_cli.output.report.pdf import render as render_pdf

        files.append((pdf_file, render_pdf(blocks, msg, title, font)))
    if files:
        from bizenv_cli.cli.write_all import write_all

        write_all(files)
        from bizenv_cli.sanitize import shown

        for path, _ in files:
            click.echo(msg("cli.written", path=shown(path)), err=True)
    return EXIT_OK



def _open_items(ledger: Path, measure_set: MeasureSet, day: date, msg: Messages) -> OpenItems:
    """The ledger's open items on ``day``, with their lights (supervision.yaml's rules)."""
    from bizenv_cli.calendar.load import load_calendar
    from bizenv_cli.output.report.open_items import open_items
    from bizenv_cli.supervision.ledger_file import read_ledger
    from bizenv_cli.supervision.rules import load_rules
    from bizenv_cli.supervision.view import show

    book = read_ledger(ledger)
    shown = show(book, day, load_rules(measure_set.root), load_calendar(measure_set.root))
    names = {d.id: d.name if msg.lang == "zh" else d.en for d in
             measure_set.departments.departments}
    titles = {t.id: (t.title.zh if msg.lang == "zh" else t.id)
              for m in measure_set.measures for t in m.measure.targets}
    return open_items(shown, names, titles, msg)
