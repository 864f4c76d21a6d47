"""Assisted annotation, fully offline: the tool proposes, the user accepts or rejects.

* ``matching``     clitic- and diacritic-aware occurrences of a term (the GUI's one snapping rule)
* ``label_all``    label all occurrences of a term, previewed, then added as one change (``Project``)
* ``suggestions``  the suggestion layer: records ``<doc>:S<n>``, accept, reject (``Project``)
* ``gazetteer``    term lists (text, CSV, JSON) and their matches; the starter list in ``assets/``
* ``features``     the recommender's token features (word, clitic-stripped, normalised, affixes, shape...)
* ``crf``          the recommender: a python-crfsuite sequence tagger, its model file and cross-validation
* ``suggest``      training on the annotated documents and writing suggestions for the others

Nothing here imports Qt; the GUI (``ui/assist``) runs training on a worker thread.
"""
