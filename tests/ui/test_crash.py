"""Tests for ui.window.crash: unhandled GUI exceptions are logged to the user log folder and shown in a dialog."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from ui.window import crash

pytestmark = pytest.mark.qt_no_exception_capture  # the handler under test must see the exceptions itself


@pytest.fixture
def shown(monkeypatch):
    """Patch QMessageBox.exec: record every box the handler opens (title, texts) instead of blocking."""
    boxes: list[dict[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        boxes.append({"title": box.windowTitle(), "text": box.text(), "info": box.informativeText(),
                      "details": box.detailedText(), "icon": box.icon().name})
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return boxes


@pytest.fixture
def handler(tmp_path):
    installed = crash.install_crash_handler(log_dir=tmp_path / "logs")
    yield installed
    installed.uninstall()


def _fail_in_slot():
    raise ValueError("bad offset 17 in document 3f2a")


def test_exception_in_a_qt_slot_is_logged_and_shown(qtbot, handler, shown, tmp_path):
    button = QPushButton("x")
    qtbot.addWidget(button)
    button.clicked.connect(_fail_in_slot)
    button.click()  # PySide6 hands the slot's exception to sys.excepthook

    qtbot.waitUntil(lambda: len(shown) == 1, timeout=2000)
    log = tmp_path / "logs" / "crash.log"
    content = log.read_text(encoding="utf-8")
    assert "ValueError: bad offset 17 in document 3f2a" in content
    assert "_fail_in_slot" in content  # the traceback, not just the message
    box = shown[0]
    assert box["icon"] == "Critical"
    assert "ValueError: bad offset 17 in document 3f2a" in box["text"]
    assert "annotations are safe" in box["text"]
    assert str(log) in box["info"]
    assert "_fail_in_slot" in box["details"]


def test_default_log_folder_is_the_platformdirs_user_log_folder(tmp_path, monkeypatch, shown, qapp):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    installed = crash.install_crash_handler()
    try:
        sys.excepthook(RuntimeError, RuntimeError("boom"), None)
    finally:
        installed.uninstall()
    log = tmp_path / "state" / "qalam-annotator" / "log" / "crash.log"
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
    assert str(log) in shown[0]["info"]


def test_unwritable_log_folder_still_shows_the_error(tmp_path, shown, qapp):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    installed = crash.install_crash_handler(log_dir=blocker / "logs")
    try:
        sys.excepthook(OSError, OSError("disk gone"), None)
    finally:
        installed.uninstall()
    assert len(shown) == 1
    assert "could not be written" in shown[0]["info"]
    assert "disk gone" in shown[0]["details"]


def test_exception_in_a_worker_thread_is_shown_from_the_gui_thread(qtbot, handler, shown, tmp_path):
    seen_threads = []
    original = QMessageBox.exec

    def recording_exec(box):
        seen_threads.append(threading.current_thread() is threading.main_thread())
        return original(box)

    QMessageBox.exec = recording_exec
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="exporter")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=2000)
    finally:
        QMessageBox.exec = original
    assert seen_threads == [True]
    assert "ZeroDivisionError" in shown[0]["text"]
    assert "thread exporter" in (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")


def test_a_storm_of_errors_opens_a_bounded_number_of_dialogs_but_logs_all(qtbot, handler, shown, tmp_path):
    for i in range(10):
        QTimer.singleShot(0, lambda i=i: (_ for _ in ()).throw(KeyError(f"k{i}")))
    qtbot.wait(200)
    assert len(shown) == crash.MAX_DIALOGS
    content = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert all(f"KeyError: 'k{i}'" in content for i in range(10))


def test_uninstall_restores_the_previous_hooks(qapp, tmp_path):
    before = (sys.excepthook, threading.excepthook)
    installed = crash.install_crash_handler(log_dir=tmp_path)
    assert sys.excepthook == installed.handle
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_log_folder_name_matches_the_cli_crash_log(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    if os.name == "posix" and sys.platform != "darwin":
        assert crash.default_log_dir() == tmp_path / "qalam-annotator" / "log"
    main_py = (crash.Path(crash.__file__).resolve().parents[2] / "main.py").read_text(encoding="utf-8")
    assert f'user_log_dir("{crash.LOG_APP_NAME}"' in main_py
