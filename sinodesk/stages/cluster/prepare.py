"""What the linker reads from one story alone, before it looks at any other: worked out where the
story was made (a worker process), so the one process that links only looks it up.

The term counts of headline and body start, the words capitalised mid-sentence, and the story's
near-duplicate key (the digest of its word sequence and its MinHash signature) depend on the story
and the linker's options only -- never on the archive -- so they can be counted anywhere, in any
order, with the same result: :meth:`.online.EventLinker.add` takes them from
:attr:`.online.LinkItem.prepared` when they are there and counts them itself when not.  That is
about 0.33 ms of CPU per story off the one linking process (generated news, measured in process).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...records import pickled_by_fields
from .dedup import CopyKey, copy_key
from .features import figures_in, names_in, stop_set, term_counts
from .options import EventOptions


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Prepared:
    """A story's linker inputs that need no archive (see the module docstring)."""

    terms: tuple[str, ...]  # the story's terms ...
    counts: tuple[int, ...]  # ... and their counts, in the order they were counted
    names: tuple[str, ...]  # words capitalised mid-sentence (features.names_in)
    copy: CopyKey  # the near-duplicate key (dedup.copy_key)


def raw_terms(headline: str | None, text: str, language: str | None, entities, opts: EventOptions) -> tuple[Counter, list[str]]:
    """The story's term counts and its mid-sentence names, before any weighting (not interned)."""
    counts = term_counts(headline, text, headline_weight=opts.headline_weight, body_chars=opts.body_chars,
                         bigrams=opts.bigrams, years=opts.year_terms, name_boost=opts.name_boost, language=language)
    if opts.entity_terms:  # canonical entities as terms: the idf tells a rare name from "United States"
        for e in entities:
            counts["e:" + e] += opts.entity_terms
    if opts.headline_numbers and not text.strip():
        # a headline's figures and dates are what it says: one day's "turnover 79.56bn" is not the next's
        for n in figures_in(headline or ""):
            counts["n:" + n] += 1
    return counts, names_in(text[: opts.body_chars], stop_set(language))


def prepare(item, opts: EventOptions) -> Prepared:
    """:class:`Prepared` for a :class:`.online.LinkItem`."""
    text = item.text or ""
    counts, names = raw_terms(item.headline, text, item.language, item.entities, opts)
    return Prepared(terms=tuple(counts), counts=tuple(counts.values()), names=tuple(names),
                    copy=copy_key(item.headline, text, min_words=opts.dup_min_words,
                                  shingle_words=opts.dup_shingle_words, num_perm=opts.dup_num_perm))
