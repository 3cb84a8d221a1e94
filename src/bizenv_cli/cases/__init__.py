"""Targets computed from case records (`bizenv cases`, docs/cases.md). Core code: no click,
no rich; polars and python-calamine are imported only here.

The pipeline, in the order the data flows: ``read`` (a file to a frame, under limits),
``moments`` (timestamp columns to day numbers and seconds), ``prepare`` (one source's rows,
with durations from ``durations`` and the reasons a row cannot be used), ``engine`` (one
target: rows, value, exceptions), ``run`` (files to sources to targets, driven by the
``mapping``), then ``report``, ``submission`` and ``exports`` for what the user reads.
``job`` runs it all from plain values.
"""
