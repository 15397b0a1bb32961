"""Covers drawn by the site for items that have no image of their own.

A generated cover is an SVG pattern chosen by three parameters, each from a fixed set:

- the section (publications, news, campaigns, trainings, events) gives the motif: stacked lines of text,
  broadcast rings, marching chevrons, a grid of steps, gathering peaks;
- the item's topic gives the colours (one of `PALETTES`, in the site's greens, rust, blue and plum);
  an item with no topic takes a palette from its slug;
- the item's slug gives the variant (position, density, rotation of the motif).

So the same item always has the same cover, items of one section and topic look related, and no two
neighbours in a list look the same. The pattern carries no text, and no text is laid over it.

The picture is served as a same-site `.svg` file by `website.views.cover_svg` at
`/covers/<version>/<section>/<palette>/<variant>.svg`: only those parameters reach it, every one checked
against its fixed set (anything else is a 404), so nothing a user wrote can end up inside the SVG. Bump
`VERSION` whenever the drawing changes: browsers keep a cover for a year.
"""

import functools
import random
import zlib
from xml.sax.saxutils import quoteattr

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from content.sections import SECTIONS_BY_NAME

VERSION = "v1"
WIDTH, HEIGHT = 640, 360
VARIANTS = 8

# name: (background, a darker tone, a lighter tone, the pale tone, a spark of contrast)
PALETTES = {
    "green": ("#0b5d4b", "#073f33", "#1f7a64", "#8cc7b4", "#f2c14e"),
    "pine": ("#123f37", "#0a2a24", "#215c50", "#7fb3a3", "#e9825f"),
    "rust": ("#a6361b", "#7c2612", "#c2502f", "#f0b49c", "#f7e3c4"),
    "blue": ("#1d3b5e", "#132a45", "#2d5683", "#93b5d6", "#f2c14e"),
    "plum": ("#4f2a4f", "#381c38", "#6d3f6c", "#c79cc0", "#f3d9a4"),
    "teal": ("#0f5f66", "#09454a", "#1d7a82", "#8fcbcd", "#f7d488"),
}
PALETTE_NAMES = tuple(PALETTES)


def _hash(text):
    return zlib.crc32(text.encode())


def palette_for(slug, topic_slug=None):
    """The palette of a topic, or of the item itself when it has no topic."""
    key = f"topic:{topic_slug}" if topic_slug else f"item:{slug}"
    return PALETTE_NAMES[_hash(key) % len(PALETTE_NAMES)]


def variant_for(slug):
    return _hash(f"variant:{slug}") % VARIANTS


def cover_url(section, slug, topic_slug=None):
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _address(section, palette_for(slug, topic_slug), variant_for(slug), urlconf, get_script_prefix())


@functools.lru_cache(maxsize=1024)  # a list shows dozens of covers; there are only a few hundred addresses
def _address(section, palette, variant, urlconf, script_prefix):
    kwargs = {"version": VERSION, "section": section, "palette": palette, "variant": variant}
    return reverse("cover_svg", urlconf=urlconf, kwargs=kwargs)


def is_known(section, palette, variant):
    return section in SECTIONS_BY_NAME and palette in PALETTES and 0 <= variant < VARIANTS


# ---------------------------------------------------------------------------
# Drawing: plain shapes with presentation attributes (no <style>, no script, no external reference)
# ---------------------------------------------------------------------------


def _attrs(**values):
    return " ".join(f"{name.replace('_', '-')}={quoteattr(str(value))}" for name, value in values.items())


def _shape(tag, **values):
    return f"<{tag} {_attrs(**values)}/>"


def _publications(rng, colours, variant):
    """Lines of text on stacked pages, starting from the side Arabic starts from."""
    _bg, dark, mid, pale, spark = colours
    thick = variant % 2
    count, step, bar = (6, 46, 22) if thick else (9, 32, 14)
    page_x = (370, 330, 410, 350)[variant // 2]
    tilt = (-6, 5, -3, 8)[variant // 2]
    shapes = [
        f'<g transform="rotate({tilt} {page_x + 150} 180)">'
        + _shape("rect", x=page_x - 30, y=-30, width=320, height=420, rx=18, fill=dark, opacity="0.35")
        + _shape("rect", x=page_x, y=-50, width=320, height=460, rx=18, fill=dark, opacity="0.55")
        + "</g>"
    ]
    top = (360 - (count - 1) * step - bar) // 2
    lead = rng.randrange(count)
    for index in range(count):
        length = rng.randint(160, 440)
        y = top + index * step
        end = 600 - 36 * ((index + variant) % 2)
        fill = spark if index == lead else (pale if index % 3 == 0 else mid)
        shapes.append(_shape("rect", x=end - length, y=y, width=length, height=bar, rx=bar // 2, fill=fill))
    cx, cy = ((70, 300), (90, 50), (40, 190), (130, 330))[(variant + 1) % 4]
    shapes.append(_shape("circle", cx=cx, cy=cy, r=100 + 10 * thick, fill="none", stroke=mid, stroke_width=18))
    return shapes


def _news(rng, colours, variant):
    """Rings spreading from one point, like a broadcast."""
    _bg, dark, mid, pale, spark = colours
    corners = [(0, 0), (640, 0), (640, 360), (0, 360), (320, 380), (100, 180), (540, 180), (320, -20)]
    cx, cy = corners[variant]
    shapes = [_shape("circle", cx=cx, cy=cy, r=70, fill=spark)]
    for index, radius in enumerate(range(110, 760, 52)):
        colour = pale if index % 3 == 2 else (mid if index % 2 else dark)
        shapes.append(
            _shape("circle", cx=cx, cy=cy, r=radius, fill="none", stroke=colour, stroke_width=rng.choice((10, 14, 20)))
        )
    return shapes


def _campaigns(rng, colours, variant):
    """Chevrons marching forward, the way Arabic reads: people moving together."""
    _bg, dark, mid, pale, spark = colours
    angle = (-30, -15, 0, 15, 30, -45, 45, 90)[variant]
    rows = []
    lead_row = rng.randrange(4)
    for row in range(5):
        for column in range(-1, 9):
            x = column * 90 + (45 if row % 2 else 0)
            y = row * 90 + 10
            colour = (
                spark if (row == lead_row and column == 3 + variant % 3) else (pale if (row + column) % 4 == 0 else mid)
            )
            rows.append(
                _shape(
                    "polyline",
                    points=f"{x + 40},{y} {x},{y + 35} {x + 40},{y + 70}",
                    fill="none",
                    stroke=colour,
                    stroke_width=16,
                    stroke_linecap="round",
                    stroke_linejoin="round",
                )
            )
    return [
        _shape("rect", x=0, y=240, width=640, height=120, fill=dark, opacity="0.5"),
        f'<g transform="rotate({angle} 320 180)">{"".join(rows)}</g>',
    ]


def _trainings(rng, colours, variant):
    """A grid of dots, a few of them larger: steps of a course."""
    _bg, dark, mid, pale, spark = colours
    shapes = []
    path = [(rng.randrange(10), rng.randrange(6)) for _ in range(5)]
    spacing = 64 - 4 * (variant % 3)
    for column in range(12):
        for row in range(7):
            x, y = 30 + column * spacing, 26 + row * spacing
            if (column, row) in path:
                shapes.append(_shape("circle", cx=x, cy=y, r=22, fill=spark))
            elif (column * 7 + row * 3 + variant) % 5 == 0:
                shapes.append(_shape("circle", cx=x, cy=y, r=16, fill=pale))
            else:
                shapes.append(_shape("circle", cx=x, cy=y, r=7, fill=mid))
    shapes.insert(0, _shape("rect", x=0, y=0, width=220 + 30 * (variant % 4), height=360, fill=dark, opacity="0.45"))
    return shapes


def _events(rng, colours, variant):
    """Peaks rising together from the ground, and a sun: a gathering."""
    _bg, dark, mid, pale, spark = colours
    shapes = [_shape("circle", cx=80 + 70 * variant, cy=90 + 10 * (variant % 3), r=46, fill=spark)]
    for index in range(7):
        base = rng.randint(180, 320)
        x = rng.randint(-60, 600)
        height = rng.randint(150, 300)
        colour = (dark, mid, pale)[index % 3]
        opacity = "0.9" if colour != pale else "0.6"
        shapes.append(
            _shape(
                "polygon", points=f"{x},360 {x + base},360 {x + base // 2},{360 - height}", fill=colour, opacity=opacity
            )
        )
    return shapes


MOTIFS = {
    "publications": _publications,
    "news": _news,
    "campaigns": _campaigns,
    "trainings": _trainings,
    "events": _events,
}


@functools.lru_cache(maxsize=len(MOTIFS) * len(PALETTES) * VARIANTS)
def cover_svg(section, palette, variant):
    """The SVG document for these parameters (all from their fixed sets: see `is_known`)."""
    colours = PALETTES[palette]
    rng = random.Random(f"{section}/{palette}/{variant}")  # noqa: S311 - decoration, not security
    shapes = "".join(MOTIFS[section](rng, colours, variant))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="xMidYMid slice">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{colours[0]}"/>{shapes}</svg>'
    )
