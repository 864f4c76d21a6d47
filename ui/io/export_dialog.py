"""The Export dialog: format, output path and the same selection and format options as ``main.py export``.

Every export format is offered; each option is shown only for the formats it means something for
(the token scheme for the token formats, the number of shards for shards, suggestions for Label
Studio), and the token scheme and nesting follow the format's own defaults (Wojood: whitespace
words, one tag column per level) until the user picks one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotations.errors import AnnotationError
from annotations.formats import EXPORTERS, TOKEN_FORMATS, ExportOptions
from annotations.model import STATUSES
from annotations.schema import Schema
from annotations.token_schemes import DEFAULT_SCHEME

from ..common.dialog_parts import action_buttons, error_label
from ..window.document_list import status_label

# Which options mean something for which format (see annotations/formats/*.py); TOKEN_FORMATS (the
# token scheme) is the core's.
TAG_FORMATS = ("conll", "hf", "spacy", "wojood", "shards")  # one tag per token: trigger types become tags
SCHEME_FORMATS = ("conll", "hf", "shards")  # IOB2 or BIOES (Wojood files are IOB2)
NESTED = ("outermost", "innermost", "levels")
# the nesting choices of each format: one tag column per level only where the file has columns
NESTED_FORMATS = {"conll": NESTED, "wojood": NESTED, "hf": NESTED[:2], "shards": NESTED[:2]}
SEQUENCE_FORMATS = tuple(f for f in TOKEN_FORMATS if f != "spacy")  # a spaCy Doc is the whole document
OFFSET_FORMATS = ("labelstudio", "doccano")
DEFAULT_SHARDS = 4


def output_is_folder(fmt: str, split: bool) -> bool:
    """Whether ``export`` writes a folder for this format (brat, hf, and any split) rather than one file."""
    writer = EXPORTERS[fmt]
    return split or getattr(writer, "layout", "file") == "dir"


def output_suffix(fmt: str, split: bool, tokens: str | None = None) -> str:
    """The extension of the export's file ("" for a folder); CoNLL under the conllu scheme is CoNLL-U."""
    if output_is_folder(fmt, split):
        return ""
    return ".conllu" if fmt == "conll" and tokens == "conllu" else str(getattr(EXPORTERS[fmt], "ext", ""))


def format_default(fmt: str, option: str, fallback: Any) -> Any:
    """The value ``export`` gives ``option`` for ``fmt`` when none is given (the writer's defaults)."""
    return getattr(EXPORTERS[fmt], "defaults", {}).get(option, fallback)


class ExportDialog(QDialog):
    """Choose a format, an output and what to export; ``options()`` gives the dict ``export`` takes.

    Attributes:
        format_combo, out_edit, overwrite_check: format and destination.
        status_checks: status → check box (the default selection is "done", as in the CLI).
        label_list: checkable schema labels (all checked means no label filter).
        annotator_edit, tokens_combo, scheme_combo, nested_combo, sentences_check: selection and tokens
            (``tokens_combo``: the token scheme, ``token_schemes.SCHEMES``).
        split_check, split_spins, seed_spin: the train/dev/test split.
        shards_spin: files per dataset and split (shards).
        offsets_combo, labelstudio_combo, suggestions_check, doccano_combo: format-specific choices.
        error_label: why the dialog cannot be accepted yet.
    """

    def __init__(self, schema: Schema, project_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export annotations"))
        self._project_path = project_path
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("export_format")
        names = {
            "jsonl": self.tr("This app's JSONL (lossless)"),
            "brat": self.tr("brat standoff (folder of .txt + .ann)"),
            "conll": self.tr("CoNLL with IOB2 or BIOES tags"),
            "spacy": self.tr("spaCy DocBin (.spacy)"),
            "hf": self.tr("Hugging Face dataset (folder)"),
            "labelstudio": self.tr("Label Studio tasks (JSON)"),
            "doccano": self.tr("doccano JSONL"),
            "events": self.tr("Event JSON, one record per sentence"),
            "wojood": self.tr("Wojood nested NER (a tag column per nesting level)"),
            "oneie": self.tr("OneIE JSON lines (entities, relations, events)"),
            "dygiepp": self.tr("DyGIE++ JSON lines (one record per document)"),
            "shards": self.tr("Sharded datasets for Spark, Dask, Ray, DuckDB (folder)"),
        }
        for fmt in EXPORTERS:
            self.format_combo.addItem(names.get(fmt, fmt), fmt)
        self.out_edit = QLineEdit(self)
        self.out_edit.setObjectName("export_out")
        self.out_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        self.overwrite_check = QCheckBox(self.tr("Replace it if it exists"), self)
        self.shards_spin = QSpinBox(self)
        self.shards_spin.setObjectName("export_shards")
        self.shards_spin.setRange(1, 9999)
        self.shards_spin.setValue(format_default("shards", "shards", DEFAULT_SHARDS))
        self.shards_row = QWidget(self)
        shards_layout = QHBoxLayout(self.shards_row)
        shards_layout.setContentsMargins(0, 0, 0, 0)
        shards_note = QLabel(self.tr("files per dataset and split (JSON Lines, and Parquet when pyarrow is "
                                     "installed)"), self.shards_row)
        shards_note.setWordWrap(True)
        shards_layout.addWidget(self.shards_spin)
        shards_layout.addWidget(shards_note, 1)
        self.top_form = top = QFormLayout()
        top.addRow(self.tr("Format:"), self.format_combo)
        top.addRow(self.tr("Save to:"), out_row)
        top.addRow("", self.overwrite_check)
        top.addRow(self.tr("Shards:"), self.shards_row)

        selection = QGroupBox(self.tr("What to export"), self)
        self.status_checks: dict[str, QCheckBox] = {}
        status_row = QHBoxLayout()
        for status in STATUSES:
            box = QCheckBox(status_label(status), self)
            box.setChecked(status == "done")
            self.status_checks[status] = box
            status_row.addWidget(box)
        status_row.addStretch(1)
        self.label_list = QListWidget(self)
        self.label_list.setObjectName("export_labels")
        self.label_list.setMaximumHeight(110)
        self.label_list.setFlow(QListWidget.Flow.LeftToRight)
        self.label_list.setWrapping(True)
        self.label_list.setSpacing(2)
        for _kind, t in schema.all_types():
            item = QListWidgetItem(t.name, self.label_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        labels_col = QVBoxLayout()
        for text, state in ((self.tr("All"), Qt.CheckState.Checked), (self.tr("None"), Qt.CheckState.Unchecked)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, st=state: self._check_all_labels(st))
            labels_col.addWidget(button)
        labels_col.addStretch(1)
        labels_row = QHBoxLayout()
        labels_row.addWidget(self.label_list, 1)
        labels_row.addLayout(labels_col)
        self.annotator_edit = QLineEdit(self)
        self.annotator_edit.setPlaceholderText(self.tr("any annotator"))
        sel_form = QFormLayout(selection)
        sel_form.addRow(self.tr("Documents marked:"), status_row)
        sel_form.addRow(self.tr("Labels:"), labels_row)
        sel_form.addRow(self.tr("Annotator:"), self.annotator_edit)

        self.tokens_box = QGroupBox(self.tr("Tokens"), self)
        self.tokens_combo = QComboBox(self)
        self.tokens_combo.setObjectName("export_tokens")
        for text, scheme in (
                (self.tr("Keep whole tokens, widen spans (AQMAR/ANERcorp)"), "whitespace"),
                (self.tr("Split a token where a span starts or ends inside it"), "proclitics"),
                (self.tr("Arabic Treebank: clitics split off, with + markers (ب+ القاهرة)"), "atb"),
                (self.tr("CoNLL-U: syntactic words under multi-word tokens (UD Arabic)"), "conllu")):
            self.tokens_combo.addItem(text, scheme)
        self._tokens_chosen = False  # the user picked a scheme: the format's default no longer applies
        self.tokens_combo.activated.connect(lambda _i: setattr(self, "_tokens_chosen", True))
        self.scheme_combo = QComboBox(self)
        self.scheme_combo.addItem("IOB2", "iob2")
        self.scheme_combo.addItem("BIOES", "bioes")
        self.nested_combo = QComboBox(self)
        self.nested_combo.addItem(self.tr("Outermost span only"), "outermost")
        self.nested_combo.addItem(self.tr("Innermost span only"), "innermost")
        self.nested_combo.addItem(self.tr("One tag column per nesting level"), "levels")
        self._nested_chosen = False
        self.nested_combo.activated.connect(lambda _i: setattr(self, "_nested_chosen", True))
        self.sentences_check = QCheckBox(self.tr("One sequence per sentence (else one per document)"), self)
        self.sentences_check.setChecked(True)
        # Token formats tag every exported label: a trigger's event type gives tags such as B-Contact.Meet
        # beside B-PER. Said here, and switchable (the CLI's --labels does the same).
        self._event_names = {t.name for t in schema.event_types}
        example = "Contact.Meet" if "Contact.Meet" in self._event_names else min(self._event_names, default="Event")
        self.trigger_tags_check = QCheckBox(
            self.tr("Tag event triggers too (B-%1 beside the entity tags)").replace("%1", example), self)
        self.trigger_tags_check.setObjectName("export_trigger_tags")
        self.trigger_tags_check.setChecked(True)
        self.tok_form = tok_form = QFormLayout(self.tokens_box)
        tok_form.addRow(self.tr("Token scheme:"), self.tokens_combo)
        tok_form.addRow(self.tr("Tag scheme:"), self.scheme_combo)
        tok_form.addRow(self.tr("Nested spans:"), self.nested_combo)
        tok_form.addRow("", self.sentences_check)
        tok_form.addRow("", self.trigger_tags_check)

        split_box = QGroupBox(self.tr("Train / dev / test split"), self)
        self.split_check = QCheckBox(self.tr("Split documents by ratio (the output becomes a folder)"), self)
        self.split_spins: list[QDoubleSpinBox] = []
        split_row = QHBoxLayout()
        for name, value in ((self.tr("train"), 0.8), (self.tr("dev"), 0.1), (self.tr("test"), 0.1)):
            spin = QDoubleSpinBox(self)
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(value)
            self.split_spins.append(spin)
            split_row.addWidget(QLabel(name, self))
            split_row.addWidget(spin)
        self.seed_spin = QSpinBox(self)
        self.seed_spin.setRange(0, 2**31 - 1)
        split_row.addWidget(QLabel(self.tr("seed"), self))
        split_row.addWidget(self.seed_spin)
        split_row.addStretch(1)
        split_form = QVBoxLayout(split_box)
        split_form.addWidget(self.split_check)
        split_form.addLayout(split_row)

        self.format_box = QGroupBox(self.tr("Label Studio and doccano"), self)
        self.offsets_combo = QComboBox(self)
        self.offsets_combo.addItem(self.tr("Code points (current versions)"), "codepoints")
        self.offsets_combo.addItem(self.tr("UTF-16 code units (JavaScript tools)"), "utf16")
        self.labelstudio_combo = QComboBox(self)
        self.labelstudio_combo.addItem(self.tr("annotations"), "annotations")
        self.labelstudio_combo.addItem(self.tr("predictions"), "predictions")
        self.suggestions_check = QCheckBox(self.tr("Include suggestions (as Label Studio predictions)"), self)
        self.suggestions_check.setObjectName("export_suggestions")
        self.suggestions_check.setToolTip(self.tr("The open suggestions of each document (model, gazetteers, "
                                                  "label all), with their scores; they are not spans"))
        self.doccano_combo = QComboBox(self)
        self.doccano_combo.addItem(self.tr("Sequence labelling"), "labels")
        self.doccano_combo.addItem(self.tr("Relation extraction"), "relations")
        self.fmt_form = fmt_form = QFormLayout(self.format_box)
        fmt_form.addRow(self.tr("Offsets in:"), self.offsets_combo)
        fmt_form.addRow(self.tr("Label Studio results under:"), self.labelstudio_combo)
        fmt_form.addRow("", self.suggestions_check)
        fmt_form.addRow(self.tr("doccano variant:"), self.doccano_combo)

        self.error_label = error_label(self, "export_error")
        self.buttons, self.export_button = action_buttons(self, self.tr("Export"), "export_button")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(selection)
        layout.addWidget(self.tokens_box)
        layout.addWidget(split_box)
        layout.addWidget(self.format_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._suggested = ""
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.split_check.toggled.connect(self._on_split_toggled)
        self.tokens_combo.currentIndexChanged.connect(lambda _i: self._suggest_out())
        self._on_format_changed()
        self._on_split_toggled(False)

    # -- state -----------------------------------------------------------------------------------------
    def format(self) -> str:
        return str(self.format_combo.currentData())

    def set_format(self, fmt: str) -> None:
        index = self.format_combo.findData(fmt)
        if index < 0:
            raise ValueError(f"unknown export format {fmt!r}")
        self.format_combo.setCurrentIndex(index)

    def out_path(self) -> str:
        return self.out_edit.text().strip()

    def set_out_path(self, path: str | Path) -> None:
        self.out_edit.setText(str(path))

    def options(self) -> dict[str, Any]:
        """The options for ``annotations.formats.export`` (the CLI's names and values)."""
        statuses = [s for s, box in self.status_checks.items() if box.isChecked()]
        items = [self.label_list.item(i) for i in range(self.label_list.count())]
        checked = [it.text() for it in items if it.checkState() == Qt.CheckState.Checked]
        fmt = self.format()
        if fmt in TAG_FORMATS and not self.trigger_tags_check.isChecked():
            checked = [name for name in checked if name not in self._event_names]
        return {
            "status": "all" if len(statuses) == len(STATUSES) else ",".join(statuses),
            "labels": None if len(checked) == len(items) else checked,
            "annotator": self.annotator_edit.text().strip() or None,
            "tokens": self.tokens_combo.currentData() if fmt in TOKEN_FORMATS else None,
            "scheme": self.scheme_combo.currentData(),
            "nested": self.nested_combo.currentData(),
            "sentences": self.sentences_check.isChecked(),
            "split": tuple(s.value() for s in self.split_spins) if self.split_check.isChecked() else None,
            "seed": self.seed_spin.value(),
            "offsets": self.offsets_combo.currentData(),
            "labelstudio_key": self.labelstudio_combo.currentData(),
            "doccano": self.doccano_combo.currentData(),
            "shards": self.shards_spin.value() if fmt == "shards" else None,
            "include_suggestions": fmt == "labelstudio" and self.suggestions_check.isChecked(),
            "overwrite": self.overwrite_check.isChecked(),
        }

    def problem(self) -> str | None:
        """Why the export cannot start as chosen (translated where it is ours), or None."""
        opts = self.options()
        if not opts["status"]:
            return self.tr("Tick at least one document status to export.")
        if opts["labels"] == []:
            return self.tr("Tick at least one label to export.")
        out = self.out_path()
        if not out:
            return self.tr("Choose where to save the export.")
        path = Path(out)
        if not path.is_absolute():
            return self.tr("Give the full path of the export, or choose it with Browse….")
        if not path.parent.is_dir():
            return self.tr("The folder %1 does not exist; choose another place.").replace("%1", str(path.parent))
        if path.exists() and not opts["overwrite"]:
            return self.tr("%1 already exists; choose another name or tick “Replace it if it exists”.") \
                .replace("%1", str(path))
        try:
            ExportOptions.from_dict(opts)
        except AnnotationError as e:
            return str(e)
        return None

    # -- slots -----------------------------------------------------------------------------------------
    def _check_all_labels(self, state: Qt.CheckState) -> None:
        for k in range(self.label_list.count()):
            self.label_list.item(k).setCheckState(state)

    def _on_format_changed(self) -> None:
        fmt = self.format()
        self._follow_format_defaults(fmt)
        self.tokens_box.setEnabled(fmt in TOKEN_FORMATS)
        self.tokens_box.setVisible(fmt in TOKEN_FORMATS)
        self.format_box.setEnabled(fmt in OFFSET_FORMATS)
        self.format_box.setVisible(fmt in OFFSET_FORMATS)
        for form, widget, applies in (
                (self.top_form, self.shards_row, fmt == "shards"),
                (self.tok_form, self.tokens_combo, fmt in TOKEN_FORMATS),
                (self.tok_form, self.scheme_combo, fmt in SCHEME_FORMATS),
                (self.tok_form, self.nested_combo, fmt in NESTED_FORMATS),
                (self.tok_form, self.sentences_check, fmt in SEQUENCE_FORMATS),
                (self.tok_form, self.trigger_tags_check, fmt in TAG_FORMATS),
                (self.fmt_form, self.labelstudio_combo, fmt == "labelstudio"),
                (self.fmt_form, self.suggestions_check, fmt == "labelstudio"),
                (self.fmt_form, self.doccano_combo, fmt == "doccano")):
            widget.setEnabled(applies)
            form.setRowVisible(widget, applies)
        self._suggest_out()
        if self.isVisible():
            self.adjustSize()  # the rows shown changed: no empty space left where hidden ones were

    def _follow_format_defaults(self, fmt: str) -> None:
        """Give the token scheme and nesting the format's defaults, unless the user picked them; offer
        only the nesting choices the format has."""
        if not self._tokens_chosen:
            self.tokens_combo.setCurrentIndex(self.tokens_combo.findData(format_default(fmt, "tokens", DEFAULT_SCHEME)))
        allowed = NESTED_FORMATS.get(fmt, NESTED)
        model = self.nested_combo.model()
        for i in range(self.nested_combo.count()):
            item = model.item(i) if isinstance(model, QStandardItemModel) else None
            if item is not None:
                item.setEnabled(self.nested_combo.itemData(i) in allowed)
        nested = self.nested_combo.currentData()
        if not self._nested_chosen or nested not in allowed:
            wanted = format_default(fmt, "nested", "outermost")
            self.nested_combo.setCurrentIndex(self.nested_combo.findData(wanted if wanted in allowed else "outermost"))

    def _on_split_toggled(self, on: bool) -> None:
        for spin in self.split_spins:
            spin.setEnabled(on)
        self.seed_spin.setEnabled(on)
        self._suggest_out()

    def _suggest_out(self) -> None:
        """Propose ``<project>-<format><ext>`` beside the project, unless the user typed a path."""
        if self._project_path is None or self.out_path() not in ("", self._suggested):
            return
        fmt = self.format()
        suffix = output_suffix(fmt, self.split_check.isChecked(), self.tokens_combo.currentData())
        name = f"{self._project_path.name}-{fmt}{suffix}"
        self._suggested = str(self._project_path.parent / name)
        self.out_edit.setText(self._suggested)

    def _on_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.error_label.hide()
        self.accept()

    def _on_browse(self) -> None:
        fmt = self.format()
        start = self.out_path() or (str(self._project_path.parent) if self._project_path else "")
        if output_is_folder(fmt, self.split_check.isChecked()):
            # A new folder is made by the export: pick its parent and keep the proposed name.
            parent = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder to export into"),
                                                      str(Path(start).parent) if start else "")
            if parent:
                self.set_out_path(Path(parent) / (Path(start).name if start else f"export-{fmt}"))
            return
        ext = output_suffix(fmt, False, self.tokens_combo.currentData())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), start,
                                              self.tr("%1 files (*%2)").replace("%1", fmt).replace("%2", ext))
        if path:
            self.set_out_path(path)
            if Path(path).exists():
                self.overwrite_check.setChecked(True)  # the file dialog has already asked to replace it
