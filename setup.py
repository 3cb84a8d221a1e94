"""The wheel carries the reviewed measure set and its example quarter as package data.

``measures/`` and ``examples/`` stay where engineers edit them, at the top of the
repository; building copies them into ``bizenv_cli/plans/gedian-2021/`` (``bizenv init``
reads them there). Everything else is in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# (from the repository, to the plan's folder in the package); the example is one quarter
SHIPPED = [
    ("measures", "measures"),
    ("examples/2021-Q2", "example/2021-Q2"),
    ("examples/waivers.yaml", "example/waivers.yaml"),
]


class BuildWithPlan(build_py):
    def run(self) -> None:
        super().run()
        plan = Path(self.build_lib) / "bizenv_cli" / "plans" / "gedian-2021"
        for source, target in SHIPPED:
            src, dst = HERE / source, plan / target
            if src.is_dir():
                shutil.copytree(src, dst, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__"))
            else:
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dst)


setup(cmdclass={"build_py": BuildWithPlan})
