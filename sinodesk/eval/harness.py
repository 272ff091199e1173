"""One path for every evaluation: what a user runs.

Every ``sinodesk eval`` figure is measured by ingesting the inputs into a *fresh* temporary
archive through the same :class:`~sinodesk.pipeline.Runner` the ``ingest`` command uses, with
settings a user can set (``sinodesk.toml``), then reading back exactly what ``export`` writes.
A story-level stage is scored on the stories the segmenter produced, matched to gold spans.

    >>> run = ingest_fresh(["digest.txt"])                 # doctest: +SKIP
    >>> run.stories[0]["headline"], run.doc_text(run.stories[0]["doc_id"])[:20]  # doctest: +SKIP

Items for JSONL input are plain dicts (``url``, ``title``, ``date``, ``text``, ``outlet`` ...);
:func:`ingest_items` writes them one per line in the given order and ingests that file, so
``Ingested.by_line`` maps each input line (1-based, as the reader numbers them) to its stories.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..serialize import story_to_dict
from ..settings import Settings


@dataclass
class Ingested:
    """What a user would get back: the export dicts, the stored document texts, the summary."""

    stories: list[dict]
    documents: dict[str, dict]  # doc_id -> {"text", "source", "item_key", "published", "title", "url"}
    summary: object  # pipeline.IngestSummary
    rejections: list = field(default_factory=list)
    line_docs: dict[int, str] = field(default_factory=dict)  # JSONL line (1-based) -> the document the reader made of it


    def doc_text(self, doc_id: str) -> str:
        return self.documents[doc_id]["text"]

    def by_source(self) -> dict[str, list[dict]]:
        """source path/URL -> its stories in document order."""
        out: dict[str, list[dict]] = defaultdict(list)
        for s in self.stories:
            out[s["source"]].append(s)
        for v in out.values():
            v.sort(key=lambda s: s["start"])
        return dict(out)

    def by_line(self) -> dict[int, list[dict]]:
        """JSONL line number (1-based) -> its stories (for :func:`ingest_items`).

        A line with the same content as an earlier one (same url, title and text) is the same document
        to ingest, stored once (``repeated`` in the summary): it gets that document's stories, as a user
        looking the line up in the archive finds them."""
        out: dict[int, list[dict]] = defaultdict(list)
        if self.line_docs:
            by_doc: dict[str, list[dict]] = defaultdict(list)
            for s in self.stories:
                by_doc[s["doc_id"]].append(s)
            for n, doc_id in self.line_docs.items():
                if by_doc.get(doc_id):
                    out[n] = sorted(by_doc[doc_id], key=lambda s: s["start"])
            return dict(out)
        for s in self.stories:
            key = self.documents[s["doc_id"]]["item_key"] or ""
            m = re.match(r"line (\d+)", key)
            if m:
                out[int(m.group(1))].append(s)
        for v in out.values():
            v.sort(key=lambda s: s["start"])
        return dict(out)


def ingest_fresh(inputs: Sequence[str | Path], settings: Settings | None = None, *, keep: str | Path | None = None,
                 topic_model=None) -> Ingested:
    """Ingest ``inputs`` into a new archive (temporary unless ``keep`` names a file) and read it back.

    ``settings`` defaults to ``Settings()`` -- the defaults a new user gets -- with ``db``
    pointed at the new archive.  ``topic_model`` (a trained ``TopicModel``): saved in the archive
    first, as ``sinodesk train topics`` saves the model it trains, so ingest classifies with it.
    """
    import dataclasses

    from ..archive import open_archive
    from ..pipeline import Runner

    tmp = None
    if keep is None:
        tmp = tempfile.mkdtemp(prefix="sinodesk-eval-")
        db = str(Path(tmp) / "eval.db")
    else:
        db = str(keep)
        if Path(db).exists():
            Path(db).unlink()
    settings = dataclasses.replace(settings or Settings(), db=db)
    archive = open_archive(db, create=True)
    try:
        if topic_model is not None:
            archive.save_model("topics", topic_model.version, topic_model.to_bytes(), {"eval": True})
        summary = Runner(archive, settings).ingest([str(p) for p in inputs])
        stories = [story_to_dict(s) for s in archive.iter_stories()]
        docs = {}
        for doc_id in {s["doc_id"] for s in stories}:
            d = archive.get_document(doc_id)
            docs[doc_id] = {"text": d.text, "source": d.source, "item_key": d.item_key, "published": d.published, "title": d.title, "url": d.url}
        _no_bugs(summary.rejections)
        return Ingested(stories=stories, documents=docs, summary=summary, rejections=list(summary.rejections))
    finally:
        archive.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _no_bugs(rejections) -> None:
    """An item a stage failed on (a sinodesk bug, not bad input) makes every figure of the run wrong:
    the eval stops instead of scoring what was left (near-zero figures that look like a measurement)."""
    from ..batches import BUG_NOTE
    from ..errors import EvalBroken

    bugs = [r for r in rejections if r.reason.endswith(BUG_NOTE)]
    if bugs:
        first = bugs[0]
        where = f"{first.source}{' ' + first.item if first.item else ''}"
        raise EvalBroken(f"eval: a stage failed inside sinodesk on {len(bugs)} of the items, so no figure of this run "
                         f"would be right (first: {where}: {first.reason.removesuffix('; ' + BUG_NOTE)}); "
                         "fix that stage and run the eval again")


def write_jsonl(items: Iterable[dict], path: str | Path) -> Path:
    path = Path(path)
    with open(path, "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    return path


def line_documents(path: str | Path) -> dict[int, str]:
    """JSONL line number (1-based) -> the id of the document ingest's own reader makes of that line
    (lines it rejects are left out)."""
    from ..ingest.readers import iter_jsonl
    from ..records import RawItem

    out = {}
    for got in iter_jsonl(RawItem(source=str(path), data=Path(path).read_bytes(), kind="jsonl")):
        doc = getattr(got, "doc", None)
        if doc is not None and doc.item_key:
            out[int(doc.item_key.split()[1])] = doc.doc_id
    return out


def ingest_items(items: Sequence[dict], settings: Settings | None = None, *, name: str = "items.jsonl",
                 topic_model=None) -> Ingested:
    """Write ``items`` as one JSONL file (in this order) and ingest it into a fresh archive
    (``topic_model``: as for :func:`ingest_fresh`)."""
    tmp = tempfile.mkdtemp(prefix="sinodesk-eval-in-")
    try:
        path = write_jsonl(items, Path(tmp) / name)
        run = ingest_fresh([path], settings, topic_model=topic_model)
        run.line_docs = line_documents(path)
        return run
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def ingest_texts(texts: dict[str, str | bytes], settings: Settings | None = None) -> Ingested:
    """Write each ``name -> text`` as its own file (names keep their extension: .txt, .html ...) and ingest them all.

    Stories come back with ``source`` equal to the file's name (``Ingested.by_name``)."""
    tmp = tempfile.mkdtemp(prefix="sinodesk-eval-in-")
    try:
        paths = []
        for name, body in texts.items():
            p = Path(tmp) / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
            paths.append(p)
        run = ingest_fresh(paths, settings)
        prefix = str(Path(tmp)) + "/"
        for s in run.stories:
            if s["source"].startswith(prefix):
                s["source"] = s["source"][len(prefix):]
        for d in run.documents.values():
            if d["source"].startswith(prefix):
                d["source"] = d["source"][len(prefix):]
        return run
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
