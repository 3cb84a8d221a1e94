"""`bizenv diff` output formats (table, json, markdown)."""
