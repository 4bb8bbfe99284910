"""The geometry of an indicator's chart: years and values mapped onto an SVG canvas.

Hand-written on purpose: the maintained SVG chart library for Python (pygal) writes a <style>
element and an inline <script> into every chart, which the site's Content-Security-Policy
(style-src and script-src 'self', no inline code) blocks, and tells its series apart by colour
only. Here the template `indicators/includes/chart.svg` draws what this module computes, with
class names that `indicators.css` styles and dash patterns and marker shapes as SVG attributes,
so the chart needs no inline style and reads without colour.
"""

import math
from dataclasses import dataclass, field

from .numbers import format_german
from .rating import Point

WIDTH, HEIGHT = 560, 320
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 24, 48  # room for the axis labels


@dataclass(frozen=True)
class Mark:
    """A point on the canvas with what it shows."""

    x: float
    y: float
    year: int
    label: str  # the value in German notation

    @property
    def diamond(self) -> str:
        """Corners of the target marker, a diamond of 16 px."""
        x, y = self.x, self.y
        return f"{x:.1f},{y - 8:.1f} {x + 8:.1f},{y:.1f} {x:.1f},{y + 8:.1f} {x - 8:.1f},{y:.1f}"

    @property
    def corner(self) -> tuple[float, float]:
        """Top left of the baseline marker, a square of 12 px."""
        return round(self.x - 6, 1), round(self.y - 6, 1)

    @property
    def label_x(self) -> float:
        return round(self.x - 12, 1)

    @property
    def label_y(self) -> float:
        return round(self.y - 12, 1)


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: float = LEFT
    plot_right: float = WIDTH - RIGHT
    plot_top: float = TOP
    plot_bottom: float = HEIGHT - BOTTOM
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    baseline: Mark | None = None
    values: list[Mark] = field(default_factory=list)
    targets: list[Mark] = field(default_factory=list)
    projection: list[Mark] = field(default_factory=list)
    target_path: list[Mark] = field(default_factory=list)  # from the baseline through the targets

    @property
    def y_label_x(self) -> float:
        return self.plot_left - 8

    @property
    def tick_end(self) -> float:
        return self.plot_bottom + 6

    @property
    def x_label_y(self) -> float:
        return self.plot_bottom + 24

    @staticmethod
    def points(marks: list[Mark]) -> str:
        return " ".join(f"{m.x:.1f},{m.y:.1f}" for m in marks)

    @property
    def value_points(self) -> str:
        return self.points(self.values)

    @property
    def projection_points(self) -> str:
        return self.points(self.projection)

    @property
    def target_path_points(self) -> str:
        return self.points(self.target_path)


def nice_step(span: float, count: int = 5) -> float:
    """A step of 1, 2, 2.5 or 5 times a power of ten that divides `span` into about `count` parts."""
    raw = span / count if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)


def value_ticks(low: float, high: float) -> list[float]:
    step = nice_step(high - low)
    start = math.floor(low / step) * step
    ticks = []
    tick = start
    while tick <= high + step * 1e-9:
        ticks.append(round(tick, 10))
        tick += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def year_ticks(first: int, last: int, count: int = 6) -> list[int]:
    step = max(1, math.ceil((last - first) / count))
    for nice in (1, 2, 5, 10, 20, 25, 50):
        if nice >= step:
            step = nice
            break
    years = list(range(first - first % step, last + 1, step))
    return [y for y in years if y >= first] or [first]


def build(baseline: Point | None, values: list[Point], targets: list[Point], projection: list[Point]) -> Chart | None:
    """The chart of a series; None when there is nothing to draw."""
    everything = [*([baseline] if baseline else []), *values, *targets, *projection]
    if not everything:
        return None
    chart = Chart()
    first, last = min(p.year for p in everything), max(p.year for p in everything)
    if first == last:
        first, last = first - 1, last + 1
    low = min(0.0, *(p.value for p in everything))  # bars and lines of quantities start at zero
    high = max(p.value for p in everything)
    ticks = value_ticks(low, high if high > low else low + 1)
    low, high = ticks[0], ticks[-1]
    width, height = chart.plot_right - chart.plot_left, chart.plot_bottom - chart.plot_top

    def mark(p: Point) -> Mark:
        x = chart.plot_left + (p.year - first) / (last - first) * width
        y = chart.plot_bottom - (p.value - low) / (high - low) * height
        return Mark(round(x, 1), round(y, 1), p.year, format_german(round(p.value, 4)))

    decimals = 0 if all(float(t).is_integer() for t in ticks) else 1 if all(round(t, 1) == t for t in ticks) else 2
    chart.y_ticks = [(mark(Point(first, t)).y, format_german(t, decimals)) for t in ticks]
    chart.x_ticks = [(mark(Point(y, low)).x, str(y)) for y in year_ticks(first, last)]
    chart.baseline = mark(baseline) if baseline else None
    chart.values = [mark(p) for p in sorted(values, key=lambda p: p.year)]
    chart.targets = [mark(p) for p in sorted(targets, key=lambda p: p.year)]
    chart.projection = [mark(p) for p in projection]
    start = baseline or (min(values, key=lambda p: p.year) if values else None)
    if start is not None and chart.targets:
        chart.target_path = [mark(start), *(t for t in chart.targets if t.year > start.year)]
    return chart
