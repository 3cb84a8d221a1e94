"""R018 (warning): a target's Chinese title is made of the words of its quote.

The title is what a leading-group meeting reads instead of the id, so it must say what
the plan says. Chinese has no spaces between words, so "words" are checked this way:
the title is cut into runs of ideographs (punctuation, quote marks, brackets, spaces,
Latin letters and digits end a run); every character of a run must belong to a piece
of two or more characters that occurs in the quote or in the measure's source (both
with whitespace removed, as R006 compares them), except the connecting characters
的 和 与 及 并 或 等 之, which may stand alone. A run of one character must occur in the
texts (条 in 4条220千伏线路). Every number in the title must occur in the texts too.

So words may be dropped (全区用户平均停电时间压减 from 全区用户平均停电时间再压减20%)
and taken from the source where the quote leaves out the subject, but not invented.
A warning: a title that paraphrases on purpose can be acknowledged with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import finding, matched_prefix, squash

CODE = "R018"
LEVEL = Level.warning
DESCRIPTION = "a target's zh title is made of words of its quote or of the measure's source"

CONNECTING = frozenset("的和与及并或等之")
_IDEOGRAPHS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _uncovered(run: str, text: str) -> list[str]:
    """The stretches of ``run`` that no piece of 2+ characters of ``text`` covers,
    choosing the pieces that leave the fewest characters uncovered (on a tie, a piece
    rather than a gap, so 高压客户接电时长 reports 时长, not 接 and 长)."""
    n = len(run)
    cost = [0] * (n + 1)  # cost[i]: fewest uncovered characters in run[i:]
    step: list[int] = [0] * n  # how far the best choice at i jumps (-1: i uncovered)
    for i in range(n - 1, -1, -1):
        cost[i], step[i] = cost[i + 1] + 1, -1
        if run[i] in CONNECTING:
            cost[i], step[i] = cost[i + 1], 1
        # Every prefix of a piece found is found too: the longest one bounds the choice.
        reach = matched_prefix(run[i:], text)
        for j in range(i + reach, i + 1, -1):  # longest piece first; a piece rather than a gap
            if cost[j] < cost[i] or (cost[j] == cost[i] and step[i] == -1):
                cost[i], step[i] = cost[j], j - i
    stretches: list[str] = []
    i, open_ = 0, False
    while i < n:
        if step[i] == -1:
            if open_:
                stretches[-1] += run[i]
            else:
                stretches.append(run[i])
            open_ = True
            i += 1
        else:
            open_ = False
            i += step[i]
    return stretches


def missing_words(title: str, *texts: str) -> list[str]:
    """The parts of ``title`` found in none of ``texts`` (texts without whitespace)."""
    text = "\n".join(texts)  # one haystack: no piece holds a line break
    missing: list[str] = []
    for run in _IDEOGRAPHS.findall(title):
        if run in text:
            continue  # the common case: the run stands whole in the quote or source
        missing += [run] if len(run) == 1 else _uncovered(run, text)
    missing += [num for num in _NUMBER.findall(title) if num not in text]
    return missing


def check(mset: MeasureSet) -> Iterator[Finding]:
    for loaded in mset.measures:
        source = squash(loaded.measure.source)
        for i, target in enumerate(loaded.measure.targets):
            title = target.title.zh
            missing = missing_words(title, squash(target.quote), source)
            if _IDEOGRAPHS.search(title) is None:
                shown = "it has no Chinese words, so it is"
            elif missing:
                shown = "、".join(missing)
            else:
                continue
            yield finding(
                loaded,
                ("targets", i, "title", "zh"),
                CODE,
                f"title {title!r} of target {target.id}: {shown} not in its quote nor in the "
                "measure's source (whitespace ignored); take the title's words from the quote, "
                "or acknowledge R018 with the reason if the wording is reviewed",
                LEVEL,
            )
