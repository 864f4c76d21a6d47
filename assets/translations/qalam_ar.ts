<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="36" />
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="37" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="38" />
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="39" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="40" />
        <source>&amp;Find in document</source>
        <translation>&amp;بحث في المستند</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="41" />
        <source>Find in &amp;all documents</source>
        <translation>بحث في &amp;كل المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="42" />
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="44" />
        <source>&amp;Actual size</source>
        <translation>الحجم ال&amp;فعلي</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="45" />
        <source>More line spacing</source>
        <translation>تباعد أسطر أكبر</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="46" />
        <source>Less line spacing</source>
        <translation>تباعد أسطر أصغر</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="47" />
        <source>&amp;Dark theme</source>
        <translation>السمة ال&amp;داكنة</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="48" />
        <source>Show &amp;invisible characters</source>
        <translation>إظهار المحارف غير ال&amp;مرئية</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="49" />
        <source>Bidi controls, zero-width characters and NBSP as small marks</source>
        <translation>محارف التحكم بالاتجاه والمحارف الصفرية العرض والمسافات غير الفاصلة كعلامات صغيرة</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="50" />
        <source>Show lines &amp;removed at import</source>
        <translation>إظهار الأسطر ال&amp;محذوفة عند الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="52" />
        <source>Direction: &amp;automatic</source>
        <translation>الاتجاه: &amp;تلقائي</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="53" />
        <source>Direction: right-to-left</source>
        <translation>الاتجاه: من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="54" />
        <source>Direction: left-to-right</source>
        <translation>الاتجاه: من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="58" />
        <source>Mark &amp;done</source>
        <translation>وضع علامة &amp;منجز</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="59" />
        <source>Mark in &amp;progress</source>
        <translation>وضع علامة &amp;قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="60" />
        <source>Mark &amp;skipped</source>
        <translation>وضع علامة م&amp;تجاوز</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="61" />
        <source>Mark &amp;new</source>
        <translation>وضع علامة &amp;جديد</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="62" />
        <source>&amp;Next unannotated document</source>
        <translation>المستند &amp;التالي غير الموسوم</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="63" />
        <source>&amp;Delete span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="64" />
        <source>Snap selection to &amp;words</source>
        <translation>محاذاة التحديد إلى ال&amp;كلمات</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="66" />
        <source>Strip &amp;clitics when labelling</source>
        <translation>حذف ال&amp;لواصق عند الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="67" />
        <source>و ف ب ك ل before a word are left out of the span</source>
        <translation>تُستثنى و ف ب ك ل الملتصقة بأول الكلمة من المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="68" />
        <source>Also strip the article ال</source>
        <translation>حذف أداة التعريف ال أيضاً</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="69" />
        <source>Select without clitics</source>
        <translation>تحديد الكلمة بلا لواصق</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="71" />
        <source>Language: follow the system</source>
        <translation>اللغة: لغة النظام</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="85" />
        <source>Label as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../ui/annotation_panel.py" line="71" />
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_panel.py" line="71" />
        <location filename="../../ui/annotation_panel.py" line="86" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_panel.py" line="71" />
        <source>Offsets</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_panel.py" line="79" />
        <source>key=value; key=value</source>
        <translation>مفتاح=قيمة; مفتاح=قيمة</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_panel.py" line="81" />
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_panel.py" line="82" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_panel.py" line="87" />
        <source>Attributes</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_panel.py" line="88" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../ui/document_list.py" line="108" />
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="109" />
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="110" />
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="111" />
        <source>skipped</source>
        <translation>متجاوز</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="158" />
        <source>Filter titles</source>
        <translation>تصفية العناوين</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="161" />
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../ui/document_list.py" line="76" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="76" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="76" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="76" />
        <source>Annotations</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="86" />
        <source>(untitled {0})</source>
        <translation>(بلا عنوان {0})</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <location filename="../../ui/find.py" line="45" />
        <source>Find (diacritics, tatweel and letter variants ignored)</source>
        <translation>بحث (تُهمل الحركات والتطويل وأشكال الحروف)</translation>
    </message>
    <message>
        <location filename="../../ui/find.py" line="48" />
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <location filename="../../ui/find.py" line="49" />
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/find.py" line="50" />
        <source>Whole word</source>
        <translation>كلمة كاملة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/find.py" line="97" />
        <source>%n match(es)</source>
        <translation><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>in memory</source>
        <translation>في الذاكرة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>Qalam Annotator</source>
        <translation>قلم للوسم</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94" />
        <source>Labels and annotations</source>
        <translation>الوسوم والتعليقات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96" />
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134" />
        <source>&amp;Labels</source>
        <translation>&amp;وسوم</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>&amp;Settings</source>
        <translation>&amp;إعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <location filename="../../ui/main_window.py" line="401" />
        <source>All changes saved</source>
        <translation>حُفظت كل التغييرات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231" />
        <source>Mark document %1</source>
        <translation>تعليم المستند %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246" />
        <source>No unannotated document left</source>
        <translation>لم يبق مستند غير موسوم</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259" />
        <source>Change text direction</source>
        <translation>تغيير اتجاه النص</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288" />
        <source>Select some text first, then press a label key</source>
        <translation>حدّد نصاً أولاً ثم اضغط مفتاح الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290" />
        <source>Add %1 span</source>
        <translation>إضافة مقطع %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299" />
        <source>Change label to %1</source>
        <translation>تغيير الوسم إلى %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303" />
        <source>Edit span details</source>
        <translation>تعديل تفاصيل المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307" />
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="396" />
        <source>Done %1/%2</source>
        <translation>المنجز %1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="411" />
        <source>Offset %1</source>
        <translation>الموضع %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422" />
        <source>Alt+C selects «%1» without the clitics «%2»</source>
        <translation>Alt+C يحدد «%1» دون اللواصق «%2»</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426" />
        <source>Open project folder</source>
        <translation>فتح مجلد مشروع</translation>
    </message>
</context>
<context>
    <name>ReaderDocument</name>
    <message>
        <location filename="../../ui/textdoc.py" line="196" />
        <source>Lines removed at ingestion:</source>
        <translation>الأسطر المحذوفة عند الاستيراد:</translation>
    </message>
</context>
</TS>