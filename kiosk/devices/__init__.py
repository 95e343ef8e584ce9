"""Devices of the îlot: the printer (CUPS) and the scanner (SANE), each a pure core and a thin Qt side."""
