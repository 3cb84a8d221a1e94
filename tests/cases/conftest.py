"""Fixtures of the case tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Batches of two rows, a 40-byte sniff and a private, empty $TMPDIR (returned)."""
    import tempfile

    from bizenv_cli.cases import read, read_csv

    monkeypatch.setattr(read, "CHUNK_ROWS", 2)
    monkeypatch.setattr(read_csv, "SNIFF_BYTES", 40)
    private = tmp_path / "tmpdir"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    return private
