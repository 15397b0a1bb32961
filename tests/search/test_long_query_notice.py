"""The notice of a shortened search counts its words and characters the way each language counts."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", "استُخدم منه أول 12 كلمة أو أول 200 حرف فقط"),
        ("en", "only its first 12 words or 200 characters were used"),
        ("he", "ב־12 המילים או ב־200 התווים הראשונים"),
    ],
)
def test_a_long_search_says_what_was_used_in_the_pages_language(client, language, expected):
    with translation.override(language):
        url = reverse("search:search")
    words = "حقوق رقمية خصوصية رقابة حملة تدريب تقرير شبكة منصة محتوى أمان حماية بيانات"
    response = client.get(url, {"q": words})
    assert expected in response.content.decode()
