"""The returns of a period in `bizenv check --format json` (the ``returns`` key)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .conftest import CHECK_DATA

QUARTER = CHECK_DATA / "quarter"
TAX = "m42-first-vat-special-invoices"


def _units(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {u["department"]: u for u in doc["returns"]["units"]}


def test_units_that_sent_nothing_come_first_with_what_they_owe(
    check_json: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    _, doc = check_json(QUARTER, "--as-of", "2021-06-30")
    returns = doc["returns"]
    assert (returns["period"], returns["start"], returns["end"]) == (
        "2021-Q2",
        "2021-04-01",
        "2021-06-30",
    )
    flags = [u["sent_nothing"] for u in returns["units"]]
    assert flags == sorted(flags, reverse=True), "units that sent nothing come first"
    chase = [u["unreported_due"] for u in returns["units"] if u["sent_nothing"]]
    assert chase == sorted(chase, reverse=True), "then the most unreported due targets"
    units = _units(doc)
    finance = units["finance-bureau"]
    assert finance["sent_nothing"] and finance["files"] == []
    assert finance["unreported"] == finance["targets"] and finance["unreported_due"] == 3
    tax = units["tax-bureau"]
    assert tax["files"] == ["tests/data/check/quarter/tax-bureau.yaml"]
    assert not tax["sent_nothing"] and tax["unreported"] == [] and tax["as_lead"] == 2
    power = units["power-supply-company"]
    assert "m05-high-voltage-connection-days" in power["targets"]
    assert "m05-high-voltage-connection-days" not in power["unreported"]
    assert "m05-residential-connection-days" in power["unreported"]


def test_a_lead_units_entry_covers_its_responsible_units(
    check_json: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    """Economic development sent nothing, but what the power company reported for their
    shared targets is not asked of it again."""
    _, doc = check_json(QUARTER, "--as-of", "2021-06-30")
    economic = _units(doc)["economic-development-bureau"]
    assert economic["sent_nothing"]
    assert "m05-high-voltage-connection-days" in economic["targets"]
    assert "m05-high-voltage-connection-days" not in economic["unreported"]


def test_only_the_latest_periods_files_are_its_returns(
    tmp_path: Path, check_json: Callable[..., tuple[int, dict[str, Any]]]
) -> None:
    """Tax reported in Q1 only: for Q2 it has sent nothing and owes both targets again."""
    q1 = tmp_path / "tax-q1.yaml"
    q1.write_text(
        f'department: 税务局\nperiod: "2021-Q1"\nentries:\n  {TAX}:\n    value: 25\n',
        encoding="utf-8",
    )
    q2 = tmp_path / "power-q2.yaml"
    q2.write_text(
        (QUARTER / "power-supply-company.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _, doc = check_json(q1, q2, "--as-of", "2021-06-30")
    assert doc["returns"]["period"] == "2021-Q2"
    tax = _units(doc)["tax-bureau"]
    assert tax["sent_nothing"] and tax["files"] == []
    assert TAX in tax["unreported"]
    assert next(r for r in doc["results"] if r["target"] == TAX)["reporter"] == "tax-bureau"


def test_without_submissions_every_unit_is_to_chase(
    check_json: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    _, doc = check_json("--as-of", "2021-06-30")
    returns = doc["returns"]
    assert returns["period"] is None
    assert all(u["sent_nothing"] for u in returns["units"])
    assert all(u["unreported"] for u in returns["units"] if u["targets"])


def test_waived_targets_need_no_return(
    check_json: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    _, doc = check_json(
        QUARTER, "--as-of", "2021-06-30", "--waivers", CHECK_DATA / "quarter-waivers.yaml"
    )
    waived = {r["target"] for r in doc["results"] if r["status"] == "waived"}
    assert waived
    assert not any(waived & set(u["unreported"]) for u in doc["returns"]["units"])
