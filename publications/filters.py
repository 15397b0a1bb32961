import django_filters
from django.utils.translation import gettext_lazy as _

from content.filters import PublicFilterSet
from publications.models import Article, FileLanguage, Publication


class PublicationFilter(PublicFilterSet):
    year_field = "published_on"

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Publication.Kind.choices, empty_label=_("All kinds"))
    file_language = django_filters.ChoiceFilter(
        label=_("File language"),
        choices=FileLanguage.choices,
        field_name="files__language",
        empty_label=_("Any language"),
        distinct=True,
    )

    class Meta(PublicFilterSet.Meta):
        model = Publication
        fields = ["kind", "topic", "year", "file_language"]


class ArticleFilter(PublicFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Article.Kind.choices, empty_label=_("All kinds"))

    class Meta(PublicFilterSet.Meta):
        model = Article
        fields = ["kind", "topic", "year"]
