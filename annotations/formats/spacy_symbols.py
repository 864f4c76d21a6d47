"""spaCy's reserved symbols: strings whose id is their position here instead of their hash.

spaCy's ``StringStore`` gives these strings small fixed ids (``spacy.symbols.IDS``, the enum in
``spacy/symbols.pxd``, unchanged through spaCy 3.x): ``"ORG"``, ``"GPE"``, ``"LOC"`` and ``"TIME"`` among
the ACE labels, POS and dependency names among tokens. Every other string's id is its MurmurHash64A.
``tests/test_formats_spacy_bytes.py`` compares this table with the installed spaCy.
"""

from __future__ import annotations

SYMBOLS: tuple[str, ...] = (
    '', 'IS_ALPHA', 'IS_ASCII', 'IS_DIGIT', 'IS_LOWER', 'IS_PUNCT', 'IS_SPACE', 'IS_TITLE', 'IS_UPPER',
    'LIKE_URL', 'LIKE_NUM', 'LIKE_EMAIL', 'IS_STOP', 'IS_OOV_DEPRECATED', 'IS_BRACKET', 'IS_QUOTE',
    'IS_LEFT_PUNCT', 'IS_RIGHT_PUNCT', 'IS_CURRENCY',
    *(f"FLAG{n}" for n in range(19, 64)),
    'ID', 'ORTH', 'LOWER', 'NORM', 'SHAPE', 'PREFIX', 'SUFFIX', 'LENGTH', 'CLUSTER', 'LEMMA', 'POS', 'TAG',
    'DEP', 'ENT_IOB', 'ENT_TYPE', 'HEAD', 'SENT_START', 'SPACY', 'PROB', 'LANG', 'ADJ', 'ADP', 'ADV', 'AUX',
    'CONJ', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB',
    'X', 'EOL', 'SPACE',
    *(f"DEPRECATED{n:03d}" for n in range(1, 277)),
    'PERSON', 'NORP', 'FACILITY', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LANGUAGE', 'LAW',
    'DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL', 'acomp', 'advcl', 'advmod', 'agent',
    'amod', 'appos', 'attr', 'aux', 'auxpass', 'cc', 'ccomp', 'complm', 'conj', 'cop', 'csubj', 'csubjpass',
    'dep', 'det', 'dobj', 'expl', 'hmod', 'hyph', 'infmod', 'intj', 'iobj', 'mark', 'meta', 'neg', 'nmod', 'nn',
    'npadvmod', 'nsubj', 'nsubjpass', 'num', 'number', 'oprd', 'obj', 'obl', 'parataxis', 'partmod', 'pcomp',
    'pobj', 'poss', 'possessive', 'preconj', 'prep', 'prt', 'punct', 'quantmod', 'relcl', 'rcmod', 'root',
    'xcomp', 'acl', 'ENT_KB_ID', 'MORPH', 'ENT_ID', 'IDX', '_',
)
SYMBOL_IDS: dict[str, int] = {name: i for i, name in enumerate(SYMBOLS)}
