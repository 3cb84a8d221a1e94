"""Finding codes of `bizenv cases` (docs/cases.md lists them with what to fix), and the
sizes past which a case file is refused (D004) before anything reads it."""

CODE_FILE = "D001"  # a case file that cannot be read: type, not a regular file, encoding
CODE_COLUMN = "D002"  # a column the mapping (or the command line) names is not in the file
CODE_ROW = "D003"  # a row that cannot be used: timestamps, duplicate id, outside the calendar
CODE_SIZE = "D004"  # a file over the size limit
CODE_UNMATCHED = "D005"  # a file that no source of the mapping matches
CODE_MAPPING = "M001"  # a mapping entry that does not fit its target (or no such target)

MAX_FILE_BYTES = 1024 * 1024 * 1024  # a CSV or Parquet file: 1 GiB (about 16 million rows)
MAX_XLSX_BYTES = 200 * 1024 * 1024  # an XLSX is unzipped in memory
