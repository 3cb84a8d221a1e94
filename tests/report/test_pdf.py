"""--pdf: A4 pages whose Chinese text reads back, is drawn (not tofu), a page per unit."""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from tests.conftest import zh_title
from tests.report.conftest import MEASURES

from bizenv_cli.i18n.zh_words import zh_punctuation

A4 = (595.28, 841.89)  # points
ALL_VIEWS = ("--by", "chapter", "--by", "department", "--by", "overdue", "--by", "deadline")


def pages(path: Path) -> list[str]:
    doc = pdfium.PdfDocument(path)
    try:
        return [
            doc[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(doc))
        ]
    finally:
        doc.close()


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory, run_module) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "pack.pdf"
    result = run_module("--lang", "zh", *ALL_VIEWS, "--pdf", path)
    assert result.exit_code == 0, result.stderr
    assert "已写入" in result.stderr
    return path


@pytest.fixture(scope="module")
def run_module():
    """report(*args) on the fixture quarter, as tests/report/conftest.py's ``report``, for
    module-scoped fixtures (one PDF for several tests: embedding the font takes seconds)."""
    from click.testing import CliRunner
    from tests.conftest import Result
    from tests.report.conftest import AS_OF, QUARTER, WAIVERS

    from bizenv_cli.cli import cli
    from bizenv_cli.cli.errors import run as run_cli

    def _report(*args):
        base = ("report", QUARTER, "--measures", MEASURES, "--as-of", AS_OF.isoformat())
        argv = [str(a) for a in (*base, "--waivers", WAIVERS, *args)]
        outcome: dict[str, int] = {}

        def target() -> None:
            outcome["code"] = run_cli(cli, argv, debug=False)

        from click import command

        res = CliRunner().invoke(command()(target), [], catch_exceptions=False)
        return Result(outcome.get("code", res.exit_code), res.stdout, res.stderr)

    return _report


def test_every_page_is_a4(pack):
    doc = pdfium.PdfDocument(pack)
    sizes = {tuple(round(v, 1) for v in doc[i].get_size()) for i in range(len(doc))}
    assert sizes == {(round(A4[0], 1), round(A4[1], 1))}


def test_the_chinese_text_reads_back(pack, fixture_report):
    text = "\n".join(pages(pack))
    for heading in (
        "营商环境实施方案进展报告",
        "按章节",
        "按单位：谁需要行动",
        "今后各月到期的目标",
    ):
        assert heading in text
    assert "关于以市场主体需求为导向打造一流营商环境的实施方案" in text
    assert "一、切实加强项目要素保障" in text
    _, result = fixture_report
    for r in result.results:
        if r.status.value in ("overdue", "missing", "not_met"):
            assert zh_title(r.target, MEASURES)[:6] in text  # by its title under zh
            # a cell wraps, and its lines read back between the other cells' lines
            assert zh_punctuation(r.what.zh)[:8] in text


def test_each_view_and_each_unit_starts_a_page(pack):
    texts = pages(pack)
    firsts = [t.splitlines()[0] for t in texts]
    assert firsts[0] == "营商环境实施方案进展报告"
    assert firsts[1] == "按章节"
    assert firsts[2] == "按单位：谁需要行动"
    notices = [f for f in firsts if f.startswith("督办通知：")]
    assert notices[:3] == ["督办通知：经发局", "督办通知：区供电公司", "督办通知：税务局"]
    assert len(notices) == len(set(notices)) == 14
    assert not [f for f in notices if "区直" in f or "各相关" in f]  # collectives: no notice
    # a unit's page holds its own targets: 住建局 leads the two m16 targets
    page = texts[firsts.index("督办通知：住建局")]
    flat = page.replace("\n", "")  # a title may wrap in its cell
    assert zh_title("m16-social-investment-small-medium-days", MEASURES) in flat
    assert zh_title("m16-renovation-days", MEASURES) in flat
    assert zh_title("m05-zero-visit-application", MEASURES) not in flat
    assert firsts[-3].startswith("逾期和未报送的目标")
    # the expired waiver: not on the cover, in Chinese in the appendix, the last page
    assert "已于" not in texts[0] and "waiver" not in texts[0]
    assert firsts[-1] == "附录：关于报送材料的说明"
    assert "的豁免（批准：区优化办）已于2021年7月31日到期" in texts[-1].replace("\n", "")
    assert "waiver" not in texts[-1]
    # 21 pages: the charts take room, and the appendix has a page of its own
    assert texts[-1].rstrip().endswith("第 21 页，共 21 页")


def test_one_unit_report_card(run_module, tmp_path):
    path = tmp_path / "card.pdf"
    result = run_module("--lang", "en", "--department", "住建局", "--pdf", path)
    assert result.exit_code == 0, result.stderr
    text = "\n".join(pages(path))
    assert "Report card:" in text and "住建局" in text
    assert "m16-renovation-days" in text
    assert "Notice to act" not in text  # the card is the unit's page


def _ink(path: Path, page: int, box: tuple[float, float, float, float]) -> tuple[float, bytes]:
    """Share of non-white pixels in ``box`` (fractions of the page: left, top, right, bottom),
    and the pixels themselves (grey)."""
    doc = pdfium.PdfDocument(path)
    image = doc[page].render(scale=2).to_pil().convert("L")
    w, h = image.size
    crop = image.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))
    data = crop.tobytes()
    return sum(1 for p in data if p < 200) / len(data), data


def test_the_first_page_is_drawn(pack):
    title, _ = _ink(pack, 0, (0.05, 0.03, 0.6, 0.07))  # the title's line
    assert 0.05 < title < 0.6
    margin, _ = _ink(pack, 0, (0.0, 0.5, 1.0, 0.9))  # below the header: blank paper
    assert margin < 0.01


def _one_line(tmp_path: Path, text: str) -> Path:
    from bizenv_cli.i18n import Messages
    from bizenv_cli.output.report.blocks import Heading
    from bizenv_cli.output.report.fonts import pdf_font
    from bizenv_cli.output.report.pdf import render

    path = tmp_path / f"{ord(text[0])}.pdf"
    path.write_bytes(render([Heading(text)], Messages("zh"), "t", pdf_font({})))
    return path


def test_chinese_glyphs_are_drawn_not_tofu(tmp_path):
    """A missing glyph is drawn as the same empty box whatever the character (.notdef);
    real glyphs differ. 营 and 商 must differ from each other and from a missing glyph
    (a private-use character no font has)."""
    box = (0.0, 0.0, 0.2, 0.06)
    drawn = {c: _ink(_one_line(tmp_path, c), 0, box) for c in ("营", "商", "\ue000", "\ue001")}
    assert drawn["\ue000"][1] == drawn["\ue001"][1]  # tofu: one box for every missing glyph
    for char in ("营", "商"):
        share, pixels = drawn[char]
        assert share > 0.003
        assert pixels != drawn["\ue000"][1]
    assert drawn["营"][1] != drawn["商"][1]


@pytest.mark.parametrize("missing", ["pylopdf_fonts_zh_cn", "fpdf"])
def test_without_the_pdf_extra_it_says_how_to_install(run_module, tmp_path, monkeypatch, missing):
    monkeypatch.setitem(sys.modules, missing, None)  # import fails
    path = tmp_path / "pack.pdf"
    result = run_module("--pdf", path)
    assert result.exit_code == 3
    assert "pip install 'bizenv[pdf]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # said before the report is printed
    assert not path.exists()


def test_a_font_named_in_the_environment_must_exist(run_module, tmp_path, monkeypatch):
    monkeypatch.setenv("BIZENV_PDF_FONT", str(tmp_path / "none.otf"))
    result = run_module("--pdf", tmp_path / "pack.pdf")
    assert result.exit_code == 3
    assert "BIZENV_PDF_FONT" in result.stderr and "Traceback" not in result.stderr


def test_the_pdf_may_not_name_an_input(run_module):
    result = run_module("--pdf", MEASURES / "05-power-connection-time.yaml")
    assert result.exit_code == 2


def test_hostile_names_are_escaped_on_paper(run, tmp_path):
    """A unit name with an escape character and bidi controls (tests/data/hostile/terminal)
    reaches the PDF and the HTML page as visible escapes, never raw."""
    import re
    import shutil

    from tests.conftest import DATA

    hostile = DATA / "hostile" / "terminal"
    shutil.copytree(DATA / "check" / "measures", tmp_path / "m")
    shutil.copy(hostile / "m" / "departments.yaml", tmp_path / "m" / "departments.yaml")
    shutil.copy(hostile / "power.yaml", tmp_path / "power.yaml")
    common = ("power.yaml", "--measures", "m", "--as-of", "2021-06-30", "--lang", "zh")
    result = run("report", *common, "--pdf", "r.pdf", "--html", "r.html", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    raw = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    text = "\n".join(pages(tmp_path / "r.pdf"))
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "\\u2" in text and "\\u2" in page  # the escapes are shown
    assert not raw.search(text) and not raw.search(page)
