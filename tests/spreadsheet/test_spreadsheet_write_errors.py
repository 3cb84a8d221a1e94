"""`bizenv template -o` on a full disk: one clean error line, exit 3, nothing else on stderr.

The workbook runs in a real process, because the traceback this guards against came from
a ZipFile being collected after the failed save ("Exception ignored in: ZipFile.__del__");
CSV and YAML go through the same error path in-process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest
from tests.conftest import DATA, Result

ARGS = ["template", "--measures", str(DATA / "check" / "measures"), "--department",
        "power-supply-company", "--period", "2021-Q2", "-o", "/dev/full"]
MESSAGE = "bizenv: error: cannot write /dev/full: No space left on device\n"
pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def test_workbook_to_a_full_disk() -> None:
    result = subprocess.run([sys.executable, "-m", "bizenv_cli", *ARGS, "--format", "xlsx"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 3, result.stderr
    assert result.stderr == MESSAGE
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["csv", "yaml"])
def test_text_to_a_full_disk(fmt: str, run: Callable[..., Result]) -> None:
    result = run(*ARGS, "--format", fmt)
    assert result.exit_code == 3, result.output
    assert result.stderr == MESSAGE
    assert result.stdout == ""
