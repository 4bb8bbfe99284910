"""Admin: download the whole concept as a content file."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import export_download


@hooks.register("register_admin_urls")
def register_export_url():
    return [path("konzept-export/", export_download, name="kek_export")]


@hooks.register("register_admin_menu_item")
def register_export_menu_item():
    return MenuItem(_("Konzept exportieren"), reverse("kek_export"), icon_name="download", order=900)
