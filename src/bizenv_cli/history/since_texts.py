"""Words of the report's "since the previous period" section, shared by every output format."""

from __future__ import annotations

from bizenv_cli.history.since import SinceView
from bizenv_cli.i18n import Messages, chinese_numeral
from bizenv_cli.models.base import Bilingual


def heading(view: SinceView, msg: Messages) -> str:
    return msg("view.since", previous=view.previous.isoformat(), current=view.current.isoformat())


def share_text(share: float | None, msg: Messages) -> str:
    return msg("since.share_none") if share is None else f"{share * 100:.0f}%"


def transitions_line(view: SinceView, msg: Messages) -> str:
    if not view.counts:
        return msg("since.transitions_none")
    zh = msg.lang == "zh"  # full-width punctuation in Chinese
    counts = (f"{msg(f'transition.{t.value}')} {n}" for t, n in view.counts)
    shown = ("，" if zh else ", ").join(counts)
    return f"{msg('since.transitions')}{'：' if zh else ': '}{shown}"


def chapter_label(number: int, title: Bilingual | None, msg: Messages) -> str:
    shown = chinese_numeral(number) if msg.lang == "zh" else str(number)
    words = "" if title is None else (title.zh if msg.lang == "zh" else title.en)
    return msg("chapter.label", number=shown, title=words)


def words(what: Bilingual | None, msg: Messages) -> str:
    return "" if what is None else (what.zh if msg.lang == "zh" else what.en)
