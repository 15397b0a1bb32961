"""Query → expected items, across Arabic, English and Hebrew; runs on whichever database the suite uses
(the suite runs on SQLite and on PostgreSQL), so both engines must give the same items.

Each query is searched as on the page of its script's language, with the synonym groups the migrations
start the site with. The cases that must find nothing measure precision: spelling variants and synonyms
must not make unrelated words meet.
"""

import pytest

from search.index import Search
from search.models import SynonymGroup
from search.text import script_of, words
from tests.search.corpus import build_corpus

pytestmark = pytest.mark.django_db

REPORTS = {"hashtag", "half_year", "aggression"}  # two say "report", one is a report by its kind
TRAININGS = {"security", "parenting", "study_day", "telegram"}

CASES = [
    # Arabic: surface forms, clitics and suffixes
    ("تقرير", REPORTS),
    ("التقرير", REPORTS),
    ("تقريره", REPORTS),
    ("وتقرير", REPORTS),
    ("حقوق الفلسطينيين", {"hashtag", "aggression"}),
    ("الحقوق الرقمية", {"hashtag", "mena", "aggression"}),
    ("بالقدس", {"study_day"}),
    ("للشباب", {"study_day"}),
    ("شباب", {"study_day"}),
    ("الأطفال", {"study_day"}),
    ("فيسبوك", {"facebook"}),
    ("وفيسبوك", {"facebook"}),
    ("مذكرة تفاهم", {"mou"}),
    ("التحريض", {"racism"}),
    ("الشرق الأوسط", {"mena"}),
    # Arabic: diacritics, tatweel, invisible marks
    ("تَقْرِيرٌ", REPORTS),
    ("تـقـريـر", REPORTS),
    ("تقرير\u200f", REPORTS),
    ("الْعُدْوَان", {"aggression"}),
    # Arabic: alef, hamza, ya and ta marbuta variants
    ("الامان", {"security"}),
    ("ألأمان", {"security"}),
    ("اسكات", {"facebook"}),
    ("إسكات", {"facebook"}),
    ("موشر", {"racism"}),
    ("مؤشر", {"racism"}),
    ("افريقيا", {"mena"}),
    ("العنصريه", {"racism"}),
    ("منتدي", {"forum"}),
    ("منتدى", {"forum"}),
    # Arabic: plurals and digits
    ("المنتديات", {"forum"}),
    ("تدريب", TRAININGS),  # the section's name
    ("الحملات", {"paypal", "half_year", "facebook"}),
    ("٢٠٢٠", {"hashtag", "racism"}),
    ("2021", {"half_year", "aggression"}),
    # Topics and organisations are searchable too
    ("خصوصية", {"parenting"}),
    ("privacy", {"parenting"}),
    # English
    ("report", REPORTS),
    ("reports", REPORTS),
    ("Digital Rights", {"hashtag", "mena", "aggression"}),
    ("security", {"security"}),
    ("parenting", {"parenting"}),
    ("children", {"study_day"}),
    ("PayPal", {"paypal"}),
    ("RightsCon", {"rightscon"}),
    ("forums", {"forum"}),
    ("twitter memorandum", {"mou"}),
    ("silenced", {"facebook", "aggression"}),
    ("StopSilencingPalestine", {"facebook"}),
    # Hebrew: prefix letters, plural endings, niqqud
    ("דוח", {"hashtag", "aggression"}),
    ("הזכויות", {"hashtag"}),
    ("פלסטין", {"hashtag", "forum", "racism"}),
    ("פלסטינים", {"hashtag", "forum", "racism"}),
    ("ירושלים", {"study_day"}),
    ("טוויטר", {"mou"}),
    ("אבטחה", {"security"}),
    ("הוֹרוּת", {"parenting"}),
    # Mixed scripts
    ("RightsCon مؤتمر", {"rightscon"}),
    ("Hashtag فلسطين", {"hashtag"}),
    # Borrowed names written several ways: joined or apart, g as غ ج ق, long vowels or not, doubled letters
    ("فيس بوك", {"facebook"}),
    ("الفيس بوك", {"facebook"}),
    ("ڤيسبوك", {"facebook"}),
    ("فيسبووك", {"facebook"}),
    ("غوغل", {"google"}),
    ("جوجل", {"google"}),
    ("قوقل", {"google"}),
    ("تلغرام", {"telegram"}),
    ("تيليجرام", {"telegram"}),
    ("تليجرام", {"telegram"}),
    ("هاشتاج", {"hashtag"}),
    ("هاشتاغ", {"hashtag"}),
    ("بايبال", {"paypal"}),
    ("پاي پال", {"paypal"}),
    ("رايتسكون", {"rightscon"}),
    ("رايتس كون", {"rightscon"}),
    # Synonyms of the starter list, across languages
    ("التربية الرقمية", {"parenting"}),
    ("بالتربية الرقمية", {"parenting"}),
    ("digital upbringing", {"parenting"}),
    ("חינוך דיגיטלי", {"parenting"}),
    ("X", {"mou"}),
    ("Twitter", {"mou"}),
    ("تويتر", {"mou"}),
    ("Facebook", {"facebook"}),
    ("פייסבוק", {"facebook"}),
    ("Google", {"google"}),
    ("גוגל", {"google"}),
    ("Telegram", {"telegram"}),
    ("טלגרם", {"telegram"}),
    # Kinds and section names in every language
    ("تقارير", REPORTS),
    ("التقارير", REPORTS),
    ("Trainings", TRAININGS),
    ("child", {"study_day"}),
    # Precision: variants and joins must not make unrelated words meet
    ("حجج", set()),
    ("قرار", set()),
    ("بوك", set()),
    ("فيس", set()),
    ("جنون", set()),
    # Nothing, and never unpublished items
    ("مسودة", set()),
    ("مجدول", set()),
    ("كلمةليستهنا", set()),
]


PAGE_LANGUAGE = {"arabic": "ar", "latin": "en", "hebrew": "he", "number": "ar"}


def found(items, query):
    keys = {(item.SECTION, item.pk): key for key, item in items.items()}
    language = PAGE_LANGUAGE[script_of(words(query)[0])] if words(query) else "ar"
    documents = Search.parse(query, SynonymGroup.objects.phrases_for(language)).documents()
    return {keys.get((document.section, document.object_id), "unpublished") for document in documents}


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_query_finds_expected_items(query, expected):
    items = build_corpus()
    assert found(items, query) == expected


def test_the_table_is_large_and_covers_three_scripts():
    assert len(CASES) >= 80
    scripts = {script_of(word) for query, _expected in CASES for word in words(query)}
    assert {"arabic", "hebrew", "latin"} <= scripts


@pytest.mark.parametrize("query", ["الحقوق الرقمية", "تقرير", "פלסטין", "report", "silenced", "كلمةليستهنا"])
def test_the_results_page_ranks_in_one_pass_exactly_as_the_database_orders(query):
    """`ranked_ids` (ranked as read, sorted in Python) gives the order of `documents()` (sorted by the database)."""
    build_corpus()
    search = Search.parse(query)
    in_database_order = list(search.documents().values_list("pk", flat=True))
    assert search.ranked_ids() == in_database_order
    assert bool(in_database_order) == (query != "كلمةليستهنا")
