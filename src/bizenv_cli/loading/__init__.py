"""Loading: locate the measure set and the inputs, and turn files into models with their
positions (measure files, submissions in YAML or as spreadsheets, waivers). It reads and
locates; it does not run the rules (``validation.pipeline`` does, above both)."""
