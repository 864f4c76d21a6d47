"""The export dialog offers every format and its own options (issues 14 and 17), driven for real (pytest-qt):
the token scheme where it applies, the number of shards, suggestions as Label Studio predictions; each
export is checked in its files, the schemes with the real spaCy and CoNLL-U parser. Screenshots of the
dialog in English and Arabic go to /tmp/shots/io/ for review by eye."""

from __future__ import annotations

import json
from pathlib import Path

import conllu
import pytest
import spacy
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from spacy.tokens import DocBin
from test_io_export import part, project, window  # noqa: F401  (fixtures)

from annotations.formats import EXPORTERS, TOKEN_FORMATS
from annotations.token_schemes import SCHEMES
from ui.io.export_dialog import ExportDialog, output_suffix
from ui.window.app import install_language

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
SHOTS = Path("/tmp/shots/io")


def open_dialog(win) -> ExportDialog:
    win.io.actions["export"].trigger()
    dialog = win.io.dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    return dialog


def choose(combo, value: str) -> None:
    """Pick ``value`` in a combo box as the user does (the keyboard: ``activated`` is emitted)."""
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0, value
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        QTest.keyClick(combo, key)


def export_with(qtbot, win, dialog: ExportDialog, out: Path):
    dialog.set_out_path(out)
    with qtbot.waitSignal(win.io.export_finished, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert not report.cancelled and report.documents == 10
    return report


def test_every_export_format_is_offered_by_its_name(window):  # noqa: F811
    dialog = open_dialog(window)
    offered = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert offered == list(EXPORTERS)
    assert {"wojood", "oneie", "dygiepp", "shards"} <= set(offered)
    for i, fmt in enumerate(offered):  # a name of its own, not the bare key
        assert dialog.format_combo.itemText(i) != fmt


def test_each_option_is_shown_only_for_the_formats_it_applies_to(window):  # noqa: F811
    dialog = open_dialog(window)
    schemes = [dialog.tokens_combo.itemData(i) for i in range(dialog.tokens_combo.count())]
    assert schemes == list(SCHEMES)
    for fmt in EXPORTERS:
        dialog.set_format(fmt)
        shown = {name: getattr(dialog, name).isVisibleTo(dialog)
                 for name in ("tokens_combo", "shards_spin", "suggestions_check", "labelstudio_combo")}
        assert shown == {"tokens_combo": fmt in TOKEN_FORMATS, "shards_spin": fmt == "shards",
                         "suggestions_check": fmt == "labelstudio", "labelstudio_combo": fmt == "labelstudio"}, fmt
        opts = dialog.options()
        assert (opts["shards"] is not None) == (fmt == "shards") and opts["include_suggestions"] is False
        assert (opts["tokens"] is not None) == (fmt in TOKEN_FORMATS)  # the others refuse a token scheme
    # the scheme and nesting follow the format's defaults (Wojood: whitespace words, one column per level)
    dialog.set_format("wojood")
    assert (dialog.options()["tokens"], dialog.options()["nested"]) == ("whitespace", "levels")
    dialog.set_format("conll")
    assert (dialog.options()["tokens"], dialog.options()["nested"]) == ("proclitics", "outermost")
    assert dialog.out_path().endswith("-conll.conll")
    choose(dialog.tokens_combo, "conllu")  # the user's choice then stays, and names a CoNLL-U file
    assert dialog.out_path().endswith("-conll.conllu")
    dialog.set_format("wojood")
    assert dialog.options()["tokens"] == "conllu"
    # one tag column per level only where the file has columns
    dialog.set_format("shards")
    levels = dialog.nested_combo.model().item(dialog.nested_combo.findData("levels"))
    assert not levels.isEnabled() and dialog.options()["nested"] == "outermost"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_each_token_scheme_through_the_dialog(qtbot, window, tmp_path, project, scheme):  # noqa: F811
    dialog = open_dialog(window)
    dialog.set_format("conll")
    choose(dialog.tokens_combo, scheme)
    out = tmp_path / f"x{output_suffix('conll', False, scheme)}"
    report = export_with(qtbot, window, dialog, out)
    widened, split_out = {"whitespace": (10, 0), "proclitics": (0, 10)}.get(scheme, (0, 0))
    assert report.token_edges == {"scheme": scheme, "widened": widened, "split_out": split_out}
    shown = window.io.report_dialog
    assert (f"Spans widened to whole tokens ({scheme}):", str(widened)) in shown.counts
    assert (f"Spans kept with the clitic split out ({scheme}):", str(split_out)) in shown.counts
    text = out.read_text(encoding="utf-8")
    if scheme == "conllu":
        sentences = conllu.parse(text)
        assert "بإسطنبول" in [t["form"] for s in sentences for t in s if isinstance(t["id"], tuple)]
        assert {t["form"]: t["misc"]["NER"] for s in sentences for t in s if isinstance(t["id"], int)}[
            "إسطنبول"] == "B-GPE"
    else:
        expected = {"whitespace": "بإسطنبول B-GPE\n", "proclitics": "ب O\nإسطنبول B-GPE\n",
                    "atb": "ب+ O\nإسطنبول B-GPE\n"}[scheme]
        assert text.count(expected) == 10
    window.io.report_dialog.close()
    # the same scheme into spaCy: the Doc's text is the document's, the entities the spans (or widened)
    dialog = open_dialog(window)
    dialog.set_format("spacy")
    choose(dialog.tokens_combo, scheme)
    export_with(qtbot, window, dialog, tmp_path / "x.spacy")
    docs = list(DocBin().from_disk(tmp_path / "x.spacy").get_docs(spacy.blank("ar").vocab))
    texts = {project.document(d.id).text for d in project.documents(status="done")}
    assert len(docs) == 10 and {d.text for d in docs} == texts
    ents = {(e.text, e.label_) for d in docs for e in d.ents}
    assert ents == ({("بإسطنبول", "GPE"), ("بوتين", "PER")} if scheme == "whitespace"
                    else {("إسطنبول", "GPE"), ("بوتين", "PER")})
    norms = {t.norm_ for d in docs for t in d}
    assert ("ب+" in norms) == (scheme == "atb")


def test_wojood_oneie_dygiepp_and_shards_through_the_dialog(qtbot, window, tmp_path):  # noqa: F811
    dialog = open_dialog(window)
    dialog.set_format("wojood")
    export_with(qtbot, window, dialog, tmp_path / "wojood")
    rows = [line.split() for line in (tmp_path / "wojood" / "data.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    assert ["بإسطنبول", "B-GPE"] in rows and ["بوتين", "B-PER"] in rows  # whitespace words, Wojood's default
    window.io.report_dialog.close()
    for fmt, check in (("oneie", "entity_mentions"), ("dygiepp", "doc_key")):
        dialog = open_dialog(window)
        dialog.set_format(fmt)
        out = tmp_path / f"{fmt}{output_suffix(fmt, False)}"
        export_with(qtbot, window, dialog, out)
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert records and all(check in r for r in records), fmt
        window.io.report_dialog.close()
    dialog = open_dialog(window)
    dialog.set_format("shards")
    assert dialog.shards_spin.value() == 4  # the CLI's default
    dialog.shards_spin.setValue(3)
    report = export_with(qtbot, window, dialog, tmp_path / "shards")
    for dataset in ("tokens", "spans"):
        files = sorted((tmp_path / "shards" / "jsonl" / dataset).iterdir())
        assert [f.name for f in files] == [f"data-{k:05d}-of-00003.jsonl" for k in range(3)], dataset
    assert report.tokens > 0


def test_label_studio_with_and_without_suggestions(qtbot, window, tmp_path, project):  # noqa: F811
    done = [d.id for d in project.documents(status="done")]
    for doc in done:
        text = project.document(doc).text
        start, end = part(text, "روسيا")
        project.add_suggestions_many([(doc, {"start": start, "end": end, "label": "GPE", "score": 0.75})], "model")
    dialog = open_dialog(window)
    dialog.set_format("labelstudio")
    assert dialog.suggestions_check.isVisibleTo(dialog) and not dialog.suggestions_check.isChecked()
    qtbot.mouseClick(dialog.suggestions_check, Qt.MouseButton.LeftButton)
    assert dialog.options()["include_suggestions"] is True
    export_with(qtbot, window, dialog, tmp_path / "with.json")
    tasks = json.loads((tmp_path / "with.json").read_text(encoding="utf-8"))
    assert len(tasks) == 10
    for t in tasks:
        (prediction,) = t["predictions"]
        assert prediction["model_version"] == "qalam-suggestions"
        assert [(r["value"]["text"], r["value"]["labels"], r["score"]) for r in prediction["result"]] == [
            ("روسيا", ["GPE"], 0.75)]
        assert {r["value"]["text"] for r in t["annotations"][0]["result"]} == {"إسطنبول", "بوتين"}
    assert window.io.report_dialog.ok
    window.io.report_dialog.close()
    dialog = open_dialog(window)
    dialog.set_format("labelstudio")
    assert not dialog.suggestions_check.isChecked()  # a new dialog: unticked, as the CLI's default
    export_with(qtbot, window, dialog, tmp_path / "without.json")
    assert all("predictions" not in t for t in json.loads((tmp_path / "without.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_dialog_screenshots(qtbot, window, language):  # noqa: F811
    install_language(language)
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        for fmt in ("conll", "labelstudio", "shards"):
            dialog = ExportDialog(window.project.schema, window.project.path, window)
            qtbot.addWidget(dialog)
            dialog.set_format(fmt)
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.isRightToLeft() == (language == "ar")
            assert dialog.grab().save(str(SHOTS / f"export_dialog_{language}_{fmt}.png"))
            dialog.close()
    finally:
        install_language("en")
