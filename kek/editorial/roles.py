"""The county's roles, shared by the data migration and the set-up of field groups."""

REDAKTION = "Redaktion Regionalmanagement"
MODERATION = "Moderation"
ADMINISTRATION = "Administration"
FACHDIENST_PREFIX = "Fachdienst – "

# (app label, model, codename) of the model permissions per role. Projects and ideas are not
# among them: who may edit or publish them follows the page permissions of their approach, which
# each site grants its own Redaktion and Fachdienste (kek/plan/permissions.py).
MODEL_PERMISSIONS = {
    REDAKTION: [
        ("legal", "barrierreport", "add_barrierreport"),
        ("legal", "barrierreport", "change_barrierreport"),
        ("legal", "legalsettings", "change_legalsettings"),
        ("participation", "priorityround", "view_priorityround"),
        ("participation", "priorityround", "add_priorityround"),
        ("participation", "priorityround", "change_priorityround"),
        ("participation", "priorityround", "delete_priorityround"),
        ("search", "synonymgroup", "add_synonymgroup"),
        ("search", "synonymgroup", "change_synonymgroup"),
        ("search", "synonymgroup", "delete_synonymgroup"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
    ],
    MODERATION: [
        ("legal", "barrierreport", "change_barrierreport"),
    ],
    ADMINISTRATION: [
        ("auth", "user", "add_user"),
        ("auth", "user", "change_user"),
        ("auth", "user", "delete_user"),
        ("auth", "group", "add_group"),
        ("auth", "group", "change_group"),
        ("wagtailcore", "site", "change_site"),
        ("legal", "legalsettings", "change_legalsettings"),
    ],
}
# Page permissions below a site's start page (Redaktion) or one field of action (Fachdienst).
REDAKTION_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
FACHDIENST_PAGE_PERMISSIONS = ["add_page", "change_page"]


def site_group_name(role: str, site) -> str:
    """The group of `role` for one site: plain for the default site, with the host name for others."""
    return role if site is None or site.is_default_site else f"{role} ({site.hostname})"
