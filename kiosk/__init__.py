"""Îlot: the kiosk program of the îlots numériques."""
