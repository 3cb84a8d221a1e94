"""Reading untrusted bytes safely: capped reads of regular files only, text decoding with
positions, and the safe YAML loader. The lowest room that touches input files; it knows
nothing of measures, submissions or spreadsheets."""
