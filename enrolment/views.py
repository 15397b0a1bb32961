from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from enrolment import ratelimit, services
from enrolment.forms import RegistrationForm
from enrolment.models import Language, Registration
from enrolment.tokens import LinkExpired, LinkInvalid, read_token
from trainings.models import Event, Training


# CSRF: exempt by design, as the newsletter's subscribe form. Asking for a place uses no authority
# of the visitor's (no session, no cookie): a forged post can only do what anyone can do here, ask for
# a confirming email, which is rate-limited and changes nothing until the address owner confirms.
@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(never_cache, name="dispatch")
class RegisterView(FormView):
    """Two queries: the training or event with its registration settings, and its places taken."""

    model = None
    form_class = RegistrationForm
    template_name = "enrolment/register.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        activity = get_object_or_404(self.model.objects.published().select_related("enrolment"), slug=kwargs["slug"])
        self.enrolment = getattr(activity, "enrolment", None)
        if self.enrolment is None:
            raise Http404
        # The related object is the one already loaded, so the page makes no further query for it.
        setattr(self.enrolment, self.model._meta.model_name, activity)
        self.activity = activity

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "enrolment": self.enrolment}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        taken = services.places(self.enrolment)
        context.update(activity=self.activity, enrolment=self.enrolment, places=taken)
        context.setdefault("refusal", services.refusal(self.enrolment, taken))
        return context

    def post(self, request, *args, **kwargs):
        if RegistrationForm.is_trapped(request.POST):
            # Honeypot filled: answer exactly as for a person, send nothing.
            return redirect("enrolment:requested")
        if not ratelimit.allow_client(request):
            form = self.get_form()
            return self.render_to_response(self.get_context_data(form=form, rate_limited=True), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        language = get_language() if get_language() in Language.values else Language.ARABIC
        try:
            # Over the per-address limit the answer is the same and no further email goes out.
            if ratelimit.allow_address(self.enrolment, email):
                services.request_registration(
                    self.enrolment, email=email, name=form.cleaned_data["name"], language=language, **form.answers()
                )
            else:
                services.check_open(self.enrolment)
        except services.RegistrationRefused as refused:
            return self.render_to_response(self.get_context_data(form=form, refusal=refused))
        return redirect("enrolment:requested")


class TrainingRegisterView(RegisterView):
    model = Training


class EventRegisterView(RegisterView):
    model = Event


class RequestedView(TemplateView):
    template_name = "enrolment/requested.html"


class PersonalLinkMixin:
    """Pages reached through a registration's link: never cached, never indexed, and the link (the key) is
    never sent to another site as a referrer. "same-origin", not "no-referrer": with the latter browsers send
    `Origin: null` on the page's own form, which CSRF protection rightly refuses."""

    purpose = None

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        try:
            key = read_token(kwargs["token"], self.purpose)
            self.registration = (
                Registration.objects.select_related("enrolment__training", "enrolment__event")
                .exclude(status=Registration.Status.CANCELLED)
                .get(link_key=key)
            )
        except LinkExpired:
            response = self.link_problem("expired")
        except (LinkInvalid, Registration.DoesNotExist):
            response = self.link_problem("invalid")
        else:
            response = super().dispatch(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex"
        return response

    def link_problem(self, problem):
        return self.response_class(
            request=self.request, template=["enrolment/link_problem.html"], context={"problem": problem}, status=400
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(registration=self.registration, activity=self.registration.enrolment.activity)
        return context


class ConfirmView(PersonalLinkMixin, TemplateView):
    """A page with a button: mail scanners that open links must not confirm for the person."""

    purpose = "confirm"
    template_name = "enrolment/confirm.html"

    def post(self, request, *args, **kwargs):
        try:
            registration = services.confirm_registration(self.registration)
        except services.RegistrationRefused as refused:
            return self.render_to_response(self.get_context_data(refusal=refused))
        return self.response_class(
            request=request,
            template=["enrolment/confirmed.html"],
            context={"registration": registration, "activity": registration.enrolment.activity},
        )


class CancelView(PersonalLinkMixin, TemplateView):
    purpose = "cancel"
    template_name = "enrolment/cancel.html"

    def post(self, request, *args, **kwargs):
        services.cancel_registration(self.registration)
        return self.response_class(
            request=request,
            template=["enrolment/cancelled.html"],
            context={"activity": self.registration.enrolment.activity},
        )
