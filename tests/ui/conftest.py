"""Shared fixtures for GUI tests: offscreen Qt, the bundled font, QSettings and user folders in tmp paths."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402  (the platform must be chosen before Qt is imported)
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from ui.common.style import register_fonts  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _bundled_font(qapp):
    """Register the bundled Arabic font so that glyph and width checks mean something."""
    families = register_fonts()
    assert "Noto Sans Arabic" in families
    return families


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Keep QSettings and platformdirs folders inside the test's tmp path, never the real home."""
    QCoreApplication.setOrganizationName("qalam-tests")
    QCoreApplication.setApplicationName("qalam-annotator-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield
