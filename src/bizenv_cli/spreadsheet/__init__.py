"""Department spreadsheets: read a returned one (.xlsx or .csv; ``templates`` writes them).

Layout (shared by both formats, see ``columns``): a few label/value rows on top
(department, period, as-of date), a blank row, the header row, then one row per
target. Readers find columns by their header text, never by position, and turn
the sheet into the same ``Document(data, positions)`` a YAML submission gives,
with each position the (row, column) of the cell. openpyxl is imported only when
a workbook is read or written.
"""
