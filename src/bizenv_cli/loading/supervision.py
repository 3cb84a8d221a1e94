"""Read ``measures/supervision.yaml`` (the supervision loop's rules) into its model, with
every problem as a finding at its line. Reads only: the rule that checks the file against
the measure set (R019) and the supervision room that uses it sit above."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.loading.names import SUPERVISION_FILE, display_path

if TYPE_CHECKING:
    from bizenv_cli.diagnostics import Finding
    from bizenv_cli.models.supervision import SupervisionRules
    from bizenv_cli.reading.yamlsafe import Document

__all__ = ["SUPERVISION_FILE", "read_rules_file"]


def read_rules_file(
    measures_dir: Path,
) -> tuple[SupervisionRules | None, str, Document | None, list[Finding]]:
    """(the rules or None, the display path, the document for positions, findings).
    No file: (None, path, None, []): the caller says whether it needs one."""
    from bizenv_cli.loading.locate import validate_document
    from bizenv_cli.models.supervision import SupervisionRules
    from bizenv_cli.reading.files import read_document
    from bizenv_cli.reading.yamlsafe import YamlLoadError

    path = measures_dir / SUPERVISION_FILE
    shown = display_path(path)
    if not path.exists() and not path.is_symlink():
        return None, shown, None, []
    try:
        doc = read_document(path, shown)
    except YamlLoadError as exc:
        return None, shown, None, list(exc.findings)
    rules, findings = validate_document(SupervisionRules, doc, shown)
    return rules, shown, doc, findings
