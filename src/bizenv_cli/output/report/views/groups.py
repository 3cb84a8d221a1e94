"""Counts by chapter and by section of the plan, in the plan's order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from bizenv_cli.evaluation.counts import StatusCounts
from bizenv_cli.evaluation.result import TargetResult
from bizenv_cli.models.base import Bilingual
from bizenv_cli.models.plan import Plan


@dataclass(frozen=True)
class GroupRow:
    """One chapter or section: its number, title (None if the plan lacks it) and counts."""

    number: int
    title: Bilingual | None
    counts: StatusCounts


@dataclass(frozen=True)
class ChapterRow(GroupRow):
    sections: tuple[GroupRow, ...] = field(default=())


def by_chapter(results: Iterable[TargetResult], plan: Plan) -> list[ChapterRow]:
    """Chapters with at least one target, each with its sections that have targets."""
    chapters: dict[int, list[TargetResult]] = defaultdict(list)
    sections: dict[tuple[int, int], list[TargetResult]] = defaultdict(list)
    for result in results:
        chapters[result.chapter].append(result)
        sections[(result.chapter, result.section)].append(result)
    chapter_titles = {c.number: c.title for c in plan.chapters}
    section_titles = {s.number: s.title for c in plan.chapters for s in c.sections}
    rows = []
    for number in sorted(chapters):
        subs = tuple(
            GroupRow(sec, section_titles.get(sec), StatusCounts.of(sections[(ch, sec)]))
            for ch, sec in sorted(sections)
            if ch == number
        )
        rows.append(
            ChapterRow(number, chapter_titles.get(number), StatusCounts.of(chapters[number]), subs)
        )
    return rows
