"""Fill assets/translations/qalam_ar.ts with the Arabic interface texts, then run pyside6-lrelease.

Usage (from the repo root, after ``pyside6-lupdate ui/*.py -ts assets/translations/qalam_ar.ts``)::

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
    "%n match(es)": ("لا نتيجة", "نتيجة واحدة", "نتيجتان", "%n نتائج", "%n نتيجة", "%n نتيجة"),
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
    # CascadePrompt
    "Span in use": "المقطع مستخدم",
    "%1 (%2) is used by:": "المقطع %1 (%2) مستخدم في:",
    "Delete the span and these uses? Undo brings all of them back.":
        "أتريد حذف المقطع وهذه الاستخدامات؟ يعيدها التراجع كلها.",
    "Remove span and argument(s)": "حذف المقطع والمشاركين",
    "event %1 %2: the whole event goes (this span is its trigger)":
        "الحدث %1 %2: يُحذف الحدث كله (هذا المقطع مُحفِّزه)",
    "event %1 %2: argument %3 is removed": "الحدث %1 %2: يُحذف المشارك %3",
    "relation %1 (%2 → %3) is removed": "تُحذف العلاقة %1 (%2 → %3)",
    # EventPanel
    "Change role…": "تغيير الدور…",
    "Remove": "إزالة",
    "Event attributes": "خصائص الحدث",
    # EventTypePicker
    "Event type": "نوع الحدث",
    "Trigger: %1": "المُحفِّز: %1",
    "Filter event types (e.g. meet, attack)": "تصفية أنواع الأحداث (مثلاً meet أو attack)",
    # EventsController
    "Events": "الأحداث",
    "New event from selection…": "حدث جديد من التحديد…",
    "Add argument to event…": "إضافة مشارك إلى الحدث…",
    "Finish event": "إنهاء الحدث",
    "Relation: mark first end / link to second…": "علاقة: تعليم الطرف الأول / الربط بالثاني…",
    "Delete span (asks when events use it)": "حذف المقطع (مع السؤال إن استخدمته أحداث)",
    "Schema editor…": "محرّر المخطط…",
    "Show arguments as arcs": "إظهار المشاركين كأقواس",
    "E&vents": "&أحداث",
    "New %1 event": "حدث %1 جديد",
    "Open a document first.": "افتح مستنداً أولاً.",
    "Select the trigger word first, then press the event key.": "حدّد كلمة المُحفِّز أولاً ثم اضغط مفتاح الحدث.",
    "Event created. Select or click each argument and press Ctrl+Shift+E; Ctrl+Shift+Return when done.":
        "أُنشئ الحدث. حدّد كل مشارك أو انقره واضغط Ctrl+Shift+E، ثم Ctrl+Shift+Return عند الانتهاء.",
    "Select an event first (click its trigger), or create one with Ctrl+E.":
        "حدّد حدثاً أولاً (انقر مُحفِّزه)، أو أنشئ حدثاً بـ Ctrl+E.",
    "Select text or click a span to attach as an argument.": "حدّد نصاً أو انقر مقطعاً لإلحاقه مشاركاً.",
    "No project is open.": "لا مشروع مفتوح.",
    "%1 added.": "أُضيف %1.",
    "That argument is gone.": "لم يعد هذا المشارك موجوداً.",
    "Event in use": "الحدث مستخدم",
    "This event is used by %1. Remove those uses too?": "هذا الحدث مستخدم في %1. أتريد إزالة هذه الاستخدامات أيضاً؟",
    "Click a span first.": "انقر مقطعاً أولاً.",
    "Nothing deleted.": "لم يُحذف شيء.",
    "Relation from %1: now click the other span and press Ctrl+Shift+L.":
        "علاقة من %1: انقر الآن المقطع الآخر واضغط Ctrl+Shift+L.",
    "Open a project first.": "افتح مشروعاً أولاً.",
    "choose an entity type for the new argument span": "اختر نوع كيان لمقطع المشارك الجديد",
    # ExportDialog
    "Export annotations": "تصدير الوسوم",
    "This app's JSONL (lossless)": "JSONL الخاص بهذا التطبيق (دون فقد)",
    "brat standoff (folder of .txt + .ann)": "brat standoff (مجلد ملفات .txt و‎.ann)",
    "CoNLL with IOB2 or BIOES tags": "CoNLL بوسوم IOB2 أو BIOES",
    "spaCy DocBin (.spacy)": "spaCy DocBin (‎.spacy)",
    "Hugging Face dataset (folder)": "مجموعة بيانات Hugging Face (مجلد)",
    "Label Studio tasks (JSON)": "مهام Label Studio ‏(JSON)",
    "doccano JSONL": "doccano JSONL",
    "Event JSON, one record per sentence": "JSON للأحداث، سجل لكل جملة",
    "Browse…": "استعراض…",
    "Replace it if it exists": "استبداله إن كان موجوداً",
    "Format:": "الصيغة:",
    "Save to:": "الحفظ في:",
    "What to export": "ما يُصدَّر",
    "All": "الكل",
    "None": "لا شيء",
    "any annotator": "أي واسم",
    "Documents marked:": "المستندات ذات الحالة:",
    "Labels:": "الوسوم:",
    "Annotator:": "الواسم:",
    "Tokens": "الوحدات المعجمية",
    "Split a token where a span starts or ends inside it": "تقسيم الوحدة حيث يبدأ مقطع أو ينتهي داخلها",
    "Keep whole tokens, widen spans (AQMAR/ANERcorp)": "إبقاء الوحدات كاملة وتوسيع المقاطع (AQMAR/ANERcorp)",
    "Arabic Treebank: clitics split off, with + markers (ب+ القاهرة)":
        "بنك الشجرة العربي (ATB): فصل اللواصق مع علامة + (ب+ القاهرة)",
    "CoNLL-U: syntactic words under multi-word tokens (UD Arabic)":
        "CoNLL-U: الكلمات النحوية تحت وحدات متعددة الكلمات (UD العربية)",
    "Token scheme:": "تقطيع الوحدات:",
    "Innermost span only": "المقطع الداخلي فقط",
    "Wojood nested NER (a tag column per nesting level)": "Wojood للكيانات المتداخلة (عمود وسوم لكل مستوى تداخل)",
    "OneIE JSON lines (entities, relations, events)": "أسطر JSON بصيغة OneIE (كيانات وعلاقات وأحداث)",
    "DyGIE++ JSON lines (one record per document)": "أسطر JSON بصيغة DyGIE++ (سجل لكل مستند)",
    "Sharded datasets for Spark, Dask, Ray, DuckDB (folder)":
        "مجموعات بيانات مجزّأة لـ Spark وDask وRay وDuckDB (مجلد)",
    "Shards:": "الأجزاء:",
    "files per dataset and split (JSON Lines, and Parquet when pyarrow is installed)":
        "ملفات لكل مجموعة بيانات ولكل قسم (JSON Lines، وParquet أيضاً إن كانت pyarrow مثبّتة)",
    "Include suggestions (as Label Studio predictions)": "تضمين الاقتراحات (بوصفها تنبؤات predictions في Label Studio)",
    "The open suggestions of each document (model, gazetteers, label all), with their scores; they are not spans":
        "الاقتراحات المفتوحة في كل مستند (من النموذج وقوائم الأسماء ووسم كل المواضع) مع درجاتها؛ وهي ليست مقاطع",
    "Spans widened to whole tokens (%1):": "مقاطع وُسّعت إلى وحدات كاملة (%1):",
    "Spans kept with the clitic split out (%1):": "مقاطع أُبقيت مع فصل اللاصقة (%1):",
    "Outermost span only": "المقطع الخارجي فقط",
    "One tag column per nesting level": "عمود وسوم لكل مستوى تداخل",
    "One sequence per sentence (else one per document)": "تسلسل لكل جملة (وإلا فتسلسل لكل مستند)",
    "Clitics:": "اللواصق:",
    "Tag scheme:": "نظام الوسوم:",
    "Nested spans:": "المقاطع المتداخلة:",
    "Train / dev / test split": "التقسيم إلى تدريب / تطوير / اختبار",
    "Split documents by ratio (the output becomes a folder)": "تقسيم المستندات بنسب (يصبح الناتج مجلداً)",
    "train": "تدريب",
    "dev": "تطوير",
    "test": "اختبار",
    "seed": "البذرة",
    "Label Studio and doccano": "أداتا Label Studio وdoccano",
    "Code points (current versions)": "نقاط الترميز (الإصدارات الحالية)",
    "UTF-16 code units (JavaScript tools)": "وحدات ترميز UTF-16 (أدوات JavaScript)",
    "annotations": "annotations (وسوم)",
    "predictions": "predictions (تنبؤات)",
    "Sequence labelling": "وسم التسلسلات",
    "Relation extraction": "استخراج العلاقات",
    "Offsets in:": "المواضع بوحدة:",
    "Label Studio results under:": "نتائج Label Studio تحت:",
    "doccano variant:": "نوع doccano:",
    "Export": "تصدير",
    "Tick at least one document status to export.": "اختر حالة مستند واحدة على الأقل للتصدير.",
    "Tick at least one label to export.": "اختر وسماً واحداً على الأقل للتصدير.",
    "Choose where to save the export.": "اختر مكان حفظ التصدير.",
    "Give the full path of the export, or choose it with Browse….":
        "أدخل المسار الكامل للتصدير، أو اختره بزر استعراض….",
    "The folder %1 does not exist; choose another place.": "المجلد %1 غير موجود؛ اختر مكاناً آخر.",
    "%1 already exists; choose another name or tick “Replace it if it exists”.":
        "%1 موجود مسبقاً؛ اختر اسماً آخر أو فعّل «استبداله إن كان موجوداً».",
    "Choose the folder to export into": "اختر المجلد الذي يُصدَّر إليه",
    "Export to": "التصدير إلى",
    "%1 files (*%2)": "ملفات %1 ‏(*%2)",
    # IOController
    "&Import articles…": "ا&ستيراد مقالات…",
    "Import .txt, .html, .jsonl, .csv files, folders or .zip archives of news":
        "استيراد ملفات أخبار ‎.txt و‎.html و‎.jsonl و‎.csv أو مجلدات أو أرشيفات ‎.zip",
    "Import &annotations…": "استيراد &وسوم…",
    "Import annotated files: brat, CoNLL, spaCy, Label Studio, doccano or this app's JSONL":
        "استيراد ملفات موسومة: brat أو CoNLL أو spaCy أو Label Studio أو doccano أو JSONL هذا التطبيق",
    "&Export…": "&تصدير…",
    "Export the annotations as training data (JSONL, brat, CoNLL, spaCy, Hugging Face…)":
        "تصدير الوسوم بيانات تدريب (JSONL وbrat وCoNLL وspaCy وHugging Face…)",
    "Importing": "جارٍ الاستيراد",
    "Importing articles…": "جارٍ استيراد المقالات…",
    "Importing annotated files…": "جارٍ استيراد الملفات الموسومة…",
    "Import cancelled. The documents imported before the cancel are kept.":
        "أُلغي الاستيراد. احتُفظ بالمستندات المستوردة قبل الإلغاء.",
    "Import finished; some files could not be imported (see below).":
        "انتهى الاستيراد؛ تعذّر استيراد بعض الملفات (انظر أدناه).",
    "Nothing new was imported.": "لم يُستورد شيء جديد.",
    "Import finished.": "انتهى الاستيراد.",
    "Imported:": "المستورد:",
    "Skipped (already in the project):": "المتجاوز (موجود في المشروع):",
    "Failed:": "تعذّر استيراده:",
    "Imported with warnings:": "المستورد مع تحذيرات:",
    "Not attempted:": "ما لم يُحاوَل:",
    "Import report": "تقرير الاستيراد",
    "Exporting": "جارٍ التصدير",
    "Exporting documents…": "جارٍ تصدير المستندات…",
    "Cannot write %1: %2": "تتعذّر الكتابة في %1: %2",
    "Export report": "تقرير التصدير",
    "The export could not be done.": "تعذّر التصدير.",
    "Export cancelled. Nothing was written.": "أُلغي التصدير. لم يُكتب شيء.",
    "No document matched the selection; check the statuses to export.":
        "لا مستند يطابق الاختيار؛ راجع الحالات المختارة للتصدير.",
    "Documents:": "المستندات:",
    "Spans:": "المقاطع:",
    "Events:": "الأحداث:",
    "Relations:": "العلاقات:",
    "Not carried by the format:": "ما لا تحمله الصيغة:",
    # ImportDialog
    "Import annotations": "استيراد الوسوم",
    "Import articles": "استيراد مقالات",
    "Add files…": "إضافة ملفات…",
    "Add folder…": "إضافة مجلد…",
    "Detect automatically": "اكتشاف تلقائي",
    "Encoding:": "الترميز:",
    "Status of new documents:": "حالة المستندات الجديدة:",
    "Articles": "المقالات",
    "Clean up scraped news (title, date, boilerplate, captions)":
        "تنظيف الأخبار المجموعة من الويب (العنوان والتاريخ والحشو وتعليقات الصور)",
    " MB": " ميغابايت",
    "text": "النص",
    "title": "العنوان",
    "date": "التاريخ",
    "URL": "الرابط",
    "source": "المصدر",
    "id": "المعرّف",
    "Refuse files larger than:": "رفض الملفات الأكبر من:",
    "JSONL fields / CSV columns:": "حقول JSONL / أعمدة CSV:",
    "Annotated files": "الملفات الموسومة",
    "Refuse them (report each)": "رفضها (مع الإبلاغ عن كل منها)",
    "Add them while the project has no annotations": "إضافتها ما دام المشروع بلا وسوم",
    "Refuse the file": "رفض الملف",
    "Add them to the schema": "إضافتها إلى المخطط",
    "Detect": "اكتشاف",
    "Labels not in the schema:": "الوسوم غير الموجودة في المخطط:",
    "CoNLL tag scheme:": "نظام وسوم CoNLL:",
    "Import": "استيراد",
    "Files and folders (folders are read with their subfolders):":
        "الملفات والمجلدات (تُقرأ المجلدات مع مجلداتها الفرعية):",
    "Detect from the file extension": "الاكتشاف من امتداد الملف",
    "Plain text (.txt)": "نص عادي (‎.txt)",
    "Web pages (.html)": "صفحات ويب (‎.html)",
    "JSON lines of articles (.jsonl)": "مقالات بأسطر JSON ‏(‎.jsonl)",
    "CSV or TSV table (.csv, .tsv)": "جدول CSV أو TSV ‏(‎.csv و‎.tsv)",
    "ZIP archive of articles (.zip)": "أرشيف ZIP للمقالات (‎.zip)",
    "Annotated: this app's JSONL": "موسوم: JSONL هذا التطبيق",
    "Annotated: brat standoff (.ann + .txt)": "موسوم: brat standoff ‏(‎.ann و‎.txt)",
    "Annotated: CoNLL, IOB2 or BIOES": "موسوم: CoNLL أو IOB2 أو BIOES",
    "Annotated: spaCy DocBin (.spacy)": "موسوم: spaCy DocBin ‏(‎.spacy)",
    "Annotated: Label Studio JSON": "موسوم: Label Studio JSON",
    "Annotated: doccano JSONL": "موسوم: doccano JSONL",
    "Add at least one file or folder to import.": "أضف ملفاً أو مجلداً واحداً على الأقل للاستيراد.",
    "Unknown encoding “%1”; pick one from the list or leave it on Detect automatically.":
        "ترميز غير معروف «%1»؛ اختر ترميزاً من القائمة أو اتركه على «اكتشاف تلقائي».",
    "All files (*)": "كل الملفات (*)",
    "Choose files to import": "اختر ملفات للاستيراد",
    "Choose a folder to import": "اختر مجلداً للاستيراد",
    # QtProgress
    "Cancel": "إلغاء",
    "Cancelling after the current item…": "جارٍ الإلغاء بعد العنصر الحالي…",
    # RelationPicker
    "Relation": "العلاقة",
    "Reverse direction": "عكس الاتجاه",
    # Each end isolated right to left, so the arrow between them reads right to left too (from %1 to %3).
    "%1 (%2)  →  %3 (%4)": "\u2067%1 (%2)\u2069  ←  \u2067%3 (%4)\u2069",
    "Filter relation types": "تصفية أنواع العلاقات",
    # ReportDialog
    "Copy report": "نسخ التقرير",
    # RolePicker
    "Argument role": "دور المشارك",
    "%1 argument: %2": "مشارك في %1: %2",
    "any type": "أي نوع",
    "New span type:": "نوع المقطع الجديد:",
    # SchemaEditor
    "Schema": "المخطط",
    "Name": "الاسم",
    "Key": "المفتاح",
    "Description": "الوصف",
    "In use": "الاستخدامات",
    "Roles": "الأدوار",
    "Arg 1": "الطرف 1",
    "Arg 2": "الطرف 2",
    "Values": "القيم",
    "Default": "الافتراضي",
    "Applies to": "ينطبق على",
    "Entity types": "أنواع الكيانات",
    "Event types": "أنواع الأحداث",
    "Relation types": "أنواع العلاقات",
    "Add…": "إضافة…",
    "Rename…": "إعادة تسمية…",
    "Colour…": "اللون…",
    "Key…": "المفتاح…",
    "Arguments…": "الطرفان…",
    "Roles of the selected event type (allowed entity types):": "أدوار نوع الحدث المحدد (أنواع الكيانات المسموحة):",
    "Role": "الدور",
    "Allowed types": "الأنواع المسموحة",
    "Add role…": "إضافة دور…",
    "Rename role…": "إعادة تسمية الدور…",
    "Allowed types…": "الأنواع المسموحة…",
    "Remove role": "إزالة الدور",
    "Use preset": "استخدام القالب الجاهز",
    "Import JSON…": "استيراد JSON…",
    "Export JSON…": "تصدير JSON…",
    "Close": "إغلاق",
    "Colour": "اللون",
    "Import schema": "استيراد مخطط",
    "Schema (*.json)": "مخطط (*.json)",
    "Export schema": "تصدير المخطط",
    "key '%1' is used by %2": "المفتاح «%1» يستخدمه %2",
    "any": "أي نوع",
    "added %1": "أُضيف %1",
    "renamed %1 to %2; %3 annotation(s) follow": "أُعيدت تسمية %1 إلى %2؛ وتتبعه الوسوم (%3)",
    "%1 is now %2": "صار %1 الآن %2",
    "a shortcut key is one character, not %1": "مفتاح الاختصار محرف واحد، لا %1",
    "key '%1' is already used by %2; choose another key or free it first":
        "المفتاح «%1» يستخدمه %2؛ اختر مفتاحاً آخر أو حرّره أولاً",
    "%1: key %2": "%1: المفتاح %2",
    "%1 arguments changed": "تغيّر طرفا %1",
    "%1 annotation(s) use %2. Remove %2 and those annotations?":
        "عدد الوسوم التي تستخدم %2: %1. أتريد إزالة %2 وهذه الوسوم؟",
    "kept %1": "أُبقي على %1",
    "removed %1 and %2 annotation(s)": "أُزيل %1 والوسوم التي تستخدمه (%2)",
    "%1: role %2 added": "%1: أُضيف الدور %2",
    "%1 argument(s) of role %2 would not fit: %3; change or remove them first":
        "لن يناسب %1 من مشاركي الدور %2: %3؛ غيّرهم أو أزلهم أولاً",
    "%1: role %2 takes %3": "%1: الدور %2 يقبل %3",
    "%1 argument(s) fill role %2. Remove the role and those arguments?":
        "عدد المشاركين في الدور %2: %1. أتريد إزالة الدور وهؤلاء المشاركين؟",
    "kept role %1": "أُبقي على الدور %1",
    "%1: role %2 removed with %3 argument(s)": "%1: أُزيل الدور %2 مع مشاركيه (%3)",
    "could not write %1: %2": "تعذّرت الكتابة في %1: %2",
    "schema written to %1": "كُتب المخطط في %1",
    "schema imported from %1": "استُورد المخطط من %1",
    "preset %1 in use": "القالب الجاهز %1 مستخدم الآن",
    "the new schema does not fit %1 event argument(s): %2": "المخطط الجديد لا يناسب مشاركين في أحداث (%1): %2",
    "Select a row first.": "حدّد صفاً أولاً.",
    "Add": "إضافة",
    "Name:": "الاسم:",
    "Add attribute": "إضافة خاصية",
    "Values, separated by commas:": "القيم، مفصولة بفواصل:",
    "Rename": "إعادة تسمية",
    "New name for %1:": "الاسم الجديد لـ %1:",
    "Shortcut key": "مفتاح الاختصار",
    "Key for %1 (empty: none):": "مفتاح %1 (فارغ: بلا مفتاح):",
    "Arguments": "الطرفان",
    "Arg 1 types (commas; empty = any):": "أنواع الطرف 1 (بفواصل؛ فارغ = أي نوع):",
    "Arg 2 types (commas; empty = any):": "أنواع الطرف 2 (بفواصل؛ فارغ = أي نوع):",
    "Add role": "إضافة دور",
    "Role name:": "اسم الدور:",
    "Allowed types (commas; empty = any):": "الأنواع المسموحة (بفواصل؛ فارغ = أي نوع):",
    "Select a role first.": "حدّد دوراً أولاً.",
    "Rename role": "إعادة تسمية الدور",
    "New name for role %1 (renamed in every event type):": "الاسم الجديد للدور %1 (يُعاد تسميته في كل أنواع الأحداث):",
    "Types for %1 (commas; empty = any):": "أنواع %1 (بفواصل؛ فارغ = أي نوع):",
    # Projects (issue 13)
    "&New project…": "مشروع &جديد…",
    "&Close project": "إ&غلاق المشروع",
    "&Recent projects": "المشاريع الأ&خيرة",
    "No other recent project": "لا مشروع حديثاً غيره",
    "&Copy document id": "&نسخ معرّف المستند",
    "Id": "المعرّف",
    "Document id: %1 (Ctrl+C copies it)": "معرّف المستند: %1 (‏Ctrl+C ينسخه)",
    "New project": "مشروع جديد",
    "A new or empty folder": "مجلد جديد أو فارغ",
    "From a schema file…": "من ملف مخطط…",
    "schema.json": "schema.json",
    "Folder:": "المجلد:",
    "Schema:": "المخطط:",
    "Schema file:": "ملف المخطط:",
    "&Create": "إ&نشاء",
    "Folder for the new project": "مجلد المشروع الجديد",
    "Schema file": "ملف المخطط",
    "Choose a folder for the project.": "اختر مجلداً للمشروع.",
    "%1 is already a project: open it with File → Open project.":
        "%1 مشروع موجود: افتحه من ملف ← فتح مشروع.",
    "%1 is not an empty folder: choose a new or empty one.": "%1 ليس مجلداً فارغاً: اختر مجلداً جديداً أو فارغاً.",
    "Choose the schema file.": "اختر ملف المخطط.",
    "Open the &sample project": "فتح المشروع ال&تجريبي",
    "Recent projects:": "المشاريع الأخيرة:",
    "No recent projects.": "لا مشاريع حديثة.",
    # Help (issue 13)
    "&Help": "مساع&دة",
    "&Keyboard shortcuts": "اختصارات &لوحة المفاتيح",
    "&User guide": "&دليل المستخدم",
    "&About Qalam Annotator": "&عن قلم للوسم",
    "About %1": "عن %1",
    "About": "عن التطبيق",
    "Font licence (OFL)": "رخصة الخط (OFL)",
    "<p>Offline annotation of Arabic and other right-to-left news.</p><p>Qt %1 and PySide6 %2 (LGPL v3), "
    "Python %3 (PSF licence), TinyDB (MIT), python-bidi (LGPL v3), trafilatura (Apache 2.0), orjson (MIT / "
    "Apache 2.0), platformdirs (MIT).</p><p>The reader's font is Noto Sans Arabic, © The Noto Project "
    "Authors, under the SIL Open Font License 1.1 (below).</p>":
        "<p>توسيم الأخبار العربية وغيرها من النصوص المكتوبة من اليمين إلى اليسار دون اتصال بالشبكة.</p>"
        "<p>Qt %1 وPySide6 %2 (LGPL v3)، Python %3 (رخصة PSF)، TinyDB (MIT)، python-bidi (LGPL v3)، "
        "trafilatura (Apache 2.0)، orjson (MIT / Apache 2.0)، platformdirs (MIT).</p>"
        "<p>خط القارئ هو Noto Sans Arabic، © The Noto Project Authors، بموجب رخصة SIL Open Font License 1.1 "
        "(أدناه).</p>",
    "User guide": "دليل المستخدم",
    "The user guide %1 cannot be read (%2). It is docs/USER_GUIDE.md in the source folder.":
        "تعذّرت قراءة دليل المستخدم %1 (%2). وهو الملف docs/USER_GUIDE.md في مجلد المصدر.",
    "Keyboard shortcuts": "اختصارات لوحة المفاتيح",
    "Filter": "تصفية",
    "Menu": "القائمة",
    "Action": "الإجراء",
    "Keys": "المفاتيح",
    "Reader": "القارئ",
    # Export and events (issue 13)
    "Show the arcs of all events and relations": "إظهار أقواس كل الأحداث والعلاقات",
    "Tag event triggers too (B-%1 beside the entity tags)": "وسم محفّزات الأحداث أيضاً (B-%1 بجانب وسوم الكيانات)",
    ", ": "، ",
    # Plural forms: a tuple holds Arabic's six (Qt's order: 0, 1, 2, 3–10, 11–99, 100 and up).
    "Exported %1 of %n document(s).": (
        "صُدِّر %1 من %n مستند.",
        "صُدِّر %1 من مستند واحد.",
        "صُدِّر %1 من مستندين.",
        "صُدِّر %1 من %n مستندات.",
        "صُدِّر %1 من %n مستنداً.",
        "صُدِّر %1 من %n مستند.",
    ),
    "%n document(s) not exported (status %1).": (
        "لم يُصدَّر أي مستند (الحالة %1).",
        "لم يُصدَّر مستند واحد (الحالة %1).",
        "لم يُصدَّر مستندان (الحالة %1).",
        "لم تُصدَّر %n مستندات (الحالة %1).",
        "لم يُصدَّر %n مستنداً (الحالة %1).",
        "لم يُصدَّر %n مستند (الحالة %1).",
    ),
    # crash
    "{app}: unexpected error": "{app}: خطأ غير متوقع",
    "Something went wrong: {error}\n\nYour annotations are safe: every edit was saved when you made it. "
    "You can keep working, or restart the app.":
        "حدث خطأ: {error}\n\nوسومك في أمان: حُفظ كل تعديل لحظة إجرائه. "
        "يمكنك متابعة العمل أو إعادة تشغيل التطبيق.",
    "The details could not be written to a log file: {reason}. Copy them from below and send them with your "
    "report.":
        "تعذّرت كتابة التفاصيل في ملف سجل: {reason}. انسخها من الأسفل وأرسلها مع بلاغك.",
    "The details were written to:\n{path}\nPlease send that file with your report.":
        "كُتبت التفاصيل في:\n{path}\nيُرجى إرسال هذا الملف مع بلاغك.",
    # Assisted annotation (ui/assist)
    "Ass&ist": "ا&قتراحات",
    "Suggestions": "الاقتراحات",
    "&Accept suggestion": "&قبول الاقتراح",
    "&Reject suggestion": "&رفض الاقتراح",
    "&Next suggestion": "الاقتراح ال&تالي",
    "Accept all suggestions in the &document": "قبول كل اقتراحات ال&مستند",
    "&Label all occurrences in the document…": "&وسم كل المواضع في المستند…",
    "Label all occurrences in &all documents…": "وسم كل المواضع في &كل المستندات…",
    "&Train the recommender now": "&تدريب المقترِح الآن",
    "Load a &gazetteer…": "تحميل &قائمة أسماء…",
    "Load a gazetteer": "تحميل قائمة أسماء",
    "Term lists (*.txt *.tsv *.csv *.json)": "قوائم مصطلحات (*.txt *.tsv *.csv *.json)",
    "Gazetteer %1: %2 term(s) loaded": "قائمة الأسماء %1: حُمّل %2 مصطلح",
    "%1 line(s) skipped:": "تُجوّز %1 سطر:",
    "Model loaded (%1 documents)": "حُمّل النموذج (%1 مستند)",
    "Training or suggesting in the background…": "تدريب أو اقتراح في الخلفية…",
    "Trained on %1 documents (%2 tokens) in %3 s": "دُرّب على %1 مستند (%2 كلمة) في %3 ث",
    "Label all occurrences": "وسم كل المواضع",
    "Label for “%1”:": "الوسم لـ«%1»:",
    "Select a span, some text, or search for a term first": "حدّد وسماً أو نصاً، أو ابحث عن مصطلح أولاً",
    "Label all: %1 × %2": "وسم الكل: %1 × %2",
    "%1 span(s) added": "أضيف %1 وسم",
    "Accept suggestion": "قبول الاقتراح",
    "Reject suggestion": "رفض الاقتراح",
    "Accept all suggestions": "قبول كل الاقتراحات",
    "Label all occurrences as %1": "وسم كل المواضع بـ%1",
    "%1 of %2 occurrence(s) of “%3” will be labelled %4; %5 skipped (already %4).":
        "سيوسم %1 من %2 موضع لـ«%3» بـ%4؛ وتُجوّز %5 (موسومة %4 من قبل).",
    "Accept": "قبول",
    "Reject": "رفض",
    "Next": "التالي",
    "Accept all": "قبول الكل",
    "Train now": "درّب الآن",
    "Suggestions in this document: %1": "الاقتراحات في هذا المستند: %1",
    "Acceptance rate: %1 (%2 of %3)": "نسبة القبول: %1 (%2 من %3)",  # obsolete, kept in the .ts
    "Acceptance rate in this project: %1 (%2 of %3)": "نسبة القبول في هذا المشروع: %1 (%2 من %3)",
    "Acceptance rate in this project: counting…": "نسبة القبول في هذا المشروع: جارٍ العدّ…",
    "This session: %1 (%2 of %3)": "في هذه الجلسة: %1 (%2 من %3)",
    "Cross-validated F1 of the last training: %1": "مقياس F1 بالتحقق المتقاطع لآخر تدريب: %1",
    "No model yet": "لا نموذج بعد",
    # Team: agreement, curation, bundles
    "Agreement": "الاتفاق",
    "%1 annotators (%2), %3 documents, %4 tokens; %5 disagreements":
        "%1 موسِّمين (%2)، %3 مستندات، %4 وحدات نصية؛ %5 اختلافات",
    "Overall and per label": "الإجمالي ولكل وسم",
    "Pairs": "الأزواج",
    "Confusion matrix": "مصفوفة الالتباس",
    "Save HTML report…": "حفظ تقرير HTML…",
    "Save the agreement report": "حفظ تقرير الاتفاق",
    "HTML (*.html)": "ملفات HTML (*.html)",
    "Curation": "التنقيح",
    "Accept all agreed spans (G)": "قبول كل المقاطع المتفق عليها (G)",
    "A / B: take that annotator's · T: take all · R: reject all · E: edit · N: next · Ctrl+Z: undo":
        "A / B: اعتماد مقطع ذلك الموسِّم · T: اعتماد الكل · R: رفض الكل · E: تحرير · N: التالي · Ctrl+Z: تراجع",
    "%1 of %2 resolved": "حُسم %1 من %2",
    "Accept all agreed spans (G): %1 left": "قبول كل المقاطع المتفق عليها (G): بقي %1",
    "No disagreement is left open.": "لم يبقَ أي اختلاف مفتوح.",
    "(no span)": "(لا مقطع)",
    "Gold: ": "المرجع: ",
    "take %1": "اعتماد %1",
    "take all": "اعتماد الكل",
    "reject all": "رفض الكل",
    "edit gold span": "تحرير المقطع المرجعي",
    "accept agreed spans": "قبول المقاطع المتفق عليها",
    "Edit the gold span": "تحرير المقطع المرجعي",
    "Start:": "البداية:",
    "End:": "النهاية:",
    "Label:": "الوسم:",
    "Text:": "النص:",
    "Exported %1 of %2 documents.": "صُدِّر %1 من %2 مستندات.",
    "Export &bundle…": "تصدير &حزمة…",
    "&Import bundles into this project…": "&استيراد حزم إلى هذا المشروع…",
    "&Agreement…": "&الاتفاق…",
    "&Curation view…": "عرض ال&تنقيح…",
    "Your &name…": "ا&سمك…",
    "&Team": "ال&فريق",
    "Annotator: %1": "الموسِّم: %1",
    "Your name": "اسمك",
    "The name recorded on your annotations and bundles:": "الاسم المسجَّل على توسيماتك وحزمك:",
    "Export bundle": "تصدير حزمة",
    "%1 documents written to %2 as %3's work": "كُتب %1 مستندات في %2 بوصفها عمل %3",
    "Import bundles": "استيراد حزم",
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
            forms = text if isinstance(text, tuple) else (text,) * 6  # Arabic has six plural forms
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
