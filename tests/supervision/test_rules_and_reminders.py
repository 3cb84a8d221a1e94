"""The rules file in force (supervision.yaml, bizenv.toml's [office] on top), its absence,
and the return reminders (催报) from the feedback cycle."""

from __future__ import annotations

import json
import shutil

from tests.conftest import MEASURES, ROOT

Q2 = ROOT / "examples" / "2021-Q2"


def test_the_office_in_bizenv_toml_wins(run, tmp_path):
    (tmp_path / "bizenv.toml").write_text(
        f'measures = "{MEASURES}"\n[office]\nshort_name = "开发区优化办"\n'
        'notice_prefix = "葛开优督"\n',
        encoding="utf-8",
    )
    ledger = tmp_path / "l.yaml"
    r = run(
        "notices", Q2, "--as-of", "2021-07-05", "--format", "json", "--ledger", ledger, cwd=tmp_path
    )
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["notices"][0]["number"] == "葛开优督〔2021〕1号"


def test_without_a_rules_file_nothing_is_issued(run, tmp_path):
    measures = tmp_path / "measures"
    shutil.copytree(MEASURES, measures)
    (measures / "supervision.yaml").unlink()
    r = run("notices", Q2, "--as-of", "2021-07-05", "--format", "json", "--measures", measures)
    assert r.exit_code == 3 and "no supervision.yaml" in r.stderr
    (measures / "supervision.yaml").write_text("issuer: 区优化办\n", encoding="utf-8")
    r = run("notices", Q2, "--as-of", "2021-07-05", "--format", "json", "--measures", measures)
    assert r.exit_code == 3 and "supervision.yaml:1:9: error S001" in r.stderr


def test_the_shipped_rules_validate(run):
    r = run("validate", "measures")
    assert r.exit_code == 0, r.output


def reminders(run, as_of: str) -> dict[str, dict]:
    r = run("notices", Q2, "--as-of", as_of, "--reminders", "--format", "json")
    assert r.exit_code == 0, r.stderr
    return {x["unit"]: x for x in json.loads(r.stdout)["reminders"]}


def test_reminders_list_the_units_due_soon_then_late(run):
    # Q2's returns are due 5 working days after 2021-06-30: 2021-07-07
    soon = reminders(run, "2021-07-02")
    assert soon and all(not x["late"] and x["due"] == "2021-07-07" for x in soon.values())
    assert {x["days_left"] for x in soon.values()} == {3}
    assert "power-supply-company" not in soon  # its Q2 return is in
    late = reminders(run, "2021-07-08")
    assert set(late) == set(soon) and all(x["late"] for x in late.values())
    # on 2021-06-30 the quarter that last ended is Q2 itself, due in 5 working days: not yet
    assert reminders(run, "2021-06-30") == {}


def test_the_reminder_table_is_in_chinese(run):
    r = run("notices", Q2, "--as-of", "2021-07-08", "--reminders")
    assert r.exit_code == 0
    assert "催报清单（截至2021年7月8日）" in r.stdout and "已逾期1个工作日" in r.stdout


def test_the_reminders_as_a_notice(run, tmp_path):
    import docx

    r = run(
        "notices", Q2, "--as-of", "2021-07-08", "--reminders", "--format", "docx", "--out", tmp_path
    )
    assert r.exit_code == 0, r.stderr
    doc = docx.Document(str(tmp_path / "催报通知-2021-07-08.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.startswith("催报通知") and "（盖章）" in text and "联系电话：" in text
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[1][1:] == [
        "党政办公室",
        "每季度",
        "2021年4月1日至2021年6月30日",
        "2021年7月7日",
        "已逾期1个工作日",
    ]
    assert "区优化办" not in {row[1] for row in rows}  # the office does not chase itself
