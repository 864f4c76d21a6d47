"""Qt-free core of the Arabic annotation app: model, schema, durable TinyDB store, formats.

The GUI (``ui/``), the CLI (``main.py``) and notebooks all use this package's API::

    from annotations import Project
    with Project.open("my-project") as project:
        doc_id = project.add_document("شهدت إسطنبول اجتماعاً", title="خبر")
        span_id = project.add_span(doc_id, 5, 12, "GPE")
"""

from .errors import (
    AnnotationError,
    DanglingReferenceError,
    InUseError,
    InvalidSpanError,
    NotFoundError,
    ProjectCorruptError,
    ProjectError,
    ProjectLockedError,
    ProjectVersionError,
    ProjectWriteError,
    SchemaError,
    TextLockedError,
    UnknownLabelError,
)
from .model import Change, Document, DocumentInfo, Event, Problem, Relation, Span
from .project import Project
from .schema import Schema, ace2005

__version__ = "0.1.0"
APP_NAME = "Qalam Annotator"

__all__ = [
    "APP_NAME",
    "AnnotationError",
    "Change",
    "DanglingReferenceError",
    "Document",
    "DocumentInfo",
    "Event",
    "InUseError",
    "InvalidSpanError",
    "NotFoundError",
    "Problem",
    "Project",
    "ProjectCorruptError",
    "ProjectError",
    "ProjectLockedError",
    "ProjectVersionError",
    "ProjectWriteError",
    "Relation",
    "Schema",
    "SchemaError",
    "Span",
    "TextLockedError",
    "UnknownLabelError",
    "__version__",
    "ace2005",
]
