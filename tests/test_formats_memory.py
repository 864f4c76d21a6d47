"""Every exporter streams: the memory an export takes does not grow with the number of documents
(beyond the list of selected ids), measured with tracemalloc on documents of ~3,000 characters."""

from __future__ import annotations

import tracemalloc

import pytest

from annotations import Project
from annotations.formats import EXPORTERS, export

TEXT = "زار الوزير مدينة بغداد وقال إن المحادثات جرت بالفعل. " * 55  # ~3,000 characters
PER_DOC_BUDGET = 1024  # bytes of growth per added document; holding a document's text alone is ~6 KB


def project_of(n: int) -> Project:
    p = Project.memory()
    for k in range(n):
        d = p.add_document(f"{TEXT}{k}", title=f"d{k}", status="done")
        for m in range(0, 1000, 100):
            start = TEXT.index("بغداد", m)
            p.add_span(d, start, start + 5, "GPE")
    return p


@pytest.fixture(scope="module")
def projects() -> tuple[Project, Project]:
    return project_of(60), project_of(240)


def peak(project: Project, fmt: str, out) -> int:
    tracemalloc.start()
    try:
        export(project, fmt, out)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_export_memory_does_not_grow_with_the_documents(fmt, projects, tmp_path, monkeypatch):
    from annotations.formats import hf, shards

    monkeypatch.setattr(hf, "BATCH_BYTES", 64 << 10, raising=False)  # Arrow batches smaller than these test projects
    monkeypatch.setattr(shards, "BATCH_BYTES", 16 << 10)  # and Parquet row groups of the shards too
    monkeypatch.setattr(shards, "ROW_GROUP_BYTES", 64 << 10)
    small, large = projects
    # lazy imports (pyarrow for hf) and the project's own caches built on first reading are not the export's
    export(small, fmt, tmp_path / "warm-up-small")
    export(large, fmt, tmp_path / "warm-up-large")
    a = peak(small, fmt, tmp_path / "small")
    b = peak(large, fmt, tmp_path / "large")
    added = len(large.documents()) - len(small.documents())
    assert b - a < added * PER_DOC_BUDGET, f"{fmt}: {a / 1e6:.2f} MB at 60 documents, {b / 1e6:.2f} MB at 240"
