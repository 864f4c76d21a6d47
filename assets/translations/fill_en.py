"""Fill assets/translations/qalam_en.ts: the English singular and plural of every ``%n`` text, then lrelease.

Usage (from the repo root)::

    pyside6-lupdate -pluralonly $(find ui -name '*.py') -ts assets/translations/qalam_en.ts
    python assets/translations/fill_en.py && pyside6-lrelease assets/translations/qalam_en.ts

Without this file Qt shows the source text, "1 match(es)"; with it "1 match", "3 matches".
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

EN = {
    "%n match(es)": ("%n match", "%n matches"),
    "Exported %1 of %n document(s).": ("Exported %1 of %n document.", "Exported %1 of %n documents."),
    "%n document(s) not exported (status %1).": ("%n document not exported (status %1).",
                                                 "%n documents not exported (status %1)."),
}


def main(path: str = "assets/translations/qalam_en.ts") -> int:
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", "en")
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        forms = EN.get(source)
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if forms is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
