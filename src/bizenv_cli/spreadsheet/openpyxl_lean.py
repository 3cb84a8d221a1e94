"""Import openpyxl without numpy.

openpyxl's ``compat.numbers`` imports numpy whenever it is installed (0.17 s), only to
accept numpy scalars as cell values; bizenv never writes one. ``load()`` imports
openpyxl with numpy hidden for that one import, then lets numpy be imported again by
whoever needs it (pandas in a benchmark, polars' conversions).
"""

from __future__ import annotations

import sys


def load() -> None:
    """Import openpyxl (once) so that it does not import numpy."""
    if "openpyxl" in sys.modules:
        return
    hidden = "numpy" not in sys.modules
    if hidden:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy: ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        if hidden and sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]
