"""Query → expected items, across Arabic, English and Hebrew; runs on whichever database the suite uses
(the suite runs on SQLite and on PostgreSQL), so both engines must give the same items."""

import pytest

from search.index import Search
from search.text import script_of, words
from tests.search.corpus import build_corpus

pytestmark = pytest.mark.django_db

CASES = [
    # Arabic: surface forms, clitics and suffixes
    ("تقرير", {"hashtag", "half_year"}),
    ("التقرير", {"hashtag", "half_year"}),
    ("تقريره", {"hashtag", "half_year"}),
    ("وتقرير", {"hashtag", "half_year"}),
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
    ("تَقْرِيرٌ", {"hashtag", "half_year"}),
    ("تـقـريـر", {"hashtag", "half_year"}),
    ("تقرير\u200f", {"hashtag", "half_year"}),
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
    ("تدريب", {"security"}),
    ("الحملات", {"paypal", "half_year"}),
    ("٢٠٢٠", {"hashtag", "racism"}),
    ("2021", {"half_year", "aggression"}),
    # Topics and organisations are searchable too
    ("خصوصية", {"parenting"}),
    ("privacy", {"parenting"}),
    # English
    ("report", {"hashtag", "half_year"}),
    ("reports", {"hashtag", "half_year"}),
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
    ("דוח", {"hashtag"}),
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
    # Nothing, and never unpublished items
    ("مسودة", set()),
    ("مجدول", set()),
    ("كلمةليستهنا", set()),
]


def found(items, query):
    keys = {(item.SECTION, item.pk): key for key, item in items.items()}
    documents = Search.parse(query).documents()
    return {keys.get((document.section, document.object_id), "unpublished") for document in documents}


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_query_finds_expected_items(query, expected):
    items = build_corpus()
    assert found(items, query) == expected


def test_the_table_is_large_and_covers_three_scripts():
    assert len(CASES) >= 40
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
