"""Output files are replaced whole or not at all, and links and devices are respected."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from bizenv_cli.errors import BizenvError
from bizenv_cli.fileio import save_atomic, write_atomic


def test_new_file_is_written_and_no_temporary_file_remains(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_failed_save_keeps_the_old_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")

    def broken(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(BizenvError, match="No space left on device"):
        save_atomic(target, broken)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_existing_mode_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "shared.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symbolic_link_keeps_pointing_at_its_file(tmp_path: Path) -> None:
    real = tmp_path / "real.svg"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.svg"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_a_named_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=5)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(BizenvError) as caught:
        write_atomic(tmp_path / "missing" / "out.txt", "x")
    assert caught.value.exit_code == 3


def test_a_loop_of_links_is_an_input_error(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    with pytest.raises(BizenvError, match="a loop of symbolic links") as caught:
        write_atomic(loop, "x")
    assert caught.value.exit_code == 3
    assert [p.name for p in tmp_path.iterdir()] == ["loop"]
