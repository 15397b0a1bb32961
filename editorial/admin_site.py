"""The admin site: only staff verified by a second factor get in.

Sign-in is one form: username, password and a code, either from the
authenticator app (TOTP) or one of the single-use recovery codes. Every failed
combination gets the same message and counts toward django-axes' lockout, so the
form never tells whether the password was right. A staff member who has no
second factor yet (new, or reset by an administrator) signs in with the password
alone and is taken straight to setting one up (`editorial.admin_two_factor`);
nothing else of the admin opens until that is done.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language
from django_otp.admin import OTPAdminSite
from django_otp.plugins.otp_static.models import StaticDevice

from editorial import admin_two_factor
from editorial.staff_security import device_for_token
from editorial.two_factor import count_failed_sign_in, has_second_factor
from identity.models import SiteIdentity


class StaffLoginForm(AdminAuthenticationForm):
    """Username, password and one code field: digits are checked against the authenticator app,
    anything else against the recovery codes, so staff never pick a device."""

    otp_token = forms.CharField(required=False, max_length=32, strip=True)
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Sign-in failed: the username, the password or the code is not right. "
            "Codes change every 30 seconds: type the one your app shows now."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            raise self.get_invalid_login_error()
        user = authenticate(self.request, username=username, password=password)
        if user is None or not self.second_factor_passes(user):
            raise self.get_invalid_login_error()
        self.user_cache = user
        # Not staff: the same message as any other failure (AdminAuthenticationForm's own check).
        self.confirm_login_allowed(user)
        return self.cleaned_data

    def second_factor_passes(self, user):
        """True with a right code, or for staff who have no second factor yet (they set it up next)."""
        if not has_second_factor(user):
            user.otp_device = None
            return True
        device = device_for_token(user, self.cleaned_data.get("otp_token"))
        if device is not None and device.verify_token(self.cleaned_data["otp_token"]):
            user.otp_device = device
            return True
        count_failed_sign_in(self.request, self.cleaned_data["username"])
        return False


class HamlehAdminSite(OTPAdminSite):
    login_form = StaffLoginForm
    login_template = "admin/login_otp.html"

    def __init__(self, name="admin"):
        super().__init__(name)

    def each_context(self, request):
        """The header and the browser tab name the organisation as staff set it (identity.models)."""
        context = super().each_context(request)
        name = SiteIdentity.current().name
        context["site_header"] = gettext("%(name)s administration") % {"name": name}
        context["site_title"] = name
        return context

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        user = request.user
        if request.method == "GET" and user.is_authenticated and user.is_staff and not has_second_factor(user):
            return HttpResponseRedirect(reverse(f"{self.name}:two_factor_setup"))
        response = super().login(request, extra_context)
        if request.method == "POST" and response.status_code == 302 and request.user.is_authenticated:
            return self.after_sign_in(request, response)
        return response

    def after_sign_in(self, request, response):
        """First sign-in: set up the app. Signed in with a recovery code: a message offers to replace the lost phone."""
        device = getattr(request.user, "otp_device", None)
        if device is None:
            return HttpResponseRedirect(reverse(f"{self.name}:two_factor_setup"))
        if isinstance(device, StaticDevice):
            messages.warning(request, admin_two_factor.signed_in_with_recovery_code(request.user, self))
        return response

    def get_urls(self):
        two_factor = admin_two_factor.urls(self)
        language = [path("language/", set_language, name="set_language")]
        return two_factor + language + super().get_urls()
