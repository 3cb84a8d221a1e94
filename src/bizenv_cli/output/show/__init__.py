"""`bizenv show`: one measure on the terminal."""
