"""The one sanitizer: what input text may look like on the way out."""

from __future__ import annotations

import json

from bizenv_cli.diagnostics import Finding
from bizenv_cli.output.caps import capped
from bizenv_cli.sanitize import clean, clip, json_safe, message, no_commands, quoted, shown


def test_controls_bidi_and_separators_become_escapes() -> None:
    assert clean("a\x1b[31mb") == "a\\x1b[31mb"
    assert clean("x\x85y\x9b\x7f") == "x\\x85y\\x9b\\x7f"
    assert clean("\u202eevil\u2066\u2069") == "\\u202eevil\\u2066\\u2069"
    assert clean("l1\u2028l2\u2029") == "l1\\u2028l2\\u2029"
    assert clean("tab\there\nnew\r") == "tab\\there\\nnew\\r"
    assert clean("tab\there\nnew", keep="\t\n") == "tab\there\nnew"
    assert clean("区供电公司 ok [bold]") == "区供电公司 ok [bold]"


def test_echoed_values_are_clipped() -> None:
    assert clip("x" * 10, 5) == "xx..."
    assert len(shown("y" * 10_000)) == 200
    assert quoted("\x1b") == "'\\x1b'"
    assert len(message("m" * 5000)) == 600


def test_no_line_starts_a_workflow_command() -> None:
    text = "row one\n::error::pwned\n   ::add-mask::x\nkeep a::b"
    assert no_commands(text) == "row one\n\\::error::pwned\n   \\::add-mask::x\nkeep a::b"


def test_json_keeps_meaning_but_not_raw_c1_or_bidi() -> None:
    text = json.dumps({"e": "a\u202eb\x85c\u2028"}, ensure_ascii=False)
    safe = json_safe(text)
    assert "\u202e" not in safe and "\x85" not in safe and "\u2028" not in safe
    assert json.loads(safe) == {"e": "a\u202eb\x85c\u2028"}


def test_findings_are_capped_per_file_and_code() -> None:
    many = [Finding("a.yaml", i, 1, "S001", f"bad {i}") for i in range(1, 31)]
    other = [Finding("b.yaml", 1, 1, "S001", "one")]
    shown_, more = capped(many + other)
    assert len(shown_) == 21 and shown_[-1].path == "b.yaml"
    assert more == ["... and 10 more S001 findings in a.yaml"]


def test_a_cap_applied_before_is_left_alone() -> None:
    # 20 findings and the loader's own summary finding: printed whole, no second summary.
    twenty_one = [Finding("a.yaml", i, 1, "S001", f"bad {i}") for i in range(1, 22)]
    assert capped(twenty_one) == (twenty_one, [])
