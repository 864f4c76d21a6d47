"""Tests for annotations.assets: asset lookup from source and from a frozen bundle."""

from __future__ import annotations

import sys

import pytest

from annotations import assets


def test_all_bundled_assets_are_present():
    assert assets.check_assets() == []
    assert assets.asset_path("fonts/OFL.txt").read_text(encoding="utf-8").startswith("Copyright")


def test_frozen_bundle_uses_meipass(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    (tmp_path / "assets" / "fonts").mkdir(parents=True)
    (tmp_path / "assets" / "fonts" / "OFL.txt").write_text("x", encoding="utf-8")
    assert assets.asset_path("fonts/OFL.txt") == tmp_path / "assets" / "fonts" / "OFL.txt"
    missing = assets.check_assets()
    assert "fonts/OFL.txt" not in missing and "sample_article.txt" in missing


def test_paths_cannot_escape_the_assets_folder():
    with pytest.raises(ValueError, match="relative"):
        assets.asset_path("../main.py")
    with pytest.raises(ValueError):
        assets.asset_path("/etc/passwd")
