"""annotations.assist.tally: the project's acceptance rate from the stored records, kept up to date by changes."""

from __future__ import annotations

from annotations import Project
from annotations.assist.tally import AcceptanceTally, rate

TEXT = "زار الرئيس محمد عباس القاهرة أمس"
ITEMS = [{"start": 11, "end": 20, "label": "PER", "score": 0.9},
         {"start": 21, "end": 28, "label": "GPE", "score": 0.6},
         {"start": 0, "end": 3, "label": "PER", "score": 0.3}]


def _decide(p, doc):
    p.replace_suggestions({doc: ITEMS}, "model")
    first, second, third = p.suggestions(doc)
    p.accept_suggestion(first.id)
    p.reject_suggestion(second.id)
    p.reject_suggestion(third.id)


def test_counted_from_the_stored_records_a_slice_at_a_time(tmp_path):
    with Project.open(tmp_path / "p") as p:
        docs = [p.add_document(TEXT, title=str(i)) for i in range(3)]
        for doc in docs[:2]:
            _decide(p, doc)
    with Project.open(tmp_path / "p") as p:
        tally = AcceptanceTally(p)
        assert not tally.done and not tally.count_some(2) and tally.count_some(2)
        assert tally.project == {"accepted": 2, "rejected": 4} and tally.session == {"accepted": 0, "rejected": 0}
        assert rate(2, 4) == 1 / 3 and rate(0, 0) is None


def test_changes_move_both_figures_and_undo_takes_them_back(tmp_path):
    with Project.open(tmp_path / "p") as p:
        done, later = p.add_document(TEXT, title="a"), p.add_document(TEXT, title="b")
        _decide(p, done)
        tally = AcceptanceTally(p)
        tally.count_some(1)  # `done` is counted, `later` is not yet
        p.replace_suggestions({later: ITEMS}, "model")
        assert not tally.apply(p.last_change)  # open suggestions move nothing
        p.accept_suggestion(p.suggestions(later)[0].id)
        assert tally.apply(p.last_change)
        assert tally.project == {"accepted": 1, "rejected": 2}  # `later` is left to the count
        assert tally.session == {"accepted": 1, "rejected": 0}
        tally.count_some()
        assert tally.project == {"accepted": 2, "rejected": 2}
        new = p.add_document(TEXT, title="c")  # added after the tally began: followed by changes
        p.replace_suggestions({new: ITEMS}, "model")
        p.reject_suggestion(p.suggestions(new)[0].id)
        tally.apply(p.last_change)
        assert tally.project == {"accepted": 2, "rejected": 3} and tally.session == {"accepted": 1, "rejected": 1}
        tally.apply(p.revert(p.last_change))
        assert tally.project == {"accepted": 2, "rejected": 2} and tally.session == {"accepted": 1, "rejected": 0}


def test_nothing_is_read_before_the_first_count(tmp_path):
    p = Project.open(tmp_path / "p")
    p.close()  # the window may install its tools after the project was closed
    tally = AcceptanceTally(p)
    assert not tally.done and tally.project == {"accepted": 0, "rejected": 0}
