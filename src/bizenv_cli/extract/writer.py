"""The draft as a measure set `bizenv validate` reads: plan.yaml, departments.yaml,
source/plan.txt and one NN-measure.yaml per measure, each built through the models (so
each passes them), with a ``review:`` entry for everything the extractor was unsure of.
The folder is written whole (folder.py)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from bizenv_cli.errors import EXIT_INPUT, BizenvError
from bizenv_cli.extract.draft import Draft, ExtractedMeasure, Review
from bizenv_cli.extract.folder import check_target, write_folder
from bizenv_cli.extract.targets import Found
from bizenv_cli.extract.yamlout import dump
from bizenv_cli.models import Departments, Measure, Plan, Unit, parse_deadline
from bizenv_cli.models.title import TITLE_ZH_MAX

HEAD = (
    "yaml-language-server: $schema=schemas/{}.schema.json\n"
    "Drafted by `bizenv extract`: check every review entry, then delete it."
)
_EN = "(to translate)"


def _notes(items: list[Review]) -> list[dict[str, str]]:
    return [{"field": r.field, "note": r.note + (f" (line {r.line})" if r.line else "")}
            for r in items]  # fmt: skip


# where a quote's subject ends: its verb of comparison, or its first digit
_SUBJECT_END = re.compile(r"压缩至|压减|缩短|控制在|不超过|不少于|不低于|达到|提高|提升|降低|减少|"
                          r"增长|保持|实现|以内|以上|[0-9０-９]")


def title_of(quote: str) -> dict[str, str]:
    """A draft short title, cut from the quote's own words (so R018 holds): its subject,
    the words before the verb or number, else its first characters."""
    words = "".join(quote.split())
    found = _SUBJECT_END.search(words)
    subject = words[: found.start()] if found and found.start() >= 2 else words
    return {"zh": subject[:TITLE_ZH_MAX].strip() or "?", "en": _EN}


def _target(m: ExtractedMeasure, i: int, t: Found) -> dict[str, Any]:
    what = {"zh": "".join(t.quote.split()) or "?", "en": _EN}
    out: dict[str, Any] = {"id": f"m{m.number:02d}-t{i + 1}", "kind": t.kind,
                           "title": title_of(t.quote), "what": what}
    comparator = "==" if t.comparator == "=" else t.comparator
    if t.kind == "change":
        quantity = Unit.hour if "时间" in t.quote else Unit.count
        out |= {"direction": t.direction, "comparator": comparator, "value": t.value,
                "unit": "percent", "quantity_unit": quantity.value,
                "baseline": "same_period_last_year" if "同比" in t.quote else "previous_year"}
    elif t.kind == "frequency":
        out |= {"comparator": comparator, "value": t.value, "unit": t.unit.value,
                "period": t.period}
    else:
        out |= {"comparator": comparator, "value": t.value, "unit": t.unit.value}
    out["quote"] = t.quote
    if t.strive:
        out["strive"] = True
    return out


def measure_data(draft: Draft, m: ExtractedMeasure) -> dict[str, Any]:
    review = list(m.review)
    if m.deadline and m.deadline.due and draft.issued and m.deadline.due < draft.issued:
        review.append(Review("deadline", f"{m.deadline.due} is before the plan's issue date "
                             f"{draft.issued} (R011): check it, then acknowledge R011 with the "
                             "reason", m.line))
    ids = {name: draft.registry.add(name).id for name in (*m.lead, *m.responsible)}
    deadline = _deadline_text(m, review)
    targets = [_target(m, i, t) for i, t in enumerate(m.targets)]
    if not targets:
        targets = [{"id": f"m{m.number:02d}-done", "kind": "milestone",
                    "title": title_of(m.title),
                    "what": {"zh": m.title, "en": _EN}, "quote": m.title}]  # fmt: skip
        review.append(Review("targets[0]", "no numeric target was read: one milestone for the "
                             "measure's main deliverable, due at its deadline", m.line))
    data: dict[str, Any] = {
        "number": m.number, "id": f"m{m.number:02d}-measure", "chapter": m.chapter,
        "section": m.section, "title": {"zh": m.title, "en": _EN},
        "source": "\n".join(line.strip() for line in m.source.split("\n")),
        "lead": [ids[n] for n in m.lead], "responsible": [ids[n] for n in m.responsible],
        "deadline": deadline, "targets": targets,
    }  # fmt: skip
    if review:
        data["review"] = _notes(review)
    _fits(Measure, data, f"measure {m.number}")
    return data


def _deadline_text(m: ExtractedMeasure, review: list[Review]) -> str:
    """The deadline in the model's wording: the plan's own when it fits."""
    written = m.deadline_text or ""
    try:
        return parse_deadline(written).text
    except ValueError:
        pass
    model = m.deadline.model_text if m.deadline else None
    if model is None:
        review.append(Review("deadline", "no usable deadline: 长期推进 is a placeholder, "
                             "write the plan's deadline", m.line))
        return "长期推进"
    review.append(Review("deadline", f"the plan writes {written!r}; the measure model takes "
                         f"{model!r}", m.line))
    return model


def plan_data(draft: Draft, issued: date | None) -> dict[str, Any]:
    review = list(draft.review)
    when = issued or draft.issued
    if when is None:
        if draft.year is None:
            raise BizenvError("the plan's issue date is not in its text and no year is: give it "
                              "with --issued YYYY-MM-DD", exit_code=EXIT_INPUT)
        when = date(draft.year, 1, 1)
        review.append(Review("issued", f"the issue date is not in the text: {when} is a "
                             "placeholder from the year the plan names; write the real date"))
    for key, value in (("title", draft.title), ("issuer", draft.issuer),
                       ("addressees", draft.addressees)):  # fmt: skip
        if value is None:
            review.append(Review(key, f"no {key} found in the text: write it"))
    review.append(Review("en", "English titles and names are placeholders or rough glossary "
                         "labels: translate them (plan.yaml, departments.yaml, measure titles)"))
    for unit in draft.registry.units:
        if unit.merged:
            review.append(Review("departments.yaml", f"{'、'.join(unit.merged)} read as the same "
                                 f"unit as {unit.name} ({unit.id}): check"))
    for item in draft.unread:
        review.append(Review("text", f"line {item.line} not read ({item.why}): {item.text[:80]}"))
    numbers = [m.number for m in draft.measures]
    excerpt = numbers if numbers != list(range(1, len(numbers) + 1)) else []
    if excerpt:
        review.append(Review("excerpt", "the measures are numbered as the text writes them "
                             f"({numbers[0]}...{numbers[-1]}), not 1..N: an excerpt?"))
    data: dict[str, Any] = {
        "title": {"zh": draft.title or "(标题未读出)", "en": _EN},
        "issuer": {"zh": draft.issuer or "(发文单位未读出)", "en": _EN},
        "issued": when.isoformat(), "addressees": draft.addressees or "(主送单位未读出)",
        "text": "source/plan.txt",
        "excerpt": excerpt,
        "chapters": [{"number": c.number, "title": {"zh": c.title, "en": f"Chapter {c.number}"},
                      "sections": [{"number": s.number,
                                    "title": {"zh": s.title, "en": f"Section {s.number}"}}
                                   for s in c.sections]}
                     for c in draft.chapters if c.sections],
        "review": _notes(review),
    }  # fmt: skip
    _fits(Plan, data, "plan.yaml")
    return data


def departments_data(draft: Draft) -> dict[str, Any]:
    units = [{"id": u.id, "name": u.name, "en": u.id.replace("-", " ").capitalize(),
              "aliases": u.aliases, "kind": u.kind} for u in draft.registry.units]  # fmt: skip
    if not units:
        units = [{"id": "unknown", "name": "(未读出)", "en": "none read", "kind": "government"}]
    data = {"departments": units}
    _fits(Departments, data, "departments.yaml")
    return data


def _fits(model: type[BaseModel], data: dict[str, Any], what: str) -> None:
    """Every file is checked against its model before anything is written."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BizenvError(
            f"the draft of {what} does not fit the model ({where}: {first['msg']}); nothing "
            "was written. Please report this with the plan's text", exit_code=EXIT_INPUT
        ) from None


def write_draft(draft: Draft, folder: Path, *, input_path: Path, force: bool,
                issued: date | None = None) -> list[Path]:  # fmt: skip
    """Write the draft into ``folder``; the paths written."""
    check_target(folder, input_path, force)
    if max((m.number for m in draft.measures), default=0) > 99:
        raise BizenvError(f"the plan has {len(draft.measures)} measures; a measure set holds "
                          "at most 99 (numbered 1-99)", exit_code=EXIT_INPUT)
    if not draft.measures:
        raise BizenvError("no measure was read: nothing to write", exit_code=EXIT_INPUT)
    files: dict[str, str] = {}
    for m in draft.measures:
        files[f"{m.number:02d}-measure.yaml"] = dump(measure_data(draft, m), HEAD.format("measure"))
    files["departments.yaml"] = dump(departments_data(draft), HEAD.format("departments"))
    files["plan.yaml"] = dump(plan_data(draft, issued), HEAD.format("plan"))
    files["source/plan.txt"] = draft.text
    write_folder(folder, files)
    return [folder / name for name in files]
