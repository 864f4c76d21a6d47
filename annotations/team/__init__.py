"""Team work without a server: annotator bundles, merging them into a curation project, agreement
between annotators, and adjudication into the gold layer (Qt-free; guide: ``docs/team.md``).

* ``bundle``        ``write_bundle`` / ``read_bundle``: one verified ``.qalam`` zip per annotator
* ``layers``        layer names (``GOLD``), a curation document's bookkeeping, the atomic layer write
* ``merge``         ``merge(curation, sources)``: one layer per annotator, documents matched by text
* ``coefficients``  Cohen's and Fleiss' kappa, Krippendorff's alpha (nominal), span F1
* ``agreement``     ``agreement(project)``: the report of ``main.py agree`` (``report_html`` draws it)
* ``adjudication``  disagreements of a curation document and the decisions that make the gold layer
"""

from .bundle import Bundle, BundleError, read_bundle, write_bundle
from .layers import FROM_ATTR, GOLD, META_KEY, Layer, curation_of
from .merge import MergeError, MergeReport, merge

__all__ = ["FROM_ATTR", "GOLD", "META_KEY", "Bundle", "BundleError", "Layer", "MergeError", "MergeReport",
           "curation_of", "merge", "read_bundle", "write_bundle"]
