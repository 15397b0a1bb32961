import csv
import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from enrolment import services
from enrolment.models import Enrolment, Registration, StaffMessage

Status = Registration.Status


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "is_open", "capacity", "deadline", "confirmed", "waiting", "attended_count", "links")
    list_filter = ("is_open",)
    list_select_related = ("training", "event")
    search_fields = ("training__title", "event__title")
    fieldsets = (
        (None, {"fields": ("training", "event", "is_open", "capacity", "waiting_list_size", "deadline")}),
        (
            _("Questions asked besides name and email"),
            {"fields": ("asks_organisation", "asks_city", "asks_age_group", "asks_accessibility")},
        ),
        (_("Privacy"), {"fields": ("retention_months", "retained_confirmed", "retained_attended")}),
    )
    readonly_fields = ("retained_confirmed", "retained_attended")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_total=Count("registrations", filter=Q(registrations__status=Status.CONFIRMED)),
                waiting_total=Count("registrations", filter=Q(registrations__status=Status.WAITING)),
            )
        )

    @admin.display(description=_("confirmed"), ordering="confirmed_total")
    def confirmed(self, obj):
        return obj.confirmed_total

    @admin.display(description=_("waiting"), ordering="waiting_total")
    def waiting(self, obj):
        return obj.waiting_total

    @admin.display(description=_("registrations"))
    def links(self, obj):
        return format_html(
            '<a href="{}?enrolment__id__exact={}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:enrolment_registration_changelist"),
            obj.pk,
            _("Registrations"),
            reverse("admin:enrolment_enrolment_attendance", args=[obj.pk]),
            _("Attendance list"),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/attendance/",
                self.admin_site.admin_view(self.attendance_view),
                name="enrolment_enrolment_attendance",
            ),
            path("person/", self.admin_site.admin_view(self.person_view), name="enrolment_enrolment_person"),
            *super().get_urls(),
        ]

    def attendance_view(self, request, pk):
        """The list for the day itself: one large tick per confirmed person, one button to save."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        enrolment = get_object_or_404(Enrolment.objects.select_related("training", "event"), pk=pk)
        if request.method == "POST":
            attended = [int(value) for value in request.POST.getlist("attended") if value.isdigit()]
            services.set_attendance(enrolment, attended)
            messages.success(
                request,
                ngettext(
                    "Attendance saved: %(count)d person came.",
                    "Attendance saved: %(count)d people came.",
                    len(attended),
                )
                % {"count": len(attended)},
            )
            return redirect("admin:enrolment_enrolment_attendance", pk=pk)
        people = list(enrolment.registrations.filter(status=Status.CONFIRMED).order_by("name", "pk"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Attendance: %(activity)s") % {"activity": enrolment},
            "enrolment": enrolment,
            "people": people,
            "present": sum(person.attended for person in people),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/enrolment/attendance.html", context)

    def person_view(self, request):
        """A person's data on request: everything kept about an address, as a file, or erased."""
        form = PersonForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            if "erase" in request.POST:
                if not self.has_delete_permission(request):
                    raise PermissionDenied
                erased = services.erase_person(email)
                messages.success(
                    request,
                    ngettext("%(count)d registration erased.", "%(count)d registrations erased.", erased)
                    % {"count": erased},
                )
                return redirect("admin:enrolment_enrolment_person")
            response = HttpResponse(
                json.dumps(services.person_data(email), ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="registration-data.json"'
            return response
        context = {
            **self.admin_site.each_context(request),
            "title": _("A person's registration data"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/enrolment/person.html", context)


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Registrations come from the public form only (double opt-in); staff read, count, move and export."""

    list_display = ("name", "email", "enrolment", "status", "attended", "confirmed_at")
    list_filter = ("status", "attended", "language", ("enrolment", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("enrolment__training", "enrolment__event")
    search_fields = ("name", "email", "organisation")
    readonly_fields = [field.name for field in Registration._meta.fields if field.name != "id"]
    actions = ["move_to_confirmed", "move_to_waiting", "export_csv"]

    def has_add_permission(self, request):
        return False

    def summary(self, queryset):
        counts = Registration.objects.filter(pk__in=queryset.values("pk")).aggregate(
            total=Count("pk"),
            attended=Count("pk", filter=Q(attended=True)),
            **{status: Count("pk", filter=Q(status=status)) for status in Status.values},
        )
        return {
            "total": counts["total"],
            "attended": counts["attended"],
            "statuses": [(label, counts[value]) for value, label in Status.choices],
        }

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context=extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            response.context_data["registration_summary"] = self.summary(changelist.queryset)
        return response

    def _by_enrolment(self, queryset):
        groups = {}
        for registration in queryset.select_related("enrolment"):
            groups.setdefault(registration.enrolment, []).append(registration)
        return groups.items()

    @admin.action(description=_("Give the selected a place (from the waiting list)"), permissions=["change"])
    def move_to_confirmed(self, request, queryset):
        moved = sum(
            len(services.move_to_confirmed(enrolment, rows)) for enrolment, rows in self._by_enrolment(queryset)
        )
        messages.success(request, ngettext("%(count)d moved up.", "%(count)d moved up.", moved) % {"count": moved})

    @admin.action(description=_("Put the selected on the waiting list"), permissions=["change"])
    def move_to_waiting(self, request, queryset):
        moved = sum(len(services.move_to_waiting(enrolment, rows)) for enrolment, rows in self._by_enrolment(queryset))
        messages.success(
            request,
            ngettext("%(count)d moved to the waiting list.", "%(count)d moved to the waiting list.", moved)
            % {"count": moved},
        )

    @admin.action(description=_("Export the selected as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="registrations.csv"'
        response.write("\ufeff")  # spreadsheet programs read UTF-8 (Arabic, Hebrew) only with a byte-order mark
        columns = ["name", "email", "organisation", "city", "age_group", "accessibility_needs", "status", "attended"]
        writer = csv.writer(response)
        writer.writerow([str(_("training or event")), *(Registration._meta.get_field(c).verbose_name for c in columns)])
        for registration in queryset.select_related("enrolment__training", "enrolment__event").order_by("pk"):
            writer.writerow(
                [
                    str(registration.enrolment),
                    *(_spreadsheet_safe(getattr(registration, column)) for column in columns),
                ]
            )
        return response


def _spreadsheet_safe(value):
    """A cell a spreadsheet program will not run as a formula (text from the public form)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return f"'{value}"
    return value


@admin.register(StaffMessage)
class StaffMessageAdmin(admin.ModelAdmin):
    """Write, then send with the action: sending again after an interruption reaches only those not served."""

    list_display = ("subject", "enrolment", "audience", "created_at", "delivered", "finished_at")
    list_select_related = ("enrolment__training", "enrolment__event")
    fields = ("enrolment", "audience", "subject", "body", "finished_at")
    readonly_fields = ("finished_at",)
    actions = ["send_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(delivered_total=Count("deliveries"))

    @admin.display(description=_("emails sent"), ordering="delivered_total")
    def delivered(self, obj):
        return obj.delivered_total

    @admin.action(description=_("Send the selected messages (to those not yet served)"), permissions=["change"])
    def send_selected(self, request, queryset):
        sent = sum(services.send_staff_message(message) for message in queryset)
        messages.success(request, ngettext("%(count)d email sent.", "%(count)d emails sent.", sent) % {"count": sent})
