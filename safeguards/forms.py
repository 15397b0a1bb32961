"""The honeypot of the public forms: a field hidden from people, filled in by naive bots."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """Adds the `website` field. Mix it into a public form, render the field with
    `{% include "safeguards/honeypot.html" %}` (visually hidden and aria-hidden, out of the tab order),
    and in the view check `is_trapped(request.POST)` before anything else: when it is, answer exactly
    as for a person and do nothing, so the bot learns nothing.
    """

    HONEYPOT_FIELD = "website"

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @classmethod
    def is_trapped(cls, data):
        """True when the submitted data fills the honeypot in."""
        return bool(data.get(cls.HONEYPOT_FIELD))
