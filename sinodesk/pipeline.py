"""The pipeline: the ordered STAGES tuple, and the runner that does all the I/O.

Per document, the stages run in order over frozen records::

    clean -> segment -> language -> extract -> classify -> incidents   (pure, per document)

then, across documents and in time order, ``link`` assigns events and near-duplicates
(stateful, its state kept in the archive).  Each stage declares what it requires and what
it assigns; :func:`check_stages` verifies the order once at import time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from .archive import Archive
from .errors import BadInput, NothingToDo
from .ingest import Skipped, expand
from .ingest.fetch import Fetcher
from .records import Document, RawItem, Rejection, Story
from .settings import Settings
from .stages.classify import classify
from .stages.clean import clean
from .stages.extract import extract
from .stages.language import LanguageDetector, detect_language
from .stages.segment import check_models, segment


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: Callable[[dict, Context], dict]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


@dataclass
class Context:
    """What stages may use besides the document: options and loaded models (built once)."""

    settings: Settings
    detector: LanguageDetector
    topic_model: Any = None
    outlets: Any = None
    extract_resources: Any = None
    cyber_tables: Any = None
    ingest_date: str | None = None  # ISO date of this ingest run: the date of stories nothing else dates


def _stage_clean(w, ctx):
    return {"cleaned": clean(w["doc"])}


def _stage_segment(w, ctx):
    return {"segments": segment(w["cleaned"], ctx.settings.segment)}


def _stage_language(w, ctx):
    return {"languages": tuple(detect_language((s.headline or "") + "\n" + s.text, ctx.detector) for s in w["segments"])}


def _stage_extract(w, ctx):
    doc = w["doc"]
    res = ctx.extract_resources
    dated = document_dates(doc, res, ctx.ingest_date)
    return {
        "extractions": tuple(
            extract(doc, s, lang, ctx.settings.extract, resources=res, context_date=dated.container or dated.document,
                    fallback_date=dated.ingested) for s, lang in zip(w["segments"], w["languages"])
        ),
        "dated": dated,
    }


@dataclass(frozen=True, slots=True)
class DocDates:
    """The dates a document carries outside its stories' text, best first."""

    container: str | None  # feed pubDate, page metadata, a JSONL "date"
    document: str | None  # the digest's own date line
    ingested: str  # the day of the ingest run

    @property
    def context(self) -> str:
        return self.container or self.document or self.ingested


def document_dates(doc: Document, res, ingest_date: str | None) -> DocDates:
    from .stages.extract.dates import document_date

    import datetime as _dt

    container = doc.published[:10] if doc.published else None
    own = None if container else document_date(doc.text, res.dates if res is not None else _default_resolver())
    return DocDates(container, own, ingest_date or _dt.date.today().isoformat())


def _default_resolver():
    from .stages.extract import default_resources

    return default_resources().dates


def story_date(dated: DocDates, ext) -> tuple[str, str]:
    """(published, where it came from): the container's date wins over anything in the text;
    then the story's own source line or dateline; then the digest's date line; else the ingest day."""
    if dated.container:
        return dated.container, "container"
    if ext.published:
        return ext.published, ext.published_from or "source-line"
    if dated.document:
        return dated.document, "document"
    return dated.ingested, "ingested"


def _stage_incidents(w, ctx):
    from .stages.incidents import StoryView, find_incidents

    doc, opts = w["doc"], ctx.settings.incidents
    out = []
    for s, lang, ext, top in zip(w["segments"], w["languages"], w["extractions"], w["topics"]):
        view = StoryView(doc.text, s.start, s.end, lang, s.headline, story_date(w["dated"], ext)[0], top.labels,
                         ext.entities, ext.attributions, ext.numbers, ext.dates)
        out.append(find_incidents(view, ctx.cyber_tables, opts))
    return {"incidents": tuple(out)}


def _stage_classify(w, ctx):
    return {
        "topics": tuple(
            classify(s.text, s.headline, lang, ctx.topic_model, ctx.settings.topics) for s, lang in zip(w["segments"], w["languages"])
        )
    }


STAGES: tuple[Stage, ...] = (
    Stage("clean", _stage_clean, ("doc",), ("cleaned",)),
    Stage("segment", _stage_segment, ("cleaned",), ("segments",)),
    Stage("language", _stage_language, ("doc", "segments"), ("languages",)),
    Stage("extract", _stage_extract, ("doc", "segments", "languages"), ("extractions", "dated")),
    Stage("classify", _stage_classify, ("segments", "languages"), ("topics",)),
    Stage("incidents", _stage_incidents, ("doc", "segments", "languages", "extractions", "dated", "topics"), ("incidents",)),
)


def check_stages(stages: Iterable[Stage]) -> None:
    have = {"doc"}
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise RuntimeError(f"stage {st.name!r} requires {missing} which no earlier stage assigns")
        have.update(st.assigns)


check_stages(STAGES)


def story_id_for(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:12]


class StageFailed(Exception):
    def __init__(self, stage: str, exc: BaseException):
        super().__init__(f"{stage}: {type(exc).__name__}: {exc}")
        self.stage, self.exc = stage, exc


def process_document(doc: Document, ctx: Context, stages: tuple[Stage, ...] = STAGES) -> list[Story]:
    """Run every stage over one document and assemble its stories."""
    work: dict[str, Any] = {"doc": doc}
    for st in stages:
        try:
            work.update(st.run(work, ctx))
        except BadInput:
            raise
        except Exception as exc:  # the runner records the failure against the item and goes on
            raise StageFailed(st.name, exc) from exc
    return assemble(work, ctx)


def assemble(work: dict, ctx: Context) -> list[Story]:
    doc: Document = work["doc"]
    segs = work["segments"]
    stories = []
    for i, seg in enumerate(segs):
        ext = work["extractions"][i]
        top = work["topics"][i]
        headline, generated = seg.headline, seg.headline_generated
        if len(segs) == 1 and doc.title and (headline is None or generated):
            headline, generated = doc.title, False
        published, published_source = story_date(work["dated"], ext)
        outlet = publisher = doc.outlet
        if ctx.outlets is not None:
            o = ctx.outlets.get(ext.outlet_id) if ext.outlet_id else None
            outlet = o.name if o is not None else outlet
            p = ctx.outlets.match(doc.outlet) if doc.outlet else None
            publisher = p.name if p is not None else publisher
        stories.append(
            Story(
                story_id=story_id_for(doc.doc_id, seg.start, seg.end),
                doc_id=doc.doc_id,
                source=doc.source,
                start=seg.start,
                end=seg.end,
                text=seg.text,
                headline=headline,
                headline_generated=generated,
                section=seg.section,
                language=work["languages"][i],
                published=published,
                published_source=published_source,
                outlet=outlet,
                url=seg.url or doc.url,
                source_line=seg.source_line,
                publisher=publisher,
                topics=top.labels,
                topic_scores=dict(top.scores),
                entities=ext.entities,
                attributions=ext.attributions,
                numbers=ext.numbers,
                dates=ext.dates,
                incidents=work["incidents"][i] if "incidents" in work else (),
            )
        )
    return stories


# ---------------------------------------------------------------------------------------------
# The runner: the only place that does I/O.


@dataclass
class IngestSummary:
    documents: int = 0
    stories: int = 0
    rejected: int = 0
    malformed: int = 0
    unchanged: int = 0
    rejected_before: int = 0  # inputs stored by an earlier run that could not be read then (same bytes)
    repeated: int = 0  # items (feed entries, JSONL lines) with the same content as one read before
    resumed: int = 0  # items an interrupted run had already stored (taken up where it stopped)
    new_raw: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def line(self) -> str:
        s = f"ingested {self.documents} document{'s' if self.documents != 1 else ''} ({self.stories} stor{'ies' if self.stories != 1 else 'y'})"
        s += f", rejected {self.rejected}"
        if self.malformed:
            s += f", {self.malformed} malformed input{'s' if self.malformed != 1 else ''} read despite errors"
        if self.unchanged:
            s += f", {self.unchanged} already in the archive"
        if self.rejected_before:
            s += f", {self.rejected_before} rejected before and unchanged"
        if self.resumed:
            s += f", {self.resumed} item{'s' if self.resumed != 1 else ''} already stored by an interrupted run"
        if self.repeated:
            s += f", {self.repeated} repeated item{'s' if self.repeated != 1 else ''} (same content as one already in)"
        if self.skipped:
            names = ", ".join(os.path.basename(k.source) for k in self.skipped[:3]) + (", …" if len(self.skipped) > 3 else "")
            s += f", skipped {len(self.skipped)} file{'s' if len(self.skipped) != 1 else ''} not taken as news ({names}; --include GLOB takes them)"
        if self.rejected or self.malformed or self.rejected_before:
            s += " — see 'sinodesk rejects'"
        return s

    @property
    def failed(self) -> bool:
        """Nothing could be ingested: no new document, nothing already there, and something rejected."""
        return self.documents == 0 and self.unchanged == 0 and bool(self.rejected or self.malformed or self.rejected_before)


def build_context(settings: Settings, archive: Archive | None = None) -> Context:
    check_models(settings.segment)  # a bad model path is a setting to fix, not a failure of each document
    ctx = Context(settings=settings, detector=LanguageDetector(settings.ingest.languages, settings.ingest.language_models))
    ctx.topic_model = load_topic_model(archive)
    from .stages.extract import ExtractResources

    ctx.outlets = load_outlets(settings)
    ctx.extract_resources = ExtractResources(registry=ctx.outlets)
    from .stages.incidents import default_tables

    ctx.cyber_tables = default_tables()
    return ctx


def load_topic_model(archive: Archive | None):
    """The user's latest trained topic model if there is one, else the packaged default.

    The default is built from shipped data on first use (~2.4 CPU seconds); its blob is kept in
    the archive's state under a fingerprint of that data and code, so later runs load it, and in
    the user's cache (:func:`model_cache_dir`), so that a fresh archive loads it too.
    """
    from .stages import classify as cl

    if archive is None:
        return None
    saved = archive.load_model("topics")
    if saved:
        return cl.TopicModel.from_bytes(saved[1])
    fp = _default_model_fingerprint()
    key = "topics-default:" + fp
    blob = archive.get_state(key)
    if blob is not None:
        return cl.TopicModel.from_bytes(blob)
    cached = _read_cached_default(fp)
    if cached is None:
        blob = cl.load_default_model().to_bytes()
        _cache_default(fp, blob)
        cached = blob, cl.TopicModel.from_bytes(blob)  # the same arrays as the built model (to_bytes keeps its dtypes)
    archive.set_state(key, cached[0])
    return cached[1]


def model_cache_dir() -> str | None:
    """Where a built default topic model is kept for the next fresh archive: ``$SINODESK_CACHE_DIR``
    (empty: nowhere), else ``$XDG_CACHE_HOME/sinodesk``, else ``~/.cache/sinodesk``."""
    env = os.environ.get("SINODESK_CACHE_DIR")
    if env is not None:
        return env or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "sinodesk")


def _cached_default_path(fp: str) -> str | None:
    where = model_cache_dir()
    return os.path.join(where, f"topics-default-{fp}.npz") if where else None


def _read_cached_default(fp: str):
    """(bytes, model) of the default topic model another run built from this very data and code (its
    fingerprint names the file), if it is there and reads as a topic model; else None (it is built again)."""
    from .stages import classify as cl

    path = _cached_default_path(fp)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
        return blob, cl.TopicModel.from_bytes(blob)
    except (OSError, BadInput):
        return None


def _cache_default(fp: str, blob: bytes) -> None:
    """Keep the built default for the next fresh archive (building it costs ~2.4 CPU seconds).  Written
    whole under another name, then renamed: a reader never sees half a file.  Where nothing can be
    written (a read-only home), nothing is kept and nothing fails."""
    import tempfile

    path = _cached_default_path(fp)
    if path is None:
        return
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".topics-default-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def _default_model_fingerprint() -> str:
    from pathlib import Path

    pkg = Path(__file__).resolve().parent
    files = [pkg / "data" / "topics.toml", *sorted((pkg / "data" / "topic_train").glob("*")),
             *sorted((pkg / "data" / "embed").glob("*")), *sorted((pkg / "stages" / "classify").glob("*.py"))]
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def release_stage_caches() -> None:
    """Empty the caches of the per-document stages (models read once per process, word caches), not
    those of the event linker, which the writing process goes on using."""
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith("sinodesk.stages.") or name.startswith("sinodesk.stages.cluster"):
            continue
        for obj in list(vars(module).values()):
            for f in (obj, *(vars(obj).values() if isinstance(obj, type) and obj.__module__ == name else ())):
                f = getattr(f, "__func__", f)  # a cached classmethod
                if callable(getattr(f, "cache_clear", None)) and getattr(f, "__module__", None) == name:
                    f.cache_clear()


def load_outlets(settings: Settings | None = None):
    """The packaged outlet registry plus the user's own registry files (``settings.outlets``)."""
    from .stages.extract.outlets import load_registry

    return load_registry(extra=settings.outlets if settings is not None else ())


def family_lookup(registry) -> Callable[[str | None], str | None]:
    """outlet name/id/URL -> owner family, None for unknown or missing outlets."""
    return lambda outlet: registry.family_of(outlet) if outlet else None


class Runner:
    """Ingest inputs into an archive: store raw, read, run the stages, link, record rejects.

    Inputs are read as a stream and go to the archive in bounded batches, one transaction each
    (:mod:`sinodesk.batches`); ``workers`` processes run the per-document stages (default
    ``[ingest] workers``: one per core)."""

    def __init__(self, archive: Archive, settings: Settings, *, progress=None, ctx: Context | None = None, workers: int | None = None):
        from .batches import default_workers

        self.archive = archive
        self.settings = settings
        self._own_ctx = ctx is None  # models this runner loaded itself, so it may drop them (see _drop_models)
        self._dropped = False  # an earlier run let go of the models (they are loaded again when needed)
        self.ctx = ctx if ctx is not None else build_context(settings, archive)
        self.progress = progress
        self.fetcher = Fetcher(settings.fetch)
        self._corrections: dict[str, tuple[str, ...]] | None = None  # read on first use
        self.workers = workers or settings.ingest.workers or default_workers()
        self._linker = None

    def ingest(self, args: list[str], *, stdin=None, outlet: str | None = None) -> IngestSummary:
        """Ingest ``args``; ``outlet`` (a registry name) is the outlet of every document read."""
        import datetime as _dt

        self._models()
        self.ctx.ingest_date = _dt.date.today().isoformat()
        if not args:
            raise NothingToDo("no inputs given (name files, directories, URLs or '-' for stdin)")
        summary = IngestSummary()
        try:
            with self.archive.batch(args) as batch_id, self._flow(batch_id, summary, commit=True) as flow:
                for item in expand(args, self.fetcher, stdin=stdin, opts=self.settings.ingest):
                    if isinstance(item, Skipped):
                        summary.skipped.append(item)
                        continue
                    self._grow(1)
                    if isinstance(item, Rejection):
                        self._reject(item, batch_id, summary)
                        self._tick()
                    else:
                        raw = dataclasses.replace(item, outlet=outlet) if outlet else item
                        self._process_raw(raw, flow, batch_id, summary, fetch_children=True)
                flow.finish()
                self.archive.finish_batch(batch_id, documents=summary.documents, stories=summary.stories, rejected=summary.rejected)
        finally:
            self.fetcher.close()
        return summary

    def reprocess(self) -> IngestSummary:
        """Rebuild every derived row from the stored raw bytes (no network), in one transaction."""
        import datetime as _dt

        self._models()
        self.ctx.ingest_date = _dt.date.today().isoformat()
        summary = IngestSummary()
        raw_ids = self.archive.raw_ids()
        if not raw_ids:
            raise NothingToDo(f"{self.archive.location}: archive holds no raw inputs to reprocess (ingest something first)")
        with self.archive.batch(["reprocess"]) as batch_id, self._flow(batch_id, summary, commit=False) as flow:
            self.archive.clear_derived()
            self._grow(len(raw_ids))
            for raw_id in raw_ids:
                self._read(self.archive.get_raw(raw_id), flow, batch_id, summary, fetch_children=False)
            flow.finish()
            self.archive.finish_batch(batch_id, documents=summary.documents, stories=summary.stories, rejected=summary.rejected)
        return summary

    # internals ------------------------------------------------------------------------------
    def _models(self) -> None:
        """Load the models again if an earlier run handed them to its workers and let go of them."""
        if self._dropped:
            self.ctx = build_context(self.settings, self.archive)
            self._dropped = False

    def _drop_models(self) -> None:
        """The workers are forked and hold the models: this process, which only writes and links, lets
        go of them (and of the stages' caches of them), so that its memory is the archive's and the
        linker's alone (0.09-0.12 GB less at 56,000 generated stories; README, "Scaling on one machine")."""
        self.ctx = Context(settings=self.settings, detector=None, outlets=self.ctx.outlets, ingest_date=self.ctx.ingest_date)
        self._dropped = True
        release_stage_caches()

    def _corrected(self, stories: list[Story]) -> list[Story]:
        """An analyst's topic correction ('sinodesk label') wins over the model, on reprocess too."""
        from .topics_admin import story_topics

        if self._corrections is None:
            self._corrections = self.archive.labels("topics")
        fix = self._corrections
        return [replace(s, topics=story_topics(fix[s.story_id])) if s.story_id in fix else s for s in stories]

    @contextmanager
    def _flow(self, batch_id: int, summary: IngestSummary, *, commit: bool):
        from .batches import Flow, Stages

        self._linker = None
        self._raws_read: set[str] = set()
        stages = Stages(self.ctx, self.workers, on_fork=self._drop_models if self._own_ctx else None)

        def write(item, raw, outcome):
            return self._write(item, raw, outcome, batch_id, summary)

        def link(stories, finished_raws, prepared):
            self._link(stories, prepared)
            self._track_incidents(stories)
            for raw_id in finished_raws:
                self.archive.raw_done(raw_id)
            self._raws_read.difference_update(finished_raws)  # the archive says "done" from now on: the set stays small

        flow = Flow(stages, batch_documents=self.settings.ingest.batch_documents, write=write, link=link,
                    commit=self.archive.checkpoint if commit else (lambda: None))
        try:
            yield flow
        except BaseException:
            stages.terminate()
            raise
        finally:
            stages.close()
            self._linker = None

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress.advance()

    def _grow(self, n: int) -> None:
        """``n`` more items to do: inputs named, and the documents an input turned out to hold beyond its first."""
        if self.progress is not None and n:
            self.progress.grow(n)

    def _reject(self, rej: Rejection, batch_id: int, summary: IngestSummary) -> None:
        self.archive.add_reject(rej, batch_id)
        summary.rejections.append(rej)
        if rej.stage == "malformed":
            summary.malformed += 1
        else:
            summary.rejected += 1

    def _process_raw(self, raw: RawItem, flow, batch_id, summary, fetch_children: bool) -> None:
        if raw.sha256 in self._raws_read and raw.kind not in ("opml", "urls"):
            summary.unchanged += 1  # named twice in this run
            self._tick()
            return
        state = self.archive.raw_state(raw.sha256)
        if state == "done" and raw.kind not in ("opml", "urls"):
            if self.archive.was_rejected(raw.sha256):
                summary.rejected_before += 1
            else:
                summary.unchanged += 1
            self._tick()
            return
        if state is None and self.archive.put_raw(raw, batch_id):
            summary.new_raw += 1
        self._read(raw, flow, batch_id, summary, fetch_children, resuming=state == "pending")

    def _read(self, raw: RawItem, flow, batch_id, summary, fetch_children: bool, resuming: bool = False) -> None:
        """Take every document of ``raw`` into the flow as it is read (fetched children are processed in turn)."""
        from .ingest.readers import iter_read

        self._raws_read.add(raw.sha256)
        n = 0
        for got in iter_read(raw, self.fetcher if fetch_children else None, fetch_children=fetch_children):
            if isinstance(got, Rejection):
                self._reject(got, batch_id, summary)
                continue
            n += 1
            if n > 1:
                self._grow(1)
            if isinstance(got, RawItem):
                self._process_raw(got, flow, batch_id, summary, fetch_children)
            elif flow.seen(got.doc.doc_id) or self.archive.has_document(got.doc.doc_id):
                if resuming:
                    summary.resumed += 1
                else:
                    summary.repeated += 1
                self._tick()
            else:
                flow.take(got, raw)
        if n == 0:
            self._tick()
        flow.raw_read(raw.sha256)

    def _write(self, item, raw: RawItem, outcome, batch_id, summary) -> list[Story]:
        """Store one document's outcome: the document and its stories, or its rejection."""
        doc = item.doc
        self._tick()
        if not outcome.stories:
            where = f"{doc.source}{' ' + doc.item_key if doc.item_key else ''}"
            self._reject(Rejection(doc.source, outcome.stage, f"{where}: {outcome.reason}", item.data, doc.item_key, raw.sha256), batch_id, summary)
            return []
        stories = self._corrected(list(outcome.stories))
        # a story an analyst's correction changed is packed again
        packed = [p if s is o else None for s, o, p in zip(stories, outcome.stories, outcome.packed)] if outcome.packed else None
        self.archive.put_document(doc, batch_id, item=item.data, at=item.at)
        self.archive.put_stories(stories, doc, packed)
        summary.documents += 1
        summary.stories += len(stories)
        return stories

    def _track_incidents(self, new_stories: list[Story]) -> None:
        """Merge the new stories' incident mentions into incident records (after linking)."""
        from .tracker import update_incidents

        update_incidents(self.archive, new_stories, merge_days=self.settings.incidents.merge_days)

    def _link(self, new_stories: list[Story], prepared: dict | None = None) -> None:
        if not new_stories or not linking(self.settings):
            return
        try:
            from .stages.cluster import EventLinker
        except ImportError:
            return
        linker = self._linker
        if linker is None:  # opened once per run; each batch writes what it changed (stages/cluster/store.py)
            linker = self._linker = EventLinker.open(self.archive, self.settings.events)
        family_of = family_lookup(self.ctx.outlets)
        links, merged, moved = {}, {}, set()
        # by date; stories of one day, and undated ones (after the dated), in the order they arrived
        prepared = prepared or {}
        items = [link_item_for(s, family_of, prepared.get(s.story_id))
                 for s in sorted(new_stories, key=lambda s: s.published or "9999")]
        linker.expect(items)
        for item in items:
            r = linker.add(item)
            links[item.story_id] = (r.event_id, r.duplicate_of)
            for old in r.merged:
                merged[old] = r.event_id
            moved.update(r.moved)
        # an event folded into another, or a story moved by re-clustering, while this batch ran:
        # every story takes the event the linker now gives it
        self.archive.update_links({sid: (linker.event_of(sid), d) for sid, (e, d) in links.items()})
        if merged:
            self.archive.merge_events({old: linker.resolve(new) for old, new in merged.items()})
        earlier = {sid: linker.event_of(sid) for sid in moved if sid not in links}
        if earlier:
            self.archive.move_stories(earlier)
        linker.save()


def linking(settings: Settings) -> bool:
    """Whether ingest links stories into events."""
    return settings.ingest.link and settings.events.enabled


def prepare_for_linking(stories: list[Story], settings: Settings) -> tuple:
    """Per story, what the event linker reads from it alone (``stages/cluster/prepare.py``), worked out
    where the stories are made so that the one linking process does not; () when ingest does not link."""
    if not stories or not linking(settings):
        return ()
    from .stages.cluster.prepare import prepare

    return tuple(prepare(link_item_for(s, _no_family), settings.events) for s in stories)


def _no_family(outlet: str | None) -> None:  # what prepare reads does not depend on the outlet's family
    return None


def _link_entities(entities) -> tuple[str, ...]:
    """The story's canonical ids as the linker reads them: a Chinese government body named with its place
    (深圳市政府, one organisation mention) stands for its place (gpe:shenzhen), which an English report of the
    same event names ("the Shenzhen municipal government")."""
    from .stages.extract.zh_bodies import org_place

    return tuple(sorted({org_place(e.canonical) or e.canonical for e in entities}))


def link_item_for(s: Story, family_of: Callable[[str | None], str | None], prepared=None):
    """The linker's view of a story: text, date, canonical entities and numbers.  A story dated only by
    the ingest run has no date of its own: the time decay must not part it from older reports.
    ``prepared``: what :func:`prepare_for_linking` worked out for it, if it did."""
    from .stages.cluster import LinkItem

    return LinkItem(
        story_id=s.story_id,
        headline=s.headline or "",
        text=s.text,
        published=None if s.published_source == "ingested" else s.published,
        language=s.language,
        url=s.url,
        outlet_family=family_of(s.outlet) if s.outlet else None,
        outlet=s.outlet,
        publisher=s.publisher,
        entities=_link_entities(s.entities),
        numbers=s.numbers,  # claims with their units and subjects (the linker keys them: stages/cluster/features.figure_key)
        people=tuple(e.canonical for e in s.entities if e.canonical.startswith("person:")),
        speakers=tuple({a.source for a in s.attributions}),
        prepared=prepared,
    )
