"""`bizenv notices`: a 督办通知 per unit with open items, in docx, PDF and JSON."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest
from tests.conftest import MEASURES, ROOT

Q2 = ROOT / "examples" / "2021-Q2"
WAIVERS = ROOT / "examples" / "waivers.yaml"
BASE = ("notices", Q2, "--as-of", "2021-07-05", "--waivers", WAIVERS)


def collectives() -> set[str]:
    import yaml

    data = yaml.safe_load((MEASURES / "departments.yaml").read_text(encoding="utf-8"))
    return {d["id"] for d in data["departments"] if d["kind"] == "collective"}


def test_json_is_exactly_the_documented_shape(run):
    r = run(*BASE, "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert list(data) == ["notices"]
    for notice in data["notices"]:
        assert list(notice) == ["unit", "unit_name", "number", "items"]
        assert notice["number"] is None  # no ledger: the clerk fills the number in
        for item in notice["items"]:
            assert list(item) == ["target", "status", "rectify_by"]
            assert item["status"] in ("overdue", "not_met", "missing")
    units = [n["unit"] for n in data["notices"]]
    assert len(units) == len(set(units)) and not set(units) & collectives()
    by_unit = {n["unit"]: n for n in data["notices"]}
    power = by_unit["power-supply-company"]
    assert power["unit_name"] == "区供电公司"
    # rectification deadlines in working days from 2021-07-05 (15 for overdue, 5 for missing)
    deadlines = {i["status"]: i["rectify_by"] for i in power["items"]}
    assert deadlines["overdue"] == "2021-07-26"


def test_the_collectives_targets_go_to_the_issuing_office():
    from bizenv_cli.models.plan import Department, DepartmentKind
    from bizenv_cli.supervision.units import answerable

    def unit(i: str, kind: DepartmentKind) -> Department:
        return Department(id=i, name=i, en=i, kind=kind)

    units = {
        "all-departments": unit("all-departments", DepartmentKind.collective),
        "tax-bureau": unit("tax-bureau", DepartmentKind.government),
    }
    assert answerable([], ["all-departments"], units, "optimization-office") == [
        "optimization-office"
    ]
    assert answerable(["all-departments"], ["tax-bureau"], units, "x") == ["tax-bureau"]
    assert answerable(["tax-bureau"], ["all-departments"], units, "x") == ["tax-bureau"]


@pytest.fixture(scope="module")
def docx_notice(tmp_path_factory):
    from click.testing import CliRunner

    from bizenv_cli.cli import cli

    out = tmp_path_factory.mktemp("docx")
    args = [str(a) for a in (*BASE, "--out", out, "--department", "区供电公司")]
    res = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return out


def test_the_docx_carries_every_element(docx_notice):
    import docx

    files = list(docx_notice.iterdir())
    assert [f.name for f in files] == ["督办通知-区供电公司.docx"]
    doc = docx.Document(str(files[0]))
    text = [p.text for p in doc.paragraphs]
    assert text[0] == "督办通知"  # the title
    assert "葛开优办督〔2021〕" in text[1] and text[1].endswith("号")  # the number's place
    assert "区供电公司：" in text  # the addressee
    body = "\n".join(text)
    assert "2021年7月5日" in body  # the date in Chinese
    assert "请于2021年7月12日前将整改落实情况" in body and "报送区优化办" in body  # reply by
    assert "联系人：" in body and "联系电话：" in body  # the contact line
    assert "葛店开发区优化营商环境工作领导小组办公室" in body  # the issuer
    assert "（盖章）" in body  # room for the seal
    assert "," not in body.replace("，", "")  # full-width punctuation
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rows[0] == ["序号", "举措", "要求（方案原文）", "报送情况", "状态", "整改时限"]
    five = next(r for r in rows[1:] if "3.5个工作日" in r[3])  # what was reported
    assert five[1].startswith("第5条")
    assert "3个工作日" in five[2].replace(" ", "")  # the plan's words
    assert five[4] == "逾期" and five[5] == "2021年7月26日"
    assert {r[4] for r in rows[1:]} <= {"逾期", "未达标", "未报送"}


def test_the_pdf_renders_chinese_glyphs(run, tmp_path):
    r = run(*BASE, "--out", tmp_path, "--format", "pdf", "--department", "power-supply-company")
    assert r.exit_code == 0, r.stderr
    path = tmp_path / "督办通知-区供电公司.pdf"
    doc = pdfium.PdfDocument(path)
    try:
        text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        assert "督办通知" in text and "区供电公司" in text and "2021年7月5日" in text
        assert "（盖章）" in text
        bitmap = doc[0].render(scale=1).to_pil().convert("L")  # drawn, not blank
        assert bitmap.getextrema()[0] < 100
    finally:
        doc.close()


def test_usage_errors(run, tmp_path):
    r = run(*BASE)
    assert r.exit_code == 2 and "--out" in r.stderr
    r = run(*BASE, "--format", "json", "--department", "区供电公")
    assert r.exit_code == 2 and "区供电公司" in r.stderr
    r = run("notices", Q2, "--format", "json")
    assert r.exit_code == 2 and "--as-of" in r.stderr
    file = tmp_path / "f"
    file.write_text("x")
    r = run(*BASE, "--out", file)
    assert r.exit_code == 2
