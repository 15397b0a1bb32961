"""The report as headline sentences, plain text, CSV rows and JSON: one source for every output."""

import csv
import dataclasses
import io
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def count(value):
    """A number formatted for the active language (grouped thousands)."""
    return number_format(value, force_grouping=True)


def day(value):
    return date_format(value, "DATE_FORMAT") if value else ""


@dataclass
class Figure:
    key: str
    value: int
    message: str  # translated, with %(count)s where the number goes
    label: str  # what is counted, shown above the figure written as a numeral

    @property
    def text(self):
        """A sentence, for text and email ("12 publications"; Arabic words 0, 1 and 2 out: "لا منشورات")."""
        return self.message % {"count": count(self.value)}

    @property
    def number(self):
        """The figure as a numeral, whatever the value: the page shows it large, as the home page does."""
        return count(self.value)


def headline(report):
    """The headline totals: as sentences, each through ngettext (Arabic has six plural forms), and as a
    label and a numeral for the pages."""
    totals = report.totals
    n = totals
    return [
        Figure(
            "publications",
            n.publications,
            ngettext("%(count)s publication", "%(count)s publications", n.publications),
            label=_("Publications"),
        ),
        Figure(
            "articles",
            n.articles,
            ngettext("%(count)s news item or press release", "%(count)s news items and press releases", n.articles),
            label=_("News and press releases"),
        ),
        Figure(
            "campaigns",
            n.campaigns,
            ngettext("%(count)s campaign", "%(count)s campaigns", n.campaigns),
            label=_("Campaigns"),
        ),
        Figure(
            "organisations_targeted",
            n.organisations_targeted,
            ngettext(
                "%(count)s company or organisation targeted",
                "%(count)s companies and organisations targeted",
                n.organisations_targeted,
            ),
            label=_("Companies and organisations targeted"),
        ),
        Figure(
            "submissions",
            n.submissions,
            ngettext(
                "%(count)s submission to international bodies",
                "%(count)s submissions to international bodies",
                n.submissions,
            ),
            label=_("Submissions to international bodies"),
        ),
        Figure(
            "outcomes",
            n.outcomes,
            ngettext("%(count)s campaign outcome", "%(count)s campaign outcomes", n.outcomes),
            label=_("Campaign outcomes"),
        ),
        Figure(
            "trainings",
            n.trainings,
            ngettext("%(count)s training", "%(count)s trainings", n.trainings),
            label=_("Trainings"),
        ),
        Figure(
            "participants",
            n.participants,
            ngettext("%(count)s person trained", "%(count)s people trained", n.participants),
            label=_("People trained"),
        ),
        Figure(
            "events_organised",
            n.events_organised,
            ngettext("%(count)s event organised", "%(count)s events organised", n.events_organised),
            label=_("Events organised"),
        ),
        Figure(
            "events_participated",
            n.events_participated,
            ngettext("%(count)s participation in events", "%(count)s participations in events", n.events_participated),
            label=_("Participations in events"),
        ),
    ]


def period_text(start, end):
    return _("From %(start)s to %(end)s") % {"start": day(start), "end": day(end)}


def training_summary(group):
    return ngettext(
        "%(count)s training, %(participants)s",
        "%(count)s trainings, %(participants)s",
        group.trainings,
    ) % {
        "count": count(group.trainings),
        "participants": ngettext("%(count)s participant", "%(count)s participants", group.participants)
        % {"count": count(group.participants)},
    }


def participants_source(totals):
    """Where the number of people trained comes from: attendance lists, the numbers staff typed in, or both."""
    from_lists = totals.trainings_counted_from_attendance
    if from_lists and from_lists == totals.trainings:
        return _("Everyone counted was marked present on an attendance list.")
    if from_lists:
        return ngettext(
            "%(counter)s training of %(total)s is counted from its attendance list; the others from the number "
            "of participants recorded by staff.",
            "%(counter)s trainings of %(total)s are counted from their attendance lists; the others from the "
            "number of participants recorded by staff.",
            from_lists,
        ) % {"counter": count(from_lists), "total": count(totals.trainings)}
    return _("The numbers of participants are those recorded by staff.")


def edition_text(edition):
    return _("edition %(number)s") % {"number": count(edition)} if edition else ""


def campaign_dates(campaign):
    if campaign.end_date:
        return _("%(start)s to %(end)s") % {"start": day(campaign.start_date), "end": day(campaign.end_date)}
    return _("since %(start)s, ongoing") % {"start": day(campaign.start_date)}


def submission_details(item):
    """ "Statement to the UN Human Rights Council, jointly with other organisations"."""
    if item.joint:
        return _("%(kind)s to %(body)s, jointly with other organisations") % {
            "kind": item.kind_label,
            "body": item.recipient,
        }
    return _("%(kind)s to %(body)s") % {"kind": item.kind_label, "body": item.recipient}


def as_text(report):
    """The report as plain text, for the command line and email."""
    lines = [_("Activity report"), period_text(report.start, report.end), ""]
    lines += [f"- {figure.text}" for figure in headline(report)]
    if report.is_empty:
        lines += ["", _("No published activity in this period.")]
        return "\n".join(lines) + "\n"

    def section(title):
        lines.extend(["", title, "=" * len(title)])

    if report.publications:
        section(_("Publications"))
        for group in report.publications:
            lines.append(f"{group.label} ({count(group.count)})")
            lines += [f"  - {item.title} ({day(item.date)})" for item in group.items]
    if report.articles:
        section(_("News and press releases"))
        for group in report.articles:
            lines.append(f"{group.label} ({count(group.count)})")
            lines += [f"  - {item.title} ({day(item.date)})" for item in group.items]
    if report.campaigns:
        section(_("Campaigns"))
        for campaign in report.campaigns:
            lines.append(f"- {campaign.title} ({campaign.scope_label}; {campaign_dates(campaign)})")
            if campaign.targets:
                names = ", ".join(org.name for org in campaign.targets)
                lines.append("  " + _("Targets: %(names)s") % {"names": names})
        if report.partners:
            lines.append("")
            lines.append(_("Partners: %(names)s") % {"names": ", ".join(org.name for org in report.partners)})
    if report.submissions:
        section(_("Submissions to international bodies"))
        for group in report.submissions:
            lines.append(f"{group.label} ({count(group.count)})")
            lines += [f"  - {item.title} ({submission_details(item)}; {day(item.date)})" for item in group.items]
    if report.updates:
        section(_("Campaign outcomes and updates"))
        for update in report.updates:
            lines.append(f"- {day(update.date)} [{update.kind_label}] {update.campaign_title}: {update.text}")
    if report.trainings_by_format:
        section(_("Trainings"))
        lines.append(participants_source(report.totals))
        lines.append(_("By format"))
        lines += [f"  - {group.label}: {training_summary(group)}" for group in report.trainings_by_format]
        lines.append(_("By audience"))
        lines += [f"  - {group.label}: {training_summary(group)}" for group in report.trainings_by_audience]
    for title, events in (
        (_("Events we organised"), report.events_organised),
        (_("Events we took part in"), report.events_participated),
    ):
        if events:
            section(title)
            for event in events:
                details = ", ".join(filter(None, [event.kind_label, edition_text(event.edition), day(event.date)]))
                lines.append(f"- {event.title} ({details})")
    return "\n".join(lines) + "\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """Text cells that a spreadsheet would run as a formula are quoted."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_rows(report):
    """Rows of (section, category, title, date, number, details); the first row is the header."""
    yield [_("Section"), _("Category"), _("Title"), _("Date"), _("Number"), _("Details")]
    for figure in headline(report):
        details = participants_source(report.totals) if figure.key == "participants" else ""
        yield [_("Headline totals"), figure.text, "", "", figure.value, details]
    for group in report.publications:
        for item in group.items:
            yield [_("Publications"), group.label, item.title, item.date.isoformat(), "", item.url]
    for group in report.articles:
        for item in group.items:
            yield [_("News and press releases"), group.label, item.title, item.date.isoformat(), "", item.url]
    for campaign in report.campaigns:
        targets = ", ".join(org.name for org in campaign.targets)
        yield [
            _("Campaigns"),
            campaign.scope_label,
            campaign.title,
            campaign.start_date.isoformat(),
            len(campaign.targets),
            targets,
        ]
    for organisation in report.partners:
        yield [_("Campaign partners"), "", organisation.name, "", "", ""]
    for group in report.submissions:
        for item in group.items:
            yield [
                _("Submissions to international bodies"),
                group.label,
                item.title,
                item.date.isoformat(),
                "",
                "; ".join(filter(None, [submission_details(item), item.url])),
            ]
    for update in report.updates:
        yield [
            _("Campaign outcomes and updates"),
            update.kind_label,
            update.campaign_title,
            update.date.isoformat(),
            "",
            update.text,
        ]
    for title, groups in (
        (_("Trainings by format"), report.trainings_by_format),
        (_("Trainings by audience"), report.trainings_by_audience),
    ):
        for group in groups:
            yield [title, group.label, "", "", group.participants, training_summary(group)]
    for title, events in (
        (_("Events we organised"), report.events_organised),
        (_("Events we took part in"), report.events_participated),
    ):
        for event in events:
            yield [title, event.kind_label, event.title, event.date.isoformat(), event.edition or "", event.url]


def write_csv(report, stream):
    writer = csv.writer(stream)
    for row in csv_rows(report):
        writer.writerow([_cell(value) for value in row])


def as_csv(report):
    stream = io.StringIO()
    write_csv(report, stream)
    return stream.getvalue()


def as_dict(report):
    data = dataclasses.asdict(report)
    data["headline"] = [{"key": figure.key, "value": figure.value, "text": figure.text} for figure in headline(report)]
    data["outcomes"] = [dataclasses.asdict(update) for update in report.outcomes]
    data["is_empty"] = report.is_empty
    return data


def as_json(report):
    return json.dumps(as_dict(report), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2) + "\n"
