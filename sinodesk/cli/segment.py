"""Segmentation verbs: ``sinodesk split`` and ``sinodesk eval segment``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import default_shared, read_text_input
from ..errors import NothingToDo

_REPO = Path(__file__).resolve().parents[2]




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


@click.command("segment")
@click.option("--choi", type=click.Path(dir_okay=False), default=None, help="Choi's choi.jsonl (default: <shared>/eval/choi-segmentation/choi.jsonl).")
@click.option("--bbc", type=click.Path(dir_okay=False), default=None, help="BBC bbc_news.jsonl, concatenated into headline-less digests.")
@click.option("--seeds", type=click.Path(file_okay=False), default=None, help="Folder of labelled digests (default: <shared>/seeds).")
@click.option("--labels", type=click.Path(dir_okay=False), default=None, help="Hand labels for --seeds (default: tests/data/segment/seeds.json).")
@click.option("--shared", type=click.Path(file_okay=False), default=None, help="The shared data folder (default: $SINODESK_SHARED or ../shared).")
@click.option("--only", type=click.Choice(["choi", "bbc", "singles", "seeds"]), multiple=True, help="Run only these sets (repeatable).")
@click.option("--limit", type=int, default=None, help="Use at most this many Choi samples.")
@click.option("--bbc-docs", type=int, default=400, show_default=True, help="How many BBC concatenations to build.")
@click.option("--singles", type=int, default=300, show_default=True, help="How many single BBC and ECB+ articles to check are left whole.")
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
def eval_segment(choi, bbc, seeds, labels, shared, only, limit, bbc_docs, singles, as_json):
    """Measure story splitting: Choi Pk, BBC concatenations, single articles, the labelled seeds.

    Reports Pk and WindowDiff (Choi per range 3-11, 3-5, 6-8, 9-11 with the number of
    segments unknown), boundary precision/recall/F1 on BBC concatenations (same-category
    and mixed neighbours), and on the labelled seeds: boundaries, story ends, headline
    exact match, sections and boilerplate leakage.  Single real articles (BBC, ECB+), each
    as a plain-text file, must stay one story: the share left whole and the mean number of
    stories per article, through the whole pipeline view and with cohesion splitting only.
    A naive baseline runs beside each.

    \b
    Example:
      sinodesk eval segment --shared ../shared --only choi --limit 200
    """
    from ..eval import segment as ev

    base = Path(shared) if shared else default_shared()
    sets = set(only) or {"choi", "bbc", "singles", "seeds"}
    out: dict[str, object] = {}
    if "choi" in sets:
        samples = ev.load_choi(Path(choi) if choi else base / "eval/choi-segmentation/choi.jsonl", limit)
        rep = ev.score_cohesion("choi", samples, ev.cohesion_splitter(**ev.SENTENCE_PARAMS))
        naive = ev.score_cohesion("choi-even-baseline", samples, ev.even_baseline)
        out["choi"], out["choi_baseline"] = ev.report_dict(rep), ev.report_dict(naive)
        if not as_json:
            click.echo(f"Choi ({rep.samples} samples, number of segments unknown, {rep.seconds:.1f}s)")
            click.echo(f"  Pk:         {_fmt(rep.pk)}")
            click.echo(f"  WindowDiff: {_fmt(rep.window_diff)}")
            click.echo(f"  segments per sample: {rep.mean_pred_segments:.1f} found, {rep.mean_gold_segments:.1f} gold")
            click.echo(f"  baseline (a story every 8 sentences) Pk: {_fmt(naive.pk)}")
            click.echo("  published (Choi 2000, 3-11/3-5/6-8/9-11): C99 unknown 0.13/0.18/0.10/0.10, TextTiling 0.46/0.44/0.43/0.48")
    if "bbc" in sets:
        samples = ev.load_bbc_concatenations(Path(bbc) if bbc else base / "eval/bbc-news-topics/bbc_news.jsonl", n_docs=bbc_docs)
        rep = ev.score_cohesion("bbc", samples, ev.cohesion_splitter(**ev.PARAGRAPH_PARAMS))
        naive = ev.score_cohesion("bbc-even-baseline", samples, ev.even_baseline)
        out["bbc"], out["bbc_baseline"] = ev.report_dict(rep), ev.report_dict(naive)
        if not as_json:
            click.echo(f"BBC concatenations ({rep.samples} documents, paragraphs, no headlines, {rep.seconds:.1f}s)")
            click.echo(f"  boundary P {rep.precision:.3f} R {rep.recall:.3f} F1 {rep.f1:.3f}")
            click.echo(f"  Pk: {_fmt(rep.pk)}")
            click.echo(f"  WindowDiff: {_fmt(rep.window_diff)}")
            click.echo(f"  baseline (a story every 8 paragraphs): F1 {naive.f1:.3f}, Pk {naive.pk['all']:.3f}")
    if "singles" in sets:
        from ..stages.segment import SegmentOptions

        cohesion_only = SegmentOptions(structure=False)
        for key, rel in (("bbc", "eval/bbc-news-topics/bbc_news.jsonl"), ("ecbplus", "eval/ecbplus-event-clusters/ecbplus_docs.jsonl")):
            items = ev.load_single_articles(Path(bbc) if bbc and key == "bbc" else base / rel, singles)
            full = ev.score_singles(f"{key}-singles", items)
            coh = ev.score_singles(f"{key}-singles-cohesion-only", items, lambda n, t: ev.segment_text(n, t, cohesion_only))
            out[f"{key}_singles"], out[f"{key}_singles_cohesion_only"] = ev.report_dict(full), ev.report_dict(coh)
            if not as_json:
                click.echo(f"Single {key} articles ({full.docs}, one plain-text file each; should stay one story)")
                for label, r in (("pipeline", full), ("cohesion only", coh)):
                    click.echo(f"  {label}: left whole {r.whole_rate:.3f} ({r.whole}/{r.docs}), "
                               f"mean stories {r.mean_stories:.2f}, stories found -> articles {r.stories_histogram}")
    if "seeds" in sets:
        lab = Path(labels) if labels else _REPO / "tests/data/segment/seeds.json"
        items = ev.load_labelled(Path(seeds) if seeds else base / "seeds", lab)
        rep = ev.score_digests(items, ev.segment_text)
        out["seeds"] = ev.report_dict(rep)
        if not as_json:
            click.echo(f"Labelled digests ({len(items)} files, {sum(r.gold_stories for r in rep.results)} stories)")
            click.echo(f"  boundary P {rep.precision:.3f} R {rep.recall:.3f} F1 {rep.f1:.3f}; ends right {rep.end_accuracy:.3f}; "
                       f"headlines right {rep.headline_accuracy:.3f}; sections right {rep.section_accuracy:.3f}; "
                       f"boilerplate lines leaked {rep.leaked_lines}; mean Pk {rep.mean_pk:.3f}")
            for r in rep.results:
                click.echo(f"  {r.name}: {r.found_stories} found / {r.gold_stories} gold, starts right {r.starts_right}, "
                           f"headlines right {r.headlines_right}")
                for prob in r.problems:
                    click.echo(f"      {prob}")
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))


def register(main: click.Group, eval_group: click.Group) -> None:
    main.add_command(split_cmd)
    eval_group.add_command(eval_segment)
