from django import forms
from django.utils.translation import gettext_lazy as _

from enrolment.models import AgeGroup
from safeguards.forms import HoneypotMixin

OPTIONAL_FIELDS = {
    "organisation": "asks_organisation",
    "city": "asks_city",
    "age_group": "asks_age_group",
    "accessibility_needs": "asks_accessibility",
}


def no_markup(value):
    if "<" in value or ">" in value:
        raise forms.ValidationError(_("Please write plain text, without < or >."), code="markup")
    return value


class RegistrationForm(HoneypotMixin):
    """Name and email, and only the questions staff chose for this training or event."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        validators=[no_markup],
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Please keep your name under %(limit_value)d characters."),
        },
        # Names are written in Arabic, Hebrew or Latin letters: each input takes the direction of its text.
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Enter a valid email address, for example name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=120,
        required=False,
        validators=[no_markup],
        widget=forms.TextInput(attrs={"autocomplete": "organization", "dir": "auto"}),
    )
    city = forms.CharField(
        label=_("City or town"),
        max_length=80,
        required=False,
        validators=[no_markup],
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    age_group = forms.ChoiceField(label=_("Age of your children"), choices=AgeGroup.choices, required=False)
    accessibility_needs = forms.CharField(
        label=_("Anything we should arrange so that you can take part (optional)"),
        max_length=500,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )

    def __init__(self, *args, enrolment, **kwargs):
        super().__init__(*args, **kwargs)
        for field, setting in OPTIONAL_FIELDS.items():
            if not getattr(enrolment, setting):
                del self.fields[field]
        if "age_group" in self.fields:
            self.fields["age_group"].required = True
            self.fields["age_group"].choices = [("", "—"), *AgeGroup.choices]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def answers(self):
        return {field: self.cleaned_data[field] for field in OPTIONAL_FIELDS if field in self.fields}
