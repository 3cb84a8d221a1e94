"""Write a department's template as CSV: UTF-8 with a BOM, so Excel and WPS show the Chinese.

The same layout as the workbook: label rows (部门, 填报期间, 截至日期) with the
value in the second cell and a hint in the third, a blank row, the header
row ("目标编号 Target id", ...), then one row per target with the fill-in
cells empty. The CSV reader reads it back the same way.
"""

from __future__ import annotations

import codecs
import csv
import io

from bizenv_cli.spreadsheet.columns import COLUMNS, LABEL_HINTS, LABELS, Kind
from bizenv_cli.templates.describe import TemplateSheet


def render_csv(sheet: TemplateSheet) -> bytes:
    """The template as CSV bytes (UTF-8 with BOM, CRLF line ends as Excel writes them)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    department = sheet.department
    values = {
        "department": (department.id if department else "",
                       f"{department.name} {department.en}" if department else "填写单位名称"),
        "period": (sheet.period or "", LABEL_HINTS["period"]),
        "as_of": ("", LABEL_HINTS["as_of"]),
    }
    for label in LABELS:
        writer.writerow([label.text, *values[label.key]])
    writer.writerow([])
    writer.writerow([column.header for column in COLUMNS])
    for row in sheet.rows:
        writer.writerow([row.cells[c.key] if c.kind is Kind.describe else "" for c in COLUMNS])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")
