"""Over time: a target's statuses across periods, its trend and progress, and what changed.

- ``series``: evaluate the same submissions once per period end (the `check` evaluation);
- ``trend`` and ``progress``: where a target's reported values are heading;
- ``diff``: the transitions between two saved `check --format json` results;
- ``baseline``: which failures of a check are new or worse than in a saved one.

Nothing here knows about click or rich.
"""
