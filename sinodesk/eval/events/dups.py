"""Near-duplicate detection through ingest: the BBC articles as JSONL lines, ``duplicate_of`` read back.

Two golds: *copies* (a later article whose whitespace-normalised body is identical to an earlier
one) and *copies or light rewrites* (also every later article whose exact word 5-gram Jaccard with an
earlier one reaches 0.9, found exhaustively: an independent check of the MinHash estimate).  A line
identical to an earlier one (same title, text and URL) is the same document to ingest: it is stored
once, and counts as caught.  The peer is an exact hash of headline + body.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .run import Config, link
from .sets import EvalItem, load_bbc


@dataclass(frozen=True, slots=True)
class DupReport:
    n: int
    gold: int
    flagged: int
    correct: int
    precision: float
    recall: float
    recall_exact: float
    peer_precision: float
    peer_recall: float
    gold_rewrites: int = 0
    correct_rewrites: int = 0
    precision_rewrites: float = 0.0
    recall_rewrites: float = 0.0
    rewrite_jaccard: float = 0.9

    def lines(self) -> list[str]:
        return [
            "BBC near-duplicates through ingest (copies = identical body; 98 also share the headline)",
            f"  sinodesk          P {self.precision:.3f}  R {self.recall:.3f}  (flagged {self.flagged}, "
            f"correct {self.correct}, gold {self.gold}; recall on the 98 exact copies {self.recall_exact:.3f})",
            f"  peer (exact hash of headline+body)  P {self.peer_precision:.3f}  R {self.peer_recall:.3f}",
            f"  copies or light rewrites (exact word 5-gram Jaccard >= {self.rewrite_jaccard:.2f} with an earlier "
            f"article, found exhaustively): gold {self.gold_rewrites}",
            f"  sinodesk          P {self.precision_rewrites:.3f}  R {self.recall_rewrites:.3f}  "
            f"(correct {self.correct_rewrites})",
        ]


def rewrite_pairs(items: Sequence[EvalItem], jaccard: float = 0.9, k: int = 5) -> dict[str, set[str]]:
    """Every later article -> the earlier articles whose exact word ``k``-gram Jaccard reaches ``jaccard``
    (an inverted index over shingles finds every pair sharing one; the Jaccard is then exact)."""
    from ...stages.cluster.dedup import word_sequence

    sets = {}
    for it in items:
        w = word_sequence(it.line["text"])
        sets[it.key] = {" ".join(w[i : i + k]) for i in range(max(1, len(w) - k + 1))}
    order = {it.key: i for i, it in enumerate(items)}
    postings: dict[str, list[str]] = defaultdict(list)
    out: dict[str, set[str]] = defaultdict(set)
    for it in items:
        s = sets[it.key]
        shared: Counter[str] = Counter()
        for sh in s:
            for other in postings.get(sh, ()):
                shared[other] += 1
        for other, inter in shared.items():
            if inter / (len(s) + len(sets[other]) - inter) >= jaccard and order[other] < order[it.key]:
                out[it.key].add(other)
        for sh in s:
            postings[sh].append(it.key)
    return dict(out)


def flagged_copies(items: Sequence[EvalItem], opts: Config = None) -> dict[str, str]:
    """Ingest the items; item key -> key of the earlier item it was found to copy."""
    linked = link(items, opts)
    line_of: dict[str, int] = {}  # story id -> the first line that became it
    for i, ss in enumerate(linked.stories):
        for s in ss:
            line_of.setdefault(s["story_id"], i)
    flagged = {}
    for i, (it, ss) in enumerate(zip(items, linked.stories)):
        if not ss:
            continue
        if line_of[ss[0]["story_id"]] != i:  # the same document again (same url, title, text): stored once
            flagged[it.key] = items[line_of[ss[0]["story_id"]]].key
        elif ss[0].get("duplicate_of") in line_of:
            flagged[it.key] = items[line_of[ss[0]["duplicate_of"]]].key
    return flagged


def eval_bbc_dups(root, opts: Config = None, *, rewrite_jaccard: float = 0.9,
                  limit: int | None = None) -> DupReport:
    """Both golds over all 2,225 articles (``limit``: only the first N, a quicker check)."""
    items = load_bbc(root)[:limit] if limit else load_bbc(root)
    flagged = flagged_copies(items, opts)
    gold = {it.key: it.gold for it in items if it.gold != it.key}
    body = {it.key: " ".join(it.line["text"].split()) for it in items}
    head = {it.key: it.line["title"] for it in items}
    correct = sum(1 for s, t in flagged.items() if s in gold and body[t] == body[s])
    exact = {s for s, t in gold.items() if head[s] == head[t]}
    seen, peer_flag = set(), set()
    for it in items:
        key = (head[it.key], body[it.key])
        if key in seen:
            peer_flag.add(it.key)
        seen.add(key)
    peer_ok = sum(1 for s in peer_flag if s in gold)
    rw = rewrite_pairs(items, rewrite_jaccard)
    for s, t in gold.items():
        rw.setdefault(s, set()).add(t)
    ok = sum(1 for s, t in flagged.items() if t in rw.get(s, ()) or (s in gold and body[t] == body[s]))
    ratio = lambda a, b: a / b if b else 0.0  # noqa: E731
    return DupReport(len(items), len(gold), len(flagged), correct, ratio(correct, len(flagged)), ratio(correct, len(gold)),
                     ratio(sum(1 for s in exact if s in flagged), len(exact)), ratio(peer_ok, len(peer_flag)),
                     ratio(peer_ok, len(gold)), len(rw), ok, ratio(ok, len(flagged)), ratio(ok, len(rw)), rewrite_jaccard)
