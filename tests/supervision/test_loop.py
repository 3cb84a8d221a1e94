"""Acceptance: the supervision loop over examples/2021-Q1..Q3 (docs/supervision.md).

Q2 opens items, Q3 closes the recovered ones and opens the new failures, feedback typed
between the two (by command and by hand) survives, an item past its rectification
deadline is red, and the notices are numbered from the ledger without gaps."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from tests.conftest import ROOT

EX = ROOT / "examples"
WAIVERS = EX / "waivers.yaml"
Q1, Q2, Q3 = (EX / f"2021-Q{n}" for n in (1, 2, 3))


def items(path: Path) -> dict[str, dict]:
    return {i["id"]: i for i in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]}


def open_keys(path: Path) -> set[tuple[str, str]]:
    return {(i["target"], i["unit"]) for i in items(path).values() if i["state"] == "open"}


def failing(run, as_of: str, *quarters: Path) -> set[str]:
    out = run("check", *quarters, "--as-of", as_of, "--waivers", WAIVERS, "--format", "json")
    return {
        r["target"]
        for r in json.loads(out.stdout)["results"]
        if r["status"] in ("overdue", "not_met", "missing")
    }


def test_the_loop(run, tmp_path):
    ledger = tmp_path / "督办台账.yaml"
    update = ("ledger", "update", "--waivers", WAIVERS, "--ledger", ledger)
    r = run(*update, Q1, Q2, "--as-of", "2021-06-30")
    assert r.exit_code == 0, r.stderr
    assert "新增" in r.stderr
    after_q2 = items(ledger)
    q2_failing = failing(run, "2021-06-30", Q1, Q2)
    assert after_q2 and {i["target"] for i in after_q2.values()} == q2_failing
    assert all(i["state"] == "open" and i["opened"] == "2021-06-30" for i in after_q2.values())

    # feedback between the two quarters: by command, with an extension, and typed by hand
    q3_failing = failing(run, "2021-09-30", Q1, Q2, Q3)
    staying = sorted(i for i, item in after_q2.items() if item["target"] in q3_failing)
    first = sorted(after_q2)[0]
    second, third = staying[-2:]
    r = run(
        "ledger",
        "feedback",
        first,
        "--date",
        "2021-07-10",
        "--text",
        "已完成整改，材料另报",
        "--ledger",
        ledger,
    )
    assert r.exit_code == 0, r.stderr
    r = run(
        "ledger",
        "feedback",
        second,
        "--date",
        "2021-07-12",
        "--extend-to",
        "2021-12-31",
        "--reason",
        "需市里协调",
        "--ledger",
        ledger,
    )
    assert r.exit_code == 0, r.stderr
    text = ledger.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for item in data["items"]:
        if item["id"] == third:
            item["notes"] = "科长电话催办过"
            item["escalated"] = True
    ledger.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    r = run(*update, Q1, Q2, Q3, "--as-of", "2021-09-30")
    assert r.exit_code == 0, r.stderr
    after_q3 = items(ledger)
    recovered = {i["target"] for i in after_q2.values()} - q3_failing
    assert recovered, "the examples recover some targets in Q3"
    closed = {i["target"] for i in after_q3.values() if i["state"] == "closed"}
    assert closed == recovered
    for item in after_q3.values():
        if item["state"] == "closed":
            assert item["closed"] == "2021-09-30" and item["evidence"]
            assert any(e["event"] == "closed" for e in item["history"])
    new = {i["target"] for i in after_q3.values() if i["opened"] == "2021-09-30"}
    assert new == q3_failing - {i["target"] for i in after_q2.values()}
    assert new, "Q3 brings new failures"
    assert {t for t, _ in open_keys(ledger)} == q3_failing

    # staff's words survive the update
    assert after_q3[first]["feedback"] == [{"date": "2021-07-10", "text": "已完成整改，材料另报"}]
    ext = after_q3[second]["extensions"]
    assert ext[0]["new"] == "2021-12-31" and ext[0]["old"] == after_q2[second]["rectify_by"]
    assert after_q3[second]["rectify_by"] == "2021-12-31"
    assert after_q3[third]["notes"] == "科长电话催办过" and after_q3[third]["escalated"] is True

    # lights on 2021-10-15: past the deadline is red; extended and not yet due is not
    r = run("ledger", "show", "--ledger", ledger, "--as-of", "2021-10-15", "--format", "json")
    assert r.exit_code == 0, r.stderr
    shown = {i["id"]: i for i in json.loads(r.stdout)["items"]}
    assert set(next(iter(shown.values()))) == {
        "id",
        "target",
        "unit",
        "opened",
        "rectify_by",
        "status",
        "light",
        "feedback",
    }
    overdue_open = [
        i for i in shown.values() if i["status"] == "open" and i["rectify_by"] < "2021-10-15"
    ]
    assert overdue_open and all(i["light"] == "red" for i in overdue_open)
    assert shown[third]["light"] == "red"  # escalated
    assert all(i["light"] == "green" for i in shown.values() if i["status"] == "closed")
    assert shown[second]["light"] in ("green", "yellow")  # extended to 2021-12-31
    assert next(iter(shown.values()))["light"] == "red"  # red first

    # the table in Chinese says the same
    r = run("ledger", "show", "--ledger", ledger, "--as-of", "2021-10-15", "--lang", "zh")
    assert "红灯" in r.stdout and "超期" in r.stdout and "已完成整改，材料另报" in r.stdout
    assert "经过: 2021-09-30 超过整改时限 整改时限为" in r.stdout


def test_an_update_never_goes_back_in_time(run, tmp_path):
    ledger = tmp_path / "l.yaml"
    assert run("ledger", "update", Q2, "--as-of", "2021-06-30", "--ledger", ledger).exit_code == 0
    before = ledger.read_bytes()
    r = run("ledger", "update", Q1, "--as-of", "2021-03-31", "--ledger", ledger)
    assert r.exit_code == 2 and "last updated on 2021-06-30" in r.stderr
    assert ledger.read_bytes() == before


def test_numbers_come_from_the_ledger_without_gaps(run, tmp_path):
    ledger = tmp_path / "l.yaml"
    run("ledger", "update", Q2, "--as-of", "2021-06-30", "--ledger", ledger)
    args = ("notices", Q2, "--as-of", "2021-06-30", "--format", "json", "--ledger", ledger)
    first = json.loads(run(*args).stdout)["notices"]
    numbers = [n["number"] for n in first]
    assert numbers == [f"葛开优办督〔2021〕{n}号" for n in range(1, len(first) + 1)]
    again = json.loads(run(*args).stdout)["notices"]  # the same day again: the same numbers
    assert [n["number"] for n in again] == numbers
    later = run("notices", Q2, Q3, "--as-of", "2021-09-30", "--format", "json", "--ledger", ledger)
    next_number = f"葛开优办督〔2021〕{len(first) + 1}号"
    assert json.loads(later.stdout)["notices"][0]["number"] == next_number
    book = yaml.safe_load(ledger.read_text(encoding="utf-8"))
    serials = [n["serial"] for n in book["notices"]]
    assert serials == list(range(1, len(serials) + 1))
    # each item knows the notice that carried it
    carried = [i for i in book["items"] if i["notices"]]
    assert carried and all(i["notices"][0].startswith("葛开优办督〔2021〕") for i in carried)
