"""Briefings and trends for the pages and the API, over :mod:`sinodesk.brief` (the library the
``brief`` and ``trends`` commands use).  Briefings are read as stored by ``sinodesk brief``: the
server writes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ..errors import BadInput, NotFound
from .chart import Chart, bar_chart
from .desk import Desk


def briefing_list(desk: Desk, name: str = "") -> list[dict]:
    """Stored briefings, newest first: id, section set, created, window."""
    return [dataclasses.asdict(i) for i in reversed(desk.archive.list_briefings(name or None))]


def briefing(desk: Desk, briefing_id: int | None = None, name: str = ""):
    """A stored :class:`~sinodesk.brief.Briefing` (the latest, of section set ``name`` if given, when no id)."""
    from ..brief import Briefing, latest_briefing

    archive = desk.archive
    if briefing_id is not None:
        b = Briefing.from_dict(archive.get_briefing(briefing_id))
        return dataclasses.replace(b, briefing_id=briefing_id)
    if name:
        b = latest_briefing(archive, name)
    else:
        infos = archive.list_briefings()
        b = briefing(desk, infos[-1].briefing_id) if infos else None
    if b is None:
        raise NotFound(("no briefing of section set " + repr(name) if name else "no briefing") +
                       " is stored in this archive yet (make one with 'sinodesk brief --db ARCHIVE')")
    return b


def briefing_context(b) -> dict:
    """What the briefing page shows besides the briefing: its period, counts of changes, section rules."""
    from ..brief.render import change_line, counts, period

    return {"period": period(b), "changes": counts(b), "change_line": change_line,
            "rules": b.extra.get("sections", {}) if isinstance(b.extra, dict) else {}}


# -- trends -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrendParams:
    topics: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    since: str = "90d"
    until: str = ""

    def keys(self):
        from ..brief import SeriesKey

        return ([SeriesKey("topic", t) for t in self.topics] + [SeriesKey("entity", e) for e in self.entities]
                + [SeriesKey("family", f) for f in self.families])

    def window(self) -> tuple[str, str]:
        from ..brief import window
        from ..errors import ConfigError

        try:
            start, end = window(self.since or "90d", self.until or None)
        except ConfigError as exc:
            msg = str(exc).replace("--since ", "since=").replace("--until ", "until=")  # the URL's words for the CLI's
            raise BadInput(msg.replace("earlier --since", "earlier since")) from None
        if start is None:
            raise BadInput("since=all: give a first day or a span (e.g. 90d)")
        if (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days > 3 * 366:
            raise BadInput(f"since={start} until={end}: at most three years at a time (narrow the window)")
        return start, end


def trends(desk: Desk, p: TrendParams):
    """Series of stories per day with their spikes (:func:`sinodesk.brief.trend_series`); every
    topic when no series is named."""
    from ..brief import trend_series
    from ..errors import ConfigError

    if not p.keys():
        p = dataclasses.replace(p, topics=desk.topic_labels)
    start, end = p.window()
    try:
        return trend_series(desk.archive, p.keys(), start, end, opts=desk.settings.brief, registry=desk.registry)
    except ConfigError as exc:
        raise BadInput(str(exc).replace("trends --", "").replace("trends: ", "")) from None


def chart_of(series, opts) -> Chart:
    """The SVG geometry of one series: bars per day, the baseline spikes are judged against, spikes marked."""
    from ..brief.trends import baseline

    labels = {sp.day: (sp.events[0].headline or "") if sp.events else "" for sp in series.spikes}
    return bar_chart(series.days, series.counts, [sp.day for sp in series.spikes],
                     baseline(series.counts, opts.trend_window, opts.trend_min_history), labels)
