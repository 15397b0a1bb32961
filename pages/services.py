"""The contact form's email: what it says and where it goes. Nothing of a message is stored."""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _


def contact_recipient(site_identity=None):
    """Where messages go: the organisation's email (site identity), else DJANGO_CONTACT_EMAIL, else the
    address of DJANGO_DEFAULT_FROM_EMAIL."""
    email = getattr(site_identity, "email", "") or settings.CONTACT_EMAIL
    return email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def send_contact_message(data, recipient, page_url):
    """Email the visitor's message to staff, in plain text and in the active language (the page's),
    with Reply-To the visitor's address so that staff answer them directly."""
    subject = _("Website contact form: %(subject)s") % {"subject": data["subject"]}
    lines = [
        _("A message was sent with the contact form of the website."),
        "",
        _("Name: %(name)s") % {"name": data["name"]},
        _("Email: %(email)s") % {"email": data["email"]},
        _("Page: %(url)s") % {"url": page_url},
        "",
        _("Subject: %(subject)s") % {"subject": data["subject"]},
        "",
        data["message"],
        "",
        "-- ",
        _("Reply to this email to answer them. The message is not kept on the website."),
    ]
    message = EmailMessage(
        subject=subject,
        body="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        reply_to=[data["email"]],
    )
    message.send()
