<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/window/help.py" line="155" />
        <source>About %1</source>
        <translation>عن %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/help.py" line="162" />
        <source>&lt;p&gt;Offline annotation of Arabic and other right-to-left news.&lt;/p&gt;&lt;p&gt;Qt %1 and PySide6 %2 (LGPL v3), Python %3 (PSF licence), TinyDB (MIT), python-bidi (LGPL v3), trafilatura (Apache 2.0), orjson (MIT / Apache 2.0), platformdirs (MIT).&lt;/p&gt;&lt;p&gt;The reader's font is Noto Sans Arabic, © The Noto Project Authors, under the SIL Open Font License 1.1 (below).&lt;/p&gt;</source>
        <translation>&lt;p&gt;توسيم الأخبار العربية وغيرها من النصوص المكتوبة من اليمين إلى اليسار دون اتصال بالشبكة.&lt;/p&gt;&lt;p&gt;Qt %1 وPySide6 %2 (LGPL v3)، Python %3 (رخصة PSF)، TinyDB (MIT)، python-bidi (LGPL v3)، trafilatura (Apache 2.0)، orjson (MIT / Apache 2.0)، platformdirs (MIT).&lt;/p&gt;&lt;p&gt;خط القارئ هو Noto Sans Arabic، © The Noto Project Authors، بموجب رخصة SIL Open Font License 1.1 (أدناه).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/window/help.py" line="176" />
        <source>About</source>
        <translation>عن التطبيق</translation>
    </message>
    <message>
        <location filename="../../ui/window/help.py" line="177" />
        <source>Font licence (OFL)</source>
        <translation>رخصة الخط (OFL)</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/window/actions.py" line="43" />
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="44" />
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="45" />
        <source>&amp;Close project</source>
        <translation>إ&amp;غلاق المشروع</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="46" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="47" />
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="48" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="49" />
        <source>&amp;Find in document</source>
        <translation>&amp;بحث في المستند</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="50" />
        <source>Find in &amp;all documents</source>
        <translation>بحث في &amp;كل المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="51" />
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="52" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="53" />
        <source>&amp;Actual size</source>
        <translation>الحجم ال&amp;فعلي</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="54" />
        <source>More line spacing</source>
        <translation>تباعد أسطر أكبر</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="55" />
        <source>Less line spacing</source>
        <translation>تباعد أسطر أصغر</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="56" />
        <source>&amp;Dark theme</source>
        <translation>السمة ال&amp;داكنة</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="57" />
        <source>Show &amp;invisible characters</source>
        <translation>إظهار المحارف غير ال&amp;مرئية</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="58" />
        <source>Bidi controls, zero-width characters and NBSP as small marks</source>
        <translation>محارف التحكم بالاتجاه والمحارف الصفرية العرض والمسافات غير الفاصلة كعلامات صغيرة</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="59" />
        <source>Show lines &amp;removed at import</source>
        <translation>إظهار الأسطر ال&amp;محذوفة عند الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="61" />
        <source>Direction: &amp;automatic</source>
        <translation>الاتجاه: &amp;تلقائي</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="62" />
        <source>Direction: right-to-left</source>
        <translation>الاتجاه: من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="63" />
        <source>Direction: left-to-right</source>
        <translation>الاتجاه: من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="67" />
        <source>Mark &amp;done</source>
        <translation>وضع علامة &amp;منجز</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="68" />
        <source>Mark in &amp;progress</source>
        <translation>وضع علامة &amp;قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="69" />
        <source>Mark &amp;skipped</source>
        <translation>وضع علامة م&amp;تجاوز</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="70" />
        <source>Mark &amp;new</source>
        <translation>وضع علامة &amp;جديد</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="71" />
        <source>&amp;Next unannotated document</source>
        <translation>المستند &amp;التالي غير الموسوم</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="72" />
        <source>&amp;Delete span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="73" />
        <source>Snap selection to &amp;words</source>
        <translation>محاذاة التحديد إلى ال&amp;كلمات</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="75" />
        <source>Strip &amp;clitics when labelling</source>
        <translation>حذف ال&amp;لواصق عند الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="76" />
        <source>و ف ب ك ل before a word are left out of the span</source>
        <translation>تُستثنى و ف ب ك ل الملتصقة بأول الكلمة من المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="77" />
        <source>Also strip the article ال</source>
        <translation>حذف أداة التعريف ال أيضاً</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="78" />
        <source>Select without clitics</source>
        <translation>تحديد الكلمة بلا لواصق</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="80" />
        <source>Language: follow the system</source>
        <translation>اللغة: لغة النظام</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="85" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="86" />
        <source>&amp;User guide</source>
        <translation>&amp;دليل المستخدم</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="87" />
        <source>&amp;About Qalam Annotator</source>
        <translation>&amp;عن قلم للوسم</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="98" />
        <source>Label as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message>
        <location filename="../../ui/team/agreement_window.py" line="58" />
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/team/agreement_window.py" line="67" />
        <source>%1 annotators (%2), %3 documents, %4 tokens; %5 disagreements</source>
        <translation>%1 موسِّمين (%2)، %3 مستندات، %4 وحدات نصية؛ %5 اختلافات</translation>
    </message>
    <message>
        <location filename="../../ui/team/agreement_window.py" line="77" />
        <source>Overall and per label</source>
        <translation>الإجمالي ولكل وسم</translation>
    </message>
    <message>
        <location filename="../../ui/team/agreement_window.py" line="78" />
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <location filename="../../ui/team/agreement_window.py" line="79" />
        <source>Confusion matrix</source>
        <translation>مصفوفة الالتباس</translation>
    </message>
    <message>
        <location filename="../../ui/team/agreement_window.py" line="80" />
        <source>Save HTML report…</source>
        <translation>حفظ تقرير HTML…</translation>
    </message>
    <message>
        <location filename="../../ui/team/agreement_window.py" line="112" />
        <source>Save the agreement report</source>
        <translation>حفظ تقرير الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/team/agreement_window.py" line="113" />
        <source>HTML (*.html)</source>
        <translation>ملفات HTML (*.html)</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../ui/window/annotation_panel.py" line="76" />
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/window/annotation_panel.py" line="76" />
        <location filename="../../ui/window/annotation_panel.py" line="94" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/window/annotation_panel.py" line="76" />
        <source>Offsets</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <location filename="../../ui/window/annotation_panel.py" line="84" />
        <source>key=value; key=value</source>
        <translation>مفتاح=قيمة; مفتاح=قيمة</translation>
    </message>
    <message>
        <location filename="../../ui/window/annotation_panel.py" line="88" />
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <location filename="../../ui/window/annotation_panel.py" line="90" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/window/annotation_panel.py" line="95" />
        <source>Attributes</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <location filename="../../ui/window/annotation_panel.py" line="96" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>AssistController</name>
    <message>
        <location filename="../../ui/assist/controller.py" line="63" />
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="92" />
        <source>&amp;Accept suggestion</source>
        <translation>&amp;قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="93" />
        <source>&amp;Reject suggestion</source>
        <translation>&amp;رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="94" />
        <source>&amp;Next suggestion</source>
        <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="95" />
        <source>Accept all suggestions in the &amp;document</source>
        <translation>قبول كل اقتراحات ال&amp;مستند</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="96" />
        <source>&amp;Label all occurrences in the document…</source>
        <translation>&amp;وسم كل المواضع في المستند…</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="97" />
        <source>Label all occurrences in &amp;all documents…</source>
        <translation>وسم كل المواضع في &amp;كل المستندات…</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="100" />
        <source>Ass&amp;ist</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="109" />
        <source>&amp;Train the recommender now</source>
        <translation>&amp;تدريب المقترِح الآن</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="110" />
        <source>Load a &amp;gazetteer…</source>
        <translation>تحميل &amp;قائمة أسماء…</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="158" />
        <source>Model loaded (%1 documents)</source>
        <translation>حُمّل النموذج (%1 مستند)</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="191" />
        <source>Training or suggesting in the background…</source>
        <translation>تدريب أو اقتراح في الخلفية…</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="199" />
        <source>Trained on %1 documents (%2 tokens) in %3 s</source>
        <translation>دُرّب على %1 مستند (%2 كلمة) في %3 ث</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="232" />
        <source>Load a gazetteer</source>
        <translation>تحميل قائمة أسماء</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="233" />
        <source>Term lists (*.txt *.tsv *.csv *.json)</source>
        <translation>قوائم مصطلحات (*.txt *.tsv *.csv *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="243" />
        <source>Gazetteer %1: %2 term(s) loaded</source>
        <translation>قائمة الأسماء %1: حُمّل %2 مصطلح</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="245" />
        <source>%1 line(s) skipped:</source>
        <translation>تُجوّز %1 سطر:</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="301" />
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="311" />
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="337" />
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="345" />
        <source>Label all occurrences</source>
        <translation>وسم كل المواضع</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="346" />
        <source>Label for “%1”:</source>
        <translation>الوسم لـ«%1»:</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="372" />
        <source>Select a span, some text, or search for a term first</source>
        <translation>حدّد وسماً أو نصاً، أو ابحث عن مصطلح أولاً</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="391" />
        <source>Label all: %1 × %2</source>
        <translation>وسم الكل: %1 × %2</translation>
    </message>
    <message>
        <location filename="../../ui/assist/controller.py" line="393" />
        <source>%1 span(s) added</source>
        <translation>أضيف %1 وسم</translation>
    </message>
</context>
<context>
    <name>CascadePrompt</name>
    <message>
        <location filename="../../ui/events/cascade_prompt.py" line="21" />
        <source>event %1 %2: the whole event goes (this span is its trigger)</source>
        <translation>الحدث %1 %2: يُحذف الحدث كله (هذا المقطع مُحفِّزه)</translation>
    </message>
    <message>
        <location filename="../../ui/events/cascade_prompt.py" line="26" />
        <source>event %1 %2: argument %3 is removed</source>
        <translation>الحدث %1 %2: يُحذف المشارك %3</translation>
    </message>
    <message>
        <location filename="../../ui/events/cascade_prompt.py" line="30" />
        <source>relation %1 (%2 → %3) is removed</source>
        <translation>تُحذف العلاقة %1 (%2 → %3)</translation>
    </message>
    <message>
        <location filename="../../ui/events/cascade_prompt.py" line="50" />
        <source>Span in use</source>
        <translation>المقطع مستخدم</translation>
    </message>
    <message>
        <location filename="../../ui/events/cascade_prompt.py" line="53" />
        <source>%1 (%2) is used by:</source>
        <translation>المقطع %1 (%2) مستخدم في:</translation>
    </message>
    <message>
        <location filename="../../ui/events/cascade_prompt.py" line="60" />
        <source>Delete the span and these uses? Undo brings all of them back.</source>
        <translation>أتريد حذف المقطع وهذه الاستخدامات؟ يعيدها التراجع كلها.</translation>
    </message>
    <message>
        <location filename="../../ui/events/cascade_prompt.py" line="62" />
        <source>Remove span and argument(s)</source>
        <translation>حذف المقطع والمشاركين</translation>
    </message>
</context>
<context>
    <name>CurationView</name>
    <message>
        <location filename="../../ui/team/curation_view.py" line="59" />
        <source>Curation</source>
        <translation>التنقيح</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="86" />
        <source>Accept all agreed spans (G)</source>
        <translation>قبول كل المقاطع المتفق عليها (G)</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="89" />
        <source>A / B: take that annotator's · T: take all · R: reject all · E: edit · N: next · Ctrl+Z: undo</source>
        <translation>A / B: اعتماد مقطع ذلك الموسِّم · T: اعتماد الكل · R: رفض الكل · E: تحرير · N: التالي · Ctrl+Z: تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="153" />
        <source>%1 of %2 resolved</source>
        <translation>حُسم %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="156" />
        <source>Accept all agreed spans (G): %1 left</source>
        <translation>قبول كل المقاطع المتفق عليها (G): بقي %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="164" />
        <source>No disagreement is left open.</source>
        <translation>لم يبقَ أي اختلاف مفتوح.</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="199" />
        <source>(no span)</source>
        <translation>(لا مقطع)</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="203" />
        <source>Gold: </source>
        <translation>المرجع: </translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="233" />
        <source>take %1</source>
        <translation>اعتماد %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="236" />
        <source>take all</source>
        <translation>اعتماد الكل</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="239" />
        <source>reject all</source>
        <translation>رفض الكل</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="254" />
        <source>edit gold span</source>
        <translation>تحرير المقطع المرجعي</translation>
    </message>
    <message>
        <location filename="../../ui/team/curation_view.py" line="258" />
        <source>accept agreed spans</source>
        <translation>قبول المقاطع المتفق عليها</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../ui/window/document_list.py" line="114" />
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="115" />
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="116" />
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="117" />
        <source>skipped</source>
        <translation>متجاوز</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="185" />
        <source>Filter titles</source>
        <translation>تصفية العناوين</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="187" />
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="203" />
        <source>&amp;Copy document id</source>
        <translation>&amp;نسخ معرّف المستند</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../ui/window/document_list.py" line="77" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="77" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="77" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="77" />
        <source>Annotations</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="78" />
        <source>Id</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="88" />
        <source>(untitled {0})</source>
        <translation>(بلا عنوان {0})</translation>
    </message>
    <message>
        <location filename="../../ui/window/document_list.py" line="98" />
        <source>Document id: %1 (Ctrl+C copies it)</source>
        <translation>معرّف المستند: %1 (‏Ctrl+C ينسخه)</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../ui/team/edit_dialog.py" line="24" />
        <source>Edit the gold span</source>
        <translation>تحرير المقطع المرجعي</translation>
    </message>
    <message>
        <location filename="../../ui/team/edit_dialog.py" line="40" />
        <source>Start:</source>
        <translation>البداية:</translation>
    </message>
    <message>
        <location filename="../../ui/team/edit_dialog.py" line="41" />
        <source>End:</source>
        <translation>النهاية:</translation>
    </message>
    <message>
        <location filename="../../ui/team/edit_dialog.py" line="42" />
        <source>Label:</source>
        <translation>الوسم:</translation>
    </message>
    <message>
        <location filename="../../ui/team/edit_dialog.py" line="43" />
        <source>Text:</source>
        <translation>النص:</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <location filename="../../ui/events/event_panel.py" line="79" />
        <source>Change role…</source>
        <translation>تغيير الدور…</translation>
    </message>
    <message>
        <location filename="../../ui/events/event_panel.py" line="80" />
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../ui/events/event_panel.py" line="84" />
        <source>Event attributes</source>
        <translation>خصائص الحدث</translation>
    </message>
</context>
<context>
    <name>EventTypePicker</name>
    <message>
        <location filename="../../ui/events/event_picker.py" line="44" />
        <source>Event type</source>
        <translation>نوع الحدث</translation>
    </message>
    <message>
        <location filename="../../ui/events/event_picker.py" line="50" />
        <source>Trigger: %1</source>
        <translation>المُحفِّز: %1</translation>
    </message>
    <message>
        <location filename="../../ui/events/event_picker.py" line="52" />
        <source>Filter event types (e.g. meet, attack)</source>
        <translation>تصفية أنواع الأحداث (مثلاً meet أو attack)</translation>
    </message>
</context>
<context>
    <name>EventsController</name>
    <message>
        <location filename="../../ui/events/events_controller.py" line="89" />
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="136" />
        <source>New event from selection…</source>
        <translation>حدث جديد من التحديد…</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="137" />
        <source>Add argument to event…</source>
        <translation>إضافة مشارك إلى الحدث…</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="138" />
        <source>Finish event</source>
        <translation>إنهاء الحدث</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="139" />
        <source>Relation: mark first end / link to second…</source>
        <translation>علاقة: تعليم الطرف الأول / الربط بالثاني…</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="140" />
        <source>Delete span (asks when events use it)</source>
        <translation>حذف المقطع (مع السؤال إن استخدمته أحداث)</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="141" />
        <source>Schema editor…</source>
        <translation>محرّر المخطط…</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="142" />
        <source>Show arguments as arcs</source>
        <translation>إظهار المشاركين كأقواس</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="143" />
        <source>Show the arcs of all events and relations</source>
        <translation>إظهار أقواس كل الأحداث والعلاقات</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="164" />
        <source>E&amp;vents</source>
        <translation>&amp;أحداث</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="191" />
        <source>New %1 event</source>
        <translation>حدث %1 جديد</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="393" />
        <source>Open a document first.</source>
        <translation>افتح مستنداً أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="407" />
        <source>Select the trigger word first, then press the event key.</source>
        <translation>حدّد كلمة المُحفِّز أولاً ثم اضغط مفتاح الحدث.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="439" />
        <source>Event created. Select or click each argument and press Ctrl+Shift+E; Ctrl+Shift+Return when done.</source>
        <translation>أُنشئ الحدث. حدّد كل مشارك أو انقره واضغط Ctrl+Shift+E، ثم Ctrl+Shift+Return عند الانتهاء.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="468" />
        <source>Select an event first (click its trigger), or create one with Ctrl+E.</source>
        <translation>حدّد حدثاً أولاً (انقر مُحفِّزه)، أو أنشئ حدثاً بـ Ctrl+E.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="472" />
        <source>Select text or click a span to attach as an argument.</source>
        <translation>حدّد نصاً أو انقر مقطعاً لإلحاقه مشاركاً.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="499" />
        <source>No project is open.</source>
        <translation>لا مشروع مفتوح.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="504" />
        <source>choose an entity type for the new argument span</source>
        <translation>اختر نوع كيان لمقطع المشارك الجديد</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="511" />
        <source>%1 added.</source>
        <translation>أُضيف %1.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="542" />
        <source>That argument is gone.</source>
        <translation>لم يعد هذا المشارك موجوداً.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="567" />
        <source>Event in use</source>
        <translation>الحدث مستخدم</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="568" />
        <source>This event is used by %1. Remove those uses too?</source>
        <translation>هذا الحدث مستخدم في %1. أتريد إزالة هذه الاستخدامات أيضاً؟</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="579" />
        <location filename="../../ui/events/events_controller.py" line="617" />
        <source>Click a span first.</source>
        <translation>انقر مقطعاً أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="593" />
        <source>Nothing deleted.</source>
        <translation>لم يُحذف شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="621" />
        <source>Relation from %1: now click the other span and press Ctrl+Shift+L.</source>
        <translation>علاقة من %1: انقر الآن المقطع الآخر واضغط Ctrl+Shift+L.</translation>
    </message>
    <message>
        <location filename="../../ui/events/events_controller.py" line="665" />
        <source>Open a project first.</source>
        <translation>افتح مشروعاً أولاً.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="92" />
        <source>Export annotations</source>
        <translation>تصدير الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="97" />
        <source>This app's JSONL (lossless)</source>
        <translation>JSONL الخاص بهذا التطبيق (دون فقد)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="98" />
        <source>brat standoff (folder of .txt + .ann)</source>
        <translation>brat standoff (مجلد ملفات .txt و‎.ann)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="99" />
        <source>CoNLL with IOB2 or BIOES tags</source>
        <translation>CoNLL بوسوم IOB2 أو BIOES</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="100" />
        <source>spaCy DocBin (.spacy)</source>
        <translation>spaCy DocBin (‎.spacy)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="101" />
        <source>Hugging Face dataset (folder)</source>
        <translation>مجموعة بيانات Hugging Face (مجلد)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="102" />
        <source>Label Studio tasks (JSON)</source>
        <translation>مهام Label Studio ‏(JSON)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="103" />
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="104" />
        <source>Event JSON, one record per sentence</source>
        <translation>JSON للأحداث، سجل لكل جملة</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="105" />
        <source>Wojood nested NER (a tag column per nesting level)</source>
        <translation>Wojood للكيانات المتداخلة (عمود وسوم لكل مستوى تداخل)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="106" />
        <source>OneIE JSON lines (entities, relations, events)</source>
        <translation>أسطر JSON بصيغة OneIE (كيانات وعلاقات وأحداث)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="107" />
        <source>DyGIE++ JSON lines (one record per document)</source>
        <translation>أسطر JSON بصيغة DyGIE++ (سجل لكل مستند)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="108" />
        <source>Sharded datasets for Spark, Dask, Ray, DuckDB (folder)</source>
        <translation>مجموعات بيانات مجزّأة لـ Spark وDask وRay وDuckDB (مجلد)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="115" />
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="120" />
        <source>Replace it if it exists</source>
        <translation>استبداله إن كان موجوداً</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="128" />
        <source>files per dataset and split (JSON Lines, and Parquet when pyarrow is installed)</source>
        <translation>ملفات لكل مجموعة بيانات ولكل قسم (JSON Lines، وParquet أيضاً إن كانت pyarrow مثبّتة)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="134" />
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="135" />
        <source>Save to:</source>
        <translation>الحفظ في:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="137" />
        <source>Shards:</source>
        <translation>الأجزاء:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="139" />
        <source>What to export</source>
        <translation>ما يُصدَّر</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="159" />
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="159" />
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="168" />
        <source>any annotator</source>
        <translation>أي واسم</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="170" />
        <source>Documents marked:</source>
        <translation>المستندات ذات الحالة:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="171" />
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="172" />
        <source>Annotator:</source>
        <translation>الواسم:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="174" />
        <source>Tokens</source>
        <translation>الوحدات المعجمية</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="179" />
        <source>Split a token where a span starts or ends inside it</source>
        <translation>تقسيم الوحدة حيث يبدأ مقطع أو ينتهي داخلها</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="205" />
        <source>Token scheme:</source>
        <translation>تقطيع الوحدات:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="178" />
        <source>Keep whole tokens, widen spans (AQMAR/ANERcorp)</source>
        <translation>إبقاء الوحدات كاملة وتوسيع المقاطع (AQMAR/ANERcorp)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="180" />
        <source>Arabic Treebank: clitics split off, with + markers (ب+ القاهرة)</source>
        <translation>بنك الشجرة العربي (ATB): فصل اللواصق مع علامة + (ب+ القاهرة)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="181" />
        <source>CoNLL-U: syntactic words under multi-word tokens (UD Arabic)</source>
        <translation>CoNLL-U: الكلمات النحوية تحت وحدات متعددة الكلمات (UD العربية)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="189" />
        <source>Outermost span only</source>
        <translation>المقطع الخارجي فقط</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="190" />
        <source>Innermost span only</source>
        <translation>المقطع الداخلي فقط</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="191" />
        <source>One tag column per nesting level</source>
        <translation>عمود وسوم لكل مستوى تداخل</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="194" />
        <source>One sequence per sentence (else one per document)</source>
        <translation>تسلسل لكل جملة (وإلا فتسلسل لكل مستند)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="201" />
        <source>Tag event triggers too (B-%1 beside the entity tags)</source>
        <translation>وسم محفّزات الأحداث أيضاً (B-%1 بجانب وسوم الكيانات)</translation>
    </message>
    <message>
        <source>Clitics:</source>
        <translation>اللواصق:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="206" />
        <source>Tag scheme:</source>
        <translation>نظام الوسوم:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="207" />
        <source>Nested spans:</source>
        <translation>المقاطع المتداخلة:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="211" />
        <source>Train / dev / test split</source>
        <translation>التقسيم إلى تدريب / تطوير / اختبار</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="212" />
        <source>Split documents by ratio (the output becomes a folder)</source>
        <translation>تقسيم المستندات بنسب (يصبح الناتج مجلداً)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="215" />
        <source>train</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="215" />
        <source>dev</source>
        <translation>تطوير</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="215" />
        <source>test</source>
        <translation>اختبار</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="226" />
        <source>seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="233" />
        <source>Label Studio and doccano</source>
        <translation>أداتا Label Studio وdoccano</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="235" />
        <source>Code points (current versions)</source>
        <translation>نقاط الترميز (الإصدارات الحالية)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="236" />
        <source>UTF-16 code units (JavaScript tools)</source>
        <translation>وحدات ترميز UTF-16 (أدوات JavaScript)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="238" />
        <source>annotations</source>
        <translation>annotations (وسوم)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="239" />
        <source>predictions</source>
        <translation>predictions (تنبؤات)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="240" />
        <source>Include suggestions (as Label Studio predictions)</source>
        <translation>تضمين الاقتراحات (بوصفها تنبؤات predictions في Label Studio)</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="242" />
        <source>The open suggestions of each document (model, gazetteers, label all), with their scores; they are not spans</source>
        <translation>الاقتراحات المفتوحة في كل مستند (من النموذج وقوائم الأسماء ووسم كل المواضع) مع درجاتها؛ وهي ليست مقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="245" />
        <source>Sequence labelling</source>
        <translation>وسم التسلسلات</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="246" />
        <source>Relation extraction</source>
        <translation>استخراج العلاقات</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="248" />
        <source>Offsets in:</source>
        <translation>المواضع بوحدة:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="249" />
        <source>Label Studio results under:</source>
        <translation>نتائج Label Studio تحت:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="251" />
        <source>doccano variant:</source>
        <translation>نوع doccano:</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="254" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="317" />
        <source>Tick at least one document status to export.</source>
        <translation>اختر حالة مستند واحدة على الأقل للتصدير.</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="319" />
        <source>Tick at least one label to export.</source>
        <translation>اختر وسماً واحداً على الأقل للتصدير.</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="322" />
        <source>Choose where to save the export.</source>
        <translation>اختر مكان حفظ التصدير.</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="325" />
        <source>Give the full path of the export, or choose it with Browse….</source>
        <translation>أدخل المسار الكامل للتصدير، أو اختره بزر استعراض….</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="327" />
        <source>The folder %1 does not exist; choose another place.</source>
        <translation>المجلد %1 غير موجود؛ اختر مكاناً آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="329" />
        <source>%1 already exists; choose another name or tick “Replace it if it exists”.</source>
        <translation>%1 موجود مسبقاً؛ اختر اسماً آخر أو فعّل «استبداله إن كان موجوداً».</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="411" />
        <source>Choose the folder to export into</source>
        <translation>اختر المجلد الذي يُصدَّر إليه</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="417" />
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <location filename="../../ui/io/export_dialog.py" line="418" />
        <source>%1 files (*%2)</source>
        <translation>ملفات %1 ‏(*%2)</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <location filename="../../ui/reader/find.py" line="47" />
        <source>Find (diacritics, tatweel and letter variants ignored)</source>
        <translation>بحث (تُهمل الحركات والتطويل وأشكال الحروف)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find.py" line="50" />
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find.py" line="51" />
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find.py" line="52" />
        <source>Whole word</source>
        <translation>كلمة كاملة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reader/find.py" line="112" />
        <source>%n match(es)</source>
        <translation><numerusform>لا نتيجة</numerusform><numerusform>نتيجة واحدة</numerusform><numerusform>نتيجتان</numerusform><numerusform>%n نتائج</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/window/help.py" line="128" />
        <source>User guide</source>
        <translation>دليل المستخدم</translation>
    </message>
    <message>
        <location filename="../../ui/window/help.py" line="135" />
        <source>The user guide %1 cannot be read (%2). It is docs/USER_GUIDE.md in the source folder.</source>
        <translation>تعذّرت قراءة دليل المستخدم %1 (%2). وهو الملف docs/USER_GUIDE.md في مجلد المصدر.</translation>
    </message>
</context>
<context>
    <name>IOController</name>
    <message>
        <location filename="../../ui/io/io_controller.py" line="94" />
        <source>&amp;Import articles…</source>
        <translation>ا&amp;ستيراد مقالات…</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="95" />
        <source>Import .txt, .html, .jsonl, .csv files, folders or .zip archives of news</source>
        <translation>استيراد ملفات أخبار ‎.txt و‎.html و‎.jsonl و‎.csv أو مجلدات أو أرشيفات ‎.zip</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="97" />
        <source>Import &amp;annotations…</source>
        <translation>استيراد &amp;وسوم…</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="98" />
        <source>Import annotated files: brat, CoNLL, spaCy, Label Studio, doccano or this app's JSONL</source>
        <translation>استيراد ملفات موسومة: brat أو CoNLL أو spaCy أو Label Studio أو doccano أو JSONL هذا التطبيق</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="100" />
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="101" />
        <source>Export the annotations as training data (JSONL, brat, CoNLL, spaCy, Hugging Face…)</source>
        <translation>تصدير الوسوم بيانات تدريب (JSONL وbrat وCoNLL وspaCy وHugging Face…)</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="122" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="180" />
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="181" />
        <source>Importing articles…</source>
        <translation>جارٍ استيراد المقالات…</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="182" />
        <source>Importing annotated files…</source>
        <translation>جارٍ استيراد الملفات الموسومة…</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="242" />
        <source>Import cancelled. The documents imported before the cancel are kept.</source>
        <translation>أُلغي الاستيراد. احتُفظ بالمستندات المستوردة قبل الإلغاء.</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="244" />
        <source>Import finished; some files could not be imported (see below).</source>
        <translation>انتهى الاستيراد؛ تعذّر استيراد بعض الملفات (انظر أدناه).</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="246" />
        <source>Nothing new was imported.</source>
        <translation>لم يُستورد شيء جديد.</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="248" />
        <source>Import finished.</source>
        <translation>انتهى الاستيراد.</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="250" />
        <source>Imported:</source>
        <translation>المستورد:</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="251" />
        <source>Skipped (already in the project):</source>
        <translation>المتجاوز (موجود في المشروع):</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="252" />
        <source>Failed:</source>
        <translation>تعذّر استيراده:</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="255" />
        <source>Imported with warnings:</source>
        <translation>المستورد مع تحذيرات:</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="257" />
        <source>Not attempted:</source>
        <translation>ما لم يُحاوَل:</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="263" />
        <source>Import report</source>
        <translation>تقرير الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="293" />
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="294" />
        <source>Exporting documents…</source>
        <translation>جارٍ تصدير المستندات…</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="303" />
        <source>Cannot write %1: %2</source>
        <translation>تتعذّر الكتابة في %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="310" />
        <location filename="../../ui/io/io_controller.py" line="349" />
        <source>Export report</source>
        <translation>تقرير التصدير</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="310" />
        <source>The export could not be done.</source>
        <translation>تعذّر التصدير.</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="319" />
        <source>Export cancelled. Nothing was written.</source>
        <translation>أُلغي التصدير. لم يُكتب شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="321" />
        <source>No document matched the selection; check the statuses to export.</source>
        <translation>لا مستند يطابق الاختيار؛ راجع الحالات المختارة للتصدير.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/io/io_controller.py" line="323" />
        <source>Exported %1 of %n document(s).</source>
        <translation><numerusform>صُدِّر %1 من %n مستند.</numerusform><numerusform>صُدِّر %1 من مستند واحد.</numerusform><numerusform>صُدِّر %1 من مستندين.</numerusform><numerusform>صُدِّر %1 من %n مستندات.</numerusform><numerusform>صُدِّر %1 من %n مستنداً.</numerusform><numerusform>صُدِّر %1 من %n مستند.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="342" />
        <source>Spans widened to whole tokens (%1):</source>
        <translation>مقاطع وُسّعت إلى وحدات كاملة (%1):</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="344" />
        <source>Spans kept with the clitic split out (%1):</source>
        <translation>مقاطع أُبقيت مع فصل اللاصقة (%1):</translation>
    </message>
    <message>
        <source>Exported %1 of %2 documents.</source>
        <translation>صُدِّر %1 من %2 مستندات.</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="328" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/io/io_controller.py" line="329" />
        <source>%n document(s) not exported (status %1).</source>
        <translation><numerusform>لم يُصدَّر أي مستند (الحالة %1).</numerusform><numerusform>لم يُصدَّر مستند واحد (الحالة %1).</numerusform><numerusform>لم يُصدَّر مستندان (الحالة %1).</numerusform><numerusform>لم تُصدَّر %n مستندات (الحالة %1).</numerusform><numerusform>لم يُصدَّر %n مستنداً (الحالة %1).</numerusform><numerusform>لم يُصدَّر %n مستند (الحالة %1).</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="330" />
        <source>Documents:</source>
        <translation>المستندات:</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="333" />
        <source>Spans:</source>
        <translation>المقاطع:</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="334" />
        <source>Events:</source>
        <translation>الأحداث:</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="335" />
        <source>Relations:</source>
        <translation>العلاقات:</translation>
    </message>
    <message>
        <location filename="../../ui/io/io_controller.py" line="336" />
        <source>Not carried by the format:</source>
        <translation>ما لا تحمله الصيغة:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="67" />
        <source>Import annotations</source>
        <translation>استيراد الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="67" />
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="72" />
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="73" />
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="74" />
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="92" />
        <source>Detect automatically</source>
        <translation>اكتشاف تلقائي</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="97" />
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="98" />
        <source>Encoding:</source>
        <translation>الترميز:</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="99" />
        <source>Status of new documents:</source>
        <translation>حالة المستندات الجديدة:</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="101" />
        <location filename="../../ui/io/import_dialog.py" line="265" />
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="102" />
        <source>Clean up scraped news (title, date, boilerplate, captions)</source>
        <translation>تنظيف الأخبار المجموعة من الويب (العنوان والتاريخ والحشو وتعليقات الصور)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="107" />
        <source> MB</source>
        <translation> ميغابايت</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="110" />
        <source>text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="110" />
        <source>title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="110" />
        <source>date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="111" />
        <source>URL</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="111" />
        <source>source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="111" />
        <source>id</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="122" />
        <source>Refuse files larger than:</source>
        <translation>رفض الملفات الأكبر من:</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="123" />
        <source>JSONL fields / CSV columns:</source>
        <translation>حقول JSONL / أعمدة CSV:</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="126" />
        <location filename="../../ui/io/import_dialog.py" line="265" />
        <source>Annotated files</source>
        <translation>الملفات الموسومة</translation>
    </message>
    <message>
        <source>Refuse them (report each)</source>
        <translation>رفضها (مع الإبلاغ عن كل منها)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="128" />
        <source>Add them while the project has no annotations</source>
        <translation>إضافتها ما دام المشروع بلا وسوم</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="129" />
        <source>Refuse the file</source>
        <translation>رفض الملف</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="130" />
        <source>Add them to the schema</source>
        <translation>إضافتها إلى المخطط</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="132" />
        <source>Detect</source>
        <translation>اكتشاف</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="136" />
        <source>Labels not in the schema:</source>
        <translation>الوسوم غير الموجودة في المخطط:</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="137" />
        <source>CoNLL tag scheme:</source>
        <translation>نظام وسوم CoNLL:</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="140" />
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="143" />
        <source>Files and folders (folders are read with their subfolders):</source>
        <translation>الملفات والمجلدات (تُقرأ المجلدات مع مجلداتها الفرعية):</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="159" />
        <source>Detect from the file extension</source>
        <translation>الاكتشاف من امتداد الملف</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="161" />
        <source>Plain text (.txt)</source>
        <translation>نص عادي (‎.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="162" />
        <source>Web pages (.html)</source>
        <translation>صفحات ويب (‎.html)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="163" />
        <source>JSON lines of articles (.jsonl)</source>
        <translation>مقالات بأسطر JSON ‏(‎.jsonl)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="164" />
        <source>CSV or TSV table (.csv, .tsv)</source>
        <translation>جدول CSV أو TSV ‏(‎.csv و‎.tsv)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="165" />
        <source>ZIP archive of articles (.zip)</source>
        <translation>أرشيف ZIP للمقالات (‎.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="168" />
        <source>Annotated: this app's JSONL</source>
        <translation>موسوم: JSONL هذا التطبيق</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="169" />
        <source>Annotated: brat standoff (.ann + .txt)</source>
        <translation>موسوم: brat standoff ‏(‎.ann و‎.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="170" />
        <source>Annotated: CoNLL, IOB2 or BIOES</source>
        <translation>موسوم: CoNLL أو IOB2 أو BIOES</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="171" />
        <source>Annotated: spaCy DocBin (.spacy)</source>
        <translation>موسوم: spaCy DocBin ‏(‎.spacy)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="172" />
        <source>Annotated: Label Studio JSON</source>
        <translation>موسوم: Label Studio JSON</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="173" />
        <source>Annotated: doccano JSONL</source>
        <translation>موسوم: doccano JSONL</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="235" />
        <source>Add at least one file or folder to import.</source>
        <translation>أضف ملفاً أو مجلداً واحداً على الأقل للاستيراد.</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="241" />
        <source>Unknown encoding “%1”; pick one from the list or leave it on Detect automatically.</source>
        <translation>ترميز غير معروف «%1»؛ اختر ترميزاً من القائمة أو اتركه على «اكتشاف تلقائي».</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="267" />
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="268" />
        <source>Choose files to import</source>
        <translation>اختر ملفات للاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/io/import_dialog.py" line="273" />
        <source>Choose a folder to import</source>
        <translation>اختر مجلداً للاستيراد</translation>
    </message>
</context>
<context>
    <name>LabelAllDialog</name>
    <message>
        <location filename="../../ui/assist/label_all_dialog.py" line="18" />
        <source>Label all occurrences as %1</source>
        <translation>وسم كل المواضع بـ%1</translation>
    </message>
    <message>
        <location filename="../../ui/assist/label_all_dialog.py" line="47" />
        <source>%1 of %2 occurrence(s) of “%3” will be labelled %4; %5 skipped (already %4).</source>
        <translation>سيوسم %1 من %2 موضع لـ«%3» بـ%4؛ وتُجوّز %5 (موسومة %4 من قبل).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window/main_window.py" line="94" />
        <source>in memory</source>
        <translation>في الذاكرة</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="95" />
        <source>Qalam Annotator</source>
        <translation>قلم للوسم</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="164" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="169" />
        <source>Labels and annotations</source>
        <translation>الوسوم والتعليقات</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="170" />
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="186" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="188" />
        <source>&amp;Recent projects</source>
        <translation>المشاريع الأ&amp;خيرة</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="193" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="205" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="211" />
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="215" />
        <source>&amp;Labels</source>
        <translation>&amp;وسوم</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="216" />
        <source>&amp;Settings</source>
        <translation>&amp;إعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="218" />
        <source>&amp;Help</source>
        <translation>مساع&amp;دة</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="232" />
        <location filename="../../ui/window/main_window.py" line="525" />
        <source>All changes saved</source>
        <translation>حُفظت كل التغييرات</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="321" />
        <source>Mark document %1</source>
        <translation>تعليم المستند %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="336" />
        <source>No unannotated document left</source>
        <translation>لم يبق مستند غير موسوم</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="357" />
        <source>Change text direction</source>
        <translation>تغيير اتجاه النص</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="389" />
        <source>Select some text first, then press a label key</source>
        <translation>حدّد نصاً أولاً ثم اضغط مفتاح الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="391" />
        <source>Add %1 span</source>
        <translation>إضافة مقطع %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="400" />
        <source>Change label to %1</source>
        <translation>تغيير الوسم إلى %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="404" />
        <source>Edit span details</source>
        <translation>تعديل تفاصيل المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="411" />
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="520" />
        <source>Done %1/%2</source>
        <translation>المنجز %1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="535" />
        <source>Offset %1</source>
        <translation>الموضع %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="546" />
        <source>Alt+C selects «%1» without the clitics «%2»</source>
        <translation>Alt+C يحدد «%1» دون اللواصق «%2»</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="562" />
        <source>No other recent project</source>
        <translation>لا مشروع حديثاً غيره</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="567" />
        <source>Open project folder</source>
        <translation>فتح مجلد مشروع</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="37" />
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="41" />
        <source>A new or empty folder</source>
        <translation>مجلد جديد أو فارغ</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="42" />
        <location filename="../../ui/window/new_project_dialog.py" line="50" />
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="47" />
        <source>From a schema file…</source>
        <translation>من ملف مخطط…</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="49" />
        <source>schema.json</source>
        <translation>schema.json</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="57" />
        <source>Folder:</source>
        <translation>المجلد:</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="58" />
        <source>Schema:</source>
        <translation>المخطط:</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="62" />
        <source>Schema file:</source>
        <translation>ملف المخطط:</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="64" />
        <source>&amp;Create</source>
        <translation>إ&amp;نشاء</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="78" />
        <source>Folder for the new project</source>
        <translation>مجلد المشروع الجديد</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="83" />
        <source>Schema file</source>
        <translation>ملف المخطط</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="83" />
        <source>Schema (*.json)</source>
        <translation>مخطط (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="91" />
        <source>Choose a folder for the project.</source>
        <translation>اختر مجلداً للمشروع.</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="94" />
        <source>%1 is already a project: open it with File → Open project.</source>
        <translation>%1 مشروع موجود: افتحه من ملف ← فتح مشروع.</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="96" />
        <source>%1 is not an empty folder: choose a new or empty one.</source>
        <translation>%1 ليس مجلداً فارغاً: اختر مجلداً جديداً أو فارغاً.</translation>
    </message>
    <message>
        <location filename="../../ui/window/new_project_dialog.py" line="101" />
        <source>Choose the schema file.</source>
        <translation>اختر ملف المخطط.</translation>
    </message>
</context>
<context>
    <name>QtProgress</name>
    <message>
        <location filename="../../ui/io/progress.py" line="47" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/io/progress.py" line="65" />
        <source>Cancelling after the current item…</source>
        <translation>جارٍ الإلغاء بعد العنصر الحالي…</translation>
    </message>
</context>
<context>
    <name>ReaderDocument</name>
    <message>
        <location filename="../../ui/reader/textdoc.py" line="204" />
        <source>Lines removed at ingestion:</source>
        <translation>الأسطر المحذوفة عند الاستيراد:</translation>
    </message>
</context>
<context>
    <name>RelationPicker</name>
    <message>
        <location filename="../../ui/events/relation_tools.py" line="47" />
        <source>Relation</source>
        <translation>العلاقة</translation>
    </message>
    <message>
        <location filename="../../ui/events/relation_tools.py" line="55" />
        <source>Reverse direction</source>
        <translation>عكس الاتجاه</translation>
    </message>
    <message>
        <location filename="../../ui/events/relation_tools.py" line="58" />
        <source>Filter relation types</source>
        <translation>تصفية أنواع العلاقات</translation>
    </message>
    <message>
        <location filename="../../ui/events/relation_tools.py" line="87" />
        <source>%1 (%2)  →  %3 (%4)</source>
        <translation>⁧%1 (%2)⁩  ←  ⁧%3 (%4)⁩</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/io/report_dialog.py" line="72" />
        <source>Copy report</source>
        <translation>نسخ التقرير</translation>
    </message>
</context>
<context>
    <name>RolePicker</name>
    <message>
        <location filename="../../ui/events/role_picker.py" line="49" />
        <source>Argument role</source>
        <translation>دور المشارك</translation>
    </message>
    <message>
        <location filename="../../ui/events/role_picker.py" line="59" />
        <source>%1 argument: %2</source>
        <translation>مشارك في %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/events/role_picker.py" line="65" />
        <source>any type</source>
        <translation>أي نوع</translation>
    </message>
    <message>
        <location filename="../../ui/events/role_picker.py" line="75" />
        <source>New span type:</source>
        <translation>نوع المقطع الجديد:</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="63" />
        <location filename="../../ui/schema/schema_editor.py" line="166" />
        <source>Schema</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="72" />
        <location filename="../../ui/schema/schema_editor.py" line="73" />
        <location filename="../../ui/schema/schema_editor.py" line="74" />
        <location filename="../../ui/schema/schema_editor.py" line="75" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="72" />
        <location filename="../../ui/schema/schema_editor.py" line="73" />
        <location filename="../../ui/schema/schema_editor.py" line="74" />
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="72" />
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="72" />
        <location filename="../../ui/schema/schema_editor.py" line="73" />
        <location filename="../../ui/schema/schema_editor.py" line="74" />
        <location filename="../../ui/schema/schema_editor.py" line="76" />
        <source>In use</source>
        <translation>الاستخدامات</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="73" />
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="74" />
        <source>Arg 1</source>
        <translation>الطرف 1</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="74" />
        <source>Arg 2</source>
        <translation>الطرف 2</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="75" />
        <source>Values</source>
        <translation>القيم</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="75" />
        <source>Default</source>
        <translation>الافتراضي</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="75" />
        <source>Applies to</source>
        <translation>ينطبق على</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="78" />
        <source>Entity types</source>
        <translation>أنواع الكيانات</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="78" />
        <source>Event types</source>
        <translation>أنواع الأحداث</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="79" />
        <source>Relation types</source>
        <translation>أنواع العلاقات</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="79" />
        <source>Attributes</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="93" />
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="94" />
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="95" />
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="97" />
        <source>Colour…</source>
        <translation>اللون…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="98" />
        <source>Key…</source>
        <translation>المفتاح…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="100" />
        <source>Arguments…</source>
        <translation>الطرفان…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="108" />
        <source>Roles of the selected event type (allowed entity types):</source>
        <translation>أدوار نوع الحدث المحدد (أنواع الكيانات المسموحة):</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="111" />
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="111" />
        <location filename="../../ui/schema/schema_editor.py" line="546" />
        <source>Allowed types</source>
        <translation>الأنواع المسموحة</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="118" />
        <source>Add role…</source>
        <translation>إضافة دور…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="119" />
        <source>Rename role…</source>
        <translation>إعادة تسمية الدور…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="120" />
        <source>Allowed types…</source>
        <translation>الأنواع المسموحة…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="121" />
        <source>Remove role</source>
        <translation>إزالة الدور</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="141" />
        <source>Use preset</source>
        <translation>استخدام القالب الجاهز</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="143" />
        <source>Import JSON…</source>
        <translation>استيراد JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="145" />
        <source>Export JSON…</source>
        <translation>تصدير JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="147" />
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="162" />
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="170" />
        <source>Import schema</source>
        <translation>استيراد مخطط</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="170" />
        <location filename="../../ui/schema/schema_editor.py" line="175" />
        <source>Schema (*.json)</source>
        <translation>مخطط (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="174" />
        <source>Export schema</source>
        <translation>تصدير المخطط</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="211" />
        <source>key '%1' is used by %2</source>
        <translation>المفتاح «%1» يستخدمه %2</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="221" />
        <location filename="../../ui/schema/schema_editor.py" line="387" />
        <source>any</source>
        <translation>أي نوع</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="293" />
        <source>added %1</source>
        <translation>أُضيف %1</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="297" />
        <source>renamed %1 to %2; %3 annotation(s) follow</source>
        <translation>أُعيدت تسمية %1 إلى %2؛ وتتبعه الوسوم (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="310" />
        <source>%1 is now %2</source>
        <translation>صار %1 الآن %2</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="316" />
        <source>a shortcut key is one character, not %1</source>
        <translation>مفتاح الاختصار محرف واحد، لا %1</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="322" />
        <source>key '%1' is already used by %2; choose another key or free it first</source>
        <translation>المفتاح «%1» يستخدمه %2؛ اختر مفتاحاً آخر أو حرّره أولاً</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="328" />
        <source>%1: key %2</source>
        <translation>%1: المفتاح %2</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="334" />
        <source>%1 arguments changed</source>
        <translation>تغيّر طرفا %1</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="340" />
        <source>%1 annotation(s) use %2. Remove %2 and those annotations?</source>
        <translation>عدد الوسوم التي تستخدم %2: %1. أتريد إزالة %2 وهذه الوسوم؟</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="342" />
        <source>kept %1</source>
        <translation>أُبقي على %1</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="344" />
        <source>removed %1 and %2 annotation(s)</source>
        <translation>أُزيل %1 والوسوم التي تستخدمه (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="362" />
        <source>%1: role %2 added</source>
        <translation>%1: أُضيف الدور %2</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="376" />
        <source>%1 argument(s) of role %2 would not fit: %3; change or remove them first</source>
        <translation>لن يناسب %1 من مشاركي الدور %2: %3؛ غيّرهم أو أزلهم أولاً</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="386" />
        <source>%1: role %2 takes %3</source>
        <translation>%1: الدور %2 يقبل %3</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="393" />
        <source>%1 argument(s) fill role %2. Remove the role and those arguments?</source>
        <translation>عدد المشاركين في الدور %2: %1. أتريد إزالة الدور وهؤلاء المشاركين؟</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="395" />
        <source>kept role %1</source>
        <translation>أُبقي على الدور %1</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="402" />
        <source>%1: role %2 removed with %3 argument(s)</source>
        <translation>%1: أُزيل الدور %2 مع مشاركيه (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="410" />
        <source>could not write %1: %2</source>
        <translation>تعذّرت الكتابة في %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="413" />
        <source>schema written to %1</source>
        <translation>كُتب المخطط في %1</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="425" />
        <source>schema imported from %1</source>
        <translation>استُورد المخطط من %1</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="431" />
        <source>preset %1 in use</source>
        <translation>القالب الجاهز %1 مستخدم الآن</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="453" />
        <source>the new schema does not fit %1 event argument(s): %2</source>
        <translation>المخطط الجديد لا يناسب مشاركين في أحداث (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="461" />
        <source>Select a row first.</source>
        <translation>حدّد صفاً أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="465" />
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="465" />
        <source>Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="469" />
        <source>Add attribute</source>
        <translation>إضافة خاصية</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="469" />
        <source>Values, separated by commas:</source>
        <translation>القيم، مفصولة بفواصل:</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="480" />
        <source>Rename</source>
        <translation>إعادة تسمية</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="480" />
        <source>New name for %1:</source>
        <translation>الاسم الجديد لـ %1:</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="497" />
        <source>Shortcut key</source>
        <translation>مفتاح الاختصار</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="497" />
        <source>Key for %1 (empty: none):</source>
        <translation>مفتاح %1 (فارغ: بلا مفتاح):</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="507" />
        <location filename="../../ui/schema/schema_editor.py" line="510" />
        <source>Arguments</source>
        <translation>الطرفان</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="507" />
        <source>Arg 1 types (commas; empty = any):</source>
        <translation>أنواع الطرف 1 (بفواصل؛ فارغ = أي نوع):</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="510" />
        <source>Arg 2 types (commas; empty = any):</source>
        <translation>أنواع الطرف 2 (بفواصل؛ فارغ = أي نوع):</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="523" />
        <location filename="../../ui/schema/schema_editor.py" line="526" />
        <source>Add role</source>
        <translation>إضافة دور</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="523" />
        <source>Role name:</source>
        <translation>اسم الدور:</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="526" />
        <source>Allowed types (commas; empty = any):</source>
        <translation>الأنواع المسموحة (بفواصل؛ فارغ = أي نوع):</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="533" />
        <location filename="../../ui/schema/schema_editor.py" line="543" />
        <location filename="../../ui/schema/schema_editor.py" line="554" />
        <source>Select a role first.</source>
        <translation>حدّد دوراً أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="535" />
        <source>Rename role</source>
        <translation>إعادة تسمية الدور</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="536" />
        <source>New name for role %1 (renamed in every event type):</source>
        <translation>الاسم الجديد للدور %1 (يُعاد تسميته في كل أنواع الأحداث):</translation>
    </message>
    <message>
        <location filename="../../ui/schema/schema_editor.py" line="546" />
        <source>Types for %1 (commas; empty = any):</source>
        <translation>أنواع %1 (بفواصل؛ فارغ = أي نوع):</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/window/app.py" line="167" />
        <source>Open project folder</source>
        <translation>فتح مجلد مشروع</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/window/help.py" line="87" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/window/help.py" line="90" />
        <source>Filter</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <location filename="../../ui/window/help.py" line="92" />
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <location filename="../../ui/window/help.py" line="92" />
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../ui/window/help.py" line="92" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../ui/window/start_screen.py" line="40" />
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location filename="../../ui/window/start_screen.py" line="41" />
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../ui/window/start_screen.py" line="42" />
        <source>Open the &amp;sample project</source>
        <translation>فتح المشروع ال&amp;تجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/window/start_screen.py" line="51" />
        <source>Recent projects:</source>
        <translation>المشاريع الأخيرة:</translation>
    </message>
    <message>
        <location filename="../../ui/window/start_screen.py" line="52" />
        <source>No recent projects.</source>
        <translation>لا مشاريع حديثة.</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="36" />
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="36" />
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="37" />
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="37" />
        <source>Accept all</source>
        <translation>قبول الكل</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="38" />
        <source>Train now</source>
        <translation>درّب الآن</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="48" />
        <source>No model yet</source>
        <translation>لا نموذج بعد</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="55" />
        <source>Suggestions in this document: %1</source>
        <translation>الاقتراحات في هذا المستند: %1</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="57" />
        <source>Acceptance rate in this project: counting…</source>
        <translation>نسبة القبول في هذا المشروع: جارٍ العدّ…</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="59" />
        <source>Acceptance rate in this project: %1 (%2 of %3)</source>
        <translation>نسبة القبول في هذا المشروع: %1 (%2 من %3)</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="61" />
        <source>This session: %1 (%2 of %3)</source>
        <translation>في هذه الجلسة: %1 (%2 من %3)</translation>
    </message>
    <message>
        <source>Acceptance rate: %1 (%2 of %3)</source>
        <translation>نسبة القبول: %1 (%2 من %3)</translation>
    </message>
    <message>
        <location filename="../../ui/assist/suggestions_panel.py" line="71" />
        <source>Cross-validated F1 of the last training: %1</source>
        <translation>مقياس F1 بالتحقق المتقاطع لآخر تدريب: %1</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <location filename="../../ui/team/team_controller.py" line="59" />
        <source>Export &amp;bundle…</source>
        <translation>تصدير &amp;حزمة…</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="60" />
        <source>&amp;Import bundles into this project…</source>
        <translation>&amp;استيراد حزم إلى هذا المشروع…</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="61" />
        <source>&amp;Agreement…</source>
        <translation>&amp;الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="62" />
        <source>&amp;Curation view…</source>
        <translation>عرض ال&amp;تنقيح…</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="63" />
        <source>Your &amp;name…</source>
        <translation>ا&amp;سمك…</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="65" />
        <source>&amp;Team</source>
        <translation>ال&amp;فريق</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="98" />
        <source>Annotator: %1</source>
        <translation>الموسِّم: %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="106" />
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="107" />
        <source>The name recorded on your annotations and bundles:</source>
        <translation>الاسم المسجَّل على توسيماتك وحزمك:</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="125" />
        <location filename="../../ui/team/team_controller.py" line="131" />
        <location filename="../../ui/team/team_controller.py" line="133" />
        <source>Export bundle</source>
        <translation>تصدير حزمة</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="133" />
        <source>%1 documents written to %2 as %3's work</source>
        <translation>كُتب %1 مستندات في %2 بوصفها عمل %3</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_controller.py" line="138" />
        <location filename="../../ui/team/team_controller.py" line="144" />
        <location filename="../../ui/team/team_controller.py" line="148" />
        <source>Import bundles</source>
        <translation>استيراد حزم</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../ui/window/crash.py" line="139" />
        <source>{app}: unexpected error</source>
        <translation>{app}: خطأ غير متوقع</translation>
    </message>
    <message>
        <location filename="../../ui/window/crash.py" line="140" />
        <source>Something went wrong: {error}

Your annotations are safe: every edit was saved when you made it. You can keep working, or restart the app.</source>
        <translation>حدث خطأ: {error}

وسومك في أمان: حُفظ كل تعديل لحظة إجرائه. يمكنك متابعة العمل أو إعادة تشغيل التطبيق.</translation>
    </message>
    <message>
        <location filename="../../ui/window/crash.py" line="144" />
        <source>The details could not be written to a log file: {reason}. Copy them from below and send them with your report.</source>
        <translation>تعذّرت كتابة التفاصيل في ملف سجل: {reason}. انسخها من الأسفل وأرسلها مع بلاغك.</translation>
    </message>
    <message>
        <location filename="../../ui/window/crash.py" line="148" />
        <source>The details were written to:
{path}
Please send that file with your report.</source>
        <translation>كُتبت التفاصيل في:
{path}
يُرجى إرسال هذا الملف مع بلاغك.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/team/curation_view.py" line="282" />
        <source>Curation</source>
        <translation>التنقيح</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/window/help.py" line="73" />
        <source>Reader</source>
        <translation>القارئ</translation>
    </message>
</context>
</TS>