"""Smoke test of the packaged app: build with build.spec, then run the frozen binary's CLI and GUI offscreen.

One build per test session (~30 s on 2 cores, ~110 MB) into a temporary folder; run by .ci/run, skipped
locally with ``-m "not frozen"``.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations import APP_NAME, Project, __version__
from annotations.schema import ace2005

pytestmark = pytest.mark.frozen

REPO = Path(__file__).resolve().parents[1]
SHARED_SAMPLE = REPO.parent / "shared" / "samples" / "scraped_news_ar.txt"
EXE = "qalam-annotator"
BUILD_TIMEOUT = 1200


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    """Build the onedir app with build.spec into a temporary folder and return the executable."""
    out = tmp_path_factory.mktemp("frozen")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QALAM_")}  # the default build
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(REPO / "build.spec")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    if result.returncode != 0:
        pytest.fail(f"pyinstaller build.spec failed ({result.returncode}):\n{result.stderr[-4000:]}")
    print(f"frozen build took {time.monotonic() - started:.0f} s")
    exe = out / "dist" / EXE / (EXE + (".exe" if os.name == "nt" else ""))
    assert exe.is_file(), f"no executable at {exe}"
    return exe


@pytest.fixture
def user_env(tmp_path) -> dict[str, str]:
    """Offscreen Qt and user folders (settings, logs) inside the test's tmp path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "PYTHON"))}
    home = tmp_path / "home"
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"))
    return env


def run(exe: Path, *args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, env=env, timeout=timeout,
                          cwd=exe.parent.parent)


def crash_logs(env: dict[str, str]) -> list[Path]:
    return sorted(Path(env["HOME"]).rglob("crash.log"))


def test_version(frozen_app, user_env):
    result = run(frozen_app, "--version", env=user_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{APP_NAME} {__version__}"


def test_import_of_the_shared_scraped_sample(frozen_app, user_env, tmp_path):
    if not SHARED_SAMPLE.is_file():
        pytest.skip(f"{SHARED_SAMPLE} is absent (the shared data folder is not next to the repository)")
    project = tmp_path / "project"
    result = run(frozen_app, "import", project, SHARED_SAMPLE, "--quiet", env=user_env)
    assert result.returncode == 0, result.stderr
    assert "Imported 1 article" in result.stdout
    with Project.open(project) as opened:
        (info,) = opened.documents()
        text = opened.document(info.id).text
    assert "شهدت إسطنبول اجتماعاً" in text          # the article body, as stored
    assert "تم نسخ عنوان المقال" not in text        # scraped-page chrome removed by the cleanup rules
    assert crash_logs(user_env) == []


def test_hijri_dates_are_converted_in_the_bundle(frozen_app, user_env, tmp_path):
    # hijridate is loaded on the first Hijri date only; the bundle must carry it (build.spec)
    article = tmp_path / "hijri.txt"
    article.write_text("عنوان الخبر عن افتتاح المعرض الدولي للكتاب\nالأربعاء 13 شعبان 1446 هـ\n"
                       "افتتح المعرض الدولي للكتاب أبوابه اليوم بمشاركة مئات الناشرين من دول عربية وأجنبية.\n",
                       encoding="utf-8")
    project = tmp_path / "project"
    result = run(frozen_app, "import", project, article, "--quiet", env=user_env)
    assert result.returncode == 0, result.stderr
    with Project.open(project) as opened:
        (info,) = opened.documents()
        meta = opened.document(info.id).meta
    assert meta["published"] == "2025-02-12" and meta["published_hijri"] == "13 شعبان 1446 هـ"


@pytest.fixture
def annotated_project(frozen_app, user_env, tmp_path) -> tuple[Path, str]:
    """A project imported by the frozen app (shared sample, else the bundled one) plus one GPE span."""
    source = SHARED_SAMPLE if SHARED_SAMPLE.is_file() else REPO / "assets" / "sample_article.txt"
    project = tmp_path / "project"
    result = run(frozen_app, "import", project, source, "--quiet", "--status", "done", env=user_env)
    assert result.returncode == 0, result.stderr
    with Project.open(project) as opened:
        (info,) = opened.documents()
        text = opened.document(info.id).text
        start = text.index("إسطنبول")
        opened.add_span(info.id, start, start + len("إسطنبول"), "GPE")
    return project, info.id


def test_export_conll_carries_tokens_and_the_span(frozen_app, user_env, annotated_project, tmp_path):
    project, _ = annotated_project
    out = tmp_path / "out.conll"
    result = run(frozen_app, "export", project, "--format", "conll", "--out", out, "--quiet", env=user_env)
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in out.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("# qalam-document")]  # the document's title/meta/status line
    tokens = [row for row in rows if row[0] != "-DOCSTART-"]
    assert len(tokens) > 100
    assert ["إسطنبول", "B-GPE"] in [row[:1] + row[-1:] for row in tokens]
    assert {row[-1] for row in tokens} == {"O", "B-GPE"}
    report = json.loads(Path(f"{out}.report.json").read_text(encoding="utf-8"))
    assert report  # the export report is written next to the output


def test_html_import_uses_bundled_library_data(frozen_app, user_env, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>خبر</title><meta name='date' content='2024-03-05'></head><body><nav>الرئيسية</nav>"
        "<article><h1>اجتماع في إسطنبول</h1><p>شهدت إسطنبول اليوم اجتماعاً مهماً بين وزيري الخارجية لبحث "
        "الأوضاع في المنطقة وسبل التعاون بين البلدين.</p><p>وقال المتحدث إن الاجتماع كان مثمراً وإن الجانبين "
        "اتفقا على مواصلة الحوار خلال الأشهر المقبلة.</p></article></body></html>", encoding="utf-8")
    project = tmp_path / "html-project"
    result = run(frozen_app, "import", project, page, "--quiet", env=user_env)
    assert result.returncode == 0, result.stdout + result.stderr
    with Project.open(project) as opened:
        (info,) = opened.documents()
        assert "اتفقا على مواصلة الحوار" in opened.document(info.id).text


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_render_writes_a_real_png(frozen_app, user_env, annotated_project, tmp_path):
    project, doc_id = annotated_project
    out = tmp_path / "x.png"
    result = run(frozen_app, "render", project, doc_id, "--out", out, env=user_env)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    width, height = _png_size(data)
    assert width >= 200 and height >= 200 and len(data) > 10_000
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, width, 7) for y in range(0, height, 7)}
    assert len(colours) > 8, "the page looks blank: no text or highlight was drawn"


@pytest.mark.parametrize("locale", ["C.UTF-8", "ar_EG.UTF-8"])  # Arabic: the bundled .qm files are loaded
def test_gui_starts_on_the_project_and_quits_cleanly(frozen_app, user_env, annotated_project, locale):
    project, _ = annotated_project
    user_env.update(LANG=locale, LC_ALL=locale)
    started = time.monotonic()
    result = run(frozen_app, project, "--quit-after", "3", env=user_env, timeout=90)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert elapsed >= 2.5, f"exited after {elapsed:.1f} s: the GUI did not wait for --quit-after"
    for bad in ("Traceback", "internal error", "Could not load the Qt platform plugin", "Cannot load library",
                "QFont::", "qt.qpa.plugin"):
        assert bad not in result.stderr, result.stderr
    assert crash_logs(user_env) == []
    with Project.open(project) as opened:  # lock released, data intact
        assert opened.check() == []
        assert len(opened.spans(opened.documents()[0].id)) == 1


def test_spacy_export_loads_with_the_real_spacy(frozen_app, user_env, annotated_project, tmp_path):
    """The packaged app has no spaCy; its DocBin is loaded here with the real one."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    project, doc_id = annotated_project
    out = tmp_path / "x.spacy"
    result = run(frozen_app, "export", project, "--format", "spacy", "--out", out, "--quiet", env=user_env)
    assert result.returncode == 0, result.stdout + result.stderr
    (doc,) = DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab)
    with Project.open(project) as opened:
        assert doc.text == opened.document(doc_id).text
    assert doc.user_data["doc_id"] == doc_id
    assert [(e.text, e.label_) for e in doc.ents] == [("إسطنبول", "GPE")]
    assert [(s.text, s.label_) for s in doc.spans["sc"]] == [("إسطنبول", "GPE")]
    assert crash_logs(user_env) == []


def test_hf_export_loads_with_the_real_datasets(frozen_app, user_env, annotated_project, tmp_path):
    """The packaged app has no datasets or pyarrow: JSON Lines and a dataset card that load_dataset reads."""
    datasets = pytest.importorskip("datasets")

    project, _ = annotated_project
    out = tmp_path / "hf"
    result = run(frozen_app, "export", project, "--format", "hf", "--out", out, "--quiet", env=user_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "README.md").is_file() and not (out / "parquet").exists()
    tokens = datasets.load_dataset(str(out), "tokens", cache_dir=str(tmp_path / "cache"))["train"]
    feature = tokens.features["ner_tags"].feature
    assert isinstance(feature, datasets.ClassLabel)
    assert feature.names == ["O"] + [f"{p}-{t.name}" for t in ace2005().entity_types for p in "BI"]
    pairs = [(t, feature.names[g]) for row_t, row_g in zip(tokens["tokens"], tokens["ner_tags"], strict=True)
             for t, g in zip(row_t, row_g, strict=True)]
    assert ("إسطنبول", "B-GPE") in pairs and len(pairs) > 100
    assert {g for _, g in pairs} == {"O", "B-GPE"}
    assert crash_logs(user_env) == []


def test_no_display_is_a_message_not_a_core_dump(frozen_app, user_env, tmp_path):
    env = {k: v for k, v in user_env.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("XDG_SESSION_TYPE", None)
    result = run(frozen_app, tmp_path / "p", env=env, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("No display") and "command line" in result.stderr
    assert not (tmp_path / "p").exists()


def test_help_finds_the_user_guide_and_its_screenshots_in_the_bundle(frozen_app, qapp, monkeypatch):
    """Help -> User guide in the packaged app: ``help.guide_path()`` with the bundle's layout (sys.frozen,
    sys._MEIPASS = the folder holding the bundled data) finds the guide, and every screenshot it shows loads."""
    import re

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from ui.window import help as help_module

    internal = frozen_app.parent / "_internal" if (frozen_app.parent / "_internal").is_dir() else frozen_app.parent
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    guide = help_module.guide_path()
    assert guide == internal / "docs" / "USER_GUIDE.md" and guide.is_file()
    source = (REPO / "docs" / "USER_GUIDE.md").read_text(encoding="utf-8")
    assert guide.read_text(encoding="utf-8") == source
    dialog = help_module.GuideDialog()
    try:
        shown = dialog.browser.toPlainText()
        assert "cannot be read" not in shown and "user guide" in shown.splitlines()[0]
        images = sorted(set(re.findall(r"\]\((images/[^)\s]+)\)", source)))
        assert len(images) >= 5
        for name in images:
            data = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
            assert data is not None and bytes(data).startswith(b"\x89PNG"), f"{name} is not in the bundle"
    finally:
        dialog.close()


def test_a_missing_asset_is_reported_at_start(frozen_app, user_env, tmp_path):
    copy = tmp_path / "app"
    shutil.copytree(frozen_app.parent, copy, symlinks=True)
    internal = copy / "_internal" if (copy / "_internal").is_dir() else copy
    (internal / "assets" / "sample_article.txt").unlink()
    result = run(copy / frozen_app.name, "stats", tmp_path / "none", env=user_env)
    assert result.returncode == 2
    assert "sample_article.txt" in result.stderr and "reinstall" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_suggest_trains_and_writes_suggestions(frozen_app, user_env, tmp_path):
    """The packaged app carries python-crfsuite and the starter gazetteer: ``suggest`` runs end to end."""
    from tests.test_assist_crf import _doc

    path = tmp_path / "assist"
    with Project.open(path) as p:
        for i in range(3):
            doc = _doc(i)
            d = p.add_document(doc.text, title=f"t{i}")
            p.add_spans(d, [{"start": s, "end": e, "label": lab} for s, e, lab in doc.spans])
            p.set_status(d, "done")
        new = p.add_document("قال عمر إنه سافر إلى الرباط ثم إلى نيويورك أمس .", title="new")
    result = run(frozen_app, "suggest", path, env=user_env)
    assert result.returncode == 0, result.stderr
    assert "trained on 3 document(s)" in result.stdout and "cross-validated" in result.stdout
    with Project.open(path, readonly=True) as p:
        found = {(s.text, s.source) for s in p.suggestions(new)}
    # نيويورك is in the bundled gazetteer (and the model may find it too: it is then suggested once)
    assert ("عمر", "model") in found and "نيويورك" in {text for text, _ in found}
