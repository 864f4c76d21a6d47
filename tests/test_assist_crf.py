"""annotations.assist.crf and suggest: training, tagging, the model file and its version, the project run."""

from __future__ import annotations

import json

import pytest

from annotations import Project
from annotations.assist import crf
from annotations.assist.crf import (
    ModelVersionError,
    NotEnoughDataError,
    Recommender,
    Scores,
    TrainingDoc,
    bio_tags,
    cross_validate,
)
from annotations.assist.features import sentences
from annotations.assist.suggest import MODEL_NAME, suggest

NAMES = ["محمد", "أحمد", "سعيد", "خالد", "ياسر", "عمر"]
PLACES = ["دمشق", "بغداد", "القاهرة", "تونس", "عمان", "الرباط"]


def _doc(i: int, clitic: bool = False) -> TrainingDoc:
    parts, spans, pos = [], [], 0
    for k in range(6):
        name, place = NAMES[(i + k) % 6], PLACES[(i + 2 * k) % 6]
        sentence = f"قال {name} إنه سافر إلى {'ب' if clitic else ''}{place} أمس . "
        n = sentence.index(name)
        spans.append((pos + n, pos + n + len(name), "PER"))
        p = sentence.index(place)
        spans.append((pos + p - (1 if clitic else 0), pos + p + len(place), "GPE"))
        parts.append(sentence)
        pos += len(sentence)
    return TrainingDoc("".join(parts), tuple(spans))


def test_fewer_than_two_labelled_documents_is_a_plain_message():
    with pytest.raises(NotEnoughDataError, match="at least 2 documents with spans.*there is 1"):
        Recommender.train([_doc(0), TrainingDoc("نص بلا أسماء", ())])


def test_bio_tags_and_sentences():
    doc = _doc(0)
    sent = sentences(doc.text)[0]
    assert bio_tags(sent, doc.spans) == ["O", "B-PER", "O", "O", "O", "B-GPE", "O", "O"]
    assert len(sentences(doc.text)) == 6


def test_it_learns_and_tags_a_new_document():
    model = Recommender.train([_doc(i) for i in range(4)])
    text = "قال سعيد إنه سافر إلى تونس أمس ."
    found = {(text[p["start"]:p["end"]], p["label"]) for p in model.predict(text)}
    assert found == {("سعيد", "PER"), ("تونس", "GPE")}
    assert all(0 < p["score"] <= 1 for p in model.predict(text))
    assert model.info["documents"] == 4 and model.info["tokens"] == 4 * 6 * 8


def test_a_label_with_fewer_than_three_spans_is_not_learnt():
    docs = [_doc(i) for i in range(4)]
    rare = TrainingDoc(docs[0].text, (*docs[0].spans, (0, 3, "EVENT")))  # قال: one EVENT span, and another
    twice = TrainingDoc(docs[1].text, (*docs[1].spans, (0, 3, "EVENT")))
    model = Recommender.train([rare, twice, *docs[2:]])
    assert model.labels == ("GPE", "PER") and model.info["not_learnt"] == {"EVENT": 2}
    assert all(p["label"] != "EVENT" for p in model.predict(docs[0].text))


def test_the_clitic_convention_is_learnt_from_the_training_spans():
    text = "قال سعيد إنه سافر إلى بتونس أمس ."
    kept = Recommender.train([_doc(i, clitic=True) for i in range(4)])
    assert not kept.strip_clitics
    assert ("بتونس", "GPE") in {(text[p["start"]:p["end"]], p["label"]) for p in kept.predict(text)}
    cut = Recommender.train([_doc(i) for i in range(4)] + [
        TrainingDoc(d.text, tuple((s + (1 if lab == "GPE" else 0), e, lab) for s, e, lab in d.spans))
        for d in (_doc(i, clitic=True) for i in range(4))])
    assert cut.strip_clitics
    assert ("تونس", "GPE") in {(text[p["start"]:p["end"]], p["label"]) for p in cut.predict(text)}


def test_save_load_and_a_model_from_another_version_is_refused(tmp_path, monkeypatch):
    model = Recommender.train([_doc(i) for i in range(3)])
    model.save(tmp_path / "m")
    again = Recommender.load(tmp_path / "m")
    text = "قال خالد إنه سافر إلى بغداد ."
    assert again.predict(text) == model.predict(text) and again.seen is not None and len(again.seen) > 0
    meta = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    meta["features_version"] = 0
    (tmp_path / "m.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelVersionError, match="feature version 0.*retrained"):
        Recommender.load(tmp_path / "m")
    with pytest.raises(ModelVersionError):
        Recommender.load(tmp_path / "absent")


def test_scores_are_exact_span_and_cross_validation_runs():
    s = Scores()
    s.add([(0, 3, "PER"), (5, 8, "LOC")], [(0, 3, "PER"), (5, 7, "LOC"), (9, 10, "ORG")], ["PER", "LOC", "ORG"])
    assert s.label("PER") == (1.0, 1.0, 1.0) and s.label("LOC") == (0.0, 0.0, 0.0)
    assert s.micro() == pytest.approx((1 / 3, 1 / 2, 0.4))
    cv = cross_validate([_doc(i) for i in range(4)], folds=2)
    assert cv is not None and cv.micro()[2] > 0.5
    assert cross_validate([_doc(0), _doc(1)]) is None


def _project(tmp_path):
    p = Project.open(tmp_path / "p")
    for i in range(3):
        doc = _doc(i)
        d = p.add_document(doc.text, title=f"t{i}")
        p.add_spans(d, [{"start": s, "end": e, "label": lab} for s, e, lab in doc.spans])
        p.set_status(d, "done")
    new = p.add_document("قال عمر إنه سافر إلى الرباط أمس .", title="new")
    return p, new


def test_suggest_trains_on_done_and_suggests_for_new(tmp_path):
    p, new = _project(tmp_path)
    with p:
        report = suggest(p, "done", "new", folds=3)
        got = {(s.text, s.label, s.source) for s in p.suggestions(new)}
        # the starter gazetteer finds الرباط too; the same suggestion is not written twice
        assert got == {("عمر", "PER", "model"), ("الرباط", "GPE", "model")}
        assert report.written["gazetteer:cldr-places"] == 0
        assert report.trained_on == 3 and report.documents == 1 and report.cv is not None
        assert report.written["model"] >= 2
        assert any("cross-validated" in line for line in report.lines())
        assert not any("not learnt" in n for n in report.notes)
        assert (tmp_path / "p" / (MODEL_NAME + ".crfsuite")).is_file()


def test_a_saved_model_of_another_version_is_retrained(tmp_path, monkeypatch):
    p, new = _project(tmp_path)
    with p:
        suggest(p, "done", "new", folds=0)
        monkeypatch.setattr(crf, "FEATURES_VERSION", crf.FEATURES_VERSION + 1)
        report = suggest(p, "done", "new", folds=0, retrain=False)
        assert any("retrained" in n for n in report.notes) and report.trained_on == 3
        report = suggest(p, "done", "new", folds=0, retrain=False)
        assert report.notes == []
