"""`bizenv list`: measures and their targets, filtered, as a table, JSON or YAML."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bizenv_cli.cli.options import (
    date_option,
    format_option,
    ids_option,
    lang_option,
    measures_option,
    messages,
    resolve_department,
)
from bizenv_cli.errors import EXIT_OK

if TYPE_CHECKING:
    from bizenv_cli.i18n import Messages

# The target kinds of the models (bizenv_cli.models.measure.Target); a test keeps them equal.
KINDS = ("threshold", "change", "milestone", "frequency")


@click.command(
    "list",
    epilog="Exit codes: 0 listed (also when nothing matches); 2 usage error (bad option, "
    "unknown department, chapter or section); 3 measure files that cannot be used; "
    "4 internal error.",
)
@measures_option
@click.option(
    "--department",
    metavar="NAME",
    help="Id, Chinese name or alias (华容区供电公司); matches lead or responsible units.",
)
@click.option("--chapter", type=click.IntRange(min=1), help="Only this chapter (1-6).")
@click.option("--section", type=click.IntRange(min=1), help="Only this section (1-28).")
@date_option("--due-from", help="Only targets due on or after.")
@date_option("--due-to", help="Only targets due on or before.")
@click.option(
    "--ongoing/--no-ongoing",
    default=None,
    help="Only measures whose deadline includes ongoing work (长期推进/持续推进), "
    "or only those without.",
)
@click.option("--kind", type=click.Choice(KINDS), help="Only targets of this kind.")
@lang_option
@ids_option
@format_option(
    ["table", "json", "yaml"], "table",
    help="table for people; json/yaml: the documented data (see README).",
)
@click.pass_context
def list_(
    ctx: click.Context,
    measures_dir: Path,
    department: str | None,
    chapter: int | None,
    section: int | None,
    due_from: date | None,
    due_to: date | None,
    ongoing: bool | None,
    kind: str | None,
    lang: str | None,
    ids: bool,
    fmt: str,
) -> int:
    """List measures and their targets.

    Under --lang zh the table names each target by its short title (-v adds the
    id). A target's due date is its own date, else its measure's deadline; --due-from
    and --due-to leave out targets with no date (ongoing work only). A measure is
    listed when at least one of its targets is.
    """
    from bizenv_cli.listing import Filters, listing, unit_names
    from bizenv_cli.validation.pipeline import load_usable

    if due_from and due_to and due_from > due_to:
        raise click.BadParameter("--due-from is after --due-to", ctx=ctx, param_hint="--due-from")
    mset = load_usable(measures_dir)
    dept_id = None
    if department is not None:
        dept_id = resolve_department(mset.index, department)
    chapters = {c.number for c in mset.plan.chapters}
    sections = {s.number for c in mset.plan.chapters for s in c.sections}
    for option, given, known in (
        ("--chapter", chapter, chapters),
        ("--section", section, sections),
    ):
        if given is not None and given not in known:
            raise click.BadParameter(
                f"{given} is not in the plan (it has {min(known)}-{max(known)})",
                ctx=ctx,
                param_hint=option,
            )
    filters = Filters(
        department=dept_id,
        chapter=chapter,
        section=section,
        due_from=due_from,
        due_to=due_to,
        ongoing=ongoing,
        kind=kind,
    )
    data = listing([m.measure for m in mset.measures], filters)
    from bizenv_cli.sanitize import is_clean, json_safe

    if fmt == "json":
        click.echo(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    elif fmt == "yaml":
        import yaml

        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        if not is_clean(text.replace("\n", "")):  # PyYAML writes NEL, bidi controls raw
            text = yaml.safe_dump(data, allow_unicode=False, sort_keys=False)
        click.echo(text, nl=False)
    else:
        _print_table(data, unit_names(mset), messages(lang), ids)
    return EXIT_OK


def _print_table(
    data: dict[str, object], names: dict[str, str], msg: Messages, ids: bool
) -> None:
    from bizenv_cli.output.terminal.console import is_plain, make_console
    from bizenv_cli.output.terminal.table import listing_part

    console = make_console()
    targets, measures = data["targets"], data["measures"]
    assert isinstance(targets, list) and isinstance(measures, list)
    zh = msg.lang == "zh"
    if not targets:
        console.print("没有符合条件的目标。" if zh else "No targets match these filters.")
        return
    console.print(
        listing_part(
            data, names, plain=is_plain(console), width=console.width, msg=msg, ids=ids
        )
    )
    t, m = len(targets), len(measures)
    if zh:
        console.print(f"{m} 条措施中的 {t} 项目标")
    else:
        console.print(f"{t} target{'s' * (t != 1)} in {m} measure{'s' * (m != 1)}")
