"""Pieces every feature uses: themes and fonts, the PySide6 guard, shared dialog parts."""
