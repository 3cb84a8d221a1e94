"""Output formats: one module per format, chosen through a small name -> module registry."""
