"""Trends: stories per day about a topic, an entity or an outlet family, and the days that spike.

A day is a spike when it stands out from the series' *own* recent history (the ``window`` days
before it): its robust z-score -- distance from the history's median in units of the MAD
(scaled by 1.4826), never less than the Poisson spread sqrt(median) so a flat series is not
divided by zero -- reaches ``z``, and a Poisson rate equal to the history's level (the larger of
its median and its 10%-trimmed mean: a small sample's median of a low count undershoots) would give
so many stories or more with probability below ``alpha``.  Both tests, so that a series with wide swings
needs a wide swing and a quiet series needs more than a couple of stories.  Each spike is
explained by the events whose stories make it up.

Stories without a publication date are left out of trends (placed on the day they were ingested
they would make spikes of their own).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from ..archive import Archive, StoryFilter
from ..errors import ConfigError
from ..records import Story
from .options import BriefOptions

_BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class SpikeEvent:
    event_id: str
    stories: int  # of the spike day's stories in the series
    headline: str | None
    story_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Spike:
    index: int
    day: str
    count: int
    baseline: float  # median of the history window
    z: float
    p_value: float
    events: tuple[SpikeEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class Series:
    kind: str  # "topic" | "entity" | "family"
    key: str  # as asked for
    label: str  # for display
    days: tuple[str, ...]
    counts: tuple[int, ...]
    spikes: tuple[Spike, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts)

    def to_dict(self) -> dict:
        return asdict(self) | {"total": self.total}


@dataclass(frozen=True, slots=True)
class SeriesKey:
    kind: str
    key: str


def _trimmed_mean(values: Sequence[int], share: float = 0.1) -> float:
    """Mean without the highest and lowest ``share`` of values (an earlier spike does not raise it)."""
    v = sorted(values)
    k = int(len(v) * share)
    v = v[k:len(v) - k] or v
    return sum(v) / len(v)


def detect_spikes(counts: Sequence[int], *, window: int = 28, min_history: int = 7, z: float = 3.5,
                  alpha: float = 0.0001, min_count: int = 3) -> list[Spike]:
    """Days of ``counts`` that spike against the series' own preceding ``window`` days (no dates, no events)."""
    from scipy.stats import poisson

    out = []
    for t, x in enumerate(counts):
        history = counts[max(0, t - window):t]
        if len(history) < min_history or x < min_count:
            continue
        med = statistics.median(history)
        mad = statistics.median(abs(h - med) for h in history)
        rate = max(med, _trimmed_mean(history), 0.5)
        scale = max(1.4826 * mad, rate ** 0.5)
        zscore = (x - med) / scale
        if zscore < z:
            continue
        p = float(poisson.sf(x - 1, rate))
        if p < alpha:
            out.append(Spike(t, "", int(x), float(med), round(zscore, 2), p))
    return out


def baseline(counts: Sequence[int], window: int = 28, min_history: int = 7) -> list[float | None]:
    """Median of each day's preceding ``window`` days (None until ``min_history`` days exist): the line
    a spike is measured against."""
    return [statistics.median(counts[max(0, t - window):t]) if t >= min_history else None for t in range(len(counts))]


def spikes_with(counts: Sequence[int], opts: BriefOptions) -> list[Spike]:
    return detect_spikes(counts, window=opts.trend_window, min_history=opts.trend_min_history, z=opts.trend_z,
                         alpha=opts.trend_alpha, min_count=opts.trend_min_count)


def sparkline(counts: Sequence[int], width: int = 100) -> str:
    """One block character per day (summed into ``width`` bins when longer), scaled to the maximum."""
    values = list(counts)
    if len(values) > width:
        step = -(-len(values) // width)
        values = [sum(values[i:i + step]) for i in range(0, len(values), step)]
    top = max(values, default=0)
    if top <= 0:
        return _BARS[0] * len(values)
    return "".join(_BARS[0] if v <= 0 else _BARS[max(1, min(7, round(7 * v / top)))] for v in values)


def _days(since: str, until: str) -> list[str]:
    a, b = dt.date.fromisoformat(since[:10]), dt.date.fromisoformat(until[:10])
    if b < a:
        raise ConfigError(f"trends: --until {until} is before --since {since} (swap them)")
    return [(a + dt.timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]


def _matcher(kind: str, key: str, desk):
    from .sections import resolve_entity

    if kind == "topic":
        from ..stages.classify.taxonomy import load_taxonomy

        labels = load_taxonomy().labels
        if key not in labels:
            raise ConfigError(f"trends --topic {key!r}: not a topic (known: {', '.join(labels)})")
        return key, lambda s: key in s.topics
    if kind == "entity":
        canonical = resolve_entity(key)
        text = key.strip().casefold()
        label = desk.display(canonical) if canonical else key.strip()
        return label, lambda s: any(e.canonical == canonical or e.text.casefold() == text for e in s.entities)
    if kind == "family":
        from ..stages.extract.outlets import FAMILIES

        if key not in FAMILIES:
            raise ConfigError(f"trends --family {key!r}: not an owner family (known: {', '.join(FAMILIES)})")
        return key, lambda s: desk.family(s) == key
    raise ConfigError(f"trends: unknown series kind {kind!r} (use topic, entity or family)")


def _explain(stories: list[Story], top: int = 3) -> tuple[SpikeEvent, ...]:
    by: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        by[s.event_id or f"story:{s.story_id}"].append(s)
    ranked = sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
    out = []
    for eid, ss in ranked:
        heads = Counter(s.headline for s in ss if s.headline)
        out.append(SpikeEvent(eid, len(ss), heads.most_common(1)[0][0] if heads else None, tuple(s.story_id for s in ss)))
    return tuple(out)


def trend_series(archive: Archive, keys: Sequence[SeriesKey], since: str, until: str, *,
                 opts: BriefOptions = BriefOptions(), registry=None, progress=None) -> list[Series]:
    """Stories per day from ``since`` to ``until`` for each series key, with spikes and their events."""
    from .build import Desk

    if not keys:
        raise ConfigError("trends: name at least one series (--topic, --entity or --family)")
    desk = Desk(registry)
    days = _days(since, until)
    index = {d: i for i, d in enumerate(days)}
    matchers = [(k, *_matcher(k.kind, k.key, desk)) for k in keys]
    per_day: list[list[list[Story]]] = [[[] for _ in days] for _ in keys]
    for s in archive.iter_stories(StoryFilter(since=days[0], until=days[-1])):
        i = index.get((s.published or "")[:10])
        if progress is not None:
            progress.advance()
        if i is None:
            continue
        for j, (_k, _label, match) in enumerate(matchers):
            if match(s):
                per_day[j][i].append(s)
    out = []
    for j, (k, label, _match) in enumerate(matchers):
        counts = [len(x) for x in per_day[j]]
        spikes = tuple(Spike(sp.index, days[sp.index], sp.count, sp.baseline, sp.z, sp.p_value, _explain(per_day[j][sp.index]))
                       for sp in spikes_with(counts, opts))
        out.append(Series(k.kind, k.key, label, tuple(days), tuple(counts), spikes))
    return out


def render_table(series: Sequence[Series], *, daily: bool = False) -> str:
    """Plain-text table: one row per series with a sparkline, then each spike with its events."""
    from rich.cells import cell_len, set_cell_size

    if not series:
        return "no series"
    days = series[0].days
    names = [f"{s.kind} {s.label}" for s in series]
    w = max(12, *(cell_len(n) for n in names))
    lines = [f"{'series':{w}}  {'total':>6}  {'last 7d':>7}  {'max/day':>7}  {'spikes':>6}  {days[0]} .. {days[-1]}"]
    for n, s in zip(names, series):
        lines.append(f"{set_cell_size(n, w)}  {s.total:>6}  {sum(s.counts[-7:]):>7}  {max(s.counts, default=0):>7}  "
                     f"{len(s.spikes):>6}  {sparkline(s.counts)}")
    for n, s in zip(names, series):
        for sp in s.spikes:
            lines.append("")
            lines.append(f"spike  {n}  {sp.day}: {sp.count} stories (baseline {sp.baseline:g}/day, z {sp.z:.1f}, "
                         f"p {sp.p_value:.1e})")
            for ev in sp.events:
                lines.append(f"    {ev.stories:>4}  {ev.event_id}  {ev.headline or '(no headline)'}")
    if daily:
        lines.append("")
        lines.append("day         " + "  ".join(f"{n[:14]:>14}" for n in names))
        for i, d in enumerate(days):
            lines.append(f"{d}  " + "  ".join(f"{s.counts[i]:>14}" for s in series))
    return "\n".join(lines)
