"""The message catalogue: complete in both languages, safe for Chinese terminals; the locale."""

from __future__ import annotations

import string
import unicodedata

import pytest

from bizenv_cli.evaluation.result import Status
from bizenv_cli.i18n import Messages, chinese_numeral, detect_lang
from bizenv_cli.i18n.catalogue import MESSAGES
from bizenv_cli.models.units import Unit


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_fields(key):
    zh, en = MESSAGES[key]
    assert fields(zh) == fields(en), key
    if not key.startswith("unit."):  # a count has no unit word in either language
        assert zh.strip() and en.strip(), key


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_no_ambiguous_width_characters_in_labels(key):
    for text in MESSAGES[key]:
        ambiguous = [c for c in text if unicodedata.east_asian_width(c) == "A"]
        assert not ambiguous, f"{key}: {ambiguous} are shown double wide by some terminals"


def test_every_status_and_unit_has_a_name():
    for lang in ("zh", "en"):
        msg = Messages(lang)
        for status in Status:
            assert msg.status(status)
        for unit in Unit:
            assert f"unit.{unit.value}" in MESSAGES
            msg.unit(unit.value)


def test_messages_format_their_fields():
    assert Messages("zh")("days.overdue", days=41) == "逾期 41 天"
    assert Messages("en")("days.overdue", days=41) == "41 days overdue"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "zh_CN.GB18030"}, "zh"),
    ],
)
def test_language_from_the_locale(environ, lang):
    assert detect_lang(environ) == lang


@pytest.mark.parametrize(
    ("n", "text"), [(1, "一"), (6, "六"), (10, "十"), (14, "十四"), (20, "二十"), (28, "二十八")]
)
def test_chinese_numerals_as_the_plan_numbers_sections(n, text):
    assert chinese_numeral(n) == text
