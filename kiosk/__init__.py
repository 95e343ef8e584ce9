"""Îlot: the kiosk program of the îlots numériques."""

__version__ = "0.1.0"  # as pyproject.toml says: for a bundle without the package's metadata
