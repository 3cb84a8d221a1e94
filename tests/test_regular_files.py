"""Inputs that are not regular files are refused before anything opens them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bizenv_cli.reading.files import NotRegularFile, open_regular, read_capped, require_regular
from bizenv_cli.reading.yamlsafe import YamlLoadError


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x: 1\n")
    assert require_regular(path).st_size == 5
    with open_regular(path) as stream:
        assert stream.read() == b"x: 1\n"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFile, match=r"not a regular file \(a FIFO\)"):
        read_capped(fifo, 100)


def test_a_device_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="a character device"):
        require_regular(Path("/dev/null"))
    with pytest.raises(OSError, match="a folder"):
        open_regular(tmp_path)


@pytest.mark.parametrize("name", ["pipe.xlsx", "pipe.csv"])
def test_spreadsheet_readers_refuse_a_fifo(tmp_path: Path, name: str) -> None:
    from bizenv_cli.loading.spreadsheet import read_csv, read_xlsx

    fifo = tmp_path / name
    os.mkfifo(fifo)
    reader = read_xlsx if name.endswith(".xlsx") else read_csv
    with pytest.raises(YamlLoadError) as caught:
        reader(fifo, name)
    assert caught.value.findings[0].message == "cannot read file: not a regular file (a FIFO)"
