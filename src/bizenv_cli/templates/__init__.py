"""Templates a department fills in: the YAML submission template (rows) and the
spreadsheet template (describe -> xlsx_writer / csv_writer, with its instructions sheet)."""
