"""PySide6 user interface: thin widgets and adapters over the Qt-free ``annotations`` core."""

from .common import pyside_fix  # noqa: F401  (must run before any other Qt call; see the module)
