"""Bounded batches: documents go through the stages in worker processes and reach the archive
one batch (one transaction) at a time.

The runner reads its inputs as a stream and hands each document to a :class:`Flow`.  Every
``batch_documents`` documents the flow sends the batch to the stages -- in this process, or
split over ``workers`` processes -- and, while the workers run the next batch, writes the one
before in input order: its documents, stories and rejections, then links its stories into
events, merges incident mentions, saves the linker and commits.  So memory holds at most two
batches, whatever the input's size; an interrupted run keeps every batch it committed (an input
read only in part is marked pending and taken up where it stopped by the next run); and the
archive comes out the same for any number of workers: the stages are pure functions of one
document, and everything that depends on order (writing, linking) happens in one process, in
input order.

Workers are forked from the runner's process once per run, after its models are loaded, so each
worker has the models without loading them again (copy on write); they never touch the archive.
A pool is started only for a batch big enough to share out; from then on every batch goes to it, and
the runner's process lets go of the models (``on_fork``): writing and linking do not use them, so
the writer holds only the archive's and the linker's memory while the workers share the models.  :func:`run_documents` is the whole
of a worker's job -- a plain function of documents and the loaded models -- so another executor
(a Dask cluster across machines) can run it the same way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import BadInput
from .ingest.readers import Item
from .records import Document, RawItem, Story, pickled_by_fields


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Outcome:
    """What the stages made of one document: its stories, or why it was rejected."""

    stories: tuple[Story, ...] = ()
    stage: str = ""  # the stage that rejected or failed on the document
    reason: str = ""  # why (without the document's name: the writer adds it)
    prepared: tuple = ()  # per story, what the event linker reads from it alone (stages/cluster/prepare.py), when linking is on
    packed: tuple = ()  # per story, its stored row and index columns (archive/rows.py: PackedStory)


BUG_NOTE = "this is a sinodesk bug, please report it with this input"  # ends every rejection a stage failure makes


def run_documents(docs: list[Document], ctx) -> list[Outcome]:
    """Run every stage over each document, and work out what the event linker reads from each story
    alone and how the archive stores it (a worker's whole job: the one writing process is left with
    what needs the archive's state)."""
    from .archive.rows import pack_story
    from .pipeline import StageFailed, prepare_for_linking, process_document

    out = []
    for doc in docs:
        try:
            stories = process_document(doc, ctx)
        except BadInput as exc:
            out.append(Outcome(stage=exc.stage, reason=str(exc)))
            continue
        except StageFailed as exc:
            detail = "".join(traceback.format_exception_only(type(exc.exc), exc.exc)).strip()
            out.append(Outcome(stage=exc.stage, reason=f"stage '{exc.stage}' failed ({detail}); {BUG_NOTE}"))
            continue
        if not stories:
            out.append(Outcome(stage="segment", reason="no story text left after removing boilerplate (nothing to keep)"))
            continue
        out.append(Outcome(tuple(stories), prepared=prepare_for_linking(stories, ctx.settings),
                           packed=tuple(pack_story(s, doc.text) for s in stories)))
    return out


_TRIM = None  # glibc's malloc_trim, once looked up (False where the C library has none)


def release_free_memory() -> bool:
    """Hand the pages the C heap holds free back to the system; True if it could be asked.

    A batch's documents and stories are freed once it is written, but the C allocator keeps the
    space (texts and other objects over 512 bytes come from it, not from Python's own pools), so
    the writing process would sit ~100 MB above what it uses (measured at 66,000 generated stories:
    823 -> 711 MB of anonymous memory after one call).  glibc's ``malloc_trim(0)`` returns every free
    page, not only the heap's top; it takes a few milliseconds, once per batch.  Dask's workers do
    the same for the same reason."""
    global _TRIM
    if _TRIM is None:
        import ctypes
        import ctypes.util

        try:
            _TRIM = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):  # not glibc: nothing to ask
            _TRIM = False
    if _TRIM is False:
        return False
    _TRIM(0)
    return True


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


_WORKER_CTX = None  # the loaded models, in a worker process (set in the runner just while it forks them)

# a few documents run once before the workers are forked, so that the models the stages load on
# first use (the Chinese word list and pinyin tables, lingua's Latin-script models, date parsers) are loaded once,
# in the parent, and shared with every worker instead of loaded again in each
_WARM_UP = (
    ("en", "Officials in Beijing said on Monday that exports rose 5% in March, according to customs data."),
    ("fr", "Le ministre a déclaré lundi que les exportations de la Chine ont augmenté de 5 % en mars."),
    ("latin", "Shr 14 cts vs nine cts Net 1,180,000 vs 640,000 Revs 25.6 mln vs 20.1 mln"),  # lingua: every Latin-script model
    ("zh", "海关总署周一表示，中国三月份出口同比增长百分之五。国务院总理李强在会上说，外贸保持稳定。"),
)


def _work(docs: list[Document]) -> list[Outcome]:
    if _WORKER_CTX is None:  # a worker the pool forked again after one died: the runner has let go of the models
        raise RuntimeError("a sinodesk worker process was restarted without the stage models (one was killed, "
                           "perhaps for lack of memory): run the ingest again, with fewer --workers")
    return run_documents(docs, _WORKER_CTX)


class Stages:
    """Runs the stages over batches of documents: in this process, or over ``workers`` forked
    processes, in slices of ``slice_docs`` documents (results come back in order)."""

    slice_docs = 16

    def __init__(self, ctx, workers: int = 1, *, on_fork: Callable[[], None] | None = None):
        self.ctx = ctx
        # workers are forked (they share the loaded models); where processes cannot fork, one process does it all
        self.workers = max(1, workers) if "fork" in multiprocessing.get_all_start_methods() else 1
        self.on_fork = on_fork  # called once the workers hold the models: this process may drop its own
        self._pool = None

    def submit(self, docs: list[Document]) -> Callable[[], list[Outcome]]:
        """Start the stages on ``docs``; call the result to wait for the outcomes."""
        if self._pool is None and (self.workers == 1 or len(docs) < 2 * self.slice_docs):
            return lambda: run_documents(docs, self.ctx)
        pool = self._start()
        step = max(1, min(self.slice_docs, -(-len(docs) // (4 * self.workers))))
        handles = [pool.apply_async(_work, (docs[i : i + step],)) for i in range(0, len(docs), step)]
        return lambda: [o for h in handles for o in h.get()]

    def _start(self):
        if self._pool is None:
            run_documents([Document(f"warm-up-{lang}", "", "warm-up", "text", text, title=None) for lang, text in _WARM_UP], self.ctx)
            gc.collect()
            gc.freeze()  # the models stay shared with the workers: the collector does not touch their pages
            global _WORKER_CTX
            _WORKER_CTX = self.ctx  # what the forked workers find (not an argument the pool would keep)
            try:
                self._pool = multiprocessing.get_context("fork").Pool(self.workers, initializer=_leave_interrupts_to_the_parent)
            finally:
                gc.unfreeze()
                _WORKER_CTX = None
            if self.on_fork is not None:  # the workers have the models; from now on every batch goes to them
                self.ctx = None
                self.on_fork()
                gc.collect()
                release_free_memory()
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def terminate(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def _leave_interrupts_to_the_parent() -> None:
    """In a worker: Ctrl-C reaches every process of the terminal's group; the main process stops the
    workers (Pool.terminate) and says 'Aborted.', so a worker printing its own traceback is noise."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass
class _Batch:
    items: list[tuple[Item, RawItem]] = field(default_factory=list)
    finished_raws: list[str] = field(default_factory=list)  # raw items whose last document is in this batch
    outcomes: Callable[[], list[Outcome]] | None = None


class Flow:
    """Documents in, one committed batch at a time (see the module docstring).

    ``write(item, raw, outcome)`` stores one document's result; ``link(stories, finished_raws,
    prepared)`` links a batch's new stories (``prepared``: story id -> what the workers worked out
    for the linker); ``commit()`` ends the batch's transaction -- all three are the
    runner's.  Within a run a document already taken (the same content twice) counts once.
    """

    def __init__(self, stages: Stages, *, batch_documents: int, write, link, commit):
        self.stages = stages
        self.size = max(1, batch_documents)
        self._write, self._link, self._commit = write, link, commit
        self._current = _Batch()
        self._running: _Batch | None = None
        self.taken: set[str] = set()  # doc ids in batches not yet written

    def seen(self, doc_id: str) -> bool:
        return doc_id in self.taken

    def take(self, item: Item, raw: RawItem) -> None:
        self.taken.add(item.doc.doc_id)
        self._current.items.append((item, raw))
        if len(self._current.items) >= self.size:
            self._send()

    def raw_read(self, raw_id: str) -> None:
        """Every document of this raw item has been taken: it is complete once this batch is written."""
        self._current.finished_raws.append(raw_id)

    def finish(self) -> None:
        """Write whatever is left (the runner commits the last batch itself)."""
        self._send()
        self._drain(commit=False)

    def _send(self) -> None:
        batch, self._current = self._current, _Batch()
        batch.outcomes = self.stages.submit([item.doc for item, _ in batch.items])
        self._drain(commit=True)  # the batch before is written while the workers run this one
        self._running = batch
        release_free_memory()  # what the written batch held

    def _drain(self, *, commit: bool) -> None:
        batch, self._running = self._running, None
        if batch is None:
            return
        stories: list[Story] = []
        prepared: dict = {}
        for (item, raw), outcome in zip(batch.items, batch.outcomes()):
            stories.extend(self._write(item, raw, outcome))
            prepared.update(zip((s.story_id for s in outcome.stories), outcome.prepared))
            self.taken.discard(item.doc.doc_id)
        self._link(stories, batch.finished_raws, prepared)
        if commit:
            self._commit()
