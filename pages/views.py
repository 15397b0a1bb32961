"""A page of the organisation, at /<lang>/<slug>/ or /<lang>/<parent>/<slug>/, with what its kind adds."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from campaigns.models import Organization
from content.views import StaffPreviewMixin
from identity.models import SiteIdentity
from pages import services
from pages.forms import ContactForm
from pages.models import Page, TeamMember
from publications.models import Article, Publication
from safeguards.ratelimit import RateLimit

PRESS_RELEASES_SHOWN = 5


class PageDetailView(StaffPreviewMixin, DetailView):
    model = Page

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        parent = self.kwargs.get("parent")
        if parent is None:
            return get_object_or_404(queryset, parent__isnull=True, slug=self.kwargs["slug"])
        # Only at its actual place in the tree: under its own (top-level) parent.
        return get_object_or_404(queryset, parent__slug=parent, parent__parent__isnull=True, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context["is_preview"] = not page.is_published
        children = Page.objects.published().filter(parent=page).select_related("parent")
        context["children"] = list(children.defer(*Page.body_columns()))
        extra = getattr(self, f"{page.kind}_context", None)
        if extra:
            context.update(extra())
        return context

    # What each kind adds below the text --------------------------------------

    def team_context(self):
        members = list(TeamMember.objects.all())
        groups = [
            (group, label, [member for member in members if member.group == group])
            for group, label in TeamMember.Group.choices
        ]
        return {"team_groups": [(group, label, people) for group, label, people in groups if people]}

    def partners_context(self):
        return {"partner_groups": Organization.objects.partner_groups()}

    def contact_context(self):
        return {"form": getattr(self, "contact_form", None) or ContactForm()}

    def press_context(self):
        releases = (
            Article.objects.published()
            .for_cards()
            .filter(kind=Article.Kind.PRESS_RELEASE)
            .order_by("-publish_at", "-pk")[:PRESS_RELEASES_SHOWN]
        )
        factsheet = (
            Publication.objects.published()
            .for_cards()
            .filter(kind=Publication.Kind.FACTSHEET)
            .order_by("-published_on", "-pk")
            .first()
        )
        return {"press_releases": list(releases), "factsheet": factsheet}

    # The contact form --------------------------------------------------------

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.kind != Page.Kind.CONTACT:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if ContactForm.is_trapped(request.POST):
            # Honeypot filled: answer exactly as for a person, send nothing.
            messages.success(request, self.sent_message())
            return HttpResponseRedirect(request.path)
        self.contact_form = ContactForm(request.POST)
        if not RateLimit("pages.contact", limit=settings.CONTACT_RATE_PER_CLIENT).hit(request):
            self.contact_form.is_valid()
            context = self.get_context_data(object=self.object, rate_limited=True)
            return self.render_to_response(context, status=429)
        if not self.contact_form.is_valid():
            return self.render_to_response(self.get_context_data(object=self.object))
        recipient = services.contact_recipient(SiteIdentity.current())
        services.send_contact_message(
            self.contact_form.cleaned_data, recipient, request.build_absolute_uri(request.path)
        )
        messages.success(request, self.sent_message())
        return HttpResponseRedirect(request.path)

    @staticmethod
    def sent_message():
        return _("Thank you: your message was sent. We reply by email, usually within a few working days.")
