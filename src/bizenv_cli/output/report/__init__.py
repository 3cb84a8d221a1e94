"""`bizenv report`: the terminal renderables, the exports (HTML, SVG) and Markdown;
the plain views (no rich) are in views/."""
