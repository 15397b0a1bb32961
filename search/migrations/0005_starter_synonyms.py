"""A first list of synonym groups from the site's subjects; staff edit them in the admin.

Names of platforms and companies apply to every language (a reader of the English site may type تويتر);
phrases of one language only to its pages. Spelling variants that letter folding already meets
(غوغل and جوجل, تلغرام and تيليجرام) are listed anyway: a group also makes the forms visible to staff.
"""

from django.db import migrations

EVERY_LANGUAGE = ""
STARTER_GROUPS = [
    (EVERY_LANGUAGE, ["Facebook", "فيسبوك", "فيس بوك", "פייסבוק"]),
    (EVERY_LANGUAGE, ["Google", "غوغل", "جوجل", "قوقل", "גוגל"]),
    (EVERY_LANGUAGE, ["Twitter", "X", "تويتر", "טוויטר"]),
    (EVERY_LANGUAGE, ["Telegram", "تلغرام", "تيليجرام", "تليجرام", "טלגרם"]),
    (EVERY_LANGUAGE, ["PayPal", "باي بال", "بايبال", "פייפאל"]),
    (EVERY_LANGUAGE, ["Stripe", "سترايب", "סטרייפ"]),
    (EVERY_LANGUAGE, ["YouTube", "يوتيوب", "יוטיוב"]),
    (EVERY_LANGUAGE, ["RightsCon", "رايتس كون", "رايتسكون"]),
    (EVERY_LANGUAGE, ["hashtag", "هاشتاغ", "هاشتاج", "وسم", "האשטאג"]),
    ("ar", ["الوالدية الرقمية", "التربية الرقمية"]),
    ("ar", ["الأمان الرقمي", "الأمن الرقمي"]),
    ("en", ["digital parenting", "digital upbringing"]),
    ("en", ["digital security", "cybersecurity"]),
    ("he", ["הורות דיגיטלית", "חינוך דיגיטלי"]),
]


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.bulk_create(
        SynonymGroup(language=language, phrases="\n".join(phrases)) for language, phrases in STARTER_GROUPS
    )


def remove_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for language, phrases in STARTER_GROUPS:
        SynonymGroup.objects.filter(language=language, phrases="\n".join(phrases)).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_known_word_trigram_index")]

    operations = [migrations.RunPython(add_groups, remove_groups)]
