"""Annotator bundles: what they hold, and every bad bundle refused with a clear message."""

from __future__ import annotations

import json
import zipfile

import pytest

from annotations import Project, __version__
from annotations.team import BundleError, read_bundle, write_bundle
from tests.team_data import ALICE, annotator_project


@pytest.fixture
def alice(tmp_path):
    return annotator_project(tmp_path / "alice", "alice", ALICE)


def rewrite(src, dst, change):
    """Copy the zip ``src`` to ``dst`` with ``change(name, data) -> data or None (left out)``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            data = change(name, zin.read(name))
            if data is not None:
                zout.writestr(name, data)
    return dst


def test_bundle_holds_jsonl_schema_and_manifest(alice, tmp_path):
    out = tmp_path / "alice.qalam"
    with Project.open(alice, readonly=True) as p:
        manifest = write_bundle(p, out)
        schema = p.schema
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == ["documents.jsonl", "manifest.json", "schema.json"]
        stored = json.loads(zf.read("manifest.json"))
        lines = zf.read("documents.jsonl").decode().splitlines()
    assert stored == manifest
    assert manifest["annotator"] == "alice" and manifest["app_version"] == __version__
    assert manifest["created"] and manifest["documents"] == 1
    assert set(manifest["members"]) == {"documents.jsonl", "schema.json"}
    assert json.loads(lines[0])["format"] == "qalam-annotations" and len(lines) == 2
    bundle = read_bundle(out)
    assert bundle.annotator == "alice" and bundle.schema == schema
    (doc,) = bundle.documents
    assert len(doc.layer.spans) == len(ALICE) + 1 and len(doc.layer.events) == 1
    assert doc.layer.annotator == "alice"


def test_status_filter_and_refusing_to_overwrite(alice, tmp_path):
    out = tmp_path / "b.qalam"
    with Project.open(alice, readonly=True) as p:
        assert write_bundle(p, out, status="new")["documents"] == 0
        with pytest.raises(BundleError, match="exists"):
            write_bundle(p, out)
        assert write_bundle(p, out, status="done,new", overwrite=True)["documents"] == 1


def test_several_annotators_need_a_name(tmp_path):
    with Project.open(tmp_path / "p", annotator="alice") as p:
        d = p.add_document("شهدت إسطنبول اجتماعاً")
        p.add_span(d, 5, 12, "GPE")
        p.annotator = "bob"
        p.add_span(d, 13, 21, "GPE")
        with pytest.raises(BundleError, match="several annotators.*--annotator"):
            write_bundle(p, tmp_path / "x.qalam")
        assert not (tmp_path / "x.qalam").exists()
        assert write_bundle(p, tmp_path / "x.qalam", annotator="alice")["annotator"] == "alice"


@pytest.fixture
def good(alice, tmp_path):
    out = tmp_path / "good.qalam"
    with Project.open(alice, readonly=True) as p:
        write_bundle(p, out)
    return out


def test_member_failing_its_sha256(good, tmp_path):
    bad = rewrite(good, tmp_path / "bad.qalam",
                  lambda n, d: d.replace(b"GPE", b"LOC", 1) if n == "documents.jsonl" else d)
    with pytest.raises(BundleError, match=r"documents.jsonl fails its sha256 check"):
        read_bundle(bad)


def test_missing_member(good, tmp_path):
    bad = rewrite(good, tmp_path / "bad.qalam", lambda n, d: None if n == "schema.json" else d)
    with pytest.raises(BundleError, match="lacks its member schema.json"):
        read_bundle(bad)


def test_a_zip_that_is_not_a_bundle(tmp_path):
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("a.txt", "hello")
    with pytest.raises(BundleError, match=r"a zip, but not a bundle \(no manifest.json\)"):
        read_bundle(other)
    foreign = rewrite(other, tmp_path / "f.qalam", lambda n, d: d)
    with zipfile.ZipFile(foreign, "a") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "something-else"}))
    with pytest.raises(BundleError, match="not a qalam-bundle manifest"):
        read_bundle(foreign)
    text = tmp_path / "notes.qalam"
    text.write_text("not a zip")
    with pytest.raises(BundleError, match="not a bundle \\(not a zip file\\)"):
        read_bundle(text)


@pytest.mark.parametrize("field,value", [("app_version", "99.0.0"), ("version", 2)])
def test_bundle_from_a_newer_app(good, tmp_path, field, value):
    def newer(name, data):
        if name != "manifest.json":
            return data
        m = json.loads(data)
        m[field] = value
        return json.dumps(m).encode()

    bad = rewrite(good, tmp_path / "new.qalam", newer)
    with pytest.raises(BundleError, match=f"newer version of the app.*this is {__version__}.*Update the app"):
        read_bundle(bad)


def test_older_app_version_is_read(good, tmp_path):
    def older(name, data):
        if name != "manifest.json":
            return data
        return json.dumps({**json.loads(data), "app_version": "0.0.9"}).encode()

    assert read_bundle(rewrite(good, tmp_path / "old.qalam", older)).annotator == "alice"
