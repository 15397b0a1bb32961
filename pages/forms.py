from django import forms
from django.utils.translation import gettext_lazy as _

from safeguards.forms import HoneypotMixin


class ContactForm(HoneypotMixin, forms.Form):
    """A message to the organisation: emailed to staff, never stored."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        error_messages={
            "required": _("Please tell us your name."),
            "max_length": _("Please keep your name under %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We reply to this address."),
        error_messages={
            "required": _("Please enter your email address, so that we can reply."),
            "invalid": _("Enter a valid email address, for example name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=150,
        error_messages={
            "required": _("Please give your message a subject."),
            "max_length": _("Please keep the subject under %(limit_value)d characters."),
        },
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        min_length=10,
        error_messages={
            "required": _("Please write your message."),
            "min_length": _("Your message is very short: please tell us a little more."),
            "max_length": _("Please keep your message under %(limit_value)d characters."),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    field_order = ["name", "email", "subject", "message", "website"]

    def clean_subject(self):
        # One line: the subject goes into an email header.
        return " ".join(self.cleaned_data["subject"].split())
