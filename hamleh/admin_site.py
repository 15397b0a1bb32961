"""The admin site: only staff verified by a second factor get in.

django-otp's `OTPAdminSite` adds a one-time-code field to the login form and
treats a signed-in user without a verified device as not staff. A code from the
authenticator app (TOTP) or one of the single-use recovery codes (static device)
is accepted. Staff are enrolled with `manage.py totp_enrol <username>`.
"""

from django_otp.admin import OTPAdminSite


class HamlehAdminSite(OTPAdminSite):
    login_template = "admin/login_otp.html"

    def __init__(self, name="admin"):
        super().__init__(name)
