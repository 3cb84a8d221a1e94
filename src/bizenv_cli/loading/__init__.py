"""Reading untrusted files: bytes -> text -> plain data with positions -> models."""
