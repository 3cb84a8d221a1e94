"""The supervision loop's outputs: notices (docx, pdf, json), the ledger (table, json, xlsx)
and the return reminders (table, json). Text from the data is neutralised on the way out."""
