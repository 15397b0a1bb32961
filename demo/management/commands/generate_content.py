"""Generate a large synthetic content set (all five sections, three languages) and index it for search.

    python manage.py generate_content --count 100000

Fast: items are written with bulk_create in batches, their topic links too, and their search index
entries are built in memory and written in bulk (one UPDATE per batch computes the PostgreSQL vectors).
The texts are recombined from the kind of sentences the organisation publishes, so word frequencies look
like a real site's. Meant for benchmarks and load tests, never for a production database.
"""

import datetime
import random
import secrets

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from campaigns.models import Campaign, CampaignTopic
from content.changes import content_changed
from content.models import Status, Topic
from content.statistics import analyze
from publications.models import Article, ArticleTopic, Publication, PublicationTopic
from search.index import index_objects
from trainings.models import Event, EventTopic, Training, TrainingTopic

TOPICS = [
    ("digital-rights", "الحقوق الرقمية", "Digital rights", "זכויות דיגיטליות"),
    ("privacy", "الخصوصية", "Privacy", "פרטיות"),
    ("hate-speech", "خطاب الكراهية والتحريض", "Hate speech and incitement", "שיח שנאה והסתה"),
    ("digital-security", "الأمان الرقمي", "Digital security", "אבטחה דיגיטלית"),
    ("platforms", "شركات التواصل الاجتماعي", "Social media companies", "חברות המדיה החברתית"),
    ("censorship", "الرقابة وإسكات الأصوات", "Censorship and silencing", "צנזורה והשתקה"),
    ("surveillance", "المراقبة", "Surveillance", "מעקב"),
    ("digital-activism", "النشاط الرقمي", "Digital activism", "אקטיביזם דיגיטלי"),
]
# (Arabic, English, Hebrew) pieces that are recombined into titles and texts.
SUBJECTS = [
    ("الحقوق الرقمية الفلسطينية", "Palestinian digital rights", "הזכויות הדיגיטליות של הפלסטינים"),
    ("خطاب العنصرية والتحريض", "racist speech and incitement", "שיח גזעני והסתה"),
    ("الأمان الرقمي للنشطاء", "digital security for activists", "אבטחה דיגיטלית לפעילים"),
    ("الوالدية الرقمية", "digital parenting", "הורות דיגיטלית"),
    ("السلامة الرقمية للشباب والأطفال", "online safety for young people and children", "בטיחות ברשת לצעירים ולילדים"),
    ("حرية التعبير على المنصات", "freedom of expression on platforms", "חופש הביטוי בפלטפורמות"),
    ("إسكات الأصوات الفلسطينية", "the silencing of Palestinian voices", "השתקת הקולות הפלסטיניים"),
    ("الخصوصية وحماية البيانات", "privacy and data protection", "פרטיות והגנת מידע"),
    ("التمييز في سياسات الشركات", "discrimination in company policies", "אפליה במדיניות החברות"),
    ("الوصول إلى خدمات الدفع الإلكتروني", "access to online payment services", "גישה לשירותי תשלום מקוונים"),
    ("المراقبة وبرامج التجسس", "surveillance and spyware", "מעקב ותוכנות ריגול"),
    ("النشاط الرقمي والحملات", "digital activism and campaigning", "אקטיביזם דיגיטלי וקמפיינים"),
]
COMPANIES = [
    ("فيسبوك", "Facebook", "פייסבוק"),
    ("جوجل", "Google", "גוגל"),
    ("باي بال", "PayPal", "פייפאל"),
    ("سترايب", "Stripe", "סטרייפ"),
    ("تيليجرام", "Telegram", "טלגרם"),
    ("تويتر", "Twitter", "טוויטר"),
    ("تيك توك", "TikTok", "טיקטוק"),
]
PLACES = [
    ("القدس", "Jerusalem", "ירושלים"),
    ("حيفا", "Haifa", "חיפה"),
    ("رام الله", "Ramallah", "רמאללה"),
    ("الناصرة", "Nazareth", "נצרת"),
    ("غزة", "Gaza", "עזה"),
]
HEADS = {
    "publications": [("تقرير عن", "Report on", "דוח על"), ("ورقة موقف حول", "Position paper on", "נייר עמדה על")],
    "news": [("بيان صحفي حول", "Press release on", "הודעה לעיתונות על"), ("خبر عن", "News on", "חדשות על")],
    "campaigns": [("حملة من أجل", "Campaign for", "קמפיין למען"), ("مناصرة", "Advocacy for", "סנגור למען")],
    "trainings": [("ورشة تدريبية عن", "Workshop on", "סדנה על"), ("مساق إلكتروني في", "E-course on", "קורס מקוון על")],
    "events": [("ندوة حول", "Panel on", "פאנל על"), ("مؤتمر عن", "Conference on", "כנס על")],
}
SENTENCES = [
    (
        "وثّق المركز انتهاكات {subject} خلال الأشهر الماضية، وأصدر توصيات لشركة {company}.",
        "The centre documented violations of {subject} in recent months and issued recommendations to {company}.",
        "המרכז תיעד הפרות של {subject} בחודשים האחרונים ופרסם המלצות ל{company}.",
    ),
    (
        "شارك في التدريبات {number} من النشطاء والطلاب ومؤسسات المجتمع المدني في {place}.",
        "{number} activists, students and civil-society staff took part in the trainings in {place}.",
        "{number} פעילים, סטודנטים ואנשי חברה אזרחית השתתפו בהדרכות ב{place}.",
    ),
    (
        "يطالب التقرير الشركات بسياسات عادلة تضمن {subject} وتنهي التمييز الرقمي.",
        "The report asks companies for fair policies that protect {subject} and end digital discrimination.",
        "הדוח דורש מהחברות מדיניות הוגנת שתגן על {subject} ותשים קץ לאפליה הדיגיטלית.",
    ),
    (
        "ساهم المركز في تقارير مرفوعة إلى الأمم المتحدة والاتحاد الأوروبي بشأن {subject}.",
        "The centre contributed to submissions to the United Nations and the European Union on {subject}.",
        "המרכז תרם לדיווחים לאו״ם ולאיחוד האירופי בנושא {subject}.",
    ),
    (
        "تواصل الحملة الضغط على {company} لتعزيز {subject} في المنطقة.",
        "The campaign keeps pressing {company} to strengthen {subject} in the region.",
        "הקמפיין ממשיך ללחוץ על {company} לחזק את {subject} באזור.",
    ),
    (
        "نظّم المركز يوماً دراسياً في {place} بمشاركة {number} مشاركاً ومشاركة.",
        "The centre held a study day in {place} with {number} participants.",
        "המרכז קיים יום עיון ב{place} בהשתתפות {number} משתתפים.",
    ),
]
SHARES = [("publications", 25), ("news", 35), ("campaigns", 10), ("trainings", 15), ("events", 15)]
MODELS = {
    "publications": (Publication, PublicationTopic, "publication"),
    "news": (Article, ArticleTopic, "article"),
    "campaigns": (Campaign, CampaignTopic, "campaign"),
    "trainings": (Training, TrainingTopic, "training"),
    "events": (Event, EventTopic, "event"),
}
LANGUAGES = ("ar", "en", "he")


class Command(BaseCommand):
    help = "Generate a large synthetic multilingual content set across all sections, and index it for search."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000, help="How many items in all (default 1000).")
        parser.add_argument("--batch-size", type=int, default=2000, help="Items written per batch (default 2000).")
        parser.add_argument("--seed", type=int, default=None, help="Random seed, for the same content each run.")

    def handle(self, *args, count, batch_size, seed, **options):
        if count < 1 or batch_size < 1:
            raise CommandError("--count and --batch-size must be positive.")
        self.random = random.Random(seed)  # noqa: S311 - synthetic content, not security
        self.run = secrets.token_hex(3) if seed is None else f"s{seed}"
        self.now = timezone.now()
        topics = self.topics()
        made = 0
        for section, share in SHARES:
            total = count * share // 100 if section != "events" else count - made
            done = 0
            while done < total:
                size = min(batch_size, total - done)
                self.write_batch(section, done, size, topics)
                done += size
            made += total
            self.stdout.write(f"{section}: {total}")
        # Written in bulk, past the models' save(): the page cache must still learn of them, and the
        # database's planner of the rows it has not counted yet.
        content_changed()
        analyze()
        self.stdout.write(self.style.SUCCESS(f"Generated and indexed {made} items; tables analysed."))

    def topics(self):
        topics = []
        for slug, name_ar, name_en, name_he in TOPICS:
            topic, _created = Topic.objects.get_or_create(
                slug=slug, defaults={"name_ar": name_ar, "name_en": name_en, "name_he": name_he}
            )
            topics.append(topic)
        return topics

    @transaction.atomic
    def write_batch(self, section, start, size, topics):
        model, link_model, link_field = MODELS[section]
        items = model.objects.bulk_create([self.item(section, start + offset) for offset in range(size)])
        links, names = [], {}
        for item in items:
            chosen = self.random.sample(topics, self.random.randint(1, 2))
            links.extend(link_model(topic=topic, **{link_field: item}) for topic in chosen)
            names[item.pk] = [name for topic in chosen for name in (topic.name_ar, topic.name_en, topic.name_he)]
        link_model.objects.bulk_create(links)
        index_objects(items, related_names=names)

    def pick(self, choices):
        return self.random.choice(choices)

    def item(self, section, number):
        model = MODELS[section][0]
        subject, head = self.pick(SUBJECTS), self.pick(HEADS[section])
        company, place = self.pick(COMPANIES), self.pick(PLACES)
        year = self.random.randint(2015, 2025)
        sentences = self.random.sample(SENTENCES, 4)
        values = {"number": self.random.randint(12, 4662)}
        fields = {}
        for index, language in enumerate(LANGUAGES):
            texts = [
                sentence[index].format(subject=subject[index], company=company[index], place=place[index], **values)
                for sentence in sentences
            ]
            fields[f"title_{language}"] = f"{head[index]} {subject[index]} {year}"
            fields[f"summary_{language}"] = texts[0]
            fields[f"body_{language}"] = "".join(f"<p>{text}</p>" for text in texts[1:])
        fields.update(title=fields["title_ar"], summary=fields["summary_ar"], body=fields["body_ar"])
        fields.update(self.publishing())
        fields.update(self.section_fields(section, year))
        return model(slug=f"gen-{self.run}-{section}-{number}", **fields)

    def publishing(self):
        roll = self.random.random()
        if roll < 0.05:
            return {"status": Status.DRAFT, "publish_at": self.now}
        if roll < 0.1:
            return {
                "status": Status.PUBLISHED,
                "publish_at": self.now + datetime.timedelta(days=self.random.randint(1, 60)),
            }
        return {
            "status": Status.PUBLISHED,
            "publish_at": self.now - datetime.timedelta(minutes=self.random.randint(1, 5 * 525_600)),
        }

    def section_fields(self, section, year):
        day = datetime.date(year, self.random.randint(1, 12), self.random.randint(1, 28))
        if section == "publications":
            return {"published_on": day}
        if section == "campaigns":
            # A campaign runs from a month to two years; one that has not reached its end is ongoing.
            end = day + datetime.timedelta(days=self.random.randint(30, 730))
            return {
                "start_date": day,
                "end_date": end if end < timezone.localdate(self.now) else None,
                "hashtag": f"#Campaign{year}",
            }
        if section == "trainings":
            return {"start_date": day, "participants_count": self.random.randint(5, 300)}
        if section == "events":
            starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
            return {"starts_at": starts, "ends_at": starts + datetime.timedelta(hours=2)}
        return {}
