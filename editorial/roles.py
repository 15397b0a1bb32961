"""Staff roles as groups. The migration that creates them and the tests read this one table."""

from django.utils.translation import pgettext_lazy

CONTENT_MODELS = {
    "content": ["topic"],
    "publications": ["publication", "publicationfile", "article", "series"],
    "campaigns": ["campaign", "campaignupdate", "organization"],
    "trainings": ["training", "event"],
    "pages": ["page", "teammember", "menuitem"],
}
EDITORS = "Editors"


def content_permission_codenames():
    for app_label, models in CONTENT_MODELS.items():
        for model in models:
            for action in ("add", "change", "delete", "view"):
                yield app_label, f"{action}_{model}"


# Editorial roles ------------------------------------------------------------
# Authors write and edit drafts; Editors also publish, schedule and unpublish, and keep the shared
# lists (topics, organisations, series) whose every change shows on the public site at once;
# Administrators also manage staff accounts and give them roles. What a role may do (the groups'
# permissions) and superuser status are set by superusers only (editorial.admin_users).
AUTHORS = "Authors"
ADMINISTRATORS = "Administrators"
ROLES = (AUTHORS, EDITORS, ADMINISTRATORS)
# A group's name is data, kept in English; staff read the role in the admin's language.
ROLE_LABELS = {
    AUTHORS: pgettext_lazy("staff role", "Authors"),
    EDITORS: pgettext_lazy("staff role", "Editors"),
    ADMINISTRATORS: pgettext_lazy("staff role", "Administrators"),
}


def role_label(name):
    """The role's name in the active language; a group that is not a role keeps its own name."""
    return str(ROLE_LABELS.get(name, name))


# The models whose items go public and carry the `publish_<model>` permission.
PUBLISHABLE_MODELS = {
    "publications": ["publication", "article"],
    "campaigns": ["campaign"],
    "trainings": ["training", "event"],
    "pages": ["page"],
}
# Rows edited as inlines of a content item (topic links, targets, partners):
# whoever edits the item edits these too.
LINK_MODELS = {
    "publications": ["publicationtopic", "articletopic"],
    "campaigns": ["campaigntopic", "campaigntarget", "campaignpartner", "organizationrole"],
    "trainings": ["trainingtopic", "eventtopic"],
}
# Rows that only exist inside one item (files, timeline entries): an author may remove them.
CHILD_MODELS = {"publications": ["publicationfile"], "campaigns": ["campaignupdate"]}
# Shared lists that are not published items: a renamed topic is renamed on every public page at once,
# and so are the team and the menus. Authors choose from them; adding, renaming and removing is for editors.
SHARED_LIST_MODELS = {
    "content": ["topic"],
    "publications": ["series"],
    "campaigns": ["organization"],
    "pages": ["teammember", "menuitem"],
}

# What the people who run the site's work keep, beyond the items: the site's identity (on every page,
# feed and email), the search's synonyms, the submissions to international bodies (counted by the
# activity report as soon as they are marked published), and the registrations to trainings and events
# (personal data: editors and administrators only).
EDITOR_MODELS = {
    "identity": ["office", "sociallink"],
    "search": ["synonymgroup"],
    "campaigns": ["submission"],
    "enrolment": ["enrolment", "registration", "staffmessage", "staffmessagedelivery"],
}

# One row that always exists: changed, never added or removed.
SINGLE_ROW_MODELS = {"identity": ["siteidentity"]}


def _codenames(models_by_app, actions):
    for app_label, models in models_by_app.items():
        for model in models:
            for action in actions:
                yield app_label, f"{action}_{model}"


def role_permission_codenames(role):
    """(app_label, codename) pairs of one role; the single source of the migration and the tests."""
    everything = ("add", "change", "delete", "view")
    if role == AUTHORS:
        shared = set(_codenames(SHARED_LIST_MODELS, everything))
        yield from (pair for pair in _codenames(CONTENT_MODELS, ("add", "change", "view")) if pair not in shared)
        yield from _codenames(SHARED_LIST_MODELS, ("view",))
        yield from _codenames(CHILD_MODELS, ("delete",))
        yield from _codenames(LINK_MODELS, everything)
        return
    yield from content_permission_codenames()
    yield from _codenames(LINK_MODELS, everything)
    yield from _codenames(PUBLISHABLE_MODELS, ("publish",))
    yield from _codenames(EDITOR_MODELS, everything)
    yield from _codenames(SINGLE_ROW_MODELS, ("change", "view"))
    if role == ADMINISTRATORS:
        # Accounts, and which roles each person has; what a role may do is for superusers.
        yield from _codenames({"auth": ["user"]}, everything)
        yield from _codenames({"auth": ["group"]}, ("view",))


def sync_roles(apps):
    """Create the three role groups and give each exactly its permissions."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        wanted = {
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in role_permission_codenames(role)
        }
        group.permissions.set(wanted)
