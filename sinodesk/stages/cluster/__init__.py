"""Link stage: near-duplicates and online event clustering (cross-document, stateful).

::

    LinkItem --EventLinker.add--> LinkResult(event_id, duplicate_of)     (online.py)
                 |-- DuplicateIndex: URL identity, exact text, MinHash LSH (dedup.py)
                 |-- tokens, online idf, vectors                          (features.py)
                 '-- learned merge decision, merge_model.json             (decision.py)
    list[Story] --compare_event / summarise_events--> JSON-ready dicts    (compare.py)

The defaults of the decision parameters below were tuned on training data only
(ECB+ topics 1-35, the first 45% of the UCI stream, the GVC validation split for the time decay):
``sinodesk eval events --tune ecbplus|uci|gvc --grid NAME=V1,V2``.
"""

from __future__ import annotations

from dataclasses import dataclass
from ...options import setting


@dataclass(frozen=True, slots=True)
class EventOptions:
    enabled: bool = setting(True, "link stories into events and mark near-duplicates while ingesting")
    decision: str = setting("score", "full-text stories join by 'score' (hand-tuned score and thresholds below) or 'learned' (logistic regression in merge_model.json; tied with 'score' on ECB+ topics 1-35, so not the default)")
    decision_short: str = setting("learned", "the same for stories with no body text ('learned' wins on the first 45% of UCI: 0.838 vs 0.803)")
    merge_prob: float | None = setting(None, "P(same event) a full-text story needs to join an event (None: the model's own cut)")
    merge_prob_short: float | None = setting(None, "the same for a headline-only story")
    model_path: str = setting("", "merge model JSON to use instead of the shipped one (empty: the shipped one)")
    threshold: float = setting(0.10, "merge score a full-text story needs to join an existing event")
    merge_threshold: float = setting(0.10, "mean story similarity at which two matching events are merged into one")
    merge_threshold_short: float = setting(0.04, "the same, when the story that bridges them is headline-only")
    threshold_short: float = setting(0.12, "merge score a headline-only story needs to join an event")
    cold_start_docs: int = setting(500, "until this many stories (or primed texts) are seen, document frequencies are immature")
    cold_start_raise: float = setting(1.0, "the thresholds are raised by this share at the first story, fading to 0 at cold_start_docs")
    short_words: int = setting(25, "stories with fewer content words than this count as headline-only")
    headline_weight: int = setting(2, "how many times headline words count relative to body words")
    recluster_events: int = setting(5, "a new story re-clusters (average linkage) the members of up to this many candidate events near it; 0 or 1 turns local re-clustering off")
    recluster_floor: float = setting(0.5, "candidate events join that neighbourhood when they score at least this share of the threshold")
    recluster_min: int = setting(1, "re-cluster only when at least this many candidate events are near the story")
    recluster_cap: int = setting(40, "events with more stories than this are no longer re-clustered (their members are not kept)")
    split_ratio: float = setting(0.75, "re-clustering keeps two groups apart when their mean cross similarity is below this share of the similarity inside the less cohesive group (0: threshold only)")
    split_min: int = setting(5, "the split_ratio test applies only when both groups hold at least this many stories (chosen on ECB+ topics 1-35 with split_ratio)")
    body_chars: int = setting(20000, "only the first N characters of the body are used for linking")
    bigrams: bool = setting(True, "add neighbouring word pairs to the story vectors")
    size_exponent: float = setting(1.0, "score = dot(story, event sum) / size**this (1 = mean similarity to members; 0 = centroid cosine)")
    size_exponent_short: float = setting(0.5, "the same for a headline-only story")
    year_terms: bool = setting(True, "years written in a story (1800-2099) count as terms")
    name_boost: int = setting(1, "extra count for words capitalised mid-sentence (names, places)")
    max_terms: int = setting(1000, "heaviest terms kept in a story vector")
    centroid_terms: int = setting(1000, "heaviest terms kept in an event centroid")
    index_terms: int = setting(50, "centroid terms under which an event is found by the candidate index")
    query_terms: int = setting(20, "heaviest story terms used to look up candidate events")
    max_candidates: int = setting(40, "candidate events scored in full per story")
    max_postings: int = setting(5000, "index terms shared by more events than this are skipped as uninformative")
    entity_terms: int = setting(2, "each canonical entity of a story also counts as a term this many times (weighted by its idf, like words)")
    cross_entity_weight: float = setting(0.15, "bonus for the share of canonical entities shared by stories in different languages (their words cannot match)")
    entity_weight: float = setting(0.0, "bonus for the share of canonical entities a story shares with an event")
    number_weight: float = setting(0.05, "bonus when a story repeats an event's notable numbers")
    time_scale_days: float = setting(120.0, "merge score decays as exp(-gap/this) with the day gap to an event (follow-ups weeks later: charges, a trial, a death; chosen on the GVC validation split)")
    max_age_days: int = setting(120, "events idle longer than this leave the candidate index (with the 120-day decay a strong follow-up still links after a month or three)")
    recluster_age_days: int = setting(30, "events idle longer than this are frozen: they can still grow and merge, but their members are no longer re-clustered (keeps the state small)")
    dup_threshold: float = setting(0.9, "estimated Jaccard of word 5-gram shingles that makes a story a copy")
    dup_num_perm: int = setting(128, "MinHash permutations for near-duplicate detection")
    dup_shingle_words: int = setting(5, "words per shingle for near-duplicate detection")
    dup_min_words: int = setting(30, "texts shorter than this are only matched exactly, not by MinHash")


from .compare import compare_event, render_compare, summarise_events  # noqa: E402
from .online import EventLinker, LinkItem, LinkResult  # noqa: E402

__all__ = [
    "EventOptions",
    "EventLinker",
    "LinkItem",
    "LinkResult",
    "compare_event",
    "render_compare",
    "summarise_events",
]
