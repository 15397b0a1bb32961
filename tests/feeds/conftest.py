import pytest
from django.core.files.base import ContentFile

from publications.models import PublicationFile
from tests.factories import MAKERS, make_topic

LANGUAGES = ["ar", "en", "he"]
SECTIONS = ["all", "publications", "news", "campaigns", "trainings", "events"]
FORMATS = ["rss", "atom", "json"]


def add_pdf(publication, language, content=b"%PDF-1.4 test file", size_bytes=None):
    edition = PublicationFile(publication=publication, language=language)
    edition.file.save(f"{publication.slug}-{language}.pdf", ContentFile(content), save=False)
    edition.size_bytes = len(content) if size_bytes is None else size_bytes
    edition.save()
    return edition


@pytest.fixture
def topic():
    return make_topic(slug="digital-security", name_ar="الأمان الرقمي", name_en="Digital security")


@pytest.fixture
def one_of_each(topic):
    """One published item in every section, all on the same topic."""
    return {section: maker(topics=[topic]) for section, maker in MAKERS.items()}
