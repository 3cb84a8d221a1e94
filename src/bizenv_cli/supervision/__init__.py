"""The supervision loop (督办整改闭环, measure 53: 发现问题—整改落实—成效检验).

A check's failures become items for the units that answer for them, each with a
rectification deadline in working days; notices carry them to the units with a document
number; the ledger (督办台账) keeps them until a later check shows them met; lights and
reminders say what needs chasing. Core code: no click, no rich, no clock (dates come in).
See docs/supervision.md.
"""
