"""The editorial workflow in the admin: roles enforced on the server, per-language preview
links, no lost updates, and the translation status board and schedule pages."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth import get_user_model
from django.core import checks
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override as translation_override
from django.views.generic import TemplateView

from content.models import Status
from content.sections import SECTIONS, SECTIONS_BY_NAME
from editorial import services, workflow
from editorial.models import Assignment
from editorial.roles import AUTHORS

# Set on the request by the recover view: its form does not check the optimistic lock.
RECOVERING = "_hamleh_recovering_deleted"
# Set on the request by the recover and revert views (the item saved, for their message).
RESTORING = "_hamleh_restoring_a_version"
RESTORED_ITEM = "_hamleh_restored_item"

AUTHOR_STATUS_HELP = _("Only editors can publish, schedule or unpublish. Save as a draft and ask an editor.")

# The form field, for editors, naming the authors an item is assigned to (editorial.Assignment).
ASSIGN_FIELD = "assigned_authors"
# Per request: whether the user may change each item already asked about (the admin asks several times).
MAY_CHANGE_CACHE = "_hamleh_may_change"


class AuthorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


def assign_field():
    authors = get_user_model().objects.filter(is_active=True, is_staff=True, groups__name=AUTHORS)
    return AuthorChoiceField(
        queryset=authors.distinct().order_by("first_name", "last_name", "username"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Assigned authors"),
        help_text=_(
            "Authors change only the drafts they created themselves, and those assigned to them here. "
            "Only editors publish."
        ),
    )


class WorkflowFormMixin:
    """Added to every content change form by `WorkflowAdminMixin.get_form`."""

    can_publish = True
    # False on django-reversion's recover form: see `WorkflowAdminMixin.recover_view`.
    checks_version = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.stored_status = instance.status if instance.pk else None
        self.stored_publish_at = instance.publish_at if instance.pk else None
        if instance.pk:
            self.fields[workflow.LOCK_FIELD].initial = str(instance.version_token)
        if not self.can_publish and "status" in self.fields:
            self.fields["status"].help_text = AUTHOR_STATUS_HELP
        if ASSIGN_FIELD in self.fields and instance.pk:
            self.fields[ASSIGN_FIELD].initial = list(
                services.assignments_of(instance).values_list("user_id", flat=True)
            )

    def clean(self):
        cleaned_data = super().clean()
        self._check_publishing(cleaned_data)
        if self.instance.pk and self.checks_version:
            self._check_version(cleaned_data)
        return cleaned_data

    def _check_publishing(self, cleaned_data):
        if self.can_publish or "status" not in cleaned_data:
            return
        status = cleaned_data["status"]
        publish_at = cleaned_data.get("publish_at")
        if self.stored_status is None:
            refused = status == Status.PUBLISHED
        else:
            refused = status != self.stored_status or (
                status == Status.PUBLISHED and publish_at is not None and publish_at != self.stored_publish_at
            )
        if refused:
            raise ValidationError(
                _(
                    "You may save drafts only: publishing, scheduling and unpublishing are for editors. "
                    "Nothing was saved."
                ),
                code="publish_denied",
            )

    def _check_version(self, cleaned_data):
        model = type(self.instance)
        # Locks the row until the admin's transaction ends (PostgreSQL): a second,
        # simultaneous save waits here, then sees the new version and is refused.
        current = model._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if current is None:
            raise ValidationError(_("This item was deleted while you were editing it. Nothing was saved."))
        opened_with = (cleaned_data.get(workflow.LOCK_FIELD) or "").strip()
        if opened_with == str(current.version_token):
            self.lock_token = opened_with
            return
        differences = workflow.conflicting_fields(self, current)
        for name, _label, theirs, _yours in differences:
            if name in self.fields:
                self.add_error(name, gettext("Saved meanwhile by someone else as: “%(value)s”") % {"value": theirs})
        # The next save, after review, is a deliberate overwrite of the current version.
        self.data = self.data.copy()
        self.data[self.add_prefix(workflow.LOCK_FIELD)] = str(current.version_token)
        self.conflict = {"by": current.updated_by, "at": current.updated_at, "differences": differences}
        when = timezone.localtime(current.updated_at).strftime("%Y-%m-%d %H:%M")
        raise ValidationError(
            _(
                "%(who)s saved this item at %(when)s while you were editing it. Nothing was saved. "
                "Your input is kept below; the fields that differ show what they saved "
                "(%(count)s field(s)). Review them, then save again to replace their version with yours."
            ),
            code="edit_conflict",
            params={
                "who": current.updated_by or gettext("Someone"),
                "when": when,
                "count": len(differences),
            },
        )


class WorkflowAdminMixin:
    """Mixed into PublishableAdmin, before the admin classes it builds on."""

    change_form_template = "admin/editorial/workflow_change_form.html"
    revision_form_template = "admin/editorial/workflow_revision_form.html"
    # reversion-compare: what the history compare view leaves out (bookkeeping, not content).
    compare_exclude = ("version_token", "updated_at", "updated_by", "translation_edited_at")

    # Roles -----------------------------------------------------------------

    def has_publish_permission(self, request, obj=None):
        return workflow.can_publish(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.pk is not None:
            # Authors change their own drafts and those assigned to them; what is public (or
            # scheduled) is changed by editors only. Anything else they see read-only, and a
            # POST is refused (403). Asked several times per page: the answer is kept per request.
            known = getattr(request, MAY_CHANGE_CACHE, None)
            if known is None:
                known = {}
                setattr(request, MAY_CHANGE_CACHE, known)
            key = (self.model._meta.label, obj.pk, obj.status)
            if key not in known:
                known[key] = workflow.may_change(request.user, obj)
            return known[key]
        return allowed

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if self.has_publish_permission(request, obj):
            fieldsets.append((_("Assignment"), {"fields": (ASSIGN_FIELD,)}))
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        # The assignment is a form field, not a column: the model form is made without it, then added.
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"] is not None:
            kwargs["fields"] = [name for name in kwargs["fields"] if name != ASSIGN_FIELD]
        form_class = super().get_form(request, obj, **kwargs)
        can_publish = self.has_publish_permission(request, obj)
        attrs = {
            "can_publish": can_publish,
            "checks_version": not getattr(request, RECOVERING, False),
            workflow.LOCK_FIELD: forms.CharField(widget=forms.HiddenInput, required=False),
        }
        if can_publish:
            # Only editors assign: for anyone else the field does not exist, and a posted value is ignored.
            attrs[ASSIGN_FIELD] = assign_field()
        return type(form_class.__name__, (WorkflowFormMixin, form_class), attrs)

    # Assignment --------------------------------------------------------------

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if ASSIGN_FIELD in form.fields and ASSIGN_FIELD in form.changed_data:
            form.assignment_changes = services.set_assignments(
                form.instance, form.cleaned_data[ASSIGN_FIELD], by=request.user
            )

    def construct_change_message(self, request, form, formsets, add=False):
        """Django's message, and each author assigned or unassigned by name (the item's history, and
        the comment of its django-reversion revision). Stored in English, shown in the reader's language."""
        message = super().construct_change_message(request, form, formsets, add)
        added, removed = getattr(form, "assignment_changes", ((), ()))
        with translation_override(None):
            name = str(Assignment._meta.verbose_name)
            message.extend({"added": {"name": name, "object": str(user)}} for user in added)
            message.extend({"deleted": {"name": name, "object": str(user)}} for user in removed)
        return message

    # History ---------------------------------------------------------------

    def _reversion_autoregister(self, model, follow):
        # Topics are tied through a link table edited by an inline the admin adds on
        # the fly; revisions follow its rows so restoring brings the topics back.
        if model is self.model and hasattr(model, "topics"):
            through = model.topics.through
            link = next(
                field for field in through._meta.get_fields() if field.is_relation and field.related_model is model
            )
            super()._reversion_autoregister(through, ())
            follow = (*follow, link.remote_field.get_accessor_name())
        super()._reversion_autoregister(model, follow)

    def recover_view(self, request, version_id, extra_context=None):
        # A deleted item has no current version that someone else could have saved
        # meanwhile: the row the lock would compare with is the one this view has
        # just restored from history, in its own transaction (and a version saved
        # before the lock existed restores with a new token on every request). The
        # lock stays on every change form, the revert-to-a-revision form included.
        setattr(request, RECOVERING, True)
        setattr(request, RESTORING, True)
        return super().recover_view(request, version_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        setattr(request, RESTORING, True)
        return super().revision_view(request, object_id, version_id, extra_context)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # Saving a restored version goes through the add or change form, whose message would say
        # "added" or "changed": say what happened instead.
        if getattr(request, RESTORING, False) and level == messages.SUCCESS:
            message = _("The %(name)s “%(item)s” was restored from its history.") % {
                "name": self.model._meta.verbose_name,
                "item": getattr(request, RESTORED_ITEM, ""),
            }
        super().message_user(request, message, level, *args, **kwargs)

    # No lost updates ---------------------------------------------------------

    def save_model(self, request, obj, form, change):
        expected = getattr(form, "lock_token", None)
        if change and expected and not workflow.claim_version(self.model, obj.pk, expected):
            # Only reachable where the database cannot lock the row while the form is checked.
            raise workflow.EditConflict
        super().save_model(request, obj, form, change)
        setattr(request, RESTORED_ITEM, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.EditConflict:
            messages.error(request, _("Someone else saved this item at the same moment. Nothing was saved."))
            return HttpResponseRedirect(request.path)

    def get_changelist_formset(self, request, **kwargs):
        # A list-editable change list would save rows without the version check.
        raise PermissionDenied

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if self.list_editable:
            errors.append(
                checks.Error(
                    "list_editable is not allowed on content admins: its rows would skip the "
                    "optimistic-locking check and could silently overwrite someone else's edit.",
                    obj=self.__class__,
                    id="hamleh.E001",
                )
            )
        return errors

    # Preview -----------------------------------------------------------------

    def preview_links(self, obj):
        links = []
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                links.append({"code": code, "name": name, "url": obj.get_absolute_url()})
        return links

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["preview_links"] = self.preview_links(obj)
            context["is_public_now"] = obj.is_published
        context["workflow_lock_field"] = context["adminform"].form[workflow.LOCK_FIELD]
        if obj is not None and obj.pk and not self.has_publish_permission(request, obj):
            context["assigned_authors"] = [
                user.get_full_name() or user.get_username() for user in services.assigned_users(obj)
            ]
            context["may_change"] = self.has_change_permission(request, obj)
        context["time_zone_name"] = workflow.time_zone_name()
        return super().render_change_form(request, context, add, change, form_url, obj)


# Admin pages ----------------------------------------------------------------


class FilterForm(forms.Form):
    section = forms.ChoiceField(required=False)
    language = forms.ChoiceField(required=False)
    state = forms.ChoiceField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections"))] + [(s.name, s.title) for s in SECTIONS]
        self.fields["section"].label = _("Section")
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]
        self.fields["language"].label = _("Language")
        self.fields["state"].choices = [("", _("Any state")), *workflow.TranslationState.LABELS.items()]
        self.fields["state"].label = _("State")


class WorkflowAdminPage(TemplateView):
    """An admin page: the admin's own layout, staff only, each section seen only with its view permission."""

    title = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_active or not request.user.is_staff:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def visible_sections(self):
        user = self.request.user
        return [
            section
            for section in SECTIONS
            if user.has_perm(f"{section.model._meta.app_label}.view_{section.model._meta.model_name}")
            or user.has_perm(f"{section.model._meta.app_label}.change_{section.model._meta.model_name}")
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(admin.site.each_context(self.request))
        context["title"] = self.title
        context["time_zone_name"] = workflow.time_zone_name()
        return context


def change_url(model, pk):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])


class TranslationBoardView(WorkflowAdminPage):
    """Every content item with the state of its Arabic, English and Hebrew text.
    One query per section, whatever the number of items."""

    template_name = "admin/editorial/translation_board.html"
    title = _("Translation status")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = FilterForm(self.request.GET or None)
        filters = {"section": "", "language": "", "state": ""}
        if form.is_bound:
            if form.is_valid():
                filters.update(form.cleaned_data)
            else:
                messages.warning(self.request, _("Some filters were not understood and have been ignored."))
                form = FilterForm()
        languages = [filters["language"]] if filters["language"] else workflow.language_codes()
        sections = self.visible_sections()
        if filters["section"]:
            sections = [section for section in sections if section.name == filters["section"]]
        rows = []
        for section in sections:
            rows.extend(self.section_rows(section, languages, filters["state"]))
        context.update(
            form=form,
            rows=rows,
            languages=[(code, name) for code, name in settings.LANGUAGES if code in languages],
            states=workflow.TranslationState.LABELS,
        )
        return context

    def section_rows(self, section, languages, state_filter):
        model = section.model
        annotations = workflow.filled_annotations(model)
        values = model.objects.annotate(**annotations).values(
            "pk", "slug", "status", "publish_at", "translation_edited_at", "title_ar", *annotations
        )
        rows = []
        for item in values.order_by("-pk"):
            filled = {name.removeprefix("filled_"): item[name] for name in annotations}
            cells = []
            for language in languages:
                state, lacking = workflow.translation_state(model, filled, item["translation_edited_at"], language)
                field = lacking[0] if lacking else workflow.translated_fields(model)[0]
                cells.append(
                    {
                        "language": language,
                        "state": state,
                        "label": workflow.TranslationState.LABELS[state],
                        "lacking": [model._meta.get_field(name).verbose_name for name in lacking],
                        "url": f"{change_url(model, item['pk'])}#tab_id_{field}_{language}",
                    }
                )
            if state_filter and not any(cell["state"] == state_filter for cell in cells):
                continue
            rows.append({"section": section, "item": item, "cells": cells})
        return rows


class ScheduleView(WorkflowAdminPage):
    """What goes public in the next days, in Jerusalem time."""

    template_name = "admin/editorial/schedule.html"
    title = _("Scheduled publications")
    max_days = 60

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = workflow.UPCOMING_DAYS
        requested = self.request.GET.get("days")
        if requested:
            try:
                days = int(requested)
                if not 1 <= days <= self.max_days:
                    raise ValueError
            except ValueError:
                days = workflow.UPCOMING_DAYS
                messages.warning(
                    self.request,
                    _("The number of days must be between 1 and %(max)s; showing %(days)s.")
                    % {"max": self.max_days, "days": days},
                )
        visible = {section.name for section in self.visible_sections()}
        entries = [entry for entry in workflow.upcoming(days) if entry["section"].name in visible]
        for entry in entries:
            entry["url"] = change_url(type(entry["item"]), entry["item"].pk)
        context.update(entries=entries, days=days, sections=SECTIONS_BY_NAME)
        return context
