"""Fixtures of the hostile-input tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DATA, MEASURES


@pytest.fixture
def measure_sets_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The measure sets are never mutated by the fuzz tests: load (and check) each once, so
    the time goes to the mutants (10x faster). Everything after the measure set runs as for a
    user."""
    import bizenv_cli.checking as checking
    import bizenv_cli.validation.pipeline as pipeline
    import bizenv_cli.validation.submissions as inputs

    real = pipeline.load_usable
    cache: dict[Path, Any] = {}

    def once(path: Path) -> Any:
        key = Path(path).resolve()
        if key not in cache:
            cache[key] = real(path)
        return cache[key]

    for module in (pipeline, inputs, checking):
        monkeypatch.setattr(module, "load_usable", once)
    for root in (DATA / "check" / "measures", MEASURES):  # so the slowest case is a mutant's
        once(root)
