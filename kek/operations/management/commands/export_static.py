"""manage.py export_static FOLDER [--site HOST] [--live-url URL] [--relative]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kek.operations.static_export import default_site, export_site, site_by_host


class Command(BaseCommand):
    help = _("Schreibt die öffentliche Website als statische Dateien in einen Ordner.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--site", help=_("Host der Website (Standard: die Standard-Website)"))
        parser.add_argument("--live-url", default="", help=_("Adresse des laufenden Portals für Formulare und Suche"))
        parser.add_argument("--relative", action="store_true", help=_("Relative Links (auch ohne Webserver lesbar)"))

    def handle(self, *args, folder: Path, site: str | None, live_url: str, relative: bool, **options) -> None:
        chosen = site_by_host(site) if site else default_site()
        if chosen is None:
            raise CommandError(_("Keine Website mit dem Host %(host)s.") % {"host": site})
        export = export_site(chosen, folder, live_url=live_url, relative=relative)
        self.stdout.write(
            _("%(count)d Dateien nach %(folder)s geschrieben.") % {"count": len(export.written), "folder": folder}
        )
        for path in export.missing:
            self.stderr.write(_("Nicht exportiert: %(path)s") % {"path": path})
