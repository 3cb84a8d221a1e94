"""The supervision rules of a measure folder, with the data folder's [office] on top."""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.errors import EXIT_INPUT, BizenvError
from bizenv_cli.loading.supervision import SUPERVISION_FILE, read_rules_file
from bizenv_cli.models.supervision import Issuer, SupervisionRules


def load_rules(
    measures_dir: Path,
    *,
    name: str | None = None,
    short_name: str | None = None,
    number_prefix: str | None = None,
) -> SupervisionRules:
    """``measures_dir``'s supervision.yaml; the office's values (bizenv.toml [office]), when
    given, win over the file's issuer. BizenvError (exit 3) for a missing or bad file."""
    rules, shown, _, findings = read_rules_file(measures_dir)
    if findings:
        raise BizenvError(f"{shown} cannot be used", findings=findings)
    if rules is None:
        raise BizenvError(
            f"no {SUPERVISION_FILE} in {measures_dir}: the notices and the ledger need the "
            "supervision rules (issuer, rectification periods, lights, feedback cycle); "
            "copy the shipped measures/supervision.yaml and confirm its values "
            "(docs/supervision.md)",
            exit_code=EXIT_INPUT,
        )
    given = {"name": name, "short_name": short_name, "number_prefix": number_prefix}
    update = {key: value for key, value in given.items() if value}
    if not update:
        return rules
    issuer = Issuer.model_validate({**rules.issuer.model_dump(), **update})
    return rules.model_copy(update={"issuer": issuer})
