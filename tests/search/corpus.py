"""A small multilingual site written from the seed's facts: the table of search cases runs over it."""

import datetime

from django.utils import timezone

from content.models import Status
from publications.models import Publication
from search.index import index_object
from tests.factories import (
    make_article,
    make_campaign,
    make_event,
    make_organization,
    make_publication,
    make_topic,
    make_training,
)


def build_corpus():
    privacy = make_topic(slug="privacy", name_ar="الخصوصية", name_en="Privacy", name_he="פרטיות")
    facebook = make_organization(slug="facebook", name_ar="فيسبوك", name_en="Facebook")
    items = {
        "hashtag": make_publication(
            slug="hashtag-palestine-2020",
            kind=Publication.Kind.REPORT,
            title_ar="هاشتاغ فلسطين 2020",
            title_en="Hashtag Palestine 2020",
            title_he="האשטאג פלסטין 2020",
            summary_ar="التقرير السنوي عن الحقوق الرقمية للفلسطينيين",
            summary_en="The annual report on Palestinian digital rights",
            summary_he="הדוח השנתי על הזכויות הדיגיטליות של הפלסטינים",
            body_ar="<p>يوثّق هذا التقرير انتهاكات شركات التواصل الاجتماعي.</p>",
        ),
        "mena": make_publication(
            slug="mena-digital-rights-survey",
            kind=Publication.Kind.RESEARCH,
            title_ar="مسح الحقوق الرقمية في منطقة الشرق الأوسط وشمال أفريقيا",
            title_en="Survey of digital rights in the Middle East and North Africa",
            summary_ar="دراسة إقليمية بالشراكة مع مؤسسات المجتمع المدني",
        ),
        "racism": make_publication(
            slug="racism-incitement-index",
            kind=Publication.Kind.INDEX,
            title_ar="مؤشر العنصرية والتحريض ضد العرب والفلسطينيين",
            title_en="Index of racism and incitement against Arabs and Palestinians",
            title_he="מדד הגזענות וההסתה נגד ערבים ופלסטינים",
            summary_ar="نسختان: خطاب العنصرية خلال عام 2020، ثم خلال شهر أيار",
        ),
        "aggression": make_publication(
            slug="aggression-on-digital-rights",
            kind=Publication.Kind.REPORT,  # a report whose text never says so
            title_ar="العدوان على الحقوق الرقمية الفلسطينية",
            title_en="The aggression on Palestinian digital rights",
            summary_en="How platforms silenced Palestinian voices in May 2021",
        ),
        "half_year": make_article(
            slug="half-year-report-2021",
            title_ar="حملة يصدر تقريره نصف السنوي",
            title_en="7amleh publishes its half-year report",
            summary_ar="أهم إنجازات المركز خلال الأشهر الستة الأولى من عام ٢٠٢١",
        ),
        "mou": make_article(
            slug="twitter-memorandum",
            title_ar="توقيع مذكرة تفاهم مع شركة تويتر",
            title_en="Memorandum of understanding signed with Twitter",
            title_he="מזכר הבנות עם טוויטר",
            summary_ar="ينضم المركز إلى مجلس الثقة والسلامة",
        ),
        "facebook": make_campaign(
            slug="stop-silencing-on-facebook",
            title_ar="أوقفوا إسكات الأصوات الفلسطينية على فيسبوك",
            title_en="Stop silencing Palestinian voices on Facebook",
            hashtag="#StopSilencingPalestine",
            targets=[facebook],
        ),
        "paypal": make_campaign(
            slug="paypal-for-palestinians",
            title_ar="باي بال للفلسطينيين",
            title_en="PayPal for Palestinians",
            summary_ar="حملات الضغط على شركات الدفع الإلكتروني",
        ),
        "google": make_article(
            slug="google-maps-villages",
            title_ar="جوجل تحذف أسماء القرى من الخرائط",
            title_en="Google removes village names from its maps",
            title_he="גוגל מוחקת שמות כפרים מהמפות",
        ),
        "telegram": make_training(
            slug="telegram-channels",
            title_ar="حماية قنوات تيليجرام",
            title_en="Protecting Telegram channels",
            title_he="הגנה על ערוצי טלגרם",
        ),
        "security": make_training(
            slug="digital-security-course",
            title_ar="مساق الأمان الرقمي",
            title_en="Digital security e-course",
            title_he="קורס אבטחה דיגיטלית",
            summary_ar="تدريبات للنشطاء والطلاب",
        ),
        "parenting": make_training(
            slug="digital-parenting-course",
            title_ar="مساق الوالدية الرقمية",
            title_en="Digital parenting e-course",
            title_he="הורות דיגיטלית",
            topics=[privacy],
        ),
        "study_day": make_training(
            slug="study-day-jerusalem",
            title_ar="يوم دراسي للسلامة الرقمية للشباب والأطفال في القدس",
            title_en="Study day on digital safety for young people and children in Jerusalem",
            title_he="יום עיון על בטיחות דיגיטלית בירושלים",
        ),
        "forum": make_event(
            slug="palestine-digital-activism-forum",
            title_ar="منتدى فلسطين للنشاط الرقمي",
            title_en="Palestine Digital Activism Forum",
            title_he="פורום פלסטין לאקטיביזם דיגיטלי",
            edition=5,
        ),
        "rightscon": make_event(
            slug="rightscon-2021",
            title_ar="مؤتمر رايتس كون",
            title_en="RightsCon",
            venue_en="Online",
        ),
    }
    # Never found: a draft, and an item scheduled for later.
    make_publication(slug="secret-draft", title_ar="مسودة تقرير داخلي", status=Status.DRAFT)
    make_publication(
        slug="scheduled-report",
        title_ar="تقرير مجدول للنشر",
        publish_at=timezone.now() + datetime.timedelta(days=3),
    )
    # Topics and targets were added after the first save, as the admin does: index again.
    for key in ("parenting", "facebook"):
        index_object(items[key])
    return items
