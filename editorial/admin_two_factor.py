"""The admin pages of the second factor, run by staff themselves.

- /admin/two-factor/: what protects my account, new recovery codes, a new phone;
- /admin/two-factor/setup/: scan a QR code (or type the key), confirm with a code;
- /admin/two-factor/recovery-codes/: the new codes, shown once, downloadable as a text file;
- /admin/two-factor/lost-phone/: what to do without the phone (open to everyone);
- /admin/two-factor/staff/: administrators reset a colleague's second factor (logged).
"""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial import two_factor

CODES_TO_SHOW = "hamleh_recovery_codes_to_show"
RESET_PERMISSION = "auth.change_user"


class ConfirmCodeForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code shown by the app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "dir": "ltr", "autofocus": True}
        ),
    )


def signed_in_with_recovery_code(user, site):
    """The message after a sign-in with a recovery code: how many are left, and a link to set up a new phone."""
    left = two_factor.recovery_codes_left(user)
    text = ngettext(
        "You signed in with a recovery code; %(count)d is left. If you lost your phone, set up the new one now.",
        "You signed in with a recovery code; %(count)d are left. If you lost your phone, set up the new one now.",
        left,
    ) % {"count": left}
    setup_url = reverse(f"{site.name}:two_factor_setup")
    return format_html('{} <a href="{}">{}</a>', text, setup_url, _("Set up a new phone"))


def _page(site, request, template, **context):
    return TemplateResponse(request, template, {**site.each_context(request), **context})


def _staff_setting_up(site, view):
    """Signed-in staff who are verified, or who have no second factor yet and are here to set one up."""

    @wraps(view)
    def inner(request, *args, **kwargs):
        user = request.user
        allowed = user.is_active and user.is_staff and (user.is_verified() or not two_factor.has_second_factor(user))
        if not allowed:
            return HttpResponseRedirect(reverse(f"{site.name}:login") + f"?next={request.path}")
        return view(site, request, *args, **kwargs)

    return never_cache(csrf_protect(inner))


def _verified(site, view):
    return site.admin_view(lambda request, *args, **kwargs: view(site, request, *args, **kwargs))


def _count_failure_and_stop_if_locked(request):
    """A wrong code here counts like one at sign-in; once locked out the session ends (django-axes answers)."""
    two_factor.count_failed_sign_in(request, request.user.get_username())
    if getattr(request, "axes_locked_out", False):
        logout(request)


def overview(site, request):
    user = request.user
    return _page(
        site,
        request,
        "admin/two_factor/overview.html",
        title=_("Two-factor sign-in"),
        has_app=TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        codes_left=two_factor.recovery_codes_left(user),
        can_reset_colleagues=user.has_perm(RESET_PERMISSION),
    )


def setup(site, request):
    device = two_factor.pending_device(request.user)
    form = ConfirmCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_enrolment(device, form.cleaned_data["token"])
        if codes is not None:
            from django_otp import login as otp_login

            otp_login(request, device)
            request.session[CODES_TO_SHOW] = codes
            messages.success(request, _("Your authenticator app is set up."))
            return HttpResponseRedirect(reverse(f"{site.name}:two_factor_codes"))
        form.add_error(
            "token",
            _("That code is not right. Check that the phone's clock is right and type the code the app shows now."),
        )
        _count_failure_and_stop_if_locked(request)
    return _page(
        site,
        request,
        "admin/two_factor/setup.html",
        title=_("Set up your authenticator app"),
        form=form,
        qr_code=two_factor.qr_code_svg(device),
        key=two_factor.key_as_text(device),
        first_time=not two_factor.has_second_factor(request.user),
    )


def recovery_codes(site, request):
    codes = request.session.get(CODES_TO_SHOW)
    if not codes:
        return HttpResponseRedirect(reverse(f"{site.name}:two_factor"))
    if request.method == "POST":
        del request.session[CODES_TO_SHOW]
        return HttpResponseRedirect(reverse(f"{site.name}:index"))
    if request.GET.get("download"):
        heading = _("Recovery codes for %(username)s. Each works once, instead of a code from the app.") % {
            "username": request.user.get_username()
        }
        response = HttpResponse("\n".join([heading, "", *codes, ""]), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="recovery-codes.txt"'
        return response
    return _page(site, request, "admin/two_factor/recovery_codes.html", title=_("Your recovery codes"), codes=codes)


def replace_recovery_codes(site, request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    request.session[CODES_TO_SHOW] = two_factor.new_recovery_codes(request.user)
    messages.success(request, _("New recovery codes were made: the old ones no longer work."))
    return HttpResponseRedirect(reverse(f"{site.name}:two_factor_codes"))


def lost_phone(site, request):
    return _page(site, request, "admin/two_factor/lost_phone.html", title=_("Lost your phone?"))


def staff_list(site, request):
    if not request.user.has_perm(RESET_PERMISSION):
        raise PermissionDenied
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username")
    enrolled = set(TOTPDevice.objects.filter(confirmed=True, user__in=staff).values_list("user_id", flat=True))
    rows = [{"user": member, "enrolled": member.pk in enrolled} for member in staff]
    return _page(site, request, "admin/two_factor/staff.html", title=_("Staff second factors"), rows=rows)


def reset_colleague(site, request, user_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    colleague = get_object_or_404(get_user_model(), pk=user_id, is_staff=True)
    # Only a superuser may reset a superuser: an administrator cannot open a stronger account this way.
    if not request.user.has_perm(RESET_PERMISSION) or (colleague.is_superuser and not request.user.is_superuser):
        raise PermissionDenied
    two_factor.reset_second_factor(colleague, by=request.user)
    messages.success(
        request,
        _("The second factor of %(username)s was reset: at the next sign-in they set up a new app.")
        % {"username": colleague.get_username()},
    )
    return HttpResponseRedirect(reverse(f"{site.name}:two_factor_staff"))


def urls(site):
    return [
        path("two-factor/", _verified(site, overview), name="two_factor"),
        path("two-factor/setup/", _staff_setting_up(site, setup), name="two_factor_setup"),
        path("two-factor/recovery-codes/", _staff_setting_up(site, recovery_codes), name="two_factor_codes"),
        path("two-factor/recovery-codes/new/", _verified(site, replace_recovery_codes), name="two_factor_new_codes"),
        path("two-factor/lost-phone/", never_cache(lambda request: lost_phone(site, request)), name="two_factor_lost"),
        path("two-factor/staff/", _verified(site, staff_list), name="two_factor_staff"),
        path("two-factor/staff/<int:user_id>/reset/", _verified(site, reset_colleague), name="two_factor_reset"),
    ]
