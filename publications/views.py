from urllib.parse import quote

from django.db.models import F, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import DetailView

from content.views import PublicDetailView, PublicListView
from publications.filters import ArticleFilter, PublicationFilter
from publications.models import Article, Publication, PublicationFile, Series
from uploads.media import ascii_filename


class PublicationListView(PublicListView):
    model = Publication
    filterset_class = PublicationFilter


class PublicationDetailView(PublicDetailView):
    model = Publication

    def get_queryset(self):
        return super().get_queryset().select_related("series").prefetch_related("files")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        publication = self.object
        context["other_editions"] = (
            list(
                Publication.objects.published()
                .for_cards()
                .filter(series=publication.series)
                .exclude(pk=publication.pk)
                .order_by("-published_on", "-pk")
            )
            if publication.series_id
            else []
        )
        return context


class SeriesDetailView(DetailView):
    """A series' archive: every published edition, newest first. A series with no published edition has no
    page (its drafts stay unknown)."""

    model = Series

    def get_object(self, queryset=None):
        series = super().get_object(queryset)
        self.editions = list(
            Publication.objects.published().for_cards().filter(series=series).order_by("-published_on", "-pk")
        )
        if not self.editions:
            raise Http404
        return series

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["editions"] = self.editions
        context["section"] = Publication.SECTION
        return context


class PublicationDownloadView(View):
    """Serves a publication's PDF in one language and counts the download.

    A GET counts (atomically, in the database); a HEAD does not. Nothing about
    the visitor is stored: the count is a number.
    """

    def get(self, request, slug, file_language):
        return self.serve(request, slug, file_language, count=True)

    def head(self, request, slug, file_language):
        return self.serve(request, slug, file_language, count=False)

    def serve(self, request, slug, file_language, count):
        publications = Publication.objects.all() if request.user.is_staff else Publication.objects.published()
        edition = get_object_or_404(
            PublicationFile.objects.select_related("publication").filter(publication__in=publications),
            publication__slug=slug,
            language=file_language,
        )
        publication = edition.publication
        try:
            handle = edition.file.open("rb")
        except (FileNotFoundError, OSError) as error:
            raise Http404 from error
        if count:
            # One UPDATE … SET download_count = download_count + 1: no lost count under concurrency.
            PublicationFile.objects.filter(pk=edition.pk).update(download_count=F("download_count") + 1)
        response = FileResponse(handle, content_type="application/pdf")
        response["Content-Disposition"] = attachment_header(
            edition.download_filename(), fallback=ascii_filename(publication.slug, edition.language, extension="pdf")
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


def attachment_header(filename, fallback):
    """`attachment` with an ASCII name for old clients and the exact UTF-8 name (RFC 6266 / 5987)."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


class ArticleListView(PublicListView):
    model = Article
    filterset_class = ArticleFilter


class ArticleDetailView(PublicDetailView):
    model = Article

    def get_queryset(self):
        mentions = [
            Prefetch(
                f"related_{kind}",
                queryset=self.mentioned_model(kind).objects.published().for_cards(),
                to_attr=f"public_{kind}",
            )
            for kind in Article.MENTIONED
        ]
        return super().get_queryset().prefetch_related(*mentions)

    @staticmethod
    def mentioned_model(kind):
        return Article._meta.get_field(f"related_{kind}").related_model

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mentioned"] = {kind: getattr(self.object, f"public_{kind}") for kind in Article.MENTIONED}
        return context
