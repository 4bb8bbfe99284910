"""Is an indicator on course to its target? The progress measure of Open SDG, in four German words.

Method (docs/indicators.md): the observed compound annual growth rate from the baseline to the
latest value is compared with the rate that would reach the target in its year,

    CAGR_obs = (y_latest / y_base) ^ (1 / (t_latest - t_base)) - 1
    CAGR_req = (y_target / y_base) ^ (1 / (t_target - t_base)) - 1
    R        = d · CAGR_obs / |CAGR_req|       (d = +1 if the target lies above the baseline, else -1)

and rated as Open SDG does with its thresholds: target reached or R ≥ 0.95 "auf Kurs";
0 ≤ R < 0.95 "Fortschritt zu langsam" (Open SDG's "moderate" and "limited progress" together);
R < 0 "Entwicklung in falsche Richtung". Without a target, a value after the baseline, a
direction or positive values there is no rating ("keine Bewertung möglich"), and the reason says
which. The target rated is the first one after the latest value (the next milestone); when all
target years have passed, the last one. Pure functions: no database, easy to test.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

ON_TRACK_RATIO = 0.95  # Open SDG: "substantial progress / on track" from 95 % of the required rate


class Status(models.TextChoices):
    ON_TRACK = "on_track", _("auf Kurs")
    TOO_SLOW = "too_slow", _("Fortschritt zu langsam")
    WRONG_DIRECTION = "wrong_direction", _("Entwicklung in falsche Richtung")
    NOT_RATED = "not_rated", _("keine Bewertung möglich")


@dataclass(frozen=True)
class Point:
    year: int
    value: float

    @classmethod
    def of(cls, year: int, value: Decimal | float) -> "Point":
        return cls(int(year), float(value))


@dataclass(frozen=True)
class Rating:
    status: Status
    reason: str = ""
    base: Point | None = None
    latest: Point | None = None
    target: Point | None = None
    observed_rate: float | None = None  # per year, e.g. -0.02 for -2 % a year
    required_rate: float | None = None
    ratio: float | None = None
    achieved: bool = False
    projection: list[Point] = field(default_factory=list)  # from the latest value to the target year


def growth(start: Point, end: Point) -> float:
    """Compound annual growth rate from `start` to `end` (both positive, end later)."""
    return (end.value / start.value) ** (1 / (end.year - start.year)) - 1


def rate(baseline: Point | None, values: list[Point], targets: list[Point]) -> Rating:
    """Rate the series `values` against `targets`, measured from `baseline` (else the first value)."""
    if not targets:
        return Rating(Status.NOT_RATED, str(_("Für diesen Indikator ist kein Zielwert festgelegt.")))
    if not values:
        return Rating(Status.NOT_RATED, str(_("Es gibt noch keine Werte.")))
    series = sorted(values, key=lambda p: p.year)
    base, latest = baseline or series[0], series[-1]
    later_targets = sorted((t for t in targets if t.year > latest.year), key=lambda t: t.year)
    target = later_targets[0] if later_targets else max(targets, key=lambda t: t.year)
    known = {"base": base, "latest": latest, "target": target}
    if latest.year <= base.year:
        reason = _("Für eine Bewertung braucht es einen Wert nach dem Ausgangsjahr %(year)s.") % {"year": base.year}
        return Rating(Status.NOT_RATED, str(reason), **known)
    if target.year <= base.year:
        return Rating(Status.NOT_RATED, str(_("Das Zieljahr liegt nicht nach dem Ausgangsjahr.")), **known)
    if target.value == base.value:
        reason = _("Der Zielwert entspricht dem Ausgangswert; daraus ergibt sich keine Richtung.")
        return Rating(Status.NOT_RATED, str(reason), **known)
    if min(base.value, latest.value, target.value) <= 0:
        reason = _("Die Wachstumsrate lässt sich nur für Werte über null berechnen.")
        return Rating(Status.NOT_RATED, str(reason), **known)

    direction = 1 if target.value > base.value else -1
    observed, required = growth(base, latest), growth(base, target)
    ratio = direction * observed / abs(required)
    achieved = direction * (latest.value - target.value) >= 0
    if achieved or ratio >= ON_TRACK_RATIO:
        status = Status.ON_TRACK
    elif ratio >= 0:
        status = Status.TOO_SLOW
    else:
        status = Status.WRONG_DIRECTION
    projection = (
        [
            Point(year, latest.value * (1 + observed) ** (year - latest.year))
            for year in range(latest.year, target.year + 1)
        ]
        if target.year > latest.year
        else []
    )
    return Rating(status, "", base, latest, target, observed, required, ratio, achieved, projection)
