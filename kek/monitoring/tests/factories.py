"""Implementation records as the admin leaves them once the Redaktion has approved them."""

import datetime

from kek.monitoring.records import Funding, Implementation, OrganisationalUnit, ProgressEntry


def record(item, *entries: tuple[datetime.date, str, str], unit=None, fundings=(), publish=True, **values):
    """An implementation record of the measure or project `item` with entries (date, status, text),
    published (approved) unless `publish=False`."""
    kind = "measure" if type(item).__name__ == "Measure" else "project"
    implementation = Implementation(**{kind: item}, unit=unit, **values)
    implementation.entries = [ProgressEntry(date=d, status=s, text=t) for d, s, t in entries]
    implementation.fundings = [Funding(programme=p, amount=a) for p, a in fundings]
    implementation.live = False
    implementation.save()
    revision = implementation.save_revision()
    if publish:
        revision.publish()
    return implementation


def unit(site, name="Fachdienst Wirtschaftsförderung", **values) -> OrganisationalUnit:
    return OrganisationalUnit.objects.create(site=site, name=name, **values)
