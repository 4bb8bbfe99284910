"""Which site a command works on: `--site host[:port]`, or the default site."""

from django.core.management.base import CommandError
from wagtail.models import Site


def parse_site(value: str | None) -> tuple[str, int] | None:
    """`host[:port]` as (host, port); port 80 when not given. None for the default site."""
    if not value:
        return None
    host, _sep, port = value.partition(":")
    if not host or (port and not port.isdigit()):
        raise CommandError(f"„{value}“ ist keine Site-Angabe der Form host oder host:port.")
    return host.lower(), int(port or 80)


def find_site(value: str | None) -> Site | None:
    """The site named by `value`; the default site when `value` is empty; None if there is none."""
    address = parse_site(value)
    if address is None:
        return Site.objects.filter(is_default_site=True).first()
    return Site.objects.filter(hostname=address[0], port=address[1]).first()


def site_or_error(value: str | None) -> Site:
    site = find_site(value)
    if site is None:
        raise CommandError(
            f"Es gibt keine Site „{value or 'Standard-Site'}“. Legen Sie sie mit "
            "„manage.py import_kek DATEI --site host --places ORTSDATEI“ an."
        )
    return site
