"""`bizenv check --format junit`: one test case per target, for CI test reports.

Failing statuses (see ``--fail-on``) are failures; pending and waived targets
are skipped; everything else passes. Built with xml.etree, so it is always
well-formed (untrusted text is escaped by the library).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bizenv_cli.evaluation.result import CheckResult, Status
from bizenv_cli.output.check.common import ReportContext, days_text, status_label
from bizenv_cli.sanitize import clean, no_commands

SKIPPED = (Status.pending, Status.waived)


def render(result: CheckResult, ctx: ReportContext) -> str:
    failures = sum(1 for r in result.results if r.status in ctx.failing)
    skipped = sum(1 for r in result.results if r.status in SKIPPED and r.status not in ctx.failing)
    attrs = {
        "tests": str(len(result.results)),
        "failures": str(failures),
        "errors": "0",
        "skipped": str(skipped),
    }
    root = ET.Element("testsuites", {"name": "bizenv check", **attrs})
    suite = ET.SubElement(root, "testsuite", {"name": f"bizenv check {result.as_of}", **attrs})
    for row in result.results:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": clean(row.measure_id),
                "name": clean(row.target),
                "file": clean(row.target_location.path),
                "line": str(row.target_location.line),
            },
        )
        # clean: XML 1.0 cannot hold most control characters at all.
        message = clean(f"{status_label(row)}: {row.explanation}")
        if days_text(row):
            message += f" ({days_text(row)})"
        if row.status in ctx.failing:
            failure = ET.SubElement(case, "failure", {"message": message, "type": row.status.value})
            failure.text = message
        elif row.status in SKIPPED:
            ET.SubElement(case, "skipped", {"message": message})
        else:
            ET.SubElement(case, "system-out").text = message
    ET.indent(root)
    return no_commands(ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n")
