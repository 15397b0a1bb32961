"""Server-rendered horizontal bar charts: geometry computed here, drawn by includes/bar_chart.html.

Positions are computed along the inline axis and mirrored for right-to-left pages, so bars grow
from the inline start (the right edge in Arabic and Hebrew). No JavaScript is involved.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from report.formats import count

WIDTH = 420
LABEL_WIDTH = 176
VALUE_WIDTH = 52
GAP = 8
ROW_HEIGHT = 30
BAR_HEIGHT = 18
PADDING = 4
BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 2 * GAP
LABEL_CHARACTERS = 26  # longer labels are shortened in the drawing; the table next to it has them whole


def short_label(label):
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1].rstrip() + "…"


@dataclass
class Bar:
    label: str
    short_label: str
    value: int
    value_text: str
    x: float
    y: float
    width: float
    text_y: float
    label_x: float
    value_x: float


@dataclass
class BarChart:
    id: str
    title: str
    direction: str
    width: int = WIDTH
    height: int = 0
    bars: list = field(default_factory=list)


def bar_chart(chart_id, title, rows, *, rtl):
    """A chart of (label, value) rows; None when there is nothing to draw."""
    rows = [(str(label), value or 0) for label, value in rows]
    if not rows or not any(value for _label, value in rows):
        return None
    largest = max(value for _label, value in rows)

    def physical(offset, length=0):
        """x of a segment that starts `offset` units from the inline start and is `length` long."""
        return round(WIDTH - offset - length, 2) if rtl else round(offset, 2)

    chart = BarChart(id=chart_id, title=str(title), direction="rtl" if rtl else "ltr")
    for index, (label, value) in enumerate(rows):
        top = PADDING + index * ROW_HEIGHT
        length = round(BAR_AREA * value / largest, 2) if value else 0
        bar_start = LABEL_WIDTH + GAP
        chart.bars.append(
            Bar(
                label=label,
                short_label=short_label(label),
                value=value,
                value_text=count(value),
                x=physical(bar_start, length),
                y=top + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                width=length,
                text_y=top + ROW_HEIGHT / 2,
                # The label ends next to the bar (text-anchor="end"), the value starts after it.
                label_x=physical(LABEL_WIDTH),
                value_x=physical(bar_start + length + GAP / 2),
            )
        )
    chart.height = PADDING * 2 + len(rows) * ROW_HEIGHT
    return chart


def report_charts(report, *, rtl):
    """The charts of the report pages, each with its table equivalent in the page."""
    return {
        "publications": bar_chart(
            "chart-publications",
            _("Publications by kind"),
            [(group.label, group.count) for group in report.publications],
            rtl=rtl,
        ),
        "trainings_by_format": bar_chart(
            "chart-trainings-format",
            _("People trained, by training format"),
            [(group.label, group.participants) for group in report.trainings_by_format],
            rtl=rtl,
        ),
        "trainings_by_audience": bar_chart(
            "chart-trainings-audience",
            _("People trained, by audience"),
            [(group.label, group.participants) for group in report.trainings_by_audience],
            rtl=rtl,
        ),
        "events": bar_chart(
            "chart-events",
            _("Events organised and events we took part in"),
            [
                (_("Organised by us"), report.totals.events_organised),
                (_("We took part"), report.totals.events_participated),
            ],
            rtl=rtl,
        ),
    }
