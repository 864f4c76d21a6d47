"""Writes the cleanup test set: synthetic scraped articles in the layouts of nine Arabic news sites.

Usage: ``python tests/data/sites/build.py`` (rewrites ``<site>/NN.txt`` and ``<site>/NN.gold.json``).

Every article text here was written for this test set; only the page layouts (where the breadcrumb,
the date, the byline, the share bar... sit) are modelled on the outlets named. Each gold file gives
the title, the first body words, the publication date (ISO; ``hijri`` as written when the page
shows one) and ``remove``: every line that must leave the body (title, dates, bylines, captions and
boilerplate). Lines that come back in every article of a site (its name, its menu, its newsletter
box) are there on purpose: only learning them from the batch removes them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from hijridate import Gregorian

HERE = Path(__file__).resolve().parent

STORIES = [
    {
        "title": "البنك المركزي المصري يثبت أسعار الفائدة للمرة الثالثة على التوالي",
        "section": "اقتصاد", "city": "القاهرة",
        "paras": [
            "قرر البنك المركزي المصري، مساء الخميس، الإبقاء على أسعار الفائدة الأساسية دون تغيير، في ثالث "
            "اجتماع على التوالي للجنة السياسة النقدية هذا العام.",
            "وقالت اللجنة في بيان إن معدلات التضخم السنوية تواصل التراجع التدريجي، لكنها لا تزال أعلى من "
            "المستهدف الذي حدده البنك على المدى المتوسط.",
            "ويتوقع محللون أن يبدأ البنك خفض الفائدة قبل نهاية العام إذا استمر تباطؤ الأسعار واستقر سعر صرف "
            "الجنيه أمام الدولار.",
        ],
        "sub": "توقعات المحللين",
        "caption": "مقر البنك المركزي المصري في وسط القاهرة",
    },
    {
        "title": "أمطار غزيرة تنعش آمال المزارعين في المغرب بعد سنوات من الجفاف",
        "section": "مجتمع", "city": "الرباط",
        "paras": [
            "شهدت مناطق واسعة من المغرب خلال الأيام الماضية تساقطات مطرية مهمة، رفعت نسبة ملء السدود في عدد "
            "من الأحواض المائية.",
            "وأكد مزارعون في سهل سايس أن هذه الأمطار جاءت في وقت حاسم بالنسبة لزراعة الحبوب، بعد موسم صعب "
            "اضطر فيه كثيرون إلى بيع جزء من مواشيهم.",
            "من جهتها، دعت وزارة التجهيز والماء إلى مواصلة ترشيد الاستهلاك، مشيرة إلى أن الوضع المائي ما يزال "
            "هشاً رغم التحسن الأخير.",
        ],
        "sub": "السدود تستعيد جزءاً من مخزونها",
        "caption": "حقول قمح في سهل سايس بعد الأمطار الأخيرة",
    },
    {
        "title": "الهلال يتوج بكأس الملك بعد فوز مثير بركلات الترجيح",
        "section": "رياضة", "city": "جدة",
        "paras": [
            "توج فريق الهلال بلقب كأس خادم الحرمين الشريفين، بعد تغلبه على منافسه النصر بركلات الترجيح إثر "
            "انتهاء الوقت الأصلي والإضافي بالتعادل.",
            "وتقدم النصر في الشوط الأول عبر ضربة رأسية، قبل أن يعادل الهلال النتيجة في الدقائق الأخيرة من "
            "المباراة التي احتضنها ملعب مدينة الملك عبد الله بجدة.",
            "وتألق حارس الهلال في ركلات الترجيح بتصديه لمحاولتين، ليمنح فريقه اللقب الثاني في الموسم بعد "
            "الدوري.",
        ],
        "sub": "ليلة الحارس",
        "caption": "لاعبو الهلال يحتفلون باللقب في جدة",
    },
    {
        "title": "وزارة الصحة الأردنية تطلق حملة وطنية لتطعيم الأطفال ضد الحصبة",
        "section": "صحة", "city": "عمّان",
        "paras": [
            "أطلقت وزارة الصحة الأردنية، الأحد، حملة وطنية لتطعيم الأطفال دون سن الخامسة ضد الحصبة والحصبة "
            "الألمانية، تستمر أسبوعين في جميع المحافظات.",
            "وأوضح مدير إدارة الرعاية الصحية الأولية أن فرق التطعيم ستزور المدارس ورياض الأطفال والتجمعات "
            "السكنية البعيدة، إضافة إلى المراكز الصحية الثابتة.",
            "وحثت الوزارة الأهالي على التأكد من استكمال جرعات أطفالهم، مؤكدة أن اللقاح آمن ومجاني ومتوفر "
            "للمواطنين والمقيمين على حد سواء.",
        ],
        "sub": "فرق متنقلة في المحافظات",
        "caption": "ممرضة تعطي طفلاً جرعة من اللقاح في أحد مراكز عمّان",
    },
    {
        "title": "الإمارات تطلق قمراً صناعياً جديداً لرصد التغيرات المناخية",
        "section": "علوم وتكنولوجيا", "city": "دبي",
        "paras": [
            "أطلقت دولة الإمارات، فجر اليوم، قمراً صناعياً جديداً مخصصاً لرصد التغيرات المناخية وجودة الهواء، "
            "على متن صاروخ انطلق من قاعدة فاندنبرغ في الولايات المتحدة.",
            "وقال مركز الفضاء في دبي إن القمر سيرسل أولى صوره خلال أسابيع، وإن بياناته ستكون متاحة للباحثين "
            "في الجامعات العربية.",
            "ويعد هذا القمر الثالث الذي يطوره مهندسون إماراتيون بالكامل، ضمن برنامج يهدف إلى توطين صناعة "
            "الفضاء في الدولة.",
        ],
        "sub": "بيانات مفتوحة للباحثين",
        "caption": "الصاروخ لحظة انطلاقه وعلى متنه القمر الإماراتي",
    },
    {
        "title": "معرض القاهرة الدولي للكتاب يستقبل مليون زائر في أسبوعه الأول",
        "section": "ثقافة", "city": "القاهرة",
        "paras": [
            "أعلنت الهيئة المصرية العامة للكتاب أن عدد زوار معرض القاهرة الدولي للكتاب تجاوز مليون زائر خلال "
            "الأيام السبعة الأولى من دورته الحالية.",
            "ويشارك في المعرض هذا العام أكثر من ألف ناشر من خمسين دولة، فيما تحل سلطنة عمان ضيف شرف على "
            "الدورة بجناح يعرض مخطوطات نادرة.",
            "وشهدت قاعات الندوات إقبالاً لافتاً على جلسات الشعر والرواية، كما خصصت إدارة المعرض مساحة واسعة "
            "لكتب الأطفال والناشئة.",
        ],
        "sub": "سلطنة عمان ضيف الشرف",
        "caption": "زوار في إحدى قاعات معرض الكتاب",
    },
    {
        "title": "البرلمان اللبناني يقر موازنة العام الجديد وسط اعتراض كتل المعارضة",
        "section": "سياسة", "city": "بيروت",
        "paras": [
            "أقر مجلس النواب اللبناني، في جلسة عامة امتدت حتى ساعة متأخرة من الليل، مشروع موازنة العام "
            "الجديد بأغلبية الحاضرين.",
            "واعترضت كتل معارضة على ما وصفته بغياب أي إصلاحات حقيقية في المالية العامة، معتبرة أن الموازنة "
            "تكتفي بزيادة الرسوم والضرائب غير المباشرة.",
            "في المقابل، قال وزير المالية إن الأرقام الواردة في المشروع واقعية، وإن الحكومة ستحيل قريباً "
            "قوانين إصلاحية طلبها صندوق النقد الدولي.",
        ],
        "sub": "انتقادات المعارضة",
        "caption": "جانب من جلسة مجلس النواب في بيروت",
    },
    {
        "title": "تراجع منسوب المياه يهدد الحياة في أهوار جنوب العراق",
        "section": "بيئة", "city": "البصرة",
        "paras": [
            "يحذر سكان الأهوار في جنوب العراق من تراجع غير مسبوق في منسوب المياه، دفع مئات العائلات إلى هجرة "
            "قراها بحثاً عن مراعٍ لجواميسها.",
            "ويعزو خبراء هذا التراجع إلى قلة الأمطار وارتفاع درجات الحرارة، إضافة إلى انخفاض الإطلاقات "
            "المائية القادمة من دول المنبع.",
            "وتقول وزارة الموارد المائية إنها تعمل على تحويل جزء من حصص الري إلى الأهوار، لكن مختصين يرون أن "
            "الحلول المؤقتة لم تعد كافية.",
        ],
        "sub": "هجرة من القرى",
        "caption": "قارب صيد عالق في أرض جافة بأهوار الجبايش",
    },
    {
        "title": "الجزائر تدشن خطاً للسكك الحديدية يربط الشمال بمدن الجنوب",
        "section": "اقتصاد", "city": "الجزائر",
        "paras": [
            "دشنت الحكومة الجزائرية خطاً جديداً للسكك الحديدية يمتد لأكثر من خمسمئة كيلومتر، ويربط ولايات "
            "الشمال بعدد من مدن الجنوب الكبير.",
            "وأوضح وزير النقل أن الخط سيختصر مدة الرحلة إلى النصف تقريباً، وسيسهم في نقل المعادن والمنتجات "
            "الزراعية نحو موانئ البلاد.",
            "ومن المنتظر أن تنطلق الرحلات التجارية للمسافرين مطلع الشهر المقبل، بمعدل رحلتين يومياً في كل "
            "اتجاه.",
        ],
        "sub": "رحلتان يومياً",
        "caption": "قطار الركاب الجديد في محطة الأغواط",
    },
    {
        "title": "نسبة النجاح في البكالوريا التونسية ترتفع إلى أعلى مستوى منذ عقد",
        "section": "تعليم", "city": "تونس",
        "paras": [
            "أعلنت وزارة التربية التونسية نتائج الدورة الرئيسية لامتحان البكالوريا، وبلغت نسبة النجاح فيها "
            "أعلى مستوى تسجله البلاد منذ عشر سنوات.",
            "وتصدرت شعبة الرياضيات ترتيب الشعب من حيث نسب النجاح، فيما حافظت ولايات الساحل على مراتبها "
            "المتقدمة في الترتيب الجهوي.",
            "ويحق للتلاميذ الذين لم يحالفهم الحظ اجتياز دورة المراقبة المقررة أواخر الشهر الجاري، وفق "
            "الروزنامة التي نشرتها الوزارة.",
        ],
        "sub": "الرياضيات في الصدارة",
        "caption": "تلاميذ يطالعون النتائج أمام معهد في العاصمة",
    },
]

EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
            "نوفمبر", "ديسمبر"]
LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
             "تشرين الثاني", "كانون الأول"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان",
         "شوال", "ذو القعدة", "ذو الحجة"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
AUTHORS = ["أحمد عبد الرحمن", "سارة المصري", "محمد الغامدي", "ليلى بن علي", "يوسف حداد"]

Line = tuple[str, str]  # (text, role): role "body" stays, anything else must go


def hijri(when: datetime) -> tuple[int, str, int]:
    h = Gregorian(when.year, when.month, when.day).to_hijri()
    return h.day, HIJRI[h.month - 1], h.year


def ampm(when: datetime) -> str:
    return f"{when.hour % 12 or 12}:{when.minute:02d} {'م' if when.hour >= 12 else 'ص'}"


def body(story: dict, k: int, with_sub: bool = True, caption: str | None = None) -> list[Line]:
    paras = story["paras"]
    out: list[Line] = [(paras[0], "body")]
    if caption:
        out.append((caption, "caption"))
    out.append((paras[1], "body"))
    if with_sub and k % 2 == 0:
        out.append((story["sub"], "body"))
    out.append((paras[2], "body"))
    return out


def other(story: dict, n: int = 1) -> list[str]:
    i = STORIES.index(story)
    return [STORIES[(i + 3 + j) % len(STORIES)]["title"] for j in range(n)]


def aljazeera(story: dict, k: int, when: datetime, rng: random.Random) -> tuple[list[Line], dict]:
    paras = body(story, k)
    links = other(story, 2)
    lines: list[Line] = [
        ("الجزيرة نت", "noise"),
        (f"الأخبار › {story['section']}", "noise"),
        (story["title"], "title"),
        (f"{when.day}/{when.month}/{when.year}", "date"),
        (f"آخر تحديث: {when.day}/{when.month}/{when.year} {(when.hour + 2) % 24:02d}:{when.minute:02d} (بتوقيت مكة)",
         "noise"),
        ("شارك", "noise"), ("فيسبوك", "noise"), ("إكس", "noise"), ("واتساب", "noise"),
        *paras[:2],
        ("اقرأ أيضا", "noise"), ("قائمة 1 من 2", "noise"), (links[0], "noise"), ("قائمة 2 من 2", "noise"),
        (links[1], "noise"), ("نهاية القائمة", "noise"),
        *paras[2:],
        ("المصدر: الجزيرة + وكالات", "noise"),
        ("جميع الحقوق محفوظة © 2025 شبكة الجزيرة الإعلامية", "noise"),
    ]
    return lines, {"source": "الجزيرة + وكالات"}


def bbc(story: dict, k: int, when: datetime, rng: random.Random) -> tuple[list[Line], dict]:
    section = ["أخبار عربية", "اقتصاد", "علوم وتكنولوجيا", "أخبار عربية", "صحة"][k]
    lines: list[Line] = [
        (section, "noise"),
        ("", "blank"),
        (story["title"], "title"),
        (story["title"], "title"),
        ("", "blank"),
        (f"{when.day} {EGYPTIAN[when.month - 1]}/ {LEVANTINE[when.month - 1]} {when.year}", "date"),
        ("", "blank"),
        ("صدر الصورة، Getty Images", "caption"),
        (f"التعليق على الصورة، {story['caption']}", "caption"),
        ("", "blank"),
    ]
    for text, role in body(story, k):
        lines += [(text, role), ("", "blank")]
    lines.insert(-4, (f"اقرأ أيضاً: {other(story)[0]}", "noise"))
    lines += [
        ("شارك عبر: فيسبوك | إكس | واتساب | تلغرام", "noise"),
        ("© 2025 بي بي سي. بي بي سي ليست مسؤولة عن محتوى المواقع الخارجية.", "noise"),
    ]
    return lines, {}


def asharq(story: dict, k: int, when: datetime, rng: random.Random) -> tuple[list[Line], dict]:
    hd, hm, hy = hijri(when)
    written = f"{hd} {hm} {hy} هـ"
    lines: list[Line] = [
        ("الشرق الأوسط", "noise"),
        ("الرئيسية أخبار العالم العربي الاقتصاد الرياضة الثقافة", "noise"),
        (f"{WEEKDAYS[when.weekday()]} - {written} - {when.day} {EGYPTIAN[when.month - 1]} {when.year} مـ", "date"),
        (story["title"], "title"),
        (f"{story['city']}: «الشرق الأوسط»", "noise"),
        *body(story, k, caption=f"{story['caption']} (رويترز)" if k % 2 else None),
        ("نشرة الشرق الأوسط البريدية: سجّل بريدك الإلكتروني لتصلك أبرز الأخبار", "noise"),
    ]
    return lines, {"hijri": written, "source": "الشرق الأوسط"}


def youm7(story: dict, k: int, when: datetime, rng: random.Random) -> tuple[list[Line], dict]:
    author = AUTHORS[k % len(AUTHORS)]
    paras = body(story, k, caption=f"{story['caption']} (صورة أرشيفية)")
    lines: list[Line] = [
        ("اليوم السابع", "noise"),
        (f"الرئيسية > أخبار > {story['section']}", "noise"),
        (story["title"], "title"),
        (f"كتب {author}", "noise"),
        (f"{WEEKDAYS[when.weekday()]}، {when.day} {EGYPTIAN[when.month - 1]} {when.year} {ampm(when)}", "date"),
        (f"{rng.randint(120, 9800)} مشاهدة", "noise"),
        *paras[:3],
        (f"اقرأ أيضا.. {other(story)[0]}", "noise"),
        *paras[3:],
        ("تابعوا آخر أخبار اليوم السابع عبر تطبيق الهاتف", "noise"),
        ("الكلمات المفتاحية: " + "، ".join([story["section"], story["city"], "أخبار"]), "noise"),
    ]
    return lines, {"author": author}


def hespress(story: dict, k: int, when: datetime, rng: random.Random) -> tuple[list[Line], dict]:
    author = AUTHORS[(k + 2) % len(AUTHORS)]
    lines: list[Line] = [
        ("هسبريس", "noise"),
        ("أخبار هسبريس | سياسة | مجتمع | اقتصاد | رياضة | فن وثقافة", "noise"),
        (story["title"], "title"),
        (f"صورة: هسبريس - {story['caption']}", "caption"),
        (author, "noise"),
        (f"{WEEKDAYS[when.weekday()]} {when.day} {EGYPTIAN[when.month - 1]} {when.year} - {when:%H:%M}", "date"),
        *body(story, k),
        ("#" + " #".join([story["section"].replace(" ", "_"), story["city"], "المغرب"]), "noise"),
        (f"{rng.randint(2, 60)} تعليقات", "noise"),
        ("شارك على فيسبوك وتويتر", "noise"),
    ]
    return lines, {"author": author}


def ahram(story: dict, k: int, when: datetime, rng: random.Random) -> tuple[list[Line], dict]:
    today = datetime(2025, 3, 1)
    author = AUTHORS[(k + 1) % len(AUTHORS)]
    lines: list[Line] = [
        (f"{WEEKDAYS[today.weekday()]} {today.day} {EGYPTIAN[today.month - 1]} {today.year}", "noise"),
        ("℃ 22 القاهرة", "noise"),
        ("الدولار 50.60 جنيه | اليورو 52.85 جنيه | الذهب عيار 21: 4150 جنيه", "noise"),
        ("بوابة الأهرام", "noise"),
        (story["title"], "title"),
        (f"{when.day}-{when.month}-{when.year} | {when:%H:%M}", "date"),
        (f"بقلم: {author}", "noise"),
        *body(story, k, caption=f"{story['caption']} - أرشيفية"),
        ("طباعة", "noise"),
        ("حقوق النشر محفوظة لمؤسسة الأهرام 2025", "noise"),
    ]
    return lines, {"author": author}


def anadolu(story: dict, k: int, when: datetime, rng: random.Random) -> tuple[list[Line], dict]:
    paras = body(story, k)
    lines: list[Line] = [
        ("الأناضول", "noise"),
        (story["title"], "title"),
        (f"{when.day:02d}.{when.month:02d}.{when.year}", "date"),
        (f"{story['city']}/ الأناضول", "noise"),
        *paras,
        ("أخبار ذات صلة", "noise"),
        *[(t, "noise") for t in other(story, 2)],
        ("الوسوم: " + "، ".join([story["section"], story["city"]]), "noise"),
    ]
    return lines, {"source": "الأناضول"}


def skynews(story: dict, k: int, when: datetime, rng: random.Random) -> tuple[list[Line], dict]:
    later = when + timedelta(hours=3)
    published = f"{when.day} {EGYPTIAN[when.month - 1]} {when.year} - {when:%H:%M}".translate(INDIC)
    updated = f"{later.day} {EGYPTIAN[later.month - 1]} {later.year} - {later:%H:%M}".translate(INDIC)
    lines: list[Line] = [
        (f"℃ {rng.randint(18, 34)} أبوظبي".translate(INDIC), "noise"),
        ("سكاي نيوز عربية", "noise"),
        (story["title"], "title"),
        (f"نشر في: {published} بتوقيت أبوظبي", "date"),
        (f"آخر تحديث: {updated} بتوقيت أبوظبي", "noise"),
        ("أبوظبي - سكاي نيوز عربية", "noise"),
        *body(story, k, caption=f"{story['caption']} - أرشيفية"),
        ("تابعوا آخر الأخبار على قناتنا في واتساب", "noise"),
        ("حمّل تطبيق سكاي نيوز عربية للأخبار العاجلة والتغطيات الحية", "noise"),
    ]
    return lines, {"source": "سكاي نيوز عربية"}


def okaz(story: dict, k: int, when: datetime, rng: random.Random) -> tuple[list[Line], dict]:
    hd, hm, hy = hijri(when)
    written = f"{hd} {hm} {hy}هـ".translate(INDIC) if k % 2 else f"{hd} {hm} {hy}هـ"
    author = AUTHORS[(k + 3) % len(AUTHORS)]
    lines: list[Line] = [
        ("عكاظ", "noise"),
        ("محليات | سياسة | اقتصاد | رياضة | ثقافة وفن", "noise"),
        (story["title"], "title"),
        (f"{author} ({story['city']})", "noise"),
        (f"{WEEKDAYS[when.weekday()]} {written}", "date"),
        *body(story, k),
        ("تابعونا على منصة إكس @okaz_online", "noise"),
        ("عكاظ © جميع الحقوق محفوظة", "noise"),
    ]
    return lines, {"hijri": written}


SITES: dict[str, Callable[[dict, int, datetime, random.Random], tuple[list[Line], dict]]] = {
    "aljazeera": aljazeera, "bbc": bbc, "asharq": asharq, "youm7": youm7, "hespress": hespress,
    "ahram": ahram, "anadolu": anadolu, "skynews": skynews, "okaz": okaz,
}
ARTICLES_PER_SITE = 5


def first_words(text: str, n: int = 6) -> str:
    return " ".join(text.split()[:n])


def build() -> None:
    for s, (site, make) in enumerate(SITES.items()):
        rng = random.Random(s)
        folder = HERE / site
        folder.mkdir(exist_ok=True)
        for k in range(ARTICLES_PER_SITE):
            story = STORIES[(s + 2 * k) % len(STORIES)]
            when = datetime(2024, 1, 1) + timedelta(days=rng.randint(0, 420), minutes=rng.randint(6 * 60, 23 * 60))
            lines, extra = make(story, k, when, rng)
            has_time = any(role == "date" and ":" in text for text, role in lines)
            gold = {
                "title": story["title"],
                "body_start": first_words(next(t for t, r in lines if r == "body")),
                "date": when.strftime("%Y-%m-%dT%H:%M:00") if has_time else when.date().isoformat(),
                "remove": [t for t, r in lines if r not in ("body", "blank")],
                "body": [t for t, r in lines if r == "body"],
                **extra,
            }
            (folder / f"{k + 1:02d}.txt").write_text("\n".join(t for t, _ in lines) + "\n", encoding="utf-8")
            (folder / f"{k + 1:02d}.gold.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
