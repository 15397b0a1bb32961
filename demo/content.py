# ruff: noqa: E501 - prose in three languages reads better unbroken
"""The demo organisation's content in Arabic, English and Hebrew.

Plain data only: `demo.loading.load_demo` writes it. The facts come from the
centre's report on the first half of 2021 (five publications, campaigns aimed
at technology companies, 4662 trainees, the fifth Palestine Digital Activism
Forum, more than twenty participations in international events); a few items
from other years let periods and filters tell things apart.

Every translated value is a dict {"ar": …, "en": …, "he": …}. Dates are plain
dates; moments are (year, month, day, hour, minute) in Asia/Jerusalem.
"""

import datetime

from campaigns.models import CampaignUpdate, Organization, PartnerRole, Submission
from publications.models import Article, Publication
from trainings.models import Event, Training


def T(ar, en, he):  # noqa: N802 - reads like a literal
    return {"ar": ar, "en": en, "he": he}


def P(*paragraphs):  # noqa: N802
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def D(year, month, day):  # noqa: N802
    return datetime.date(year, month, day)


# Items announced ahead of their date (upcoming events, an open course) are
# published on this day, so a fresh demo shows them as upcoming.
ANNOUNCED_ON = (2026, 11, 1, 9, 0)

AUTHORS = T("وحدة الأبحاث في مركز حملة", "Hamleh research unit", "יחידת המחקר של מרכז חמלה")
ONLINE = T("عبر الإنترنت", "Online", "מקוון")

# ---------------------------------------------------------------------------
# Topics, series, organisations
# ---------------------------------------------------------------------------

TOPICS = [
    {
        "slug": "digital-rights",
        "name": T("الحقوق الرقمية", "Digital rights", "זכויות דיגיטליות"),
        "description": T(
            "حرية التعبير والخصوصية والوصول إلى الإنترنت للفلسطينيين أينما كانوا.",
            "Freedom of expression, privacy and internet access for Palestinians wherever they live.",
            "חופש ביטוי, פרטיות וגישה לאינטרנט לפלסטינים בכל מקום שבו הם חיים.",
        ),
    },
    {
        "slug": "platform-accountability",
        "name": T("مساءلة المنصات", "Platform accountability", "אחריותיות של פלטפורמות"),
        "description": T(
            "متابعة سياسات شركات التكنولوجيا وطريقة تعاملها مع المحتوى الفلسطيني.",
            "Holding technology companies to account for how their rules treat Palestinian content.",
            "מעקב אחר חברות הטכנולוגיה ואחר האופן שבו הכללים שלהן מטפלים בתוכן פלסטיני.",
        ),
    },
    {
        "slug": "digital-security",
        "name": T("الأمان الرقمي", "Digital security", "אבטחה דיגיטלית"),
        "description": T(
            "أدوات وعادات يومية تحمي الحسابات والأجهزة والبيانات.",
            "Tools and everyday habits that protect accounts, devices and data.",
            "כלים והרגלים יומיומיים שמגינים על חשבונות, מכשירים ומידע.",
        ),
    },
    {
        "slug": "hate-speech",
        "name": T("خطاب الكراهية والتحريض", "Hate speech and incitement", "שיח שנאה והסתה"),
        "description": T(
            "رصد العنصرية والتحريض ضد العرب والفلسطينيين على الشبكات الاجتماعية.",
            "Monitoring racism and incitement against Arabs and Palestinians on social networks.",
            "ניטור גזענות והסתה נגד ערבים ופלסטינים ברשתות החברתיות.",
        ),
    },
    {
        "slug": "digital-parenting",
        "name": T("الوالدية الرقمية", "Digital parenting", "הורות דיגיטלית"),
        "description": T(
            "مرافقة الأهل لأبنائهم وبناتهم في عالم الإنترنت بثقة وأمان.",
            "Helping parents walk with their children through the online world safely and confidently.",
            "ליווי הורים בצעדיהם של ילדיהם ברשת, בביטחון ובבטיחות.",
        ),
    },
]

SERIES = [
    {
        "slug": "hashtag-palestine",
        "name": T("هاشتاغ فلسطين", "Hashtag Palestine", "האשטאג פלסטין"),
        "description": T(
            "تقريرنا السنوي عن حال الحقوق الرقمية الفلسطينية: نسخة كل عام.",
            "Our yearly report on the state of Palestinian digital rights: one edition a year.",
            "הדוח השנתי שלנו על מצב הזכויות הדיגיטליות של פלסטינים: מהדורה בכל שנה.",
        ),
    },
    {
        "slug": "racism-incitement-index",
        "name": T("مؤشر العنصرية والتحريض", "Racism and Incitement Index", "מדד הגזענות וההסתה"),
        "description": T(
            "رصد منشورات العنصرية والتحريض ضد العرب والفلسطينيين على الشبكات الاجتماعية: نسخة سنوية ونسخ خاصة.",
            "Counting racist and inciting posts against Arabs and Palestinians on social networks: a yearly "
            "edition and special editions.",
            "ספירת פוסטים גזעניים ומסיתים נגד ערבים ופלסטינים ברשתות החברתיות: מהדורה שנתית ומהדורות מיוחדות.",
        ),
    },
]

COMPANY = Organization.Kind.COMPANY
ORGANIZATIONS = [
    {
        "slug": "facebook",
        "kind": COMPANY,
        "website": "https://www.facebook.com/",
        "name": T("فيسبوك", "Facebook", "פייסבוק"),
    },
    {"slug": "google", "kind": COMPANY, "website": "https://www.google.com/", "name": T("جوجل", "Google", "גוגל")},
    {"slug": "paypal", "kind": COMPANY, "website": "https://www.paypal.com/", "name": T("باي بال", "PayPal", "פייפאל")},
    {"slug": "stripe", "kind": COMPANY, "website": "https://stripe.com/", "name": T("سترايب", "Stripe", "סטרייפ")},
    {
        "slug": "telegram",
        "kind": COMPANY,
        "website": "https://telegram.org/",
        "name": T("تيليجرام", "Telegram", "טלגרם"),
    },
    # A partner, not a target: the centre signed a memorandum of understanding with Twitter in 2021 and joined
    # its Trust and Safety Council.
    {
        "slug": "twitter",
        "kind": COMPANY,
        "website": "https://twitter.com/",
        "name": T("تويتر", "Twitter", "טוויטר"),
        "roles": [PartnerRole.PARTNER],
        "order": 1,
    },
    {
        "slug": "access-now",
        "kind": Organization.Kind.NGO,
        "website": "https://www.accessnow.org/",
        "name": T("أكسس ناو", "Access Now", "אקסס נאו"),
        "roles": [PartnerRole.PARTNER],
        "order": 2,
    },
    {
        "slug": "palestinian-digital-rights-coalition",
        "kind": Organization.Kind.COALITION,
        "roles": [PartnerRole.COALITION],
        "order": 1,
        "website": "",
        "name": T(
            "الائتلاف الفلسطيني للحقوق الرقمية",
            "Palestinian Digital Rights Coalition",
            "הקואליציה הפלסטינית לזכויות דיגיטליות",
        ),
    },
    {
        "slug": "un-human-rights-council",
        "kind": Organization.Kind.INTERGOVERNMENTAL,
        "website": "https://www.ohchr.org/",
        "name": T("مجلس حقوق الإنسان التابع للأمم المتحدة", "UN Human Rights Council", "מועצת זכויות האדם של האו״ם"),
    },
    {
        "slug": "un-special-rapporteur-freedom-of-expression",
        "kind": Organization.Kind.INTERGOVERNMENTAL,
        "website": "https://www.ohchr.org/",
        "name": T(
            "المقرر الخاص للأمم المتحدة المعني بحرية الرأي والتعبير",
            "UN Special Rapporteur on freedom of opinion and expression",
            "הכתב המיוחד של האו״ם לחופש הדעה והביטוי",
        ),
    },
    {
        "slug": "un-committee-on-the-rights-of-the-child",
        "kind": Organization.Kind.INTERGOVERNMENTAL,
        "website": "https://www.ohchr.org/",
        "name": T(
            "لجنة الأمم المتحدة لحقوق الطفل",
            "UN Committee on the Rights of the Child",
            "ועדת האו״ם לזכויות הילד",
        ),
    },
    {
        "slug": "european-union",
        "kind": Organization.Kind.INTERGOVERNMENTAL,
        "website": "https://european-union.europa.eu/",
        "name": T("الاتحاد الأوروبي", "European Union", "האיחוד האירופי"),
    },
]

# ---------------------------------------------------------------------------
# Publications: the five of January–June 2021, and three from other years
# ---------------------------------------------------------------------------

PUBLICATIONS = [
    {
        "slug": "hashtag-palestine-2020",
        "kind": Publication.Kind.REPORT,
        "published_on": D(2021, 3, 8),
        "pages": 9,
        "featured": True,
        "series": "hashtag-palestine",
        "edition": T("2020", "2020", "2020"),
        "topics": ["digital-rights", "platform-accountability"],
        "title": T("هاشتاغ فلسطين 2020", "Hashtag Palestine 2020", "האשטאג פלסטין 2020"),
        "summary": T(
            "تقريرنا السنوي عن حال الحقوق الرقمية الفلسطينية في 2020: حذف المحتوى، والمراقبة، "
            "وخطاب الكراهية، والوصول إلى الإنترنت.",
            "Our yearly look at Palestinian digital rights in 2020: content removals, surveillance, "
            "hate speech and access to the internet.",
            "המבט השנתי שלנו על הזכויות הדיגיטליות של פלסטינים ב־2020: הסרת תוכן, מעקב, שיח שנאה וגישה לאינטרנט.",
        ),
        "body": T(
            P(
                "يجمع التقرير ما رصدناه على مدار عام كامل من انتهاكات طالت المستخدمين الفلسطينيين، "
                "ويقرأها في سياق سياسات الشركات والتشريعات المحلية.",
                "ويختم بتوصيات موجهة إلى المنصات وصناع القرار ومؤسسات المجتمع المدني.",
            ),
            P(
                "The report brings together a full year of violations against Palestinian users and reads "
                "them alongside company policies and local legislation.",
                "It ends with recommendations for platforms, decision makers and civil society.",
            ),
            P(
                "הדוח מרכז שנה שלמה של פגיעות במשתמשים פלסטינים ובוחן אותן לצד מדיניות החברות והחקיקה המקומית.",
                "בסופו המלצות לפלטפורמות, למקבלי ההחלטות ולחברה האזרחית.",
            ),
        ),
    },
    {
        "slug": "mena-digital-rights-survey",
        "kind": Publication.Kind.RESEARCH,
        "published_on": D(2021, 4, 20),
        "pages": 12,
        "featured": False,
        "topics": ["digital-rights"],
        "title": T(
            "مسح الحقوق الرقمية في الشرق الأوسط وشمال أفريقيا",
            "Digital Rights in the Middle East and North Africa: a Survey",
            "סקר זכויות דיגיטליות במזרח התיכון ובצפון אפריקה",
        ),
        "summary": T(
            "مسح إقليمي يقارن القوانين والممارسات التي تمس حرية التعبير والخصوصية على الإنترنت في دول المنطقة.",
            "A regional survey comparing the laws and practices that shape online expression and privacy "
            "across the region.",
            "סקר אזורי שמשווה בין החוקים והפרקטיקות שמעצבים את חופש הביטוי והפרטיות ברשת במדינות האזור.",
        ),
        "body": T(
            P("اعتمد المسح على استبيانات ومقابلات مع ناشطين وباحثين من عدة دول عربية."),
            P(
                "The survey draws on questionnaires and interviews with activists and researchers from several countries."
            ),
            P("הסקר מבוסס על שאלונים וראיונות עם פעילים וחוקרים מכמה מדינות."),
        ),
    },
    {
        "slug": "attack-on-palestinian-digital-rights",
        "kind": Publication.Kind.REPORT,
        "published_on": D(2021, 6, 8),
        "pages": 8,
        "featured": True,
        "topics": ["digital-rights", "platform-accountability"],
        "title": T(
            "العدوان على الحقوق الرقمية الفلسطينية",
            "The Attack on Palestinian Digital Rights",
            "המתקפה על הזכויות הדיגיטליות של פלסטינים",
        ),
        "summary": T(
            "توثيق للانتهاكات الرقمية بحق الفلسطينيين خلال الأشهر الماضية: حذف منشورات، وتقييد حسابات، وتحريض منظم.",
            "Documenting the digital-rights violations Palestinians faced in recent months: deleted posts, "
            "restricted accounts and organised incitement.",
            "תיעוד הפגיעות בזכויות הדיגיטליות של פלסטינים בחודשים האחרונים: פוסטים שנמחקו, חשבונות "
            "שהוגבלו והסתה מאורגנת.",
        ),
        "body": T(
            P("وثّق فريقنا البلاغات التي وصلتنا من المستخدمين وتابعها مع الشركات المعنية."),
            P("Our team logged the reports users sent us and took them up with the companies concerned."),
            P("הצוות שלנו תיעד את הפניות שהגיעו ממשתמשים והעלה אותן מול החברות הנוגעות בדבר."),
        ),
    },
    {
        "slug": "racism-incitement-index-2020",
        "kind": Publication.Kind.INDEX,
        "published_on": D(2021, 2, 10),
        "pages": 6,
        "featured": False,
        "series": "racism-incitement-index",
        "edition": T("2020", "2020", "2020"),
        "topics": ["hate-speech"],
        "title": T("مؤشر العنصرية والتحريض 2020", "Racism and Incitement Index 2020", "מדד הגזענות וההסתה 2020"),
        "summary": T(
            "رصد سنوي لمنشورات العنصرية والتحريض ضد العرب والفلسطينيين على الشبكات الاجتماعية خلال عام 2020.",
            "A yearly count of racist and inciting posts against Arabs and Palestinians on social networks in 2020.",
            "ספירה שנתית של פוסטים גזעניים ומסיתים נגד ערבים ופלסטינים ברשתות החברתיות ב־2020.",
        ),
        "body": T(
            P("يقيس المؤشر حجم الخطاب وأبرز منصاته والأحداث التي رافقت ارتفاعه."),
            P("The index measures how much of this speech there was, where it spread and what drove its peaks."),
            P("המדד בוחן את היקף השיח, את הפלטפורמות שבהן התפשט ואת האירועים שהובילו לשיאים."),
        ),
    },
    {
        "slug": "racism-incitement-index-may-2021",
        "kind": Publication.Kind.INDEX,
        "published_on": D(2021, 6, 24),
        "pages": 5,
        "featured": True,
        "series": "racism-incitement-index",
        "edition": T("أيار 2021", "May 2021", "מאי 2021"),
        "topics": ["hate-speech", "platform-accountability"],
        "title": T(
            "مؤشر العنصرية والتحريض: عدوان أيار 2021",
            "Racism and Incitement Index: the May 2021 Aggression",
            "מדד הגזענות וההסתה: המתקפה של מאי 2021",
        ),
        "summary": T(
            "نسخة خاصة من المؤشر تتابع موجة التحريض التي رافقت العدوان الإسرائيلي على الفلسطينيين في أيار 2021.",
            "A special edition of the index on the wave of incitement that came with the Israeli aggression "
            "against Palestinians in May 2021.",
            "מהדורה מיוחדת של המדד על גל ההסתה שליווה את המתקפה הישראלית על הפלסטינים במאי 2021.",
        ),
        "body": T(
            P("تقارن هذه النسخة أسابيع العدوان بالأشهر التي سبقته، وتبيّن كيف تحوّل التحريض إلى دعوات للعنف في الشارع."),
            P(
                "This edition compares the weeks of the aggression with the months before, and shows how online "
                "incitement turned into calls for street violence."
            ),
            P("המהדורה משווה את שבועות המתקפה לחודשים שקדמו לה, ומראה כיצד ההסתה ברשת הפכה לקריאות לאלימות ברחוב."),
        ),
    },
    {
        "slug": "hashtag-palestine-2019",
        "kind": Publication.Kind.REPORT,
        "published_on": D(2020, 3, 30),
        "pages": 7,
        "featured": False,
        "series": "hashtag-palestine",
        "edition": T("2019", "2019", "2019"),
        "topics": ["digital-rights"],
        "title": T("هاشتاغ فلسطين 2019", "Hashtag Palestine 2019", "האשטאג פלסטין 2019"),
        "summary": T(
            "حصيلة عام 2019 للحقوق الرقمية الفلسطينية.",
            "Palestinian digital rights: the 2019 review.",
            "הזכויות הדיגיטליות של פלסטינים: סיכום 2019.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "digital-parenting-guide",
        "kind": Publication.Kind.GUIDE,
        "published_on": D(2022, 2, 15),
        "pages": 10,
        "featured": False,
        "topics": ["digital-parenting", "digital-security"],
        "title": T("دليل الوالدية الرقمية", "A Guide to Digital Parenting", "מדריך להורות דיגיטלית"),
        "summary": T(
            "أسئلة وإجابات عملية للأهل: الخصوصية، ووقت الشاشة، والتنمر الإلكتروني.",
            "Practical questions and answers for parents: privacy, screen time and cyberbullying.",
            "שאלות ותשובות מעשיות להורים: פרטיות, זמן מסך ובריונות ברשת.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "journalists-digital-security-factsheet",
        "kind": Publication.Kind.FACTSHEET,
        "published_on": D(2026, 9, 14),
        "pages": 2,
        "featured": True,
        "topics": ["digital-security"],
        "title": T(
            "ورقة حقائق: الأمان الرقمي للصحفيين",
            "Factsheet: Digital Security for Journalists",
            "דף עובדות: אבטחה דיגיטלית לעיתונאים",
        ),
        "summary": T(
            "عشر خطوات لحماية المصادر والحسابات أثناء التغطية الميدانية.",
            "Ten steps to protect sources and accounts while reporting from the field.",
            "עשרה צעדים להגנה על מקורות ועל חשבונות בזמן סיקור מהשטח.",
        ),
        "body": T("", "", ""),
    },
]

# ---------------------------------------------------------------------------
# Campaigns (mostly 2021) with their timelines
# ---------------------------------------------------------------------------

OUTCOME = CampaignUpdate.Kind.OUTCOME
UPDATE = CampaignUpdate.Kind.UPDATE

CAMPAIGNS = [
    {
        "slug": "stop-silencing-palestine",
        "scope": "international",
        "start_date": D(2021, 5, 10),
        "end_date": D(2021, 9, 30),
        "hashtag": "#StopSilencingPalestine",
        "cta_url": "/contact/",
        "featured": True,
        "topics": ["platform-accountability", "digital-rights"],
        "targets": ["facebook", "google"],
        "partners": ["access-now", "palestinian-digital-rights-coalition"],
        "related_publications": ["attack-on-palestinian-digital-rights"],
        "cta_label": T("بلّغ عن انتهاك", "Report a violation", "דווחו על פגיעה"),
        "title": T("أوقفوا إسكات فلسطين", "Stop Silencing Palestine", "הפסיקו להשתיק את פלסטין"),
        "summary": T(
            "حملة دولية تطالب فيسبوك وجوجل بوقف الحذف الجماعي للمحتوى الفلسطيني وبالشفافية في قرارات الإشراف.",
            "An international campaign asking Facebook and Google to stop mass removals of Palestinian content "
            "and to be transparent about moderation decisions.",
            "קמפיין בינלאומי הדורש מפייסבוק ומגוגל להפסיק הסרה גורפת של תוכן פלסטיני ולנהוג בשקיפות "
            "בהחלטות הפיקוח על תוכן.",
        ),
        "body": T(
            P(
                "جمعنا بلاغات المستخدمين، ورفعناها إلى الشركات، وشاركنا في تقارير إلى هيئات الأمم المتحدة والاتحاد الأوروبي."
            ),
            P(
                "We gathered users' reports, raised them with the companies, and contributed to submissions to "
                "United Nations bodies and the European Union."
            ),
            P("אספנו דיווחים של משתמשים, העלינו אותם מול החברות ותרמנו לדיווחים לגופי האו״ם ולאיחוד האירופי."),
        ),
        "updates": [
            {
                "date": D(2021, 5, 12),
                "kind": UPDATE,
                "text": T(
                    "رسالة مفتوحة إلى فيسبوك وقّعت عليها عشرات المؤسسات.",
                    "An open letter to Facebook, signed by dozens of organisations.",
                    "מכתב פתוח לפייסבוק שעליו חתמו עשרות ארגונים.",
                ),
            },
            {
                "date": D(2021, 5, 27),
                "kind": UPDATE,
                "text": T(
                    "مداخلة مكتوبة إلى المقرر الخاص للأمم المتحدة المعني بحرية التعبير.",
                    "A written submission to the UN Special Rapporteur on freedom of expression.",
                    "הגשה בכתב לכתב המיוחד של האו״ם לחופש הביטוי.",
                ),
            },
            {
                "date": D(2021, 6, 21),
                "kind": UPDATE,
                "text": T(
                    "اجتماع مع فريق السياسات في جوجل لعرض حالات موثقة من يوتيوب.",
                    "A meeting with Google's policy team to present documented YouTube cases.",
                    "פגישה עם צוות המדיניות של גוגל להצגת מקרים מתועדים מיוטיוב.",
                ),
            },
        ],
    },
    {
        "slug": "fair-payments-for-palestinians",
        "scope": "international",
        "start_date": D(2021, 2, 1),
        "end_date": None,
        "hashtag": "#PayPal4Palestinians",
        "cta_url": "/support/",
        "featured": True,
        "topics": ["platform-accountability", "digital-rights"],
        "targets": ["paypal", "stripe"],
        "partners": ["palestinian-digital-rights-coalition"],
        "related_publications": [],
        "cta_label": T("ادعموا الحملة", "Support the campaign", "תמכו בקמפיין"),
        "title": T(
            "خدمات دفع عادلة للفلسطينيين",
            "Fair Payment Services for Palestinians",
            "שירותי תשלום הוגנים לפלסטינים",
        ),
        "summary": T(
            "نطالب باي بال وسترايب بإتاحة خدماتهما للفلسطينيين في الضفة الغربية وقطاع غزة كما تتيحها لغيرهم.",
            "We ask PayPal and Stripe to serve Palestinians in the West Bank and Gaza as they serve everyone else.",
            "אנחנו דורשים מפייפאל ומסטרייפ לתת שירות לפלסטינים בגדה המערבית וברצועת עזה כפי שהן נותנות לכל אחד אחר.",
        ),
        "body": T(
            P("يحرم غياب هذه الخدمات روّاد الأعمال والعاملين المستقلين من فرص عمل ودخل."),
            P("Without these services, entrepreneurs and freelancers lose work and income."),
            P("בלי השירותים האלה יזמים ועצמאים מאבדים עבודה והכנסה."),
        ),
        "updates": [
            {
                "date": D(2021, 2, 1),
                "kind": UPDATE,
                "text": T("إطلاق العريضة.", "The petition opens.", "העצומה נפתחת."),
            },
            {
                "date": D(2021, 4, 14),
                "kind": UPDATE,
                "text": T(
                    "رسالة مشتركة إلى إدارتي الشركتين مع شركاء الائتلاف.",
                    "A joint letter to both companies' management with our coalition partners.",
                    "מכתב משותף להנהלות שתי החברות יחד עם שותפי הקואליציה.",
                ),
            },
        ],
    },
    {
        "slug": "incitement-on-telegram",
        "scope": "local",
        "start_date": D(2021, 5, 15),
        "end_date": D(2021, 8, 31),
        "hashtag": "",
        "cta_url": "/publications/racism-incitement-index-may-2021/",
        "featured": False,
        "topics": ["hate-speech", "platform-accountability"],
        "targets": ["telegram"],
        "partners": [],
        "related_publications": ["racism-incitement-index-may-2021"],
        "cta_label": T("اقرؤوا المؤشر", "Read the index", "קראו את המדד"),
        "title": T(
            "التحريض في قنوات تيليجرام",
            "Incitement in Telegram Channels",
            "הסתה בערוצי טלגרם",
        ),
        "summary": T(
            "مطالبة تيليجرام بإغلاق القنوات التي نظّمت اعتداءات على الفلسطينيين.",
            "Asking Telegram to close the channels used to organise attacks on Palestinians.",
            "דרישה מטלגרם לסגור את הערוצים ששימשו לארגון תקיפות נגד פלסטינים.",
        ),
        "body": T("", "", ""),
        "updates": [
            {
                "date": D(2021, 5, 18),
                "kind": UPDATE,
                "text": T(
                    "إرسال قائمة بالقنوات الموثقة إلى تيليجرام.",
                    "A list of the documented channels sent to Telegram.",
                    "רשימת הערוצים המתועדים נשלחה לטלגרם.",
                ),
            },
        ],
    },
    {
        "slug": "fair-policies-with-twitter",
        "scope": "regional",
        "start_date": D(2021, 1, 15),
        "end_date": D(2021, 6, 30),
        "hashtag": "",
        "cta_url": "/publications/hashtag-palestine-2020/",
        "featured": False,
        "topics": ["platform-accountability"],
        "targets": [],
        "partners": ["twitter"],
        "related_publications": ["hashtag-palestine-2020"],
        "cta_label": T("اقرؤوا التقرير", "Read the report", "קראו את הדוח"),
        "title": T(
            "سياسات عادلة على تويتر",
            "Fair Policies on Twitter",
            "מדיניות הוגנת בטוויטר",
        ),
        "summary": T(
            "عمل مشترك مع تويتر لتطوير سياسات عادلة تجاه المحتوى الفلسطيني، توّج بمذكرة تفاهم "
            "وبانضمام المركز إلى مجلس الثقة والسلامة في الشركة.",
            "Working with Twitter towards fair policies for Palestinian content; it led to a memorandum of "
            "understanding and the centre's seat on the company's Trust and Safety Council.",
            "עבודה משותפת עם טוויטר למען מדיניות הוגנת כלפי תוכן פלסטיני, שהובילה למזכר הבנות ולהצטרפות "
            "המרכז למועצת האמון והבטיחות של החברה.",
        ),
        "body": T("", "", ""),
        "updates": [
            {
                "date": D(2021, 2, 3),
                "kind": UPDATE,
                "text": T(
                    "تسليم ملف بحالات تعليق الحسابات إلى فريق السياسات في الشركة لمنطقة الشرق الأوسط وشمال أفريقيا.",
                    "A file of account suspensions handed to the company's Middle East and North Africa policy team.",
                    "תיק של השעיות חשבונות נמסר לצוות המדיניות של החברה למזרח התיכון ולצפון אפריקה.",
                ),
            },
            {
                "date": D(2021, 6, 17),
                "kind": OUTCOME,
                "text": T(
                    "توقيع مذكرة تفاهم مع تويتر ينضم بموجبها المركز إلى مجلس الثقة والسلامة، "
                    "ضمن مجموعة حقوق الإنسان والحقوق الرقمية.",
                    "Memorandum of understanding signed with Twitter: the centre joins its Trust and Safety "
                    "Council, in the human-rights and digital-rights group.",
                    "נחתם מזכר הבנות עם טוויטר: המרכז מצטרף למועצת האמון והבטיחות שלה, "
                    "בקבוצת זכויות האדם והזכויות הדיגיטליות.",
                ),
            },
        ],
    },
    {
        "slug": "oversight-and-palestinian-voices",
        "scope": "international",
        "start_date": D(2020, 5, 1),
        "end_date": D(2020, 12, 31),
        "hashtag": "",
        "cta_url": "/publications/hashtag-palestine-2019/",
        "featured": False,
        "topics": ["platform-accountability"],
        "targets": ["facebook"],
        "partners": ["access-now"],
        "related_publications": ["hashtag-palestine-2019"],
        "cta_label": T("اقرؤوا التقرير", "Read the report", "קראו את הדוח"),
        "title": T(
            "الأصوات الفلسطينية وهيئة الرقابة في فيسبوك",
            "Palestinian Voices and Facebook's Oversight Board",
            "קולות פלסטיניים ומועצת הפיקוח של פייסבוק",
        ),
        "summary": T(
            "مطالبة هيئة الرقابة بالنظر في قضايا المحتوى الفلسطيني.",
            "Asking the Oversight Board to take up cases of Palestinian content.",
            "דרישה ממועצת הפיקוח לדון במקרים של תוכן פלסטיני.",
        ),
        "body": T("", "", ""),
        "updates": [],
    },
    {
        "slug": "villages-on-the-map",
        "scope": "local",
        "start_date": D(2022, 4, 1),
        "end_date": D(2022, 10, 31),
        "hashtag": "",
        "cta_url": "/contact/",
        "featured": False,
        "topics": ["digital-rights"],
        "targets": ["google"],
        "partners": [],
        "related_publications": [],
        "cta_label": T(
            "أخبرونا عن قرية غائبة عن الخريطة", "Tell us about a missing village", "ספרו לנו על כפר שחסר במפה"
        ),
        "title": T("قرانا على الخريطة", "Our Villages on the Map", "הכפרים שלנו על המפה"),
        "summary": T(
            "مطالبة جوجل بإظهار أسماء القرى الفلسطينية على خرائطها.",
            "Asking Google to show the names of Palestinian villages on its maps.",
            "דרישה מגוגל להציג את שמות הכפרים הפלסטיניים במפות שלה.",
        ),
        "body": T("", "", ""),
        "updates": [],
    },
    {
        "slug": "safe-online-childhood",
        "scope": "local",
        "start_date": D(2026, 3, 1),
        "end_date": None,
        "hashtag": "#SafeOnlineChildhood",
        "cta_url": "/publications/digital-parenting-guide/",
        "featured": True,
        "topics": ["digital-parenting", "digital-security"],
        "targets": [],
        "partners": ["palestinian-digital-rights-coalition"],
        "related_publications": ["digital-parenting-guide"],
        "cta_label": T(
            "اقرؤوا دليل الوالدية الرقمية", "Read the digital parenting guide", "קראו את המדריך להורות דיגיטלית"
        ),
        "title": T("طفولة آمنة على الإنترنت", "A Safe Childhood Online", "ילדות בטוחה ברשת"),
        "summary": T(
            "حملة مستمرة مع المدارس والأهل لجعل الإنترنت مكانًا آمنًا للأطفال.",
            "An ongoing campaign with schools and parents to make the internet a safe place for children.",
            "קמפיין מתמשך עם בתי ספר והורים להפוך את האינטרנט למקום בטוח לילדים.",
        ),
        "body": T("", "", ""),
        "updates": [
            {
                "date": D(2026, 9, 1),
                "kind": UPDATE,
                "text": T(
                    "انضمام أربعين مدرسة إلى الحملة مع بداية العام الدراسي.",
                    "Forty schools join the campaign as the school year begins.",
                    "ארבעים בתי ספר מצטרפים לקמפיין עם פתיחת שנת הלימודים.",
                ),
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Trainings: participants of those starting in 2021-01-01..2021-06-30 add up to 4662
# ---------------------------------------------------------------------------

E_COURSE, WORKSHOP, STUDY_DAY, WEBINAR = (
    Training.Format.E_COURSE,
    Training.Format.WORKSHOP,
    Training.Format.STUDY_DAY,
    Training.Format.WEBINAR,
)
A = Training.Audience
ONLINE_MODE, IN_PERSON, HYBRID = Training.Mode.ONLINE, Training.Mode.IN_PERSON, Training.Mode.HYBRID

TRAININGS_H1_2021_PARTICIPANTS = 4662

TRAININGS = [
    {
        "slug": "digital-security-e-course-2021",
        "format": E_COURSE,
        "audience": A.ACTIVISTS,
        "mode": ONLINE_MODE,
        "location": ONLINE,
        "start_date": D(2021, 1, 18),
        "end_date": D(2021, 6, 30),
        "participants_count": 1850,
        "featured": True,
        "topics": ["digital-security"],
        "title": T("مساق إلكتروني في الأمان الرقمي", "E-course: Digital Security", "קורס מקוון: אבטחה דיגיטלית"),
        "summary": T(
            "مساق ذاتي التعلّم بالعربية: كلمات المرور، والتحقق بخطوتين، والتصفح الآمن، وحماية الهاتف.",
            "A self-paced course in Arabic: passwords, two-step verification, safe browsing and a protected phone.",
            "קורס לימוד עצמי בערבית: סיסמאות, אימות דו־שלבי, גלישה בטוחה והגנה על הטלפון.",
        ),
        "body": T(
            P("ستة دروس قصيرة مع اختبار في نهاية كل درس وشهادة عند الإتمام."),
            P("Six short lessons, a quiz after each one and a certificate at the end."),
            P("שישה שיעורים קצרים, בוחן אחרי כל אחד ותעודה בסיום."),
        ),
    },
    {
        "slug": "digital-parenting-e-course-2021",
        "format": E_COURSE,
        "audience": A.PARENTS,
        "mode": ONLINE_MODE,
        "location": ONLINE,
        "start_date": D(2021, 2, 15),
        "end_date": D(2021, 6, 30),
        "participants_count": 1120,
        "featured": False,
        "topics": ["digital-parenting"],
        "title": T(
            "مساق إلكتروني في الوالدية الرقمية",
            "E-course: Digital Parenting",
            "קורס מקוון: הורות דיגיטלית",
        ),
        "summary": T(
            "كيف نرافق أطفالنا على الإنترنت من دون خوف ومن دون منع.",
            "How to accompany our children online without fear and without bans.",
            "איך ללוות את הילדים שלנו ברשת בלי פחד ובלי איסורים.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "jerusalem-digital-safety-study-day",
        "format": STUDY_DAY,
        "audience": A.YOUTH,
        "mode": IN_PERSON,
        "location": T("القدس", "Jerusalem", "ירושלים"),
        "start_date": D(2021, 4, 3),
        "end_date": D(2021, 4, 3),
        "participants_count": 140,
        "featured": True,
        "topics": ["digital-security", "digital-parenting"],
        "title": T(
            "يوم دراسي للسلامة الرقمية للشباب والأطفال في القدس",
            "Digital-safety study day for young people and children in Jerusalem",
            "יום עיון בבטיחות דיגיטלית לצעירים ולילדים בירושלים",
        ),
        "summary": T(
            "ورشات وألعاب ونقاشات حول الخصوصية والتنمّر الإلكتروني.",
            "Workshops, games and conversations about privacy and cyberbullying.",
            "סדנאות, משחקים ושיחות על פרטיות ועל בריונות ברשת.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "students-digital-security-workshop-2021",
        "format": WORKSHOP,
        "audience": A.STUDENTS,
        "mode": ONLINE_MODE,
        "location": ONLINE,
        "start_date": D(2021, 1, 26),
        "end_date": D(2021, 1, 26),
        "participants_count": 312,
        "featured": False,
        "topics": ["digital-security"],
        "title": T(
            "ورشة الأمان الرقمي لطلاب الجامعات",
            "Digital security workshop for university students",
            "סדנת אבטחה דיגיטלית לסטודנטים",
        ),
        "summary": T(
            "حماية الحسابات الجامعية والشخصية.",
            "Protecting university and personal accounts.",
            "הגנה על חשבונות אישיים ואוניברסיטאיים.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "safe-campaigning-workshop-2021",
        "format": WORKSHOP,
        "audience": A.ACTIVISTS,
        "mode": ONLINE_MODE,
        "location": ONLINE,
        "start_date": D(2021, 2, 23),
        "end_date": D(2021, 2, 24),
        "participants_count": 280,
        "featured": False,
        "topics": ["digital-security", "digital-rights"],
        "title": T("ورشة الحملات الرقمية الآمنة", "Running digital campaigns safely", "קמפיינים דיגיטליים בבטחה"),
        "summary": T(
            "تخطيط حملة رقمية وحماية فريقها.",
            "Planning a digital campaign and protecting its team.",
            "תכנון קמפיין דיגיטלי והגנה על הצוות שלו.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "civil-society-accounts-workshop-2021",
        "format": WORKSHOP,
        "audience": A.CIVIL_SOCIETY,
        "mode": HYBRID,
        "location": T("رام الله", "Ramallah", "רמאללה"),
        "start_date": D(2021, 3, 16),
        "end_date": D(2021, 3, 17),
        "participants_count": 265,
        "featured": False,
        "topics": ["digital-security"],
        "title": T(
            "حماية حسابات مؤسسات المجتمع المدني",
            "Protecting civil-society organisations' accounts",
            "הגנה על החשבונות של ארגוני החברה האזרחית",
        ),
        "summary": T(
            "إدارة الصلاحيات والنسخ الاحتياطي والاستجابة للاختراق.",
            "Managing access, backups and what to do after a breach.",
            "ניהול הרשאות, גיבויים ומה עושים אחרי פריצה.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "documenting-violations-workshop-2021",
        "format": WORKSHOP,
        "audience": A.ACTIVISTS,
        "mode": ONLINE_MODE,
        "location": ONLINE,
        "start_date": D(2021, 5, 27),
        "end_date": D(2021, 5, 27),
        "participants_count": 240,
        "featured": False,
        "topics": ["digital-rights", "platform-accountability"],
        "title": T(
            "توثيق الانتهاكات الرقمية",
            "Documenting digital-rights violations",
            "תיעוד פגיעות בזכויות דיגיטליות",
        ),
        "summary": T(
            "كيف نحفظ الدليل ونبلّغ عنه.",
            "How to keep the evidence and report it.",
            "איך שומרים ראיות ומדווחים עליהן.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "journalists-field-safety-workshop-2021",
        "format": WORKSHOP,
        "audience": A.JOURNALISTS,
        "mode": IN_PERSON,
        "location": T("الناصرة", "Nazareth", "נצרת"),
        "start_date": D(2021, 6, 9),
        "end_date": D(2021, 6, 9),
        "participants_count": 230,
        "featured": False,
        "topics": ["digital-security"],
        "title": T(
            "السلامة الرقمية للصحفيين في الميدان",
            "Digital safety for journalists in the field",
            "בטיחות דיגיטלית לעיתונאים בשטח",
        ),
        "summary": T(
            "حماية المصادر والمواد المصوّرة.",
            "Protecting sources and footage.",
            "הגנה על מקורות ועל חומרי צילום.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "digital-rights-in-schools-2021",
        "format": WORKSHOP,
        "audience": A.YOUTH,
        "mode": IN_PERSON,
        "location": T("حيفا", "Haifa", "חיפה"),
        "start_date": D(2021, 6, 22),
        "end_date": D(2021, 6, 24),
        "participants_count": 225,
        "featured": False,
        "topics": ["digital-rights", "digital-parenting"],
        "title": T("الحقوق الرقمية في المدارس", "Digital rights in schools", "זכויות דיגיטליות בבתי הספר"),
        "summary": T(
            "ثلاثة أيام من اللقاءات مع طلاب المدارس الثانوية.",
            "Three days of sessions with secondary-school pupils.",
            "שלושה ימי מפגשים עם תלמידי תיכון.",
        ),
        "body": T("", "", ""),
    },
    # Around and outside the half-year, so periods have edges to test.
    {
        "slug": "winter-school-digital-campaigning-2020",
        "format": WORKSHOP,
        "audience": A.ACTIVISTS,
        "mode": ONLINE_MODE,
        "location": ONLINE,
        "start_date": D(2020, 12, 14),
        "end_date": D(2021, 1, 10),
        "participants_count": 60,
        "featured": False,
        "topics": ["digital-rights"],
        "title": T(
            "مدرسة شتوية في الحملات الرقمية",
            "Winter school on digital campaigning",
            "בית ספר חורף לקמפיינים דיגיטליים",
        ),
        "summary": T(
            "أربعة أسابيع من التدريب لناشطين شباب.",
            "Four weeks of training for young activists.",
            "ארבעה שבועות של הכשרה לפעילים צעירים.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "digital-rights-after-may-webinar",
        "format": WEBINAR,
        "audience": A.CIVIL_SOCIETY,
        "mode": ONLINE_MODE,
        "location": ONLINE,
        "start_date": D(2021, 7, 5),
        "end_date": D(2021, 7, 5),
        "participants_count": 180,
        "featured": False,
        "topics": ["digital-rights"],
        "title": T(
            "الحقوق الرقمية بعد أيار",
            "Digital rights after May",
            "זכויות דיגיטליות אחרי מאי",
        ),
        "summary": T(
            "ندوة تدريبية عبر الإنترنت لمؤسسات المجتمع المدني.",
            "A training webinar for civil-society organisations.",
            "וובינר הכשרה לארגוני החברה האזרחית.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "parents-workshop-2022",
        "format": WORKSHOP,
        "audience": A.PARENTS,
        "mode": IN_PERSON,
        "location": T("يافا", "Jaffa", "יפו"),
        "start_date": D(2022, 3, 10),
        "end_date": D(2022, 3, 10),
        "participants_count": 90,
        "featured": False,
        "topics": ["digital-parenting"],
        "title": T(
            "لقاء للأهل: أطفالنا والهواتف",
            "For parents: our children and their phones",
            "להורים: הילדים שלנו והטלפונים",
        ),
        "summary": T(
            "لقاء مسائي مفتوح للأهل.",
            "An open evening session for parents.",
            "מפגש ערב פתוח להורים.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "school-counsellors-workshop-2026",
        "format": WORKSHOP,
        "audience": A.CIVIL_SOCIETY,
        "mode": IN_PERSON,
        "location": T("أم الفحم", "Umm al-Fahm", "אום אל־פחם"),
        "start_date": D(2026, 4, 14),
        "end_date": D(2026, 4, 15),
        "participants_count": 145,
        "featured": False,
        "topics": ["digital-parenting", "digital-security"],
        "title": T(
            "الأمان الرقمي للمرشدين في المدارس",
            "Digital safety for school counsellors",
            "בטיחות דיגיטלית ליועצים בבתי ספר",
        ),
        "summary": T(
            "يومان للمرشدين التربويين: كيف نساعد طالبًا يتعرّض للابتزاز أو التنمّر على الإنترنت.",
            "Two days for school counsellors: how to help a pupil facing online blackmail or bullying.",
            "יומיים ליועצים חינוכיים: איך עוזרים לתלמיד שנתקל בסחיטה או בבריונות ברשת.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "childrens-privacy-webinar-2026",
        "format": WEBINAR,
        "audience": A.PARENTS,
        "mode": ONLINE_MODE,
        "location": ONLINE,
        "start_date": D(2026, 12, 8),
        "end_date": D(2026, 12, 8),
        "participants_count": 0,
        "registration_url": "https://example.org/register/childrens-privacy",
        "announced": True,
        "featured": False,
        "topics": ["digital-parenting", "digital-security"],
        "title": T(
            "خصوصية الأطفال على الإنترنت",
            "Children's privacy online",
            "פרטיות של ילדים ברשת",
        ),
        "summary": T(
            "ندوة تدريبية للأهل؛ التسجيل مفتوح.",
            "A training webinar for parents; registration is open.",
            "וובינר הכשרה להורים; ההרשמה פתוחה.",
        ),
        "body": T("", "", ""),
    },
]

# ---------------------------------------------------------------------------
# Events: the forum, talks we organised, and our participations
# ---------------------------------------------------------------------------

FORUM, CONFERENCE, PANEL, EVENT_WEBINAR = Event.Kind.FORUM, Event.Kind.CONFERENCE, Event.Kind.PANEL, Event.Kind.WEBINAR
ORGANISED, PARTICIPATED = Event.Role.ORGANISED, Event.Role.PARTICIPATED

FORUM_NAME = T("منتدى فلسطين للنشاط الرقمي", "Palestine Digital Activism Forum", "פורום פלסטין לאקטיביזם דיגיטלי")

EVENTS = [
    {
        "slug": "palestine-digital-activism-forum-2021",
        "kind": FORUM,
        "role": ORGANISED,
        "edition": 5,
        "starts_at": (2021, 3, 23, 10, 0),
        "ends_at": (2021, 3, 25, 18, 0),
        "is_online": True,
        "venue": ONLINE,
        "featured": True,
        "topics": ["digital-rights", "platform-accountability", "digital-security"],
        "recording_url": "https://example.org/forum-2021/recordings",
        "title": T(
            "منتدى فلسطين للنشاط الرقمي 2021: النسخة الخامسة",
            "Palestine Digital Activism Forum 2021: the fifth edition",
            "פורום פלסטין לאקטיביזם דיגיטלי 2021: המהדורה החמישית",
        ),
        "summary": T(
            "ثلاثة أيام من الجلسات عبر الإنترنت مع ناشطين وباحثين وممثلين عن شركات التكنولوجيا.",
            "Three days of online sessions with activists, researchers and people from technology companies.",
            "שלושה ימים של מושבים מקוונים עם פעילים, חוקרים ונציגים של חברות טכנולוגיה.",
        ),
        "speakers": T(
            "ناشطون وباحثون من فلسطين والعالم",
            "Activists and researchers from Palestine and around the world",
            "פעילים וחוקרים מפלסטין ומרחבי העולם",
        ),
        "body": T(
            P("منتدانا السنوي، وقد انعقد هذا العام عبر الإنترنت بسبب الجائحة."),
            P("Our yearly forum, held online this year because of the pandemic."),
            P("הפורום השנתי שלנו, שהתקיים השנה באופן מקוון בגלל המגפה."),
        ),
    },
    {
        "slug": "palestine-digital-activism-forum-2020",
        "kind": FORUM,
        "role": ORGANISED,
        "edition": 4,
        "starts_at": (2020, 2, 25, 9, 30),
        "ends_at": (2020, 2, 26, 17, 0),
        "is_online": False,
        "venue": T("رام الله", "Ramallah", "רמאללה"),
        "featured": False,
        "topics": ["digital-rights"],
        "title": T(
            "منتدى فلسطين للنشاط الرقمي 2020: النسخة الرابعة",
            "Palestine Digital Activism Forum 2020: the fourth edition",
            "פורום פלסטין לאקטיביזם דיגיטלי 2020: המהדורה הרביעית",
        ),
        "summary": T(
            "يومان من اللقاءات في رام الله.",
            "Two days of meetings in Ramallah.",
            "יומיים של מפגשים ברמאללה.",
        ),
    },
    {
        "slug": "palestine-digital-activism-forum-2027",
        "kind": FORUM,
        "role": ORGANISED,
        "edition": 11,
        "starts_at": (2027, 3, 16, 10, 0),
        "ends_at": (2027, 3, 18, 18, 0),
        "is_online": True,
        "venue": T("رام الله وعبر الإنترنت", "Ramallah and online", "רמאללה ובאופן מקוון"),
        "featured": True,
        "announced": True,
        "topics": ["digital-rights", "platform-accountability"],
        "registration_url": "https://example.org/forum-2027/register",
        "title": T(
            "منتدى فلسطين للنشاط الرقمي 2027",
            "Palestine Digital Activism Forum 2027",
            "פורום פלסטין לאקטיביזם דיגיטלי 2027",
        ),
        "summary": T(
            "النسخة الحادية عشرة من منتدانا السنوي؛ التسجيل مفتوح.",
            "The eleventh edition of our yearly forum; registration is open.",
            "המהדורה האחת־עשרה של הפורום השנתי שלנו; ההרשמה פתוחה.",
        ),
    },
    {
        "slug": "childrens-privacy-talk-2026",
        "kind": EVENT_WEBINAR,
        "role": ORGANISED,
        "starts_at": (2026, 12, 10, 18, 0),
        "ends_at": (2026, 12, 10, 19, 30),
        "is_online": True,
        "venue": ONLINE,
        "announced": True,
        "topics": ["digital-parenting"],
        "registration_url": "https://example.org/register/talk-2026",
        "title": T(
            "حوارية: من يرى صور أطفالنا؟",
            "Talk: who sees our children's photos?",
            "שיחה: מי רואה את התמונות של הילדים שלנו?",
        ),
        "summary": T(
            "حوار مفتوح مع خبراء في الخصوصية.",
            "An open conversation with privacy experts.",
            "שיחה פתוחה עם מומחים לפרטיות.",
        ),
    },
    {
        "slug": "talk-digital-rights-under-lockdown",
        "kind": PANEL,
        "role": ORGANISED,
        "starts_at": (2021, 2, 10, 17, 0),
        "ends_at": (2021, 2, 10, 18, 30),
        "is_online": True,
        "venue": ONLINE,
        "topics": ["digital-rights"],
        "title": T(
            "حوارية: الحقوق الرقمية في زمن الإغلاق",
            "Talk: digital rights under lockdown",
            "שיחה: זכויות דיגיטליות בזמן סגר",
        ),
        "summary": T(
            "ماذا تغيّر حين انتقلت حياتنا إلى الإنترنت؟",
            "What changed when our lives moved online?",
            "מה השתנה כשהחיים שלנו עברו לרשת?",
        ),
    },
    {
        "slug": "talk-palestinian-content-in-may",
        "kind": PANEL,
        "role": ORGANISED,
        "starts_at": (2021, 5, 30, 19, 0),
        "ends_at": (2021, 5, 30, 20, 30),
        "is_online": True,
        "venue": ONLINE,
        "topics": ["platform-accountability"],
        "title": T(
            "حوارية: ماذا حدث للمحتوى الفلسطيني في أيار؟",
            "Talk: what happened to Palestinian content in May?",
            "שיחה: מה קרה לתוכן הפלסטיני במאי?",
        ),
        "summary": T(
            "قراءة أولى في البلاغات التي وصلتنا.",
            "A first reading of the reports we received.",
            "קריאה ראשונה בדיווחים שהגיעו אלינו.",
        ),
    },
    {
        "slug": "talk-meet-the-index",
        "kind": EVENT_WEBINAR,
        "role": ORGANISED,
        "starts_at": (2021, 6, 28, 18, 0),
        "ends_at": (2021, 6, 28, 19, 0),
        "is_online": True,
        "venue": ONLINE,
        "topics": ["hate-speech"],
        "title": T(
            "تعرّفوا على مؤشر العنصرية والتحريض",
            "Meet the Racism and Incitement Index",
            "הכירו את מדד הגזענות וההסתה",
        ),
        "summary": T(
            "عرض لمنهجية المؤشر ونتائج نسخته الأخيرة.",
            "How the index is made, and what its latest edition found.",
            "איך המדד נבנה ומה העלתה המהדורה האחרונה שלו.",
        ),
    },
    {
        "slug": "rightscon-2021",
        "kind": CONFERENCE,
        "role": PARTICIPATED,
        "edition": 10,
        "starts_at": (2021, 6, 7, 9, 0),
        "ends_at": (2021, 6, 11, 19, 0),
        "is_online": True,
        "venue": ONLINE,
        "featured": True,
        "topics": ["digital-rights", "platform-accountability"],
        "title": T("رايتس كون 2021", "RightsCon 2021", "רייטסקון 2021"),
        "summary": T(
            "شاركنا في النسخة العاشرة من مؤتمر RightsCon بجلسات عن الرقابة على المحتوى الفلسطيني.",
            "We took part in the tenth RightsCon with sessions on the censorship of Palestinian content.",
            "השתתפנו בכנס RightsCon העשירי במושבים על צנזורה של תוכן פלסטיני.",
        ),
    },
    {
        "slug": "stockholm-internet-forum-2021",
        "kind": CONFERENCE,
        "role": PARTICIPATED,
        "starts_at": (2021, 5, 18, 11, 0),
        "ends_at": (2021, 5, 20, 17, 0),
        "is_online": True,
        "venue": ONLINE,
        "topics": ["digital-rights"],
        "title": T("منتدى ستوكهولم للإنترنت 2021", "Stockholm Internet Forum 2021", "פורום האינטרנט של שטוקהולם 2021"),
        "summary": T(
            "مداخلة عن الحقوق الرقمية الفلسطينية في المنتدى السنوي.",
            "A contribution on Palestinian digital rights at the yearly forum.",
            "הרצאה על הזכויות הדיגיטליות של פלסטינים בפורום השנתי.",
        ),
    },
    {
        "slug": "rightscon-2022",
        "kind": CONFERENCE,
        "role": PARTICIPATED,
        "edition": 11,
        "starts_at": (2022, 6, 6, 9, 0),
        "ends_at": (2022, 6, 10, 19, 0),
        "is_online": False,
        "venue": T("تونس وعبر الإنترنت", "Tunis and online", "תוניס ובאופן מקוון"),
        "topics": ["digital-rights"],
        "title": T("رايتس كون 2022", "RightsCon 2022", "רייטסקון 2022"),
        "summary": T(
            "مشاركتنا في النسخة الحادية عشرة.",
            "Our part in the eleventh edition.",
            "ההשתתפות שלנו במהדורה האחת־עשרה.",
        ),
    },
    {
        "slug": "regional-digital-rights-conference-2027",
        "kind": CONFERENCE,
        "role": PARTICIPATED,
        "starts_at": (2027, 5, 4, 9, 0),
        "ends_at": (2027, 5, 5, 17, 0),
        "is_online": False,
        "venue": T("عمّان", "Amman", "עמאן"),
        "announced": True,
        "topics": ["digital-rights"],
        "title": T(
            "المؤتمر الإقليمي للحقوق الرقمية 2027",
            "Regional Digital Rights Conference 2027",
            "הכנס האזורי לזכויות דיגיטליות 2027",
        ),
        "summary": T(
            "سنتحدث عن مساءلة المنصات في المنطقة.",
            "We will speak about platform accountability in the region.",
            "נדבר על אחריותיות של פלטפורמות באזור.",
        ),
    },
]

# Twenty more contributions to other organisations' panels and webinars in
# January–June 2021 (with RightsCon and Stockholm: twenty-two participations).
# (slug, kind, (month, day, hour), topic, title, summary)
PARTICIPATIONS_2021 = [
    (
        "content-moderation-middle-east-panel",
        PANEL,
        (1, 19, 16),
        "platform-accountability",
        T("الإشراف على المحتوى في الشرق الأوسط", "Content moderation in the Middle East", "פיקוח על תוכן במזרח התיכון"),
        T("عرضنا حالات من فلسطين.", "We presented cases from Palestine.", "הצגנו מקרים מפלסטין."),
    ),
    (
        "pandemic-digital-rights-webinar",
        EVENT_WEBINAR,
        (1, 28, 15),
        "digital-rights",
        T("الحقوق الرقمية في زمن الجائحة", "Digital rights in a pandemic", "זכויות דיגיטליות בזמן מגפה"),
        T("عن تطبيقات التتبّع والخصوصية.", "On tracing apps and privacy.", "על אפליקציות מעקב ופרטיות."),
    ),
    (
        "un-rapporteur-civil-society-briefing",
        PANEL,
        (2, 4, 14),
        "digital-rights",
        T(
            "إحاطة للمقرر الخاص للأمم المتحدة",
            "Briefing for a UN Special Rapporteur",
            "תדריך לכתב מיוחד של האו״ם",
        ),
        T("إحاطة من مؤسسات المجتمع المدني.", "A civil-society briefing.", "תדריך של החברה האזרחית."),
    ),
    (
        "surveillance-and-civil-society-panel",
        PANEL,
        (2, 17, 17),
        "digital-security",
        T(
            "تقنيات المراقبة والمجتمع المدني",
            "Surveillance technology and civil society",
            "טכנולוגיות מעקב וחברה אזרחית",
        ),
        T("عن برامج التجسس التجارية.", "On commercial spyware.", "על רוגלות מסחריות."),
    ),
    (
        "women-safety-online-webinar",
        EVENT_WEBINAR,
        (3, 8, 18),
        "digital-security",
        T("سلامة النساء على الإنترنت", "Women's safety online", "הביטחון של נשים ברשת"),
        T("في يوم المرأة العالمي.", "On International Women's Day.", "ביום האישה הבין־לאומי."),
    ),
    (
        "hate-speech-elections-panel",
        PANEL,
        (3, 18, 19),
        "hate-speech",
        T("خطاب الكراهية في موسم الانتخابات", "Hate speech in election season", "שיח שנאה בעונת הבחירות"),
        T("قراءة في حملات التحريض الانتخابية.", "On incitement in election campaigns.", "על הסתה בקמפיינים של בחירות."),
    ),
    (
        "transparency-reports-panel",
        PANEL,
        (3, 30, 16),
        "platform-accountability",
        T(
            "تقارير الشفافية: ماذا تخفي؟",
            "Transparency reports: what do they leave out?",
            "דוחות שקיפות: מה נשאר בחוץ?",
        ),
        T("نقاش مع باحثين في المنصات.", "A discussion with platform researchers.", "דיון עם חוקרי פלטפורמות."),
    ),
    (
        "arab-youth-online-safety-webinar",
        EVENT_WEBINAR,
        (4, 7, 17),
        "digital-security",
        T("الشباب العربي والأمان على الإنترنت", "Arab youth and online safety", "צעירים ערבים ובטיחות ברשת"),
        T("تجارب من عدة دول.", "Experiences from several countries.", "ניסיון מכמה מדינות."),
    ),
    (
        "algorithmic-bias-arabic-panel",
        PANEL,
        (4, 15, 15),
        "platform-accountability",
        T("تحيّز الخوارزميات والمحتوى العربي", "Algorithmic bias and Arabic content", "הטיה אלגוריתמית ותוכן בערבית"),
        T(
            "كيف تخطئ الأنظمة الآلية في فهم العربية.",
            "How automated systems misread Arabic.",
            "איך מערכות אוטומטיות טועות בהבנת ערבית.",
        ),
    ),
    (
        "palestinian-elections-digital-rights-panel",
        PANEL,
        (4, 22, 18),
        "digital-rights",
        T(
            "الحقوق الرقمية والانتخابات الفلسطينية",
            "Digital rights and the Palestinian elections",
            "זכויות דיגיטליות והבחירות הפלסטיניות",
        ),
        T("حرية التعبير قبل الاقتراع.", "Free expression before the vote.", "חופש ביטוי לפני ההצבעה."),
    ),
    (
        "journalists-under-digital-attack-webinar",
        EVENT_WEBINAR,
        (5, 3, 16),
        "digital-security",
        T("صحفيون تحت الهجوم الرقمي", "Journalists under digital attack", "עיתונאים תחת מתקפה דיגיטלית"),
        T("في اليوم العالمي لحرية الصحافة.", "On World Press Freedom Day.", "ביום חופש העיתונות הבין־לאומי."),
    ),
    (
        "diplomats-briefing-content-removals",
        PANEL,
        (5, 14, 13),
        "platform-accountability",
        T(
            "إحاطة للدبلوماسيين حول حذف المحتوى",
            "Briefing diplomats on content removals",
            "תדריך לדיפלומטים על הסרת תוכן",
        ),
        T("عرض عاجل لما وثقناه.", "An urgent account of what we documented.", "הצגה דחופה של מה שתיעדנו."),
    ),
    (
        "coalition-call-digital-rights-groups",
        EVENT_WEBINAR,
        (5, 21, 17),
        "digital-rights",
        T(
            "لقاء تنسيقي مع مؤسسات دولية",
            "Coordination call with international groups",
            "שיחת תיאום עם ארגונים בין־לאומיים",
        ),
        T("تنسيق المطالب الموجهة إلى المنصات.", "Aligning our demands to the platforms.", "תיאום הדרישות מהפלטפורמות."),
    ),
    (
        "tech-companies-in-conflict-panel",
        PANEL,
        (5, 25, 15),
        "platform-accountability",
        T(
            "دور شركات التكنولوجيا في النزاعات",
            "Technology companies in times of conflict",
            "חברות טכנולוגיה בזמן עימות",
        ),
        T("عن مسؤولية الشركات في الأزمات.", "On companies' duties in a crisis.", "על אחריות החברות בזמן משבר."),
    ),
    (
        "human-rights-due-diligence-session",
        CONFERENCE,
        (5, 31, 10),
        "platform-accountability",
        T(
            "العناية الواجبة بحقوق الإنسان للمنصات",
            "Human-rights due diligence for platforms",
            "בדיקת נאותות בזכויות אדם לפלטפורמות",
        ),
        T("جلسة في مؤتمر أكاديمي.", "A session at an academic conference.", "מושב בכנס אקדמי."),
    ),
    (
        "internet-shutdowns-webinar",
        EVENT_WEBINAR,
        (6, 2, 16),
        "digital-rights",
        T("قطع الإنترنت وإبطاؤه", "Internet shutdowns and throttling", "ניתוק והאטה של האינטרנט"),
        T("عن البنية التحتية والوصول.", "On infrastructure and access.", "על תשתית ועל גישה."),
    ),
    (
        "childrens-rights-digital-environment-webinar",
        EVENT_WEBINAR,
        (6, 14, 17),
        "digital-parenting",
        T(
            "حقوق الطفل في البيئة الرقمية",
            "Children's rights in the digital environment",
            "זכויות הילד בסביבה הדיגיטלית",
        ),
        T("حول التعليق العام للأمم المتحدة.", "On the UN general comment.", "על ההערה הכללית של האו״ם."),
    ),
    (
        "open-source-investigation-incitement-panel",
        PANEL,
        (6, 16, 18),
        "hate-speech",
        T(
            "التحقيق المفتوح المصدر في التحريض",
            "Open-source investigation of incitement",
            "תחקיר ממקורות גלויים על הסתה",
        ),
        T("أدوات ومنهجيات.", "Tools and methods.", "כלים ושיטות."),
    ),
    (
        "media-literacy-teachers-webinar",
        EVENT_WEBINAR,
        (6, 19, 17),
        "digital-parenting",
        T("التربية الإعلامية للمعلمين", "Media literacy for teachers", "אוריינות מדיה למורים"),
        T("مع نقابة المعلمين.", "With a teachers' union.", "עם ארגון מורים."),
    ),
    (
        "arabic-dialects-community-guidelines-webinar",
        EVENT_WEBINAR,
        (6, 29, 16),
        "platform-accountability",
        T(
            "معايير المجتمع واللهجات العربية",
            "Community guidelines and Arabic dialects",
            "כללי קהילה והניבים של הערבית",
        ),
        T("حين تُحذف كلمة بسبب لهجتها.", "When a word is removed for its dialect.", "כשמילה נמחקת בגלל הניב שלה."),
    ),
]

# ---------------------------------------------------------------------------
# Reports and statements submitted to UN and EU bodies (the advocacy of 2021, and one from 2020)
# ---------------------------------------------------------------------------

REPORT, STATEMENT = Submission.Kind.REPORT, Submission.Kind.STATEMENT

SUBMISSIONS = [
    {
        "kind": REPORT,
        "submitted_on": D(2021, 2, 15),
        "recipient": "un-special-rapporteur-freedom-of-expression",
        "joint": False,
        "campaign": None,
        "title": T(
            "مساهمة في تقرير المقرر الخاص حول التضليل الإعلامي وحرية التعبير",
            "Contribution to the Special Rapporteur's report on disinformation and freedom of expression",
            "תרומה לדוח הכתב המיוחד על דיסאינפורמציה וחופש הביטוי",
        ),
    },
    {
        "kind": STATEMENT,
        "submitted_on": D(2021, 5, 26),
        "recipient": "un-human-rights-council",
        "joint": True,
        "campaign": "stop-silencing-palestine",
        "title": T(
            "بيان مشترك إلى الدورة الاستثنائية لمجلس حقوق الإنسان حول إسكات الأصوات الفلسطينية على الإنترنت",
            "Joint statement to the Human Rights Council's special session on the silencing of Palestinian "
            "voices online",
            "הצהרה משותפת למושב המיוחד של מועצת זכויות האדם על השתקת קולות פלסטיניים ברשת",
        ),
    },
    {
        "kind": REPORT,
        "submitted_on": D(2021, 5, 27),
        "recipient": "un-special-rapporteur-freedom-of-expression",
        "joint": False,
        "campaign": "stop-silencing-palestine",
        "title": T(
            "مداخلة مكتوبة حول حذف المحتوى الفلسطيني خلال عدوان أيار",
            "Written submission on the removal of Palestinian content during the May aggression",
            "הגשה בכתב על הסרת תוכן פלסטיני בזמן המתקפה של מאי",
        ),
    },
    {
        "kind": STATEMENT,
        "submitted_on": D(2021, 6, 10),
        "recipient": "european-union",
        "joint": True,
        "campaign": "stop-silencing-palestine",
        "title": T(
            "رسالة مشتركة إلى الاتحاد الأوروبي حول رقابة المنصات على المحتوى الفلسطيني",
            "Joint letter to the European Union on the platforms' censorship of Palestinian content",
            "מכתב משותף לאיחוד האירופי על הצנזורה של הפלטפורמות על תוכן פלסטיני",
        ),
    },
    {
        "kind": REPORT,
        "submitted_on": D(2020, 11, 15),
        "recipient": "un-committee-on-the-rights-of-the-child",
        "joint": False,
        "campaign": None,
        "title": T(
            "ملاحظات حول حقوق الأطفال الفلسطينيين في البيئة الرقمية",
            "Comments on Palestinian children's rights in the digital environment",
            "הערות על זכויות ילדים פלסטינים בסביבה הדיגיטלית",
        ),
    },
]

# ---------------------------------------------------------------------------
# News and press releases
# ---------------------------------------------------------------------------

H1_2021_PUBLICATIONS = [
    "hashtag-palestine-2020",
    "mena-digital-rights-survey",
    "attack-on-palestinian-digital-rights",
    "racism-incitement-index-2020",
    "racism-incitement-index-may-2021",
]

ARTICLES = [
    {
        "slug": "half-year-report-2021",
        "kind": Article.Kind.PRESS_RELEASE,
        "publish_at": (2021, 7, 27, 10, 0),
        "featured": True,
        "topics": ["digital-rights", "platform-accountability", "digital-security"],
        "related_publications": H1_2021_PUBLICATIONS,
        "related_campaigns": ["fair-policies-with-twitter", "fair-payments-for-palestinians"],
        "related_trainings": ["digital-security-e-course-2021", "jerusalem-digital-safety-study-day"],
        "related_events": ["palestine-digital-activism-forum-2021", "rightscon-2021"],
        "title": T(
            "حملة تنشر حصيلة النصف الأول من 2021",
            "Hamleh reports on the first half of 2021",
            "חמלה מפרסם סיכום של המחצית הראשונה של 2021",
        ),
        "summary": T(
            "خمسة إصدارات، وحملات مناصرة محلية ودولية، و4662 متدرّبًا ومتدرّبة، والنسخة الخامسة من منتدى فلسطين "
            "للنشاط الرقمي: هذا ما أنجزناه بين كانون الثاني وحزيران.",
            "Five publications, local and international advocacy, 4,662 trainees and the fifth Palestine Digital "
            "Activism Forum: our work from January to June.",
            "חמישה פרסומים, קמפיינים מקומיים ובין־לאומיים, 4,662 משתתפים בהכשרות והפורום החמישי לאקטיביזם "
            "דיגיטלי: העבודה שלנו מינואר עד יוני.",
        ),
        "body": T(
            P(
                "في الأشهر الستة الأولى من 2021 نشرنا تقرير «هاشتاغ فلسطين» السنوي، ومسحًا للحقوق الرقمية في الشرق "
                "الأوسط وشمال أفريقيا، وتقريرًا عن العدوان على الحقوق الرقمية الفلسطينية، ونسختين من مؤشر العنصرية "
                "والتحريض: الأولى عن عام 2020 والثانية عن أيام العدوان في أيار.",
                "ومع تصاعد الانتهاكات كثّفنا المناصرة: أسهمنا في تقارير إلى هيئات في الأمم المتحدة والاتحاد الأوروبي، "
                "وضغطنا على فيسبوك وجوجل وباي بال وسترايب وتيليجرام كي تكفّ سياساتها عن التمييز ضد الفلسطينيين. "
                "ووقّعنا مذكرة تفاهم مع تويتر انضممنا بموجبها إلى مجلس الثقة والسلامة فيها.",
                "وفي التدريب أطلقنا مساقين إلكترونيين في الأمان الرقمي والوالدية الرقمية، وعقدنا يومًا دراسيًا في القدس "
                "للشباب والأطفال وعددًا من الورشات، فبلغ مجموع المتدربين والمتدربات 4662. "
                "كما شاركنا في أكثر من عشرين فعالية دولية، منها RightsCon ومنتدى ستوكهولم للإنترنت.",
                'تفقّدوا التقرير كاملًا: <a href="/ar/impact/?from=2021-01-01&amp;to=2021-06-30">تقرير نشاطنا من '
                "كانون الثاني إلى حزيران 2021</a>.",
            ),
            P(
                "In the first six months of 2021 we published our yearly Hashtag Palestine report, a survey of digital "
                "rights in the Middle East and North Africa, a report on the attack on Palestinian digital rights, and "
                "two editions of the Racism and Incitement Index: one on 2020 and one on the days of the May aggression.",
                "As violations grew we stepped up our advocacy: we contributed to submissions to United Nations and "
                "European Union bodies, and pressed Facebook, Google, PayPal, Stripe and Telegram to stop policies "
                "that discriminate against Palestinians. We also signed a memorandum of understanding with Twitter "
                "and joined its Trust and Safety Council.",
                "We launched two e-courses, on digital security and on digital parenting, held a study day in "
                "Jerusalem for young people and children, and ran a series of workshops: 4,662 people trained in all. "
                "We also spoke at more than twenty international events, RightsCon and the Stockholm Internet Forum "
                "among them.",
                'Read the full report: <a href="/en/impact/?from=2021-01-01&amp;to=2021-06-30">our activity from '
                "January to June 2021</a>.",
            ),
            P(
                "בששת החודשים הראשונים של 2021 פרסמנו את הדוח השנתי „האשטאג פלסטין”, סקר על זכויות דיגיטליות במזרח "
                "התיכון ובצפון אפריקה, דוח על המתקפה על הזכויות הדיגיטליות של פלסטינים ושתי מהדורות של מדד הגזענות "
                "וההסתה: אחת על 2020 ואחת על ימי המתקפה במאי.",
                "כשהפגיעות התרבו הגברנו את פעולות ההסברה: תרמנו לדיווחים לגופי האו״ם והאיחוד האירופי, ולחצנו על "
                "פייסבוק, גוגל, פייפאל, סטרייפ וטלגרם להפסיק מדיניות שמפלה פלסטינים. חתמנו גם על מזכר הבנות עם "
                "טוויטר והצטרפנו למועצת האמון והבטיחות שלה.",
                "השקנו שני קורסים מקוונים, באבטחה דיגיטלית ובהורות דיגיטלית, קיימנו יום עיון בירושלים לצעירים "
                "ולילדים וסדרת סדנאות: בסך הכול 4,662 משתתפים. השתתפנו גם ביותר מעשרים אירועים בין־לאומיים, "
                "ובהם RightsCon ופורום האינטרנט של שטוקהולם.",
                'לדוח המלא: <a href="/he/impact/?from=2021-01-01&amp;to=2021-06-30">הפעילות שלנו מינואר עד יוני '
                "2021</a>.",
            ),
        ),
    },
    {
        "slug": "hamleh-joins-twitter-trust-and-safety-council",
        "kind": Article.Kind.NEWS,
        "publish_at": (2021, 6, 17, 12, 0),
        "featured": False,
        "topics": ["platform-accountability"],
        "related_campaigns": ["fair-policies-with-twitter"],
        "title": T(
            "حملة تنضم إلى مجلس الثقة والسلامة في تويتر",
            "Hamleh joins Twitter's Trust and Safety Council",
            "חמלה מצטרף למועצת האמון והבטיחות של טוויטר",
        ),
        "summary": T(
            "بعد مذكرة تفاهم مع الشركة، ينضم المركز إلى مجموعة حقوق الإنسان والحقوق الرقمية في المجلس.",
            "Under a memorandum of understanding with the company, the centre joins the council's human-rights "
            "and digital-rights group.",
            "בעקבות מזכר הבנות עם החברה, המרכז מצטרף לקבוצת זכויות האדם והזכויות הדיגיטליות של המועצה.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "forum-2021-wraps-up",
        "kind": Article.Kind.NEWS,
        "publish_at": (2021, 3, 26, 11, 0),
        "featured": False,
        "topics": ["digital-rights"],
        "related_events": ["palestine-digital-activism-forum-2021"],
        "title": T(
            "اختتام النسخة الخامسة من منتدى فلسطين للنشاط الرقمي",
            "The fifth Palestine Digital Activism Forum wraps up",
            "הפורום החמישי לאקטיביזם דיגיטלי הסתיים",
        ),
        "summary": T(
            "ثلاثة أيام من النقاش عبر الإنترنت، والتسجيلات متاحة الآن.",
            "Three days of online discussion; the recordings are now available.",
            "שלושה ימים של דיונים מקוונים; ההקלטות זמינות עכשיו.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "statement-stop-silencing-palestinian-voices",
        "kind": Article.Kind.STATEMENT,
        "publish_at": (2021, 5, 12, 9, 0),
        "featured": False,
        "topics": ["platform-accountability", "digital-rights"],
        "related_campaigns": ["stop-silencing-palestine"],
        "title": T(
            "بيان: أوقفوا إسكات الأصوات الفلسطينية",
            "Statement: stop silencing Palestinian voices",
            "הצהרה: הפסיקו להשתיק קולות פלסטיניים",
        ),
        "summary": T(
            "نطالب المنصات بوقف حذف المحتوى الفلسطيني وإعادة الحسابات المعلّقة.",
            "We call on the platforms to stop removing Palestinian content and to restore suspended accounts.",
            "אנחנו קוראים לפלטפורמות להפסיק להסיר תוכן פלסטיני ולהחזיר חשבונות מושעים.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "digital-parenting-guide-launched",
        "kind": Article.Kind.NEWS,
        "publish_at": (2022, 2, 15, 10, 0),
        "featured": False,
        "topics": ["digital-parenting"],
        "related_publications": ["digital-parenting-guide"],
        "title": T(
            "إطلاق دليل الوالدية الرقمية",
            "The digital parenting guide is out",
            "המדריך להורות דיגיטלית יצא לאור",
        ),
        "summary": T(
            "دليل مجاني للأهل بثلاث لغات.",
            "A free guide for parents in three languages.",
            "מדריך חינמי להורים בשלוש שפות.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "forum-2027-registration-open",
        "kind": Article.Kind.NEWS,
        "publish_at": ANNOUNCED_ON,
        "featured": False,
        "topics": ["digital-rights"],
        "related_events": ["palestine-digital-activism-forum-2027"],
        "title": T(
            "التسجيل مفتوح لمنتدى فلسطين للنشاط الرقمي 2027",
            "Registration is open for the 2027 Palestine Digital Activism Forum",
            "ההרשמה לפורום פלסטין לאקטיביזם דיגיטלי 2027 נפתחה",
        ),
        "summary": T(
            "سجّلوا الآن لحضور المنتدى في رام الله أو عبر الإنترنت.",
            "Sign up now to join the forum in Ramallah or online.",
            "הירשמו עכשיו כדי להשתתף בפורום ברמאללה או באופן מקוון.",
        ),
        "body": T("", "", ""),
    },
    {
        "slug": "year-in-review-2026-draft",
        "kind": Article.Kind.NEWS,
        "status": "draft",
        "publish_at": (2026, 12, 30, 10, 0),
        "featured": False,
        "topics": ["digital-rights"],
        "title": T("حصيلة عام 2026 (مسودة)", "2026 in review (draft)", "סיכום 2026 (טיוטה)"),
        "summary": T(
            "مسودة لم تُنشر بعد.",
            "A draft, not yet published.",
            "טיוטה שעדיין לא פורסמה.",
        ),
        "body": T("", "", ""),
    },
]
