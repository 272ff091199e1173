"""Options of the link stage (one frozen dataclass, a table ``[events]`` in ``sinodesk.toml``).

The defaults of the decision parameters were tuned on training data only (ECB+ topics 1-35, the
first 45% of the UCI stream, the GVC validation split), through ingest into a fresh archive:
``sinodesk eval events --tune ecbplus|uci|gvc --grid NAME=V1,V2``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...options import setting


@dataclass(frozen=True, slots=True)
class EventOptions:
    enabled: bool = setting(True, "link stories into events and mark near-duplicates while ingesting")
    decision: str = setting("score", "full-text stories join by 'score' (hand-tuned score and thresholds below) or 'learned' (logistic regression in merge_model.json; tied with 'score' on ECB+ topics 1-35, so not the default)", choices=("score", "learned"))
    decision_short: str = setting("learned", "the same for stories with no body text ('learned' wins on the first 45% of UCI: 0.838 vs 0.803)", choices=("score", "learned"))
    merge_prob: float | None = setting(None, "P(same event) a full-text story needs to join an event (None: the model's own cut)")
    merge_prob_short: float | None = setting(None, "the same for a headline-only story")
    model_path: str = setting("", "merge model JSON to use instead of the shipped one (empty: the shipped one)")
    threshold: float = setting(0.10, "merge score a full-text story needs to join an existing event")
    merge_threshold: float = setting(0.10, "mean story similarity at which two matching events are merged into one")
    merge_threshold_short: float = setting(0.04, "the same, when the story that bridges them is headline-only")
    undated_short_min: float = setting(0.8, "a headline-only story joins an event when it or the event has no date only if its mean cosine with the event's stories reaches this: without dates the same words over an unknown span of years mark the same topic, not the same event (near-identical headlines still link)")
    undated_anchor: bool = setting(True, "a headline-only story and an event, either undated, link only when they also share a canonical entity or a figure: near-identical wording that names no one and gives no figure (\"周末影响市场重要资讯回顾\") is a recurring column's title, one issue per week, not one event")
    threshold_short: float = setting(0.12, "merge score a headline-only story needs to join an event")
    background_docs: float = setting(300.0, "the shipped background term statistics (data/background, from wordfreq) count as this many stories in the document frequencies, so a young archive knows common words from its first story; the archive's own counts take over as it grows (0: off)")
    cold_start_docs: int = setting(500, "until this many stories are seen, document frequencies are immature")
    cold_start_raise: float = setting(0.0, "full-text stories: the word similarity is deflated by 1 + this share at the first story, fading to none at cold_start_docs (0: the shipped background statistics stand in for the immature ones)")
    cold_start_raise_short: float = setting(1.0, "the same for headline-only stories (a short headline stream's own vocabulary matters more than any background)")
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
    headline_numbers: bool = setting(True, "the numbers of a headline-only story (figures, days of the month) count as terms, so a daily series (\"turnover 79.56bn\", \"market notes for 1 September\") does not read as one event")
    year_terms: bool = setting(True, "years written in a story (1800-2099) count as terms")
    name_conflict: bool = setting(True, "a story whose mid-sentence names (people, places) are all absent from an event's does not join it, however alike the rest of the words: the same template about another city or company is a series, not the event")
    beat_share: float = setting(0.3, "a word or name in at least this share of one outlet's stories is its beat or a template (a blog's product name, a forum's \"包邮\", the weather service every forecast cites) and is left out of that outlet's story vectors and names: two posts on one beat are not one event (0: off)")
    beat_min_stories: int = setting(20, "an outlet has a beat only once this many of its stories are seen")
    series_frame: float = setting(0.5, "two headlines of one outlet (or, with no outlet, of two headline-only stories) that share at least this share of their words in order and put another name, code or CJK word in the same place are a template series (the forecast for each city, each API version's reminder) and never join one event (0: off)")
    same_outlet_raise: float = setting(1.0, "a story's word similarity with an event all of whose stories come from its own outlet is deflated by 1 + this (an outlet's stories share its sub-beats and style: a second report of one event by the same outlet must share more; 0: off)")
    same_outlet_headline: bool = setting(True, "a story joins an event all of whose stories come from its own outlet only when its headline shares a content word with theirs (its beat words aside) or a canonical entity: an outlet puts the subject of one event in each headline it files on it, and two of its posts or roundups on one beat that share neither are two stories (off: word similarity alone)")
    same_outlet_person: bool = setting(True, "with same_outlet_headline: one person shared (his canonical entity, his name in both headlines) is not a shared subject: a leader is in many of an outlet's stories on different events (a fire, a nuclear threat); a second report of one event shares more (another name, a word of what happened)")
    same_publisher: bool = setting(True, "the same-outlet rules (same_outlet_raise, same_outlet_headline, series_frame) and the beat hold a story to the other stories of the outlet that published it -- its feed's, page's or input line's outlet, or the one named with 'ingest --outlet' -- whoever it credits: a newspaper's feed carries agency copy (AP, Europa Press) under its own name and beat (the 15 real feeds + THUCNews top list: 17 of 19 listed events real -> 17 of 17). An aggregator's own feed holds all its items to one outlet's rules (its items then need a shared headline subject to link); off: each story's credited outlet")
    forum_posts: bool = setting(True, "a post of a discussion board (a forum thread's URL: bbs./forum. hosts, /forum/ paths, dispbbs/viewthread/showthread/viewtopic pages, Reddit comments) never joins an event made only of board posts: sale offers and opinions on a board are not reports, two of them are not one event (a post that copies a news report may still join that report's event)")
    name_boost: int = setting(1, "extra count for words capitalised mid-sentence (names, places)")
    max_terms: int = setting(1000, "heaviest terms kept in a story vector")
    df_max_terms: int = setting(1_000_000, "terms whose document frequency the linker remembers (about 100 bytes each in memory and in the saved state); past this the rarest are forgotten until half remain, so a term seen again after that is under-counted by at most the count it was dropped at (0: no limit)")
    centroid_terms: int = setting(250, "heaviest terms kept in an event centroid (cut back to this once it holds twice as many). 250 instead of 1000 (2026-12-06): the same B-cubed on ECB+ topics 1-35 (.9108) and GVC validation (1.0), UCI's first 45% .8202 vs .8190, the same events top list on the real feeds, and a big event's centroid a quarter of the memory")
    index_terms: int = setting(50, "centroid terms under which an event is found by the candidate index")
    query_terms: int = setting(20, "heaviest story terms used to look up candidate events")
    max_candidates: int = setting(40, "candidate events scored in full per story")
    max_postings: int = setting(5000, "index terms shared by more events than this are skipped as uninformative")
    entity_terms: int = setting(2, "each canonical entity of a story also counts as a term this many times (weighted by its idf, like words)")
    cross_entity_weight: float = setting(0.15, "bonus for the canonical entities shared by stories in different languages (their words cannot match), times the share of the smaller set they have in common: a translation names the same people and places")
    cross_entity_min: int = setting(2, "stories in different languages get that bonus only when they share at least this many canonical entities, or one reported within a day of each other (one place in common weeks apart is a topic, not an event)")
    cross_max_days: int = setting(3, "dated stories in different languages get the entity bonus only when reported within this many days of each other: a translation or a foreign report of the same event comes within days, the same leader named weeks apart is a topic")
    entity_weight: float = setting(0.0, "bonus for the share of canonical entities a story shares with an event")
    year_conflict: float = setting(0.1, "full-text stories of which one at least is undated: the merge score is cut by this share when the story and the event both write years and share none (with no dates, another year's quake or trial reads like this one; chosen on ECB+ topics 1-35: 0.908 off, 0.915 at 0.1, 0.914 at 0.2, 0.904 at 0.3; 0: off)")
    number_weight: float = setting(0.05, "bonus when a story repeats an event's notable numbers")
    time_scale_days: float = setting(120.0, "merge score decays as exp(-gap/this) with the day gap to an event (follow-ups weeks later: charges, a trial, a death; chosen on the GVC validation split)")
    max_age_days: int = setting(120, "events idle longer than this leave the candidate index (with the 120-day decay a strong follow-up still links after a month or three)")
    max_live_events: int = setting(10_000, "events the candidate index holds at most (about 30 KB of memory each): past this the least recently active leave it as if idle, so memory stays flat however dense the stream (at 1,000 stories a day this keeps about two weeks open; 0: no limit)")
    recluster_age_days: int = setting(30, "events idle longer than this are frozen: they can still grow and merge, but their members are no longer re-clustered (keeps the state small)")
    dup_threshold: float = setting(0.9, "estimated Jaccard of word 5-gram shingles that makes a story a copy")
    dup_num_perm: int = setting(128, "MinHash permutations for near-duplicate detection")
    dup_shingle_words: int = setting(5, "words per shingle for near-duplicate detection")
    dup_min_words: int = setting(30, "texts shorter than this are only matched exactly, not by MinHash")
