"""The year's score (`bizenv score`): each unit's points from the year's results.

``run.run_score`` loads the submissions once and evaluates them at every period end of
the year with check's own evaluation (``history.series``), then: ``roles`` says who a
target's outcome scores, ``lines`` makes a line per outcome, return and supervision item,
``caps`` adds the cap lines, ``ranking`` ranks with shared ranks, ``eligibility`` says
who may be 优秀. Pure below ``run``; no click, no rich. See docs/score.md.
"""
