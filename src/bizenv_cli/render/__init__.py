"""Rich renderables for the terminal: tables and texts built from the core's plain rows.

Untrusted text (everything that comes from YAML) is always wrapped in
``rich.text.Text``, never parsed as markup.
"""
