"""The GUI's quick command-line reading agrees with its argparse parser on every line it accepts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import main

TOKENS = st.sampled_from(["--quit-after", "0.5", "3", "-1", "x", "nan", "مشروع", "--help", "--quit-after=2",
                          "--quit", "-", "--", "", "--version", "1e3", "proj dir"])


def _argparse(argv: list[str]):
    try:
        return vars(main.build_gui_parser().parse_args(argv))
    except SystemExit:
        return None


@given(st.lists(TOKENS, max_size=5))
def test_quick_reading_matches_argparse(argv):
    quick = main.quick_gui_args(argv)
    if quick is not None:  # anything it does not take is left to argparse
        expected = _argparse(argv)
        assert expected is not None
        assert repr(vars(quick)) == repr(expected)  # repr: nan equals nan


@pytest.mark.parametrize("argv, project, quit_after", [
    ([], None, None),
    (["my project"], "my project", None),
    (["p", "--quit-after", "60"], "p", 60.0),
    (["--quit-after", "0.2"], None, 0.2),
])
def test_usual_gui_lines_are_read_without_argparse(argv, project, quit_after):
    args = main.quick_gui_args(argv)
    assert args is not None and (args.project, args.quit_after) == (project, quit_after)


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["a", "b"], ["--quit-after"], ["--quit-after", "x"],
                                  ["--quit-after=1"], ["--quit", "1"], ["p", "--quit-after", "1", "--quit-after", "2"]])
def test_other_lines_go_to_argparse(argv):
    assert main.quick_gui_args(argv) is None
