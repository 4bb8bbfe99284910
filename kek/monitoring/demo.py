"""An invented implementation history, so that the monitoring views can be judged full.

Only for `make demo`, which runs on a database of its own with KEK_DEMO=1 (every page then says
"Beispieldaten"); `load_demo` refuses to run otherwise. The history is random but repeatable (a
fixed seed) and plausible: each item moves forward through the vocabulary, one entry a year or so.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from kek.plan.models import Measure, Project

from .records import Funding, Implementation, OrganisationalUnit, ProgressEntry
from .vocabulary import Programme, Status

UNITS = [
    ("Fachdienst Wirtschaftsförderung", OrganisationalUnit.Kind.DEPARTMENT),
    ("Fachdienst Regionalplanung", OrganisationalUnit.Kind.DEPARTMENT),
    ("Fachdienst Bildung und Schulen", OrganisationalUnit.Kind.DEPARTMENT),
    ("Fachdienst Umwelt", OrganisationalUnit.Kind.DEPARTMENT),
    ("Stabsstelle Klimaschutz", OrganisationalUnit.Kind.DEPARTMENT),
    ("Amt Musterland-Nord", OrganisationalUnit.Kind.OFFICE),
    ("Stadt Beispielstadt", OrganisationalUnit.Kind.MUNICIPALITY),
    ("Lokale Aktionsgruppe (Beispiel)", OrganisationalUnit.Kind.PARTNER),
]
PATHS = [  # how an item may move on; the demo picks one and stops somewhere along it
    [Status.PLANNED, Status.PREPARING, Status.IMPLEMENTING, Status.COMPLETED],
    [Status.PREPARING, Status.IMPLEMENTING, Status.ONGOING],
    [Status.PLANNED, Status.DEFERRED],
    [Status.PREPARING, Status.DROPPED],
]
TEXTS = {
    Status.PLANNED: "Die Umsetzung ist mit den Beteiligten abgestimmt.",
    Status.PREPARING: "Ein Förderantrag ist gestellt, die Unterlagen werden vorbereitet.",
    Status.IMPLEMENTING: "Die Arbeiten haben begonnen; erste Ergebnisse liegen vor.",
    Status.ONGOING: "Die Aufgabe wird dauerhaft wahrgenommen.",
    Status.COMPLETED: "Abgeschlossen; der Abschlussbericht liegt vor.",
    Status.DEFERRED: "Mangels Mitteln vorerst zurückgestellt.",
    Status.DROPPED: "Nach Prüfung verworfen; ein anderer Weg wird verfolgt.",
}


@transaction.atomic
def load(site: Site, *, seed: int = 2030, share: float = 0.6) -> int:
    """Give about `share` of the site's measures and projects an invented history; returns how many."""
    rng = random.Random(seed)  # noqa: S311 - invented demo data, not security
    units = [OrganisationalUnit.objects.get_or_create(site=site, name=n, defaults={"kind": k})[0] for n, k in UNITS]
    home = site.root_page.path
    items = [*Measure.objects.filter(approach__path__startswith=home), *Project.objects.public()]
    items = [item for item in items if item.approach.path.startswith(home)]
    count = 0
    for item in items:
        if rng.random() > share or hasattr(item, "implementation"):
            continue
        kind = "measure" if isinstance(item, Measure) else "project"
        path = rng.choice(PATHS)[: rng.randint(1, 4)]
        year = rng.randint(2018, 2024)
        record = Implementation(**{kind: item}, unit=rng.choice(units), live=False)
        record.start_planned = year
        entries = []
        for status in path:
            day = datetime.date(min(year, 2026), rng.randint(1, 12), rng.randint(1, 28))
            if day >= timezone.localdate():
                break
            entries.append(ProgressEntry(date=day, status=status, text=TEXTS[status]))
            year += rng.randint(1, 2)
        record.entries = entries
        if rng.random() < 0.5:
            amount = Decimal(rng.randrange(5_000, 500_000, 500))
            record.fundings = [Funding(programme=rng.choice(Programme.values), amount=amount)]
        record.save()
        record.save_revision().publish()
        count += 1
    return count
