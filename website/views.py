"""The public site's own pages: home, topic hubs, privacy, and what every site answers (/, robots.txt…)."""

from django.conf import settings
from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, RedirectView, TemplateView

from campaigns.models import Campaign
from content.models import Status, Topic
from content.sections import SECTIONS
from publications.models import Publication
from trainings.models import Event, Training
from website import covers

FEATURED_LIMIT = 3
TOPIC_HUB_LIMIT = 6


def language_redirect(request):
    """`/`: the home page in the visitor's language (language cookie, then Accept-Language)."""
    with translation.override(get_language_from_request(request)):
        response = HttpResponseRedirect(reverse("website:home"))
    response["Vary"] = "Accept-Language, Cookie"
    return response


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


@never_cache
def minimal(request):
    """The benchmark's ceiling (served only with HAMLEH_BENCH on): the least a view can do, through the
    whole middleware stack, never from the page cache."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin's): point them at ours."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("hamleh/favicon.svg")


def home_figures(today):
    """The organisation's figures for this year, counted from published records."""
    trainings = Training.objects.published().filter(start_date__year=today.year)
    trainees = trainings.aggregate(total=Sum("participants_count"))["total"]
    return {
        "publications_this_year": Publication.objects.published().filter(published_on__year=today.year).count(),
        "trainees_this_year": trainees or 0,
        "ongoing_campaigns": Campaign.objects.published().ongoing(today).count(),
        "upcoming_events": Event.objects.published().upcoming().count(),
    }


class HomeView(TemplateView):
    template_name = "website/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        featured, sections = [], []
        for section in SECTIONS:
            public = section.model.objects.published().for_cards()
            # Featured items come from a small partial index (`<model>_featured`), the latest from the order's.
            featured.extend(public.filter(featured=True)[:FEATURED_LIMIT])
            sections.append({"section": section, "items": list(public[: section.home_count])})
        context["featured"] = sorted(featured, key=lambda item: item.publish_at, reverse=True)[:FEATURED_LIMIT]
        context["sections"] = sections
        context["figures"] = home_figures(timezone.localdate())
        return context


def public_items_on_topic(section):
    """How many public items of the section carry the topic of the outer query (a correlated subquery on
    the section's topic links, answered from their (topic, item) index)."""
    field = section.model._meta.get_field("topics")
    item = field.m2m_field_name()
    links = field.remote_field.through.objects.filter(
        topic=OuterRef("pk"), **{f"{item}__status": Status.PUBLISHED, f"{item}__publish_at__lte": timezone.now()}
    )
    counted = links.order_by().values("topic").annotate(count=Count("*")).values("count")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


class TopicListView(ListView):
    """Every topic with what is published on it, by section: one query whatever the number of topics."""

    model = Topic
    template_name = "website/topic_list.html"

    def get_queryset(self):
        counts = {f"{section.name}_count": public_items_on_topic(section) for section in SECTIONS}
        return Topic.objects.annotate(**counts)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["topics"] = [
            {
                "topic": topic,
                "counts": [
                    {"section": section, "count": getattr(topic, f"{section.name}_count")} for section in SECTIONS
                ],
                "total": sum(getattr(topic, f"{section.name}_count") for section in SECTIONS),
            }
            for topic in context["object_list"]
        ]
        return context


class TopicDetailView(DetailView):
    model = Topic
    template_name = "website/topic_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = [
            {
                "section": section,
                "items": list(
                    section.model.objects.published().for_cards().filter(topics=self.object)[:TOPIC_HUB_LIMIT]
                ),
            }
            for section in SECTIONS
        ]
        context["has_items"] = any(block["items"] for block in context["sections"])
        return context


class PrivacyView(TemplateView):
    template_name = "website/privacy.html"


# A generated cover never changes at its address (`covers.VERSION` is part of it).
COVER_CACHE_CONTROL = "public, max-age=31536000, immutable"


def cover_svg(request, version, section, palette, variant):
    """A generated cover (`website.covers`): every parameter from a fixed set, anything else a 404.

    The SVG is shown through `<img>`, where it can run nothing; opened on its own, its policy still
    forbids everything (no script, no style sheet, no request)."""
    if version != covers.VERSION or not covers.is_known(section, palette, variant):
        raise Http404
    response = HttpResponse(covers.cover_svg(section, palette, variant), content_type="image/svg+xml")
    response["Cache-Control"] = COVER_CACHE_CONTROL
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response
