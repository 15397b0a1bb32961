from identity.models import SiteIdentity


def site_identity(request):
    """`site_identity` in every template: the organisation's name, logo, contacts, offices and links."""
    return {"site_identity": SiteIdentity.current()}
