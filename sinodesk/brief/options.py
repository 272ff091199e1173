"""Options of briefings and trends (the ``[brief]`` table of ``sinodesk.toml``)."""

from __future__ import annotations

from dataclasses import dataclass
from ..options import setting


@dataclass(frozen=True, slots=True)
class BriefOptions:
    max_items: int = setting(6, "items per section unless the section sets its own max_items")
    min_sentences: int = setting(2, "a summary takes at least this many sentences when its stories have them")
    max_sentences: int = setting(4, "and at most this many")
    max_words: int = setting(90, "past its minimum, a summary stops growing once it has this many words (a Chinese character counts half a word)")
    size_weight: float = setting(1.0, "rank: weight of log2(1 + stories that cohere with their event)")
    spread_weight: float = setting(1.0, "rank: weight of log2(outlet families whose stories cohere with the event)")
    novelty_weight: float = setting(0.75, "rank: weight of the share of an event's stories that are new since the previous briefing (or from the last third of the window)")
    coherent_min: float = setting(0.12, "a story counts towards its event's size and spread only when it is at least this similar (TF-IDF cosine of words, or of canonical entities) to the event's other stories")
    position_weight: float = setting(1.0, "summary: bonus for a story's opening sentences (x 1/(1+index)) relative to centrality (1.0 chosen on GVC validation and ECB+ topics 1-35 over 0.25 and 0.5)")
    redundancy_max: float = setting(0.5, "summary: a sentence this similar (cosine) to one already chosen is left out")
    diversity: float = setting(0.3, "summary: MMR trade-off; weight of the similarity to sentences already chosen")
    coverage_bonus: float = setting(0.15, "summary: bonus for a sentence from an outlet family not yet cited in the item")
    base_url: str = setting("http://127.0.0.1:8080/", "link of the RSS/Atom feed and of items without a URL (the web UI's address)")
    trend_window: int = setting(28, "trends: days of each series' own history that form its baseline")
    trend_min_history: int = setting(7, "trends: days of history needed before a day can be called a spike")
    trend_z: float = setting(3.5, "trends: robust z-score (median and MAD of the baseline, scale at least sqrt(baseline)) a spike must reach")
    trend_alpha: float = setting(0.0001, "trends: and its Poisson upper-tail probability under the baseline rate must be below this (1e-4: under 0.01 false alarms expected in a 90-day series)")
    trend_min_count: int = setting(3, "trends: a day with fewer stories than this is never a spike")
