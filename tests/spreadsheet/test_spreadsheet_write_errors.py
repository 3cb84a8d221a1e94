"""`bizenv template -o` on a full disk: one clean error line, exit 3, nothing else on stderr.

A real process, because the traceback this guards against came from a ZipFile being
collected after the failed save ("Exception ignored in: ZipFile.__del__").
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from tests.conftest import DATA


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("fmt", ["xlsx", "csv", "yaml"])
def test_template_to_a_full_disk(fmt: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bizenv_cli", "template", "--measures",
         str(DATA / "check" / "measures"), "--department", "power-supply-company",
         "--period", "2021-Q2", "--format", fmt, "-o", "/dev/full"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 3, result.stderr
    assert result.stderr == "bizenv: error: cannot write /dev/full: No space left on device\n"
    assert result.stdout == ""
