"""`bizenv check` output formats, one module each (table, json, markdown, junit, github)."""
