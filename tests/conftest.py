"""Shared fixtures: projects on both backends, the ../shared data folder, isolated user folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Sentences with the traps the app must get right: clitic-glued entities, Latin names and
# numbers inside Arabic, a date with a slash, quotes, diacritics, tatweel, a non-BMP character.
ARABIC_SAMPLE = (
    "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا "
    "في 17 سبتمبر/أيلول 2023.\n"
    "وقالت مجلة Politico إن الاجتماع عُقد بإسطنبول، وشارك فيه لويس بونو 🙂.\n"
    "«المحادثات جرت بالفعل» حسبما قال الكرملين الأربعاء."
)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real home folder: point XDG/user folders at a temp dir."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("HOME", str(home))
    yield


@pytest.fixture(params=["memory", "file"])
def project(request, tmp_path):
    """A project on the memory backend and on the real durable file backend."""
    from annotations import Project

    if request.param == "memory":
        p = Project.memory()
    else:
        p = Project.open(tmp_path / "proj")
    yield p
    p.close()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent")
    return SHARED


def pytest_configure(config):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
