"""A ledger that cannot be used is a finding at file:line, exit 3, never a traceback; an
item id that does not exist is a usage error with the id meant; text from the files and
the command line is neutralised in every output."""

from __future__ import annotations

import os

import pytest
from tests.conftest import ROOT

Q2 = ROOT / "examples" / "2021-Q2"
ITEM = """\
version: 1
notices: []
items:
  - id: DB2021-001
    target: m05-high-voltage-connection-days
    unit: power-supply-company
    opened: 2021-06-30
    found: overdue
    status_now: overdue
    rectify_by: 2021-07-21
"""


def show(run, ledger):
    return run("ledger", "show", "--ledger", ledger, "--as-of", "2021-07-01")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("items: [\n  - id: [\n", "L002"),  # malformed YAML
        (ITEM.replace("rectify_by: 2021-07-21", "rectify_by: next week"), ":10:17: error S001"),
        (ITEM.replace("found: overdue", "found: late"), ":8:12: error S001"),
        (ITEM + "    escalated: yes\n", ":11:16: error S001"),
        (ITEM + "    feedback: 已整改\n", ":11:15: error S001"),
        (ITEM + ITEM.split("items:\n")[1], ":11:9: error V001 item id DB2021-001 appears 2"),
        (ITEM.replace("DB2021-001", "2021-1"), ":4:9: error S001"),
    ],
)
def test_a_bad_ledger_is_a_finding_at_its_line(run, tmp_path, text, where):
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(text, encoding="utf-8")
    r = show(run, ledger)
    assert r.exit_code == 3, r.output
    assert where in r.stderr and "Traceback" not in r.output
    before = ledger.read_bytes()
    r = run("ledger", "update", Q2, "--as-of", "2021-06-30", "--ledger", ledger)
    assert r.exit_code == 3 and ledger.read_bytes() == before  # never overwritten


def test_a_fifo_a_symlink_loop_and_a_huge_file(run, tmp_path):
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    r = show(run, fifo)
    assert r.exit_code == 3 and "not a regular file" in r.stderr
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    r = show(run, loop)
    assert r.exit_code == 3 and "loop.yaml" in r.stderr
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as f:
        f.truncate(16 * 1024 * 1024 + 1)
    r = show(run, huge)
    assert r.exit_code == 3 and "L005" in r.stderr


def test_an_unknown_item_names_the_one_meant(run, tmp_path):
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(ITEM, encoding="utf-8")
    r = run(
        "ledger", "feedback", "db2021-1", "--date", "2021-07-01", "--text", "x", "--ledger", ledger
    )
    assert r.exit_code == 2 and "did you mean DB2021-001?" in r.stderr
    r = run("ledger", "feedback", "DB2021-001", "--date", "2021-07-01", "--ledger", ledger)
    assert r.exit_code == 2  # neither feedback nor an extension
    r = run(
        "ledger",
        "feedback",
        "DB2021-001",
        "--date",
        "2021-07-01",
        "--extend-to",
        "2021-08-01",
        "--ledger",
        ledger,
    )
    assert r.exit_code == 2 and "--reason" in r.stderr
    assert ledger.read_text(encoding="utf-8") == ITEM


def test_hostile_text_is_neutralised(run, tmp_path):
    from openpyxl import load_workbook

    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(ITEM + '    notes: "=HYPERLINK(\\"http://x\\")"\n', encoding="utf-8")
    r = run(
        "ledger",
        "feedback",
        "DB2021-001",
        "--date",
        "2021-07-01",
        "--text",
        "\x1b[31m已整改\u202e::error::x",
        "--ledger",
        ledger,
    )
    assert r.exit_code == 0, r.stderr
    r = show(run, ledger)  # the ledger written with escapes reads back
    assert r.exit_code == 0, r.stderr
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout
    assert "\\x1b[31m已整改\\u202e::error::x" in r.stdout
    book = tmp_path / "l.xlsx"
    r = run(
        "ledger",
        "show",
        "--ledger",
        ledger,
        "--as-of",
        "2021-07-01",
        "--format",
        "xlsx",
        "-o",
        book,
    )
    assert r.exit_code == 0, r.stderr
    ws = load_workbook(book).active
    heads = [c.value for c in ws[1]]
    notes = ws.cell(2, heads.index("备注") + 1)
    assert notes.value == '=HYPERLINK("http://x")' and notes.data_type == "s"
    assert notes.quotePrefix


def test_the_ledger_is_never_an_input(run, tmp_path):
    r = run("ledger", "update", Q2, "--as-of", "2021-06-30", "--ledger", Q2 / "tax-bureau.yaml")
    assert r.exit_code == 2 and "would destroy the input" in r.stderr


def test_an_extension_moves_the_deadline_later(run, tmp_path):
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(ITEM, encoding="utf-8")
    r = run(
        "ledger",
        "feedback",
        "DB2021-001",
        "--date",
        "2021-07-01",
        "--extend-to",
        "2021-07-20",
        "--reason",
        "x",
        "--ledger",
        ledger,
    )
    assert r.exit_code == 2 and "does not move it later" in r.stderr
    assert ledger.read_text(encoding="utf-8") == ITEM


def test_notices_say_when_the_ledger_does_not_follow_them(run, tmp_path):
    ledger = tmp_path / "ledger.yaml"
    r = run("notices", Q2, "--as-of", "2021-06-30", "--format", "json", "--ledger", ledger)
    assert r.exit_code == 0 and "run `bizenv ledger update`" in r.stderr
