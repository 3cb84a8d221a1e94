"""Every command's outputs: one folder per command's output family (validate, check,
report, history, diff, show), one module per format; terminal/ holds what they share.

The core (models, loading, evaluation) never imports from here."""
