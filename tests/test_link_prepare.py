"""What the linker reads from one story alone (stages/cluster/prepare.py) is worked out in the worker
processes; linking with it must give exactly what linking without it gives."""

from __future__ import annotations

import dataclasses
import json

from sinodesk.stages.cluster import EventLinker, EventOptions, LinkItem
from sinodesk.stages.cluster.dedup import copy_key
from sinodesk.stages.cluster.prepare import prepare

from .conftest import EVAL, need_shared


def _stream() -> list[LinkItem]:
    """Real texts: BBC articles over 20 days with rewritten copies under another outlet, THUCNews
    headlines as Chinese headline-only stories."""
    bbc = [json.loads(x) for x in open(need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl"), encoding="utf-8")][:80]
    zh = [ln.split("\t")[0] for ln in open(need_shared(EVAL / "thucnews-headlines-zh" / "dev.txt"), encoding="utf-8")][:40]
    items = [LinkItem(f"b{i}", d["title"], d["text"], published=f"2025-03-{1 + i % 20:02d}", language="en",
                      outlet="BBC News", entities=("place:united-kingdom",) if "UK" in d["text"] else ())
             for i, d in enumerate(bbc)]
    items += [LinkItem(f"c{i}", d["title"] + " (update)", d["text"].replace("said", "told reporters", 1),
                       published=f"2025-03-{1 + (3 * i) % 20:02d}", language="en", outlet="The Guardian")
              for i, d in enumerate(bbc[:20])]
    items += [LinkItem(f"z{i}", h, "", published=f"2025-03-{1 + i % 20:02d}", language="zh", outlet="新华社")
              for i, h in enumerate(zh)]
    return items


def test_linking_with_the_workers_preparation_is_linking_without_it():
    opts = EventOptions()
    plain, prepped = EventLinker(opts), EventLinker(opts)
    items = _stream()
    plain.expect(items)
    prepped.expect([dataclasses.replace(it, prepared=prepare(it, opts)) for it in items])
    results = []
    for it in items:
        a = plain.add(it)
        b = prepped.add(dataclasses.replace(it, prepared=prepare(it, opts)))
        assert a == b, it.story_id
        results.append(a)
    assert sum(1 for r in results if r.duplicate_of) >= 10  # the rewritten copies were found
    assert len({r.event_id for r in results}) < len(items)  # and stories were linked
    assert {sid: plain.event_of(sid) for sid in plain.story_event} == {sid: prepped.event_of(sid) for sid in prepped.story_event}
    assert plain.records.keys() == prepped.records.keys()
    for sid, rec in plain.records.items():
        assert rec == prepped.records[sid], sid


def test_a_copy_key_signs_only_texts_long_enough_to_compare():
    long = " ".join(f"word{i}" for i in range(40))
    key = copy_key("A headline", long, min_words=30, shingle_words=5, num_perm=128)
    assert key.digest and key.signature is not None and key.signature.shape == (128,)
    assert copy_key("A headline", long, min_words=30, shingle_words=5, num_perm=128).signature.tolist() == key.signature.tolist()
    short = copy_key("A headline", "Read more", min_words=30, shingle_words=5, num_perm=128)
    assert short.digest and short.signature is None  # matched exactly only, with its headline
    assert short.digest != copy_key(None, "Read more", min_words=30, shingle_words=5, num_perm=128).digest
    assert copy_key(None, "  ", min_words=30, shingle_words=5, num_perm=128).digest is None
