"""Trend charts with matplotlib (Agg backend, no display needed): SVG or PNG.

One panel per series: stories per day as bars, the baseline each day is judged against (the
median of the preceding window) as a line, spikes in a second colour, each labelled with the
event that made most of it.
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from collections.abc import Sequence
from pathlib import Path

from ..errors import ConfigError
from ..stages.segment.text import has_cjk
from .options import BriefOptions
from .trends import Series, baseline

_BAR = "#9db4d3"
_SPIKE = "#b2182b"
_LINE = "#4d4d4d"
_CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Source Han Sans SC",
              "AR PL UMing CN", "Droid Sans Fallback")


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    for name in _CJK_FONTS:
        try:
            font_manager.findfont(name, fallback_to_default=False)
            return name
        except ValueError:
            continue
    return None


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def write_chart(series: Sequence[Series], path: str | Path, *, opts: BriefOptions = BriefOptions(),
                title: str | None = None) -> Path:
    """Draw ``series`` (days, counts, spikes) to ``path``; the format follows the suffix (.svg or .png)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise ConfigError(f"--chart {path}: give a file ending in .svg or .png")
    if not series or not series[0].days:
        raise ConfigError("--chart: there is nothing to draw (no series or no days)")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # "no bold weight" for a CJK font
    cjk = _cjk_font()
    rc = {"font.family": ["DejaVu Sans", cjk] if cjk else ["DejaVu Sans"], "svg.fonttype": "none",
          "axes.spines.top": False, "axes.spines.right": False, "axes.titlesize": 11, "axes.titleweight": "bold",
          "axes.titlelocation": "left", "font.size": 9}
    days = [dt.date.fromisoformat(d) for d in series[0].days]
    with plt.rc_context(rc), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a glyph missing from every installed font
        fig, axes = plt.subplots(len(series), 1, figsize=(10, 2.6 * len(series) + 0.7), sharex=True, squeeze=False)
        for ax, s in zip(axes[:, 0], series):
            spike_at = {sp.index: sp for sp in s.spikes}
            colours = [_SPIKE if i in spike_at else _BAR for i in range(len(days))]
            ax.bar(days, s.counts, width=0.85, color=colours, linewidth=0)
            base = baseline(s.counts, opts.trend_window, opts.trend_min_history)
            ax.plot(days, [b if b is not None else float("nan") for b in base], color=_LINE, linewidth=1.1,
                    linestyle="--", label=f"baseline (median of the previous {opts.trend_window} days)")
            top = max(s.counts, default=0) or 1
            for n, sp in enumerate(sorted(s.spikes, key=lambda x: -x.count)[:4], 1):
                ev = sp.events[0] if sp.events else None
                text = ev.headline if ev and ev.headline and (cjk or not has_cjk(ev.headline)) else (ev.event_id if ev else "")
                ax.annotate(f"{sp.day}: {sp.count} (z {sp.z:.0f})\n{_short(text)}", xy=(days[sp.index], sp.count),
                            xytext=(0, 6 + 26 * (n - 1)), textcoords="offset points", ha="center", va="bottom", fontsize=7.5,
                            color=_SPIKE, arrowprops={"arrowstyle": "-", "color": _SPIKE, "lw": 0.6} if n > 1 else None)
            ax.set_ylim(0, top * (1.25 + 0.3 * min(len(s.spikes), 4)))
            ax.set_title(f"{s.kind}: {s.label} — {s.total} stor{'y' if s.total == 1 else 'ies'}, "
                         f"{len(s.spikes)} spike{'' if len(s.spikes) == 1 else 's'}")
            ax.set_ylabel("stories / day")
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.grid(axis="y", color="#e6e6e6", linewidth=0.6)
            ax.set_axisbelow(True)
            ax.legend(loc="upper left", frameon=False, fontsize=7.5)
        locator = mdates.AutoDateLocator()
        axes[-1, 0].xaxis.set_major_locator(locator)
        axes[-1, 0].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        axes[-1, 0].set_xlim(days[0] - dt.timedelta(days=1), days[-1] + dt.timedelta(days=1))
        if title:
            fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format=fmt, dpi=150 if fmt == "png" else None, metadata={"Date": None} if fmt == "svg" else None)
        plt.close(fig)
    return path
