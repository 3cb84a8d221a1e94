"""The hostile spreadsheets in a real process: no library warning reaches stderr.

In-process runs cannot show this (pytest captures warnings), so one subprocess reads
every file of tests/data/hostile/spreadsheets with Python's warnings enabled.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import DATA

CORPUS = DATA / "hostile" / "spreadsheets"


def test_no_library_warning_on_stderr() -> None:
    files = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".csv"))
    assert len(files) > 20
    result = subprocess.run(
        [sys.executable, "-W", "default", "-m", "bizenv_cli", "check", *files,
         "--measures", str(DATA / "check" / "measures"), "--as-of", "2021-06-30"],
        cwd=CORPUS, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "Warning" not in result.stderr, result.stderr
    assert "site-packages" not in result.stderr, result.stderr
    assert "problem(s) in" in result.stderr  # the files were read, the findings listed


def test_unreadable_workbook_is_closed() -> None:
    """openpyxl leaves the file open when it cannot read the worksheets (a reference
    cycle through the exception it re-raises); the reader must not."""
    import gc
    import warnings

    from bizenv_cli.reading.yamlsafe import YamlLoadError
    from bizenv_cli.spreadsheet.xlsx_reader import read_xlsx

    path = CORPUS / "garbage-dimension.xlsx"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            read_xlsx(path, path.name)
        except YamlLoadError as exc:
            assert "workbook cannot be read" in str(exc.findings[0].message)
        else:
            raise AssertionError("read")
        gc.collect()  # the exception (and what its traceback held) is gone
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
