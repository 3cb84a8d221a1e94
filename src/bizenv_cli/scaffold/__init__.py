"""`bizenv init`: a new data folder (measures, bizenv.toml, a Chinese README, an example
quarter, the schemas for editors), written whole or not at all."""

from bizenv_cli.scaffold.write import init_folder

__all__ = ["init_folder"]
