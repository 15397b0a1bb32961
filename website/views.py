"""The public site's own pages: home, topic hubs, privacy, and what every site answers (/, robots.txt…)."""

from django.conf import settings
from django.db import connection
from django.db.models import Sum
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, RedirectView, TemplateView

from campaigns.models import Campaign
from content.models import Topic
from content.sections import SECTIONS
from publications.models import Publication
from trainings.models import Event, Training

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
        return context

    def newest_on_topic(self, section):
        return list(section.model.objects.published().for_cards().filter(topics=self.object)[:TOPIC_HUB_LIMIT])


class PrivacyView(TemplateView):
    template_name = "website/privacy.html"
