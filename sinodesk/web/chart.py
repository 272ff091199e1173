"""Trend charts as plain SVG geometry, drawn by a template (no script, no inline style: the
Content-Security-Policy allows it as part of the page).

:func:`bar_chart` turns one series (days, counts per day, spike days) into bars, a baseline
polyline, axis ticks and spike markers with their labels; the template writes them as ``<rect>``,
``<polyline>`` and ``<text>`` elements with presentation attributes only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

WIDTH, HEIGHT = 900, 180
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 12, 26


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    day: str
    count: int
    spike: bool


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    baseline: str  # SVG polyline points ("" when there is no baseline yet)
    y_ticks: list[tuple[float, int]]  # (y, value)
    x_ticks: list[tuple[float, str]]  # (x, label)
    spikes: list[dict] = field(default_factory=list)  # {x, y, day, count, label}
    peak: int = 0


def _nice_step(v: float) -> int:
    """A tick step (1, 2, 5, 10, 20, 25, 50 ...) giving at most five ticks up to ``v``."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if v <= 4 * step:
            return step
    return int(v // 4) + 1


def bar_chart(days: Sequence[str], counts: Sequence[int], spike_days: Sequence[str] = (),
              baseline: Sequence[float | None] = (), labels: dict[str, str] | None = None) -> Chart:
    """Geometry for one series: one bar per day (spike days flagged), the baseline the spikes are
    judged against, four value ticks and about eight date ticks."""
    n = max(1, len(days))
    peak = max(list(counts) + [v for v in baseline if v is not None], default=0)
    tick = _nice_step(max(peak, 1))
    top = tick * -(-max(peak, 1) // tick)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / n
    scale = plot_h / top if top else 0.0
    spikes = set(spike_days)
    bars = []
    for i, (day, c) in enumerate(zip(days, counts)):
        h = c * scale
        bars.append(Bar(round(LEFT + i * step, 2), round(TOP + plot_h - h, 2), round(max(step - (1 if step > 3 else 0), 0.5), 2),
                        round(h, 2), day, int(c), day in spikes))
    points = [f"{LEFT + (i + 0.5) * step:.1f},{TOP + plot_h - v * scale:.1f}" for i, v in enumerate(baseline) if v is not None]
    y_ticks = [(round(TOP + plot_h - v * scale, 1), int(v)) for v in range(0, int(top) + 1, tick)]
    every = max(1, n // 8)
    x_ticks = [(round(LEFT + (i + 0.5) * step, 1), day[5:] if len(days) <= 366 else day[:7]) for i, day in enumerate(days) if i % every == 0]
    marks = [{"x": b.x + b.w / 2, "y": b.y, "day": b.day, "count": b.count, "label": (labels or {}).get(b.day, "")}
             for b in bars if b.spike]
    return Chart(WIDTH, HEIGHT, bars, " ".join(points), y_ticks, x_ticks, marks, int(peak))
