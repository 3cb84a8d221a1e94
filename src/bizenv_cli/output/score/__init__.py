"""`bizenv score` outputs: table, json, xlsx, pdf (one module each); texts.py holds the words."""
