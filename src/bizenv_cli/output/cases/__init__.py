"""`bizenv cases` outputs written for the office (the exceptions workbook in Chinese)."""
