# ruff: noqa: E501 - prose in three languages reads better unbroken
"""The demo organisation's own pages (about, team, partners, contact, press, support), its team and its menus.

Written from the facts of the centre's report on the first half of 2021, like the rest of the demo. The people
of the team are invented. `load_pages(result)` is called by `demo.loading.load_demo` and is idempotent.
"""

import datetime
import hashlib
import io
import json
from zoneinfo import ZoneInfo

import reversion
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from reversion.models import Version

from content.models import Status
from demo.content import P, T
from pages.models import MenuItem, Page, TeamMember

PUBLISHED_AT = datetime.datetime(2021, 1, 1, 9, 0, tzinfo=ZoneInfo("Asia/Jerusalem"))

PAGES = [
    {
        "slug": "about",
        "kind": Page.Kind.PLAIN,
        "order": 1,
        "title": T("من نحن", "About us", "מי אנחנו"),
        "summary": T(
            "مركز حملة يعمل من أجل فضاء رقمي آمن وعادل وحر للفلسطينيين والفلسطينيات أينما كانوا.",
            "Hamleh works for a safe, fair and free digital space for Palestinians, wherever they live.",
            "מרכז חמלה פועל למען מרחב דיגיטלי בטוח, הוגן וחופשי לפלסטינים ולפלסטיניות בכל מקום שבו הם חיים.",
        ),
        "seo_description": T(
            "حملة، المركز العربي لتطوير الإعلام الاجتماعي: أبحاث ومناصرة وتدريب في مجال الحقوق الرقمية الفلسطينية.",
            "Hamleh, the Arab Center for the Advancement of Social Media: research, advocacy and training for Palestinian digital rights.",
            "חמלה, המרכז הערבי לקידום המדיה החברתית: מחקר, סנגור והדרכה למען זכויות דיגיטליות פלסטיניות.",
        ),
        "body": T(
            P(
                "حملة، المركز العربي لتطوير الإعلام الاجتماعي، مؤسسة مجتمع مدني تدافع عن الحقوق الرقمية الفلسطينية. نرصد الانتهاكات التي يتعرض لها الفلسطينيون والفلسطينيات على الإنترنت، ونوثقها وننشرها، ونطالب الشركات والحكومات بسياسات عادلة لا تميّز ضدهم.",
                "نعمل في ثلاثة مجالات متكاملة. في البحث والتوثيق نصدر تقارير دورية مثل تقريرنا السنوي «هاشتاغ فلسطين» ومؤشر العنصرية والتحريض ضد العرب والفلسطينيين. في المناصرة نتوجه إلى شركات التكنولوجيا مثل فيسبوك وجوجل وتيليجرام وباي بال وسترايب، وإلى هيئات الأمم المتحدة والاتحاد الأوروبي. وفي بناء القدرات ندرّب النشطاء ومؤسسات المجتمع المدني والطلاب والأهالي على الأمان الرقمي والنشاط الرقمي.",
                "في النصف الأول من عام 2021 وحده أصدرنا خمسة إصدارات، وتلقى 4662 فلسطينيًا وفلسطينية تدريبات معنا، ونظمنا النسخة الخامسة من منتدى فلسطين للنشاط الرقمي، وشاركنا في أكثر من عشرين مؤتمرًا وحوارية حول العالم.",
            ),
            P(
                "Hamleh, the Arab Center for the Advancement of Social Media, is a civil-society organisation that defends Palestinian digital rights. We monitor, document and publish the violations Palestinians face online, and we press companies and governments for fair policies that do not discriminate against them.",
                "Our work has three strands that support one another. In research and documentation we publish regular reports such as our annual “Hashtag Palestine” and the index of racism and incitement against Arabs and Palestinians. In advocacy we address technology companies such as Facebook, Google, Telegram, PayPal and Stripe, as well as United Nations and European Union bodies. In capacity building we train activists, civil-society organisations, students and parents in digital security and digital activism.",
                "In the first half of 2021 alone we issued five publications, 4,662 Palestinians took part in our trainings, we held the fifth Palestine Digital Activism Forum, and we took part in more than twenty conferences and panels around the world.",
            ),
            P(
                "חמלה, המרכז הערבי לקידום המדיה החברתית, הוא ארגון חברה אזרחית המגן על זכויות דיגיטליות פלסטיניות. אנו מנטרים, מתעדים ומפרסמים את הפגיעות שפלסטינים חווים ברשת, ודורשים מחברות וממשלות מדיניות הוגנת שאינה מפלה אותם.",
                "עבודתנו נשענת על שלושה תחומים המשלימים זה את זה. במחקר ובתיעוד אנו מפרסמים דוחות קבועים, כמו הדוח השנתי „האשטג פלסטין” ומדד הגזענות וההסתה נגד ערבים ופלסטינים. בסנגור אנו פונים לחברות טכנולוגיה כמו פייסבוק, גוגל, טלגרם, פייפאל וסטרייפ, וכן לגופי האו״ם והאיחוד האירופי. בבניית יכולות אנו מכשירים פעילים, ארגוני חברה אזרחית, סטודנטים והורים בתחומי האבטחה הדיגיטלית והאקטיביזם הדיגיטלי.",
                "במחצית הראשונה של 2021 לבדה הוצאנו לאור חמישה פרסומים, 4,662 פלסטינים ופלסטיניות השתתפו בהדרכות שלנו, קיימנו את פורום פלסטין לאקטיביזם דיגיטלי בפעם החמישית, והשתתפנו ביותר מעשרים כנסים ודיונים ברחבי העולם.",
            ),
        ),
    },
    {
        "slug": "team",
        "kind": Page.Kind.TEAM,
        "order": 2,
        "title": T("فريق العمل", "Our team", "הצוות שלנו"),
        "summary": T(
            "الهيئة الإدارية وطاقم العمل الذين يقفون وراء أبحاث المركز وحملاته وتدريباته.",
            "The board and the staff behind the centre's research, campaigns and trainings.",
            "הוועד המנהל והצוות שעומדים מאחורי המחקרים, הקמפיינים וההדרכות של המרכז.",
        ),
        "seo_description": T("", "", ""),
        "body": T(
            P(
                "يجمع فريقنا باحثين ومدربين ومختصين في المناصرة والإعلام، يعملون معًا من أجل حقوق رقمية فلسطينية محمية ومصانة."
            ),
            P(
                "Our team brings together researchers, trainers, and advocacy and media specialists who work together so that Palestinian digital rights are protected and respected."
            ),
            P(
                "הצוות שלנו מפגיש חוקרים, מדריכים ואנשי סנגור ותקשורת, הפועלים יחד כדי שהזכויות הדיגיטליות של פלסטינים יהיו מוגנות ומכובדות."
            ),
        ),
    },
    {
        "slug": "partners",
        "kind": Page.Kind.PARTNERS,
        "order": 3,
        "title": T("شركاؤنا", "Our partners", "השותפים שלנו"),
        "summary": T(
            "المؤسسات والتحالفات التي نعمل معها محليًا ودوليًا.",
            "The organisations and coalitions we work with, locally and internationally.",
            "הארגונים והקואליציות שאנו עובדים איתם, בזירה המקומית והבינלאומית.",
        ),
        "seo_description": T("", "", ""),
        "body": T(
            P(
                "لا ننجح وحدنا: نعمل مع مؤسسات حقوقية فلسطينية وعربية ودولية، ونشارك في تحالفات تضغط على شركات التكنولوجيا من أجل سياسات عادلة. في عام 2021 انضم المركز إلى مجلس الثقة والسلامة في شركة تويتر ضمن مجموعة حقوق الإنسان والحقوق الرقمية، بعد توقيع مذكرة تفاهم مع الشركة."
            ),
            P(
                "We do not succeed alone: we work with Palestinian, Arab and international human-rights organisations, and take part in coalitions that press technology companies for fair policies. In 2021 the centre joined Twitter's Trust and Safety Council, in its human-rights and digital-rights group, after signing a memorandum of understanding with the company."
            ),
            P(
                "איננו מצליחים לבד: אנו עובדים עם ארגוני זכויות אדם פלסטיניים, ערביים ובינלאומיים, ומשתתפים בקואליציות הלוחצות על חברות טכנולוגיה למען מדיניות הוגנת. ב־2021 הצטרף המרכז למועצת האמון והבטיחות של טוויטר, בקבוצת זכויות האדם והזכויות הדיגיטליות, לאחר חתימה על מזכר הבנות עם החברה."
            ),
        ),
    },
    {
        "slug": "contact",
        "kind": Page.Kind.CONTACT,
        "order": 4,
        "title": T("تواصلوا معنا", "Contact us", "צרו קשר"),
        "summary": T(
            "لسؤال أو اقتراح أو للإبلاغ عن انتهاك لحقوقكم الرقمية، اكتبوا لنا.",
            "For a question, a suggestion, or to report a violation of your digital rights, write to us.",
            "לשאלה, להצעה או כדי לדווח על פגיעה בזכויות הדיגיטליות שלכם, כתבו לנו.",
        ),
        "seo_description": T("", "", ""),
        "body": T(
            P(
                "نقرأ كل رسالة تصلنا، ونرد عادة خلال أيام عمل قليلة. إذا تعرّض حسابكم للحذف أو التقييد أو تعرضتم للتحريض على الإنترنت، صِفوا ما حدث وأرفقوا الروابط إن أمكن."
            ),
            P(
                "We read every message we receive and usually reply within a few working days. If your account was removed or restricted, or you faced incitement online, describe what happened and include the links if you can."
            ),
            P(
                "אנו קוראים כל הודעה שמגיעה אלינו ובדרך כלל עונים בתוך ימי עבודה ספורים. אם החשבון שלכם הוסר או הוגבל, או שנתקלתם בהסתה ברשת, תארו מה קרה וצרפו קישורים אם אפשר."
            ),
        ),
    },
    {
        "slug": "press",
        "kind": Page.Kind.PRESS,
        "order": 5,
        "title": T("للصحافة", "Press", "לעיתונות"),
        "summary": T(
            "بيانات صحفية، وشعار المركز، ووسائل التواصل مع المكتب الإعلامي.",
            "Press releases, the centre's logo, and how to reach our media office.",
            "הודעות לעיתונות, הלוגו של המרכז ודרכים לפנות למשרד התקשורת שלנו.",
        ),
        "seo_description": T("", "", ""),
        "body": T(
            P(
                "يسعدنا التحدث إلى الصحفيين والصحفيات حول الحقوق الرقمية الفلسطينية، وتقديم معطيات من تقاريرنا ومؤشراتنا. يمكنكم استخدام شعار المركز عند الإشارة إلى عمله."
            ),
            P(
                "We are glad to speak with journalists about Palestinian digital rights and to share figures from our reports and indexes. You may use the centre's logo when referring to its work."
            ),
            P(
                "נשמח לשוחח עם עיתונאים ועיתונאיות על זכויות דיגיטליות פלסטיניות ולשתף נתונים מהדוחות והמדדים שלנו. מותר להשתמש בלוגו של המרכז באזכור עבודתו."
            ),
        ),
    },
    {
        "slug": "support",
        "kind": Page.Kind.SUPPORT,
        "order": 6,
        "title": T("ادعموا عملنا", "Support our work", "תמכו בעבודתנו"),
        "summary": T(
            "تبرعوا أو تطوعوا أو انشروا عملنا: كل مساهمة تحمي الحقوق الرقمية الفلسطينية.",
            "Donate, volunteer or share our work: every contribution protects Palestinian digital rights.",
            "תרמו, התנדבו או שתפו את עבודתנו: כל תרומה מגינה על זכויות דיגיטליות פלסטיניות.",
        ),
        "seo_description": T("", "", ""),
        "body": T(
            P(
                "يعتمد عملنا على دعم الأفراد والمؤسسات. للتبرع، اكتبوا لنا وسنرسل إليكم تفاصيل التحويل البنكي وإيصالًا رسميًا؛ لا نجمع التبرعات عبر هذا الموقع.",
                "للتطوع، أخبرونا بما تجيدونه: الترجمة، والتصميم، والبحث، والتدريب على الأمان الرقمي كلها تساعدنا. ويمكنكم دائمًا الاشتراك في نشرتنا ومشاركة تقاريرنا وحملاتنا مع من حولكم.",
            ),
            P(
                "Our work relies on the support of individuals and institutions. To donate, write to us and we will send you the bank-transfer details and an official receipt; we do not collect donations on this website.",
                "To volunteer, tell us what you are good at: translation, design, research and digital-security training all help us. And you can always subscribe to our newsletter and share our reports and campaigns with the people around you.",
            ),
            P(
                "עבודתנו נשענת על תמיכה של אנשים ומוסדות. כדי לתרום, כתבו לנו ונשלח לכם את פרטי ההעברה הבנקאית וקבלה רשמית; איננו גובים תרומות דרך האתר הזה.",
                "כדי להתנדב, ספרו לנו במה אתם טובים: תרגום, עיצוב, מחקר והדרכה באבטחה דיגיטלית – כולם עוזרים לנו. ותמיד אפשר להירשם לניוזלטר שלנו ולשתף את הדוחות והקמפיינים שלנו עם הסובבים אתכם.",
            ),
        ),
    },
]

BOARD, STAFF = TeamMember.Group.BOARD, TeamMember.Group.STAFF

# Invented people: the demo names no real person.
TEAM = [
    {
        "group": BOARD,
        "order": 1,
        "name": T("سلمى حدّاد", "Salma Haddad", "סלמא חדאד"),
        "role": T("رئيسة الهيئة الإدارية", "Chair of the board", "יושבת ראש הוועד המנהל"),
        "bio": T(
            "محامية في مجال حقوق الإنسان، تتابع قضايا حرية التعبير على الإنترنت منذ أكثر من عشر سنوات.",
            "A human-rights lawyer who has followed cases of online freedom of expression for more than ten years.",
            "עורכת דין לזכויות אדם, העוקבת אחר תיקים של חופש ביטוי ברשת כבר יותר מעשר שנים.",
        ),
    },
    {
        "group": BOARD,
        "order": 2,
        "name": T("يوسف عودة", "Yousef Odeh", "יוסף עודה"),
        "role": T("أمين الصندوق", "Treasurer", "גזבר"),
        "bio": T(
            "محاسب ومستشار مالي لمؤسسات أهلية، يرافق المركز في التخطيط المالي والشفافية.",
            "An accountant and financial adviser to non-profits, who guides the centre's financial planning and transparency.",
            "רואה חשבון ויועץ פיננסי לעמותות, המלווה את המרכז בתכנון הפיננסי ובשקיפות.",
        ),
    },
    {
        "group": BOARD,
        "order": 3,
        "name": T("ريم منصور", "Reem Mansour", "רים מנסור"),
        "role": T("عضوة الهيئة الإدارية", "Board member", "חברת הוועד המנהל"),
        "bio": T(
            "محاضرة في الإعلام الرقمي، تهتم بتأثير المنصات على الخطاب العام.",
            "A lecturer in digital media, interested in how platforms shape public debate.",
            "מרצה למדיה דיגיטלית, העוסקת בהשפעת הפלטפורמות על השיח הציבורי.",
        ),
    },
    {
        "group": STAFF,
        "order": 1,
        "name": T("كريم الخطيب", "Karim Khatib", "כרים ח'טיב"),
        "role": T("المدير العام", "Executive director", "מנהל כללי"),
        "bio": T(
            "يقود عمل المركز وعلاقاته مع شركات التكنولوجيا والهيئات الدولية.",
            "Leads the centre's work and its relations with technology companies and international bodies.",
            "מוביל את עבודת המרכז ואת קשריו עם חברות טכנולוגיה וגופים בינלאומיים.",
        ),
    },
    {
        "group": STAFF,
        "order": 2,
        "name": T("لينا صبّاغ", "Lina Sabbagh", "לינא סבאע'"),
        "role": T("مديرة وحدة الأبحاث", "Head of research", "ראש יחידת המחקר"),
        "bio": T(
            "تشرف على تقرير «هاشتاغ فلسطين» ومؤشر العنصرية والتحريض.",
            "Oversees the “Hashtag Palestine” report and the index of racism and incitement.",
            "מפקחת על הדוח „האשטג פלסטין” ועל מדד הגזענות וההסתה.",
        ),
    },
    {
        "group": STAFF,
        "order": 3,
        "name": T("عمر ناصر", "Omar Nasser", "עומר נאסר"),
        "role": T("منسق المناصرة", "Advocacy coordinator", "רכז סנגור"),
        "bio": T(
            "ينسّق الحملات الموجهة إلى الشركات والتقارير المرفوعة إلى الأمم المتحدة والاتحاد الأوروبي.",
            "Coordinates the campaigns aimed at companies and the submissions to the United Nations and the European Union.",
            "מתאם את הקמפיינים המופנים לחברות ואת ההגשות לאו״ם ולאיחוד האירופי.",
        ),
    },
    {
        "group": STAFF,
        "order": 4,
        "name": T("هبة جبارين", "Hiba Jabareen", "היבה ג'בארין"),
        "role": T("مدرّبة الأمان الرقمي", "Digital-security trainer", "מדריכת אבטחה דיגיטלית"),
        "bio": T(
            "تقدّم ورشات الأمان الرقمي للشباب والأهالي، وشاركت في إعداد مساق الوالدية الرقمية.",
            "Runs digital-security workshops for young people and parents, and helped write the digital-parenting course.",
            "מעבירה סדנאות אבטחה דיגיטלית לצעירים ולהורים, ושותפה לכתיבת הקורס להורות דיגיטלית.",
        ),
    },
    {
        "group": STAFF,
        "order": 5,
        "name": T("مايا شحادة", "Maya Shehadeh", "מאיה שחאדה"),
        "role": T("مسؤولة الإعلام والتواصل", "Communications officer", "אחראית תקשורת"),
        "bio": T(
            "تتابع علاقات المركز مع وسائل الإعلام، وتحرر النشرة والبيانات الصحفية.",
            "Looks after the centre's media relations and edits the newsletter and press releases.",
            "אחראית על קשרי המרכז עם התקשורת ועורכת את הניוזלטר וההודעות לעיתונות.",
        ),
    },
]

# The menus of each language: (location, page slug, order).
MENUS = [
    ("header", "about", 1),
    ("header", "support", 2),
    ("header", "contact", 3),
    ("footer", "about", 1),
    ("footer", "team", 2),
    ("footer", "partners", 3),
    ("footer", "press", 4),
    ("footer", "support", 5),
    ("footer", "contact", 6),
]


PORTRAIT_COLOURS = [((11, 93, 75), (214, 232, 226)), ((29, 59, 110), (219, 228, 242)), ((166, 54, 27), (246, 226, 219))]


def portrait_jpeg(name, size=400):
    """A drawn stand-in for a photo: a head and shoulders in one of the site's colours (no real face)."""
    digest = hashlib.sha256(name.encode()).digest()
    ink, paper = PORTRAIT_COLOURS[digest[0] % len(PORTRAIT_COLOURS)]
    image = Image.new("RGB", (size, size), paper)
    draw = ImageDraw.Draw(image)
    shift = digest[1] % 40 - 20
    draw.ellipse((size * 0.32 + shift, size * 0.18, size * 0.68 + shift, size * 0.56), fill=ink)
    draw.ellipse((size * 0.12 + shift, size * 0.62, size * 0.88 + shift, size * 1.3), fill=ink)
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=85)
    return output.getvalue()


def translated(**fields):
    """title={"ar": …, "en": …, "he": …} → {"title_ar": …, "title_en": …, "title_he": …}."""
    return {f"{name}_{language}": value for name, values in fields.items() for language, value in values.items()}


def _file_missing(field_file):
    return not field_file or not field_file.storage.exists(field_file.name)


def load_pages(result, upsert):
    """The pages, the team and the menus in the three languages; safe to run again. `upsert` is
    `demo.loading.upsert` (which calls this function): a record is written only when it differs."""
    pages = {}
    for data in PAGES:
        values = {
            "kind": data["kind"],
            "order": data["order"],
            "status": Status.PUBLISHED,
            "publish_at": PUBLISHED_AT,
            **translated(
                title=data["title"], summary=data["summary"], body=data["body"], seo_description=data["seo_description"]
            ),
        }
        pages[data["slug"]] = upsert(Page, {"slug": data["slug"], "parent": None}, values, result)
    for data in TEAM:
        values = {"group": data["group"], "order": data["order"], **translated(role=data["role"], bio=data["bio"])}
        values.update({f"name_{code}": value for code, value in data["name"].items() if code != "en"})
        member = upsert(TeamMember, {"name_en": data["name"]["en"]}, values, result)
        if _file_missing(member.photo):
            member.photo = ContentFile(portrait_jpeg(data["name"]["en"]), name="portrait.jpg")
            member.save()
            result.files += 1
    for language in ("ar", "en", "he"):
        for location, slug, order in MENUS:
            upsert(
                MenuItem,
                {"location": location, "language": language, "page": pages[slug]},
                {"order": order},
                result,
            )
    _first_revisions(pages.values())
    return pages


# What the admin records when an item is added (as `demo.loading` does for the sections).
FIRST_REVISION_COMMENT = json.dumps([{"added": {}}])


def _first_revisions(pages):
    """Each page gets its first revision, as if saved in the admin, when it has none."""
    versioned = set(Version.objects.get_for_model(Page).values_list("object_id", flat=True))
    for page in pages:
        if str(page.pk) not in versioned:
            with reversion.create_revision():
                reversion.add_to_revision(page)
                reversion.set_comment(FIRST_REVISION_COMMENT)
