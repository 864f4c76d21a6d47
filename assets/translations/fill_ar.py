"""Fill assets/translations/qalam_ar.ts with the Arabic interface texts, then run pyside6-lrelease.

Usage (from the repo root, after ``pyside6-lupdate ui/... -ts assets/translations/qalam_ar.ts``)::

    python assets/translations/fill_ar.py && pyside6-lrelease assets/translations/qalam_ar.ts

Texts missing here stay untranslated (English) and are listed on stdout.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

AR = {
    # Actions
    "&Open project…": "&فتح مشروع…",
    "&Quit": "&خروج",
    "&Undo": "&تراجع",
    "&Redo": "إ&عادة",
    "&Find in document": "&بحث في المستند",
    "Find in &all documents": "بحث في &كل المستندات",
    "Zoom &in": "&تكبير",
    "Zoom &out": "ت&صغير",
    "&Actual size": "الحجم ال&فعلي",
    "More line spacing": "تباعد أسطر أكبر",
    "Less line spacing": "تباعد أسطر أصغر",
    "&Dark theme": "السمة ال&داكنة",
    "Show &invisible characters": "إظهار المحارف غير ال&مرئية",
    "Bidi controls, zero-width characters and NBSP as small marks":
        "محارف التحكم بالاتجاه والمحارف الصفرية العرض والمسافات غير الفاصلة كعلامات صغيرة",
    "Show lines &removed at import": "إظهار الأسطر ال&محذوفة عند الاستيراد",
    "Direction: &automatic": "الاتجاه: &تلقائي",
    "Direction: right-to-left": "الاتجاه: من اليمين إلى اليسار",
    "Direction: left-to-right": "الاتجاه: من اليسار إلى اليمين",
    "Mark &done": "وضع علامة &منجز",
    "Mark in &progress": "وضع علامة &قيد العمل",
    "Mark &skipped": "وضع علامة م&تجاوز",
    "Mark &new": "وضع علامة &جديد",
    "&Next unannotated document": "المستند &التالي غير الموسوم",
    "&Delete span": "&حذف المقطع",
    "Snap selection to &words": "محاذاة التحديد إلى ال&كلمات",
    "Strip &clitics when labelling": "حذف ال&لواصق عند الوسم",
    "و ف ب ك ل before a word are left out of the span": "تُستثنى و ف ب ك ل الملتصقة بأول الكلمة من المقطع",
    "Also strip the article ال": "حذف أداة التعريف ال أيضاً",
    "Select without clitics": "تحديد الكلمة بلا لواصق",
    "Language: follow the system": "اللغة: لغة النظام",
    "Label as %1": "وسم بـ %1",
    # AnnotationPanel
    "Text": "النص",
    "Label": "الوسم",
    "Offsets": "المواضع",
    "key=value; key=value": "مفتاح=قيمة; مفتاح=قيمة",
    "Apply": "تطبيق",
    "Delete": "حذف",
    "Attributes": "الخصائص",
    "Note": "ملاحظة",
    # DocumentList / model
    "new": "جديد",
    "in progress": "قيد العمل",
    "done": "منجز",
    "skipped": "متجاوز",
    "Filter titles": "تصفية العناوين",
    "All statuses": "كل الحالات",
    "Title": "العنوان",
    "Date": "التاريخ",
    "Status": "الحالة",
    "Annotations": "الوسوم",
    "(untitled {0})": "(بلا عنوان {0})",
    # FindPanel
    "Find (diacritics, tatweel and letter variants ignored)": "بحث (تُهمل الحركات والتطويل وأشكال الحروف)",
    "This document": "هذا المستند",
    "All documents": "كل المستندات",
    "Whole word": "كلمة كاملة",
    "%n match(es)": "%n نتيجة",
    # MainWindow
    "Qalam Annotator": "قلم للوسم",
    "in memory": "في الذاكرة",
    "Documents": "المستندات",
    "Labels and annotations": "الوسوم والتعليقات",
    "Find": "بحث",
    "&File": "&ملف",
    "&Edit": "&تحرير",
    "&View": "&عرض",
    "&Document": "م&ستند",
    "&Labels": "&وسوم",
    "&Settings": "&إعدادات",
    "All changes saved": "حُفظت كل التغييرات",
    "Mark document %1": "تعليم المستند %1",
    "No unannotated document left": "لم يبق مستند غير موسوم",
    "Change text direction": "تغيير اتجاه النص",
    "Select some text first, then press a label key": "حدّد نصاً أولاً ثم اضغط مفتاح الوسم",
    "Add %1 span": "إضافة مقطع %1",
    "Change label to %1": "تغيير الوسم إلى %1",
    "Edit span details": "تعديل تفاصيل المقطع",
    "Delete span": "حذف المقطع",
    "Done %1/%2": "المنجز %1/%2",
    "Offset %1": "الموضع %1",
    "Alt+C selects «%1» without the clitics «%2»": "Alt+C يحدد «%1» دون اللواصق «%2»",
    "Open project folder": "فتح مجلد مشروع",
    # ReaderDocument
    "Lines removed at ingestion:": "الأسطر المحذوفة عند الاستيراد:",
}


def main(path: str = "assets/translations/qalam_ar.ts") -> int:
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", "ar")
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        text = AR.get(source)
        if text is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            translation.text = None
            for child in list(translation):
                translation.remove(child)
            for _ in range(6):  # Arabic has six plural forms
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
