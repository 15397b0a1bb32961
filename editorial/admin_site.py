"""The admin site: only staff verified by a second factor get in.

django-otp's `OTPAdminSite` adds a one-time-code field to the login form and
treats a signed-in user without a verified device as not staff. A code from the
authenticator app (TOTP) or one of the single-use recovery codes (static device)
is accepted. Staff are enrolled with `manage.py totp_enrol <username>`.
"""

from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from editorial.staff_security import device_for_token


class StaffLoginForm(OTPAdminAuthenticationForm):
    """One code field: six digits are checked against the authenticator app, anything
    else against the recovery codes, so staff never have to pick a device."""

    def clean_otp(self, user):
        if user is not None and not self.cleaned_data.get("otp_device"):
            device = device_for_token(user, self.cleaned_data.get("otp_token"))
            if device is not None:
                self.cleaned_data["otp_device"] = device.persistent_id
        return super().clean_otp(user)


class HamlehAdminSite(OTPAdminSite):
    login_form = StaffLoginForm
    login_template = "admin/login_otp.html"

    def __init__(self, name="admin"):
        super().__init__(name)
