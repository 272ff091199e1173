"""Segmentation verbs: ``sinodesk split`` and ``sinodesk eval segment``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import default_shared, read_text_input
from ..errors import NothingToDo

# seeds, Choi and the BBC concatenations run clean + segment directly, which gives the stories ingest gives
# (tests/test_segment_quality.py::test_direct_stages_give_the_stories_ingest_gives)
DIRECT = "clean + segment directly: the stories ingest gives, tested"


@click.command("split")
@click.argument("path")
@click.option("--html", "as_html", is_flag=True, help="Treat the input as an HTML page (default: by file suffix).")
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON lines.")
def split_cmd(path, as_html, as_json):
    """Split one digest file (or '-' for stdin) into its stories and print them.

    \b
    Example:
      sinodesk split ../shared/seeds/001_101e9e4c1d6c043d.txt
    """
    from ..records import Document
    from ..stages.clean import clean
    from ..ingest.html import render_html
    from ..stages.segment import segment

    text, p = read_text_input(path, "a text or HTML file")
    as_html = as_html or (p is not None and p.suffix.lower() in {".html", ".htm"})
    if as_html:
        rendered = render_html(text)
        if rendered is None:
            raise NothingToDo(f"{path}: the page does not look like a multi-story digest (no repeated headings or items)")
        text = rendered
    doc = Document(doc_id=path, raw_id=path, source=path, kind="html-digest" if as_html else "text", text=text)
    segs = segment(clean(doc))
    for k, s in enumerate(segs, 1):
        if as_json:
            click.echo(json.dumps({"n": k, "start": s.start, "end": s.end, "headline": s.headline,
                                   "headline_generated": s.headline_generated, "section": s.section,
                                   "source_line": s.source_line, "url": s.url, "text": s.text}, ensure_ascii=False))
            continue
        mark = " (generated)" if s.headline_generated else ""
        sect = f"[{s.section}] " if s.section else ""
        click.echo(f"{k:>3}. {sect}{s.headline}{mark}")
        click.echo(f"     chars {s.start}-{s.end}, {len(s.text)} chars of text"
                   + (f"; source: {s.source_line.splitlines()[0]}" if s.source_line else "")
                   + (f"; url: {s.url}" if s.url else ""))


def _fmt(d: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in d.items())


SETS = ("choi", "bbc", "singles", "seeds", "layouts", "unseen", "zyte")


@click.command("segment")
@click.option("--set", "--only", "only", type=click.Choice(SETS), multiple=True,
              help="Run only these sets (repeatable; default: all but unseen and zyte).")
@click.option("--data", "--shared", "shared", type=click.Path(file_okay=False), default=None,
              help="The shared data folder (default: $SINODESK_SHARED or ../shared).")
@click.option("--choi", type=click.Path(dir_okay=False), default=None, help="Choi's choi.jsonl (default: <data>/eval/choi-segmentation/choi.jsonl).")
@click.option("--bbc", type=click.Path(dir_okay=False), default=None, help="BBC bbc_news.jsonl, concatenated into headline-less digests.")
@click.option("--seeds", type=click.Path(file_okay=False), default=None, help="Folder of labelled digests (default: <data>/seeds).")
@click.option("--labels", type=click.Path(dir_okay=False), default=None, help="Hand labels for --seeds (default: the packaged seed labels).")
@click.option("--limit", type=int, default=None, help="Use at most this many Choi samples.")
@click.option("--bbc-docs", type=int, default=400, show_default=True, help="How many BBC concatenations to build.")
@click.option("--singles", type=int, default=300, show_default=True, help="How many single BBC and ECB+ articles to check are left whole.")
@click.option("--docs", type=int, default=12, show_default=True, help="Layouts: digests generated per layout.")
@click.option("--layout-singles", type=int, default=4, show_default=True, help="Layouts: one-story documents generated per layout.")
@click.option("--layout", "layout_names", multiple=True, help="Layouts: run only these layouts (repeatable).")
@click.option("--fast", is_flag=True, help="Layouts: run the stages directly instead of ingesting into a fresh archive (same stories; tested).")
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
def eval_segment(only, shared, choi, bbc, seeds, labels, limit, bbc_docs, singles, docs, layout_singles, layout_names, fast, as_json):
    """Measure story splitting: digest layouts held out, the labelled seeds, saved pages, Choi, BBC.

    \b
    layouts  digests generated in 19 layouts from the research-only eval texts; for each
             layout a line labeller fitted on the *other* layouts (from licence-clean texts)
             splits it, through ingest into a fresh archive: boundary P/R/F1, Pk, headline
             accuracy, boilerplate and separator leakage, single articles left whole; peers
             (title rules, blank lines, TextTiling) on the same documents.
    unseen   digests in 7 layouts none of the 19 covers (Telegram export, morning brief, forwarded
             e-mail, contents list first, agency wrap, short briefs in English and Chinese), split
             with the default settings through ingest; telegram-channel and agency-wrap held out.
    seeds    the five hand-labelled seed digests (what the rules were tuned on).
    zyte     181 saved article pages (one article each, .html.gz as stored) through ingest: how many are one story.
    choi     Choi's sentence sets (Pk, WindowDiff), split with SegmentOptions a user can set.
    bbc      BBC articles concatenated without headlines, as plain-text files (clean + segment).
    singles  single BBC and ECB+ articles as plain-text files through ingest: the share left whole.

    \b
    Example:
      sinodesk eval segment --set layouts --set seeds --data ../shared
    """
    from ..eval import segment as ev
    from ..stages.segment import SegmentOptions

    base = Path(shared) if shared else default_shared()
    sets = set(only) or set(SETS) - {"zyte", "unseen"}
    out: dict[str, object] = {}
    echo = (lambda *a, **k: None) if as_json else click.echo
    if "layouts" in sets:
        out["layouts"] = _layouts(base, docs, layout_singles, list(layout_names) or None, fast, echo)
    if "unseen" in sets:
        out["unseen"] = _unseen(base, docs, layout_singles, fast, echo)
    if "seeds" in sets:
        lab = Path(labels) if labels else ev.seeds_gold()
        items = ev.load_labelled(Path(seeds) if seeds else base / "seeds", lab)
        rep = ev.score_digests(items, ev.segment_text)
        out["seeds"] = ev.report_dict(rep)
        echo(f"Labelled seed digests ({len(items)} files, {sum(r.gold_stories for r in rep.results)} stories; tuned on; {DIRECT})")
        echo(f"  boundary P {rep.precision:.3f} R {rep.recall:.3f} F1 {rep.f1:.3f}; ends right {rep.end_accuracy:.3f}; "
             f"headlines right {rep.headline_accuracy:.3f}; sections right {rep.section_accuracy:.3f}; "
             f"boilerplate lines leaked {rep.leaked_lines}; mean Pk {rep.mean_pk:.3f}")
        for r in rep.results:
            echo(f"  {r.name}: {r.found_stories} found / {r.gold_stories} gold, starts right {r.starts_right}, headlines right {r.headlines_right}")
            for prob in r.problems:
                echo(f"      {prob}")
    if "zyte" in sets:
        from ..eval.segment_layouts import score_saved_pages

        z = score_saved_pages(base / "eval/zyte-article-extraction/html")
        out["zyte"] = z
        echo(f"Saved article pages ({z['pages']}, Zyte set, through ingest; each is one article)")
        echo(f"  exactly one story {z['one_story_rate']:.3f} ({z['one_story']}/{z['pages']}); {z['stories']} stories; "
             f"page-chrome headlines {z['chrome_headlines']}; stories under 200 chars {z['short_stories']}")
        for name, n in z["split_pages"]:
            echo(f"      {name}: {n} stories")
        for reason in z["rejected"]:
            echo(f"      rejected: {reason}")
    if "choi" in sets:
        samples = ev.load_choi(Path(choi) if choi else base / "eval/choi-segmentation/choi.jsonl", limit)
        rep = ev.score_cohesion("choi", samples, ev.pipeline_splitter(SegmentOptions(**ev.SENTENCE_OPTIONS)))
        naive = ev.score_cohesion("choi-even-baseline", samples, ev.even_baseline)
        out["choi"], out["choi_baseline"] = ev.report_dict(rep), ev.report_dict(naive)
        echo(f"Choi ({rep.samples} samples, one sentence a line, number of segments unknown, {rep.seconds:.1f}s; {DIRECT})")
        echo(f"  options ([segment] in sinodesk.toml): {', '.join(f'{k}={v}' for k, v in ev.SENTENCE_OPTIONS.items())}")
        echo(f"  Pk:         {_fmt(rep.pk)}")
        echo(f"  WindowDiff: {_fmt(rep.window_diff)}")
        echo(f"  segments per sample: {rep.mean_pred_segments:.1f} found, {rep.mean_gold_segments:.1f} gold")
        echo(f"  baseline (a story every 8 sentences) Pk: {_fmt(naive.pk)}")
        echo("  published (Choi 2000, 3-11/3-5/6-8/9-11): C99 unknown 0.13/0.18/0.10/0.10, TextTiling 0.46/0.44/0.43/0.48")
    if "bbc" in sets:
        samples = ev.load_bbc_concatenations(Path(bbc) if bbc else base / "eval/bbc-news-topics/bbc_news.jsonl", n_docs=bbc_docs)
        rep = ev.score_cohesion("bbc", samples, ev.pipeline_splitter())
        naive = ev.score_cohesion("bbc-even-baseline", samples, ev.even_baseline)
        out["bbc"], out["bbc_baseline"] = ev.report_dict(rep), ev.report_dict(naive)
        echo(f"BBC concatenations ({rep.samples} plain-text files, a paragraph a line, no headlines, default options, {rep.seconds:.1f}s; {DIRECT})")
        echo(f"  boundary P {rep.precision:.3f} R {rep.recall:.3f} F1 {rep.f1:.3f}")
        echo(f"  Pk: {_fmt(rep.pk)}")
        echo(f"  WindowDiff: {_fmt(rep.window_diff)}")
        echo(f"  baseline (a story every 8 paragraphs): F1 {naive.f1:.3f}, Pk {naive.pk['all']:.3f}")
    if "singles" in sets:
        from ..settings import Settings

        cohesion_only = Settings(segment=SegmentOptions(structure=False))
        for key, rel in (("bbc", "eval/bbc-news-topics/bbc_news.jsonl"), ("ecbplus", "eval/ecbplus-event-clusters/ecbplus_docs.jsonl")):
            items = ev.load_single_articles(Path(bbc) if bbc and key == "bbc" else base / rel, singles)
            full = ev.score_singles(f"{key}-singles", items)
            coh = ev.score_singles(f"{key}-singles-cohesion-only", items, settings=cohesion_only)
            out[f"{key}_singles"], out[f"{key}_singles_cohesion_only"] = ev.report_dict(full), ev.report_dict(coh)
            echo(f"Single {key} articles ({full.docs}, one plain-text file each, through ingest; should stay one story)")
            for label, r in (("pipeline", full), ("cohesion only", coh)):
                echo(f"  {label}: left whole {r.whole_rate:.3f} ({r.whole}/{r.docs}), "
                     f"mean stories {r.mean_stories:.2f}, stories found -> articles {r.stories_histogram}")
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))


_COLS = ("f1", "precision", "recall", "pk", "headline_accuracy", "boiler_leakage", "sep_leakage", "whole_rate")


def _layouts(base: Path, docs: int, singles: int, names, fast: bool, echo) -> dict:
    from ..eval.segment_layouts import PEERS, run_layouts

    rep = run_layouts(base, docs=docs, singles=singles, layouts=names, harness="fast" if fast else "ingest")
    how = "the stages directly (--fast)" if fast else "ingest into a fresh archive, stories read back"
    echo(f"Digest layouts, each held out ({len(rep.ours)} layouts x {docs} digests + {singles} single articles; "
         f"through {how}; {rep.seconds:.0f}s)")
    echo(f"  {'layout':18s}   F1     P     R    Pk  head  boil   sep whole | " + "  ".join(f"{p} F1" for p in PEERS))
    for name, s in rep.ours.items():
        echo(f"  {name:18s} " + " ".join(f"{getattr(s, c):5.2f}" for c in _COLS) + " | "
             + "  ".join(f"{rep.peers[p][name].f1:{len(p) + 3}.2f}" for p in PEERS))
    echo(f"  {'held-out mean':18s} " + " ".join(f"{rep.mean(c):5.2f}" for c in _COLS) + " | "
         + "  ".join(f"{rep.mean('f1', p):{len(p) + 3}.2f}" for p in PEERS))
    worst = sorted(rep.ours.values(), key=lambda s: s.f1 + s.headline_accuracy - s.boiler_leakage)[:3]
    for s in worst:
        echo(f"  hardest: {s.layout}: " + "; ".join(s.problems[:4]))
    return {"harness": rep.harness, "layouts": {n: s.row() for n, s in rep.ours.items()},
            "mean": {c: rep.mean(c) for c in _COLS},
            "peers": {p: {"mean_f1": rep.mean("f1", p), "layouts": {n: s.row() for n, s in rep.peers[p].items()}} for p in PEERS}}


def _unseen(base: Path, docs: int, singles: int, fast: bool, echo) -> dict:
    from ..eval.layouts_unseen import HELD_OUT, run_unseen
    from ..eval.segment_layouts import PEERS

    rep = run_unseen(base, docs=docs, singles=singles, harness="fast" if fast else "ingest")
    ours = rep["ours"]
    how = "the stages directly (--fast)" if fast else "ingest into a fresh archive, stories read back"
    echo(f"Unseen digest layouts ({len(ours)} layouts x {docs} digests + {singles} single articles; default settings; "
         f"through {how}; held out: {', '.join(HELD_OUT)})")
    echo(f"  {'layout':18s}   F1     P     R    Pk  head  boil   sep whole | " + "  ".join(f"{p} F1" for p in PEERS))
    for name, s in ours.items():
        echo(f"  {name + ('*' if name in HELD_OUT else ''):18s} " + " ".join(f"{getattr(s, c):5.2f}" for c in _COLS) + " | "
             + "  ".join(f"{rep['peers'][p][name].f1:{len(p) + 3}.2f}" for p in PEERS))
    mean = {c: sum(getattr(s, c) for s in ours.values()) / len(ours) for c in _COLS}
    echo(f"  {'mean':18s} " + " ".join(f"{mean[c]:5.2f}" for c in _COLS))
    return {"harness": "fast" if fast else "ingest", "held_out": list(HELD_OUT), "layouts": {n: s.row() for n, s in ours.items()},
            "mean": mean, "peers": {p: {n: s.row() for n, s in rep["peers"][p].items()} for p in PEERS}}


def register(main: click.Group, eval_group: click.Group) -> None:
    main.add_command(split_cmd)
    eval_group.add_command(eval_segment)
