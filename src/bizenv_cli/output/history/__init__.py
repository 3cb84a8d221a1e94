"""`bizenv history` output formats (table, json, markdown)."""
