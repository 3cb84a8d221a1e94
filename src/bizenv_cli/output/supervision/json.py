"""`notices --format json`: {"notices": [{"unit", "unit_name", "number", "items": [{"target",
"status", "rectify_by"}]}]}, exactly that."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bizenv_cli.sanitize import json_safe
from bizenv_cli.supervision.notices import Notice


def notices_json(notices: Sequence[Notice]) -> dict[str, Any]:
    return {
        "notices": [
            {
                "unit": n.unit,
                "unit_name": n.unit_name,
                "number": n.number if n.numbered else None,
                "items": [
                    {
                        "target": f.target,
                        "status": f.status.value,
                        "rectify_by": f.rectify_by.isoformat(),
                    }
                    for f in n.items
                ],
            }
            for n in notices
        ]
    }


def dumps(data: dict[str, Any]) -> str:
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
