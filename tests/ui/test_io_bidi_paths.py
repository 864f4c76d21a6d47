"""Paths shown in import/export dialogs keep folder order with Arabic names (python-bidi as the reference)."""

from __future__ import annotations

import pytest
from bidi import get_display

from ui.io.bidi_paths import LRI, PDI, display_path, isolate_paths

PATH = "/data/أخبار/أرشيف_٢٠٢٣.zip!2023/خبر عاجل.txt"


def visual(text: str, base: str) -> str:
    return get_display(text, base_dir=base).replace(LRI, "").replace(PDI, "")


@pytest.mark.parametrize("base", ["L", "R"])
def test_components_are_shown_in_path_order_in_both_directions(base):
    shown = visual(display_path(PATH), base)
    # Each Arabic component is stored in visual order (letters reversed, digits not), but the components
    # follow each other left to right as in the path, whatever the surrounding direction.
    pieces = ["data", "رابخأ", "٢٠٢٣_فيشرأ", ".zip", "2023", "لجاع ربخ", ".txt"]
    positions = [shown.index(p) for p in pieces]
    assert positions == sorted(positions)
    # Without isolation the bidi algorithm reorders the components (the test would catch a no-op).
    plain = visual(PATH, base)
    order = [plain.index(p) for p in ("data", "رابخأ", "٢٠٢٣_فيشرأ", "لجاع ربخ")]
    assert order != sorted(order)


def test_isolate_paths_touches_only_the_named_paths_and_keeps_the_text():
    line = f"failed {PATH}: this is a PNG image, not a text file"
    shown = isolate_paths(line, [PATH, "/data/أخبار/أرشيف_٢٠٢٣.zip"])
    assert shown.replace(LRI, "").replace(PDI, "") == line
    assert shown.startswith("failed " + LRI) and shown.endswith(PDI + ": this is a PNG image, not a text file")
    assert isolate_paths(line, []) == line


def test_isolate_paths_finds_paths_in_every_report_line_shape():
    other = "/data/أخبار/خبر أول.txt"
    text = (f"skipped {PATH}: same text as {other}, imported just before\n"
            f"failed {other}:12: date not understood\nwarning /elsewhere/x.txt: not one of ours")
    shown = isolate_paths(text, [PATH, other])
    assert shown.count(LRI + "/") == 3  # PATH once, other twice; /elsewhere/x.txt is not a named path
    assert f"{LRI}/{LRI}data{PDI}/" in shown and "warning /elsewhere/x.txt:" in shown
    assert shown.replace(LRI, "").replace(PDI, "") == text
