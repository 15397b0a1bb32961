"""The report's lists of dated records, written by `{% dated_entries %}`."""

import datetime

from django.template import Context, Template
from django.utils import translation

from report.service import Entry

TEMPLATE = Template("{% load impact %}{% dated_entries entries %}|{% dated_entries entries with_kind=True %}")


def entry(**fields):
    values = {
        "title": "Digital <rights> & you",
        "title_lang": "en",
        "url": "/ar/events/digital-rights/",
        "date": datetime.date(2024, 3, 9),
        "kind": "conference",
        "kind_label": "مؤتمر",
        "edition": None,
    }
    return Entry(**{**values, **fields})


def render(entries, language="ar"):
    with translation.override(language):
        return TEMPLATE.render(Context({"entries": entries})).split("|")


def test_each_record_links_its_title_in_its_own_language_and_gives_its_date():
    plain, with_kind = render([entry(), entry(title="حقوق", title_lang="ar", url="/ar/events/huquq/")])
    assert plain.split("\n") == [
        '<li><a href="/ar/events/digital-rights/"><span lang="en" dir="ltr">Digital &lt;rights&gt; &amp; you</span></a>'
        ' <span class="small">9 آذار 2024</span></li>',
        '<li><a href="/ar/events/huquq/">حقوق</a> <span class="small">9 آذار 2024</span></li>',
    ]
    assert with_kind.count('<span class="small">مؤتمر · 9 آذار 2024</span>') == 2


def test_an_edition_is_named_in_the_pages_language():
    _plain, arabic = render([entry(edition=3)])
    _plain, hebrew = render([entry(edition=3, title_lang="he")], language="he")
    assert "مؤتمر · الدورة 3 · 9 آذار 2024" in arabic
    assert "מהדורה 3" in hebrew and 'lang="he"' not in hebrew


def test_no_records_write_nothing():
    assert render([]) == ["", ""]
