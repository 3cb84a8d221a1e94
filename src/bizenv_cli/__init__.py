"""bizenv: check the Gedian Development Zone business-environment plan against reality."""

__version__ = "0.1.0"
