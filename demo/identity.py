"""The demo organisation's identity: its name in three languages, contacts, two offices, social links and a
sharing image drawn with Pillow. Safe to run again: what already matches is left alone, the image is drawn
once. The addresses, phone numbers (555 numbers) and domains (`.example`) are made up."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from identity.models import IDENTITY_PK, Office, SiteIdentity, SocialLink

BRAND = "#0b5d4b"
BRAND_DARK = "#073f33"
SIGNAL = "#f2a541"
SHARING_SIZE = (1200, 630)

IDENTITY = {
    "name_ar": "حملة",
    "name_en": "Hamleh",
    "name_he": "חמלה",
    "short_name_ar": "حملة",
    "short_name_en": "Hamleh",
    "short_name_he": "חמלה",
    "tagline_ar": "المركز العربي لتطوير الإعلام الاجتماعي",
    "tagline_en": "The Arab Center for the Advancement of Social Media",
    "tagline_he": "המרכז הערבי לקידום המדיה החברתית",
    "email": "info@hamleh.example.org",
    "phone": "+972 4 555 0143",
    "press_email": "press@hamleh.example.org",
    "press_phone": "+970 2 555 0178",
    "pgp_fingerprint": "7A1C 4E92 0B5D 4B3F A636 1B21 F2A5 4100 C0DE 2021",
    "pgp_key": (
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"
        "This demonstration site has no real key: the organisation pastes its own public key here.\n"
        "-----END PGP PUBLIC KEY BLOCK-----"
    ),
}

OFFICES = [
    {
        "order": 1,
        "name_ar": "مكتب حيفا",
        "name_en": "Haifa office",
        "name_he": "משרד חיפה",
        "address_ar": "شارع الميناء 12، الطابق الثاني\nحيفا",
        "address_en": "12 Harbour Street, second floor\nHaifa",
        "address_he": "רחוב הנמל 12, קומה שנייה\nחיפה",
        "phone": "+972 4 555 0143",
        "email": "haifa@hamleh.example.org",
    },
    {
        "order": 2,
        "name_ar": "مكتب رام الله",
        "name_en": "Ramallah office",
        "name_he": "משרד רמאללה",
        "address_ar": "شارع الإرسال 45، عمارة النور\nرام الله",
        "address_en": "45 Al-Irsal Street, Al-Nour Building\nRamallah",
        "address_he": "רחוב אל-ארסאל 45, בניין א-נור\nרמאללה",
        "phone": "+970 2 555 0178",
        "email": "ramallah@hamleh.example.org",
    },
]

SOCIAL_LINKS = [
    {"order": 1, "network": SocialLink.Network.MASTODON, "url": "https://social.example/@hamleh"},
    {"order": 2, "network": SocialLink.Network.FACEBOOK, "url": "https://facebook.example/hamleh"},
    {"order": 3, "network": SocialLink.Network.INSTAGRAM, "url": "https://instagram.example/hamleh"},
    {"order": 4, "network": SocialLink.Network.X, "url": "https://x.example/hamleh"},
    {"order": 5, "network": SocialLink.Network.YOUTUBE, "url": "https://video.example/@hamleh"},
    {"order": 6, "network": SocialLink.Network.TELEGRAM, "url": "https://telegram.example/hamleh"},
]


def sharing_image():
    """The logo's mark (the letter ḥāʾ opening on a voice) large on the brand colour, 1200 × 630 PNG."""
    image = Image.new("RGB", SHARING_SIZE, BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 600, 1200, 630), fill=BRAND_DARK)
    # The mark as drawn on the 48-unit grid of website/static/hamleh/logo.svg, 14 pixels a unit, centred.
    unit = 14

    def at(x, y):
        return 600 + (x - 22.5) * unit, 300 + (y - 24.5) * unit

    def dot(x, y, radius, fill):
        cx, cy = at(x, y)
        draw.ellipse((cx - radius * unit, cy - radius * unit, cx + radius * unit, cy + radius * unit), fill=fill)

    stroke = 5 * unit
    (left, top), (right, bottom) = at(7.05, 12.6), at(33.95, 39.5)
    draw.arc((left, top, right, bottom), 90, 270, fill="white", width=stroke)
    draw.line((*at(20.5, 37), *at(33, 37)), fill="white", width=stroke)
    draw.line((*at(20.5, 15.1), *at(24, 15.1)), fill="white", width=stroke)
    draw.line((*at(24, 15.1), *at(29.5, 14), *at(33, 11.5)), fill="white", width=stroke, joint="curve")
    for x, y in ((33, 37), (33, 11.5), (24, 15.1), (29.5, 14)):
        dot(x, y, 2.5, "white")
    dot(26, 26.5, 2.8, SIGNAL)
    (left, top), (right, bottom) = at(26.1 - 7, 26.5 - 7), at(26.1 + 7, 26.5 + 7)
    draw.arc((left, top, right, bottom), -45, 45, fill=SIGNAL, width=round(2.8 * unit))
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _update(instance, values):
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    return changed


def load_identity(result):
    identity, created = SiteIdentity.objects.get_or_create(pk=IDENTITY_PK, defaults=IDENTITY)
    changed = created or bool(_update(identity, IDENTITY))
    if not identity.sharing_image:
        identity.sharing_image.save("sharing.png", ContentFile(sharing_image()), save=False)
        result.files += 1
        changed = True
    if changed:
        identity.save()
    result.count(created, changed)
    for values in OFFICES:
        office = identity.offices.filter(order=values["order"]).first()
        if office is None:
            Office.objects.create(identity=identity, **values)
            result.count(True, True)
        elif _update(office, values):
            office.save()
            result.count(False, True)
        else:
            result.count(False, False)
    for values in SOCIAL_LINKS:
        link = identity.social_links.filter(network=values["network"]).first()
        if link is None:
            SocialLink.objects.create(identity=identity, **values)
            result.count(True, True)
        elif _update(link, values):
            link.save()
            result.count(False, True)
        else:
            result.count(False, False)
    return identity
