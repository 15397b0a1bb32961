"""Staff accounts and roles in the admin, without a way up for anyone but a superuser.

Administrators (the role) manage accounts: they create them, switch them on and off, reset passwords and
give each person their roles, which are the groups of `editorial.roles`. What a role may do, and anything
outside the roles (superuser status, permissions given to one person), is granted by superusers only: the
fields are not in an administrator's form at all, so a forged post cannot set them either. A superuser's
account is read-only to them, its password included, or they could take it over. Every change is recorded
in the admin's history (LogEntry), with the roles given and taken away named.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.utils.translation import gettext

from editorial.roles import role_label

SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")


class StaffUserAdmin(UserAdmin):
    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": [field for field in options["fields"] if field not in SUPERUSER_ONLY_FIELDS]})
            for name, options in fieldsets
        ]

    def get_list_filter(self, request):
        return [name for name in super().get_list_filter(request) if name not in SUPERUSER_ONLY_FIELDS]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            field.label_from_instance = lambda group: role_label(group.name)
        return field

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        roles_before = set(form.instance.groups.values_list("name", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        roles_after = set(form.instance.groups.values_list("name", flat=True))
        if roles_before != roles_after:
            self.log_change(request, form.instance, role_change_message(roles_before, roles_after))


def role_change_message(before, after):
    parts = []
    if added := sorted(after - before):
        parts.append(gettext("Roles given: %(roles)s.") % {"roles": ", ".join(map(role_label, added))})
    if removed := sorted(before - after):
        parts.append(gettext("Roles taken away: %(roles)s.") % {"roles": ", ".join(map(role_label, removed))})
    return " ".join(parts)


class RoleGroupAdmin(GroupAdmin):
    """What each role may do is set by superusers (and by the migrations that keep the roles in step)."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


for model, model_admin in ((User, StaffUserAdmin), (Group, RoleGroupAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
