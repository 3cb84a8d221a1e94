"""The plans shipped with bizenv, as package data: ``gedian-2021`` is the reviewed measure
set of this repository (``measures/``) and its example quarter, copied here when the wheel
is built (``setup.py``). In a checkout (an editable install) the files are read from the
repository itself."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

DEFAULT_PLAN = "gedian-2021"
PLANS = {DEFAULT_PLAN: "葛店开发区 2021 年一流营商环境实施方案(54 项措施)"}
# what the wheel holds for each plan, beside this module
MEASURES, EXAMPLE = "measures", "example"


def shipped(plan: str) -> tuple[Traversable, Traversable]:
    """(the measure folder, the example folder) of a shipped plan; KeyError for an unknown
    plan, FileNotFoundError when the installation lacks its files."""
    if plan not in PLANS:
        raise KeyError(plan)
    packaged = files(__name__) / plan
    if (packaged / MEASURES / "plan.yaml").is_file():
        return packaged / MEASURES, packaged / EXAMPLE
    checkout = Path(__file__).resolve().parents[3]  # src/bizenv_cli/plans -> the repository
    if (checkout / "pyproject.toml").is_file() and (checkout / "measures" / "plan.yaml").is_file():
        return checkout / "measures", checkout / "examples"
    raise FileNotFoundError(f"the files of plan {plan} are not installed")
