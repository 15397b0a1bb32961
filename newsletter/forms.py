from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from content.models import Topic
from newsletter.models import Language, section_choices
from newsletter.services import normalize_email
from safeguards.forms import HoneypotMixin


class PreferencesForm(forms.Form):
    """Language and choices, for subscribing and for changing preferences later."""

    language = forms.ChoiceField(label=_("Language of the emails"), choices=Language.choices, widget=forms.RadioSelect)
    sections = forms.MultipleChoiceField(
        label=_("Sections"), choices=section_choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Loaded once per form: rendering and validation reuse this list (one query).
        # Each language in its own name, so readers find theirs whatever the page language.
        self.fields["language"].choices = [(code, get_language_info(code)["name_local"]) for code in Language.values]
        self.topic_list = list(Topic.objects.all())
        self.fields["topics"].choices = [(topic.pk, str(topic)) for topic in self.topic_list]
        if not self.topic_list:
            del self.fields["topics"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("sections") and not cleaned.get("topics") and not self.errors:
            raise forms.ValidationError(_("Choose at least one section or topic."), code="nothing_chosen")
        return cleaned

    def chosen_topics(self):
        chosen = set(self.cleaned_data.get("topics") or ())
        return [topic for topic in self.topic_list if topic.pk in chosen]


class SubscribeForm(HoneypotMixin, PreferencesForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Enter a valid email address, for example name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    field_order = ["email", "language", "sections", "topics", "website"]

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])
