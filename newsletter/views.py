from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from newsletter import ratelimit, services
from newsletter.forms import PreferencesForm, SubscribeForm
from newsletter.models import Subscriber, section_choices
from newsletter.tokens import (
    LinkExpired,
    LinkInvalid,
    link_path,
    manage_token,
    read_confirmation_token,
    read_manage_token,
    token_of,
)


class PrivatePageMixin:
    """Pages reached through a personal link: never cached, never indexed, and the link
    (which is the key) is not sent on to other sites as a referrer."""

    link_error = None

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        if self.link_error is not None:
            response = self.link_problem(self.link_error)
        else:
            response = super().dispatch(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex"
        return response

    def link_problem(self, error):
        if isinstance(error, LinkExpired):
            problem = "expired"
        elif isinstance(error, services.LinkRevoked):
            problem = "revoked"
        else:
            problem = "invalid"
        return self.response_class(
            request=self.request,
            template=["newsletter/link_problem.html"],
            context={"problem": problem},
            status=400,
        )


# CSRF: this view is exempt by design. CSRF protects actions done with the visitor's own
# authority (their session or cookies); subscribing uses none. A forged cross-site post can
# only do what anyone can do from this page: ask for a confirmation email, which is
# rate-limited per address and per client, changes nothing until the address owner clicks
# the signed link (double opt-in), and stores nothing meanwhile. Being exempt lets the footer
# of every (cacheable, token-free) page post its email field here, and keeps the page free of
# cookies. Confirming, changing preferences keep CSRF protection.
@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(never_cache, name="dispatch")
class SubscribeView(FormView):
    form_class = SubscribeForm
    template_name = "newsletter/subscribe.html"

    def get_initial(self):
        return {"language": get_language(), "sections": [name for name, _title in section_choices()]}

    def post(self, request, *args, **kwargs):
        if request.POST.get("step") == "email":
            # The footer's compact form: nothing happens yet, ask for language and choices.
            initial = {**self.get_initial(), "email": request.POST.get("email", "")[:254]}
            return self.render_to_response(self.get_context_data(form=self.form_class(initial=initial)))
        if SubscribeForm.is_trapped(request.POST):
            # Honeypot filled: answer exactly as for a person, send nothing.
            return redirect("newsletter:subscribe_done")
        if not ratelimit.allow_client(request):
            form = self.get_form()
            form.is_valid()
            context = self.get_context_data(form=form, rate_limited=True)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        # Over the per-address limit the answer is the same and no further email goes out:
        # the response never tells whether, or how often, an address was used.
        if ratelimit.allow_address(email):
            services.request_subscription(
                email, form.cleaned_data["language"], form.cleaned_data["sections"], form.chosen_topics()
            )
        return redirect("newsletter:subscribe_done")


class SubscribeDoneView(TemplateView):
    template_name = "newsletter/subscribe_done.html"


class ConfirmView(PrivatePageMixin, TemplateView):
    template_name = "newsletter/confirm.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        try:
            self.token = token_of(request, kwargs.get("token"))
            self.subscription = read_confirmation_token(self.token)
        except LinkInvalid as error:
            self.link_error = error

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscription"] = self.subscription
        context["token"] = self.token
        return context

    def post(self, request, *args, **kwargs):
        try:
            subscriber = services.confirm_subscription(self.subscription)
        except LinkInvalid as error:
            return self.link_problem(error)
        messages.success(request, _("Your subscription is confirmed. Welcome!"))
        return redirect(manage_url(subscriber))


def manage_url(subscriber):
    return link_path("newsletter:manage", manage_token(subscriber))


class SubscriberLinkMixin(PrivatePageMixin):
    """Resolves the signed preferences/unsubscribe link to its subscriber (None once unsubscribed)."""

    subscriber = None
    # Seconds a link opens this page for; None: as long as the subscriber exists.
    link_max_age = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.token = token_of(request, kwargs.get("token"))
        try:
            pk, key = read_manage_token(self.token, max_age=self.link_max_age)
        except LinkInvalid as error:
            self.link_error = error
            return
        self.subscriber = (
            Subscriber.objects.filter(pk=pk, manage_key=key).prefetch_related("section_choices", "topics").first()
        )


class ManageView(SubscriberLinkMixin, FormView):
    form_class = PreferencesForm
    template_name = "newsletter/manage.html"

    @property
    def link_max_age(self):
        return settings.NEWSLETTER_MANAGE_MAX_AGE

    def get(self, request, *args, **kwargs):
        if self.subscriber is None:
            return self.render_gone()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.subscriber is None:
            return self.render_gone()
        return super().post(request, *args, **kwargs)

    def render_gone(self):
        return self.response_class(
            request=self.request, template=["newsletter/link_problem.html"], context={"problem": "gone"}, status=410
        )

    def get_initial(self):
        return {
            "language": self.subscriber.language,
            "sections": self.subscriber.section_names(),
            "topics": [topic.pk for topic in self.subscriber.topics.all()],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscriber"] = self.subscriber
        context["token"] = self.token
        return context

    def form_valid(self, form):
        services.update_preferences(
            self.subscriber, form.cleaned_data["language"], form.cleaned_data["sections"], form.chosen_topics()
        )
        messages.success(self.request, _("Your preferences are saved."))
        return redirect(manage_url(self.subscriber))


# CSRF: exempt for this endpoint only. Mail providers call it with a bare POST
# ("List-Unsubscribe=One-Click", RFC 8058) that cannot carry a CSRF token; the signed,
# per-subscriber link is itself the proof that the request comes from the mailbox owner,
# and the worst a forged request can do is what the link's holder may do anyway.
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(SubscriberLinkMixin, TemplateView):
    template_name = "newsletter/unsubscribe.html"

    def post(self, request, *args, **kwargs):
        # A valid link whose subscriber is already gone: unsubscribing again is a success too.
        if self.subscriber is not None:
            services.unsubscribe(self.subscriber)
        return self.response_class(request=request, template=["newsletter/unsubscribe_done.html"], context={})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscriber"] = self.subscriber
        context["token"] = self.token
        return context
