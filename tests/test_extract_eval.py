"""Quality gate for the extract stage, measured through ingest into a fresh archive.

Figures come from ``sinodesk eval extract`` (sinodesk/eval/extract.py): each set is ingested
with default settings and scored on what export returns.  seeds, written and dev were all
looked at while building the extractor (development figures); the independent held-out set
lives in sinodesk/eval/gold/extract/heldout/ once labelled.  Floors sit a little below the
measured figures and only go up (lowering one is a reviewed change).
"""

from __future__ import annotations

import pytest

from sinodesk.errors import NothingToDo
from sinodesk.eval.extract import GOLD_DIR, evaluate_set, load_set
from tests.conftest import SHARED, assert_field_floor, need_shared

FLOORS = {  # set: {field: (precision floor, recall floor)}
    "seeds": {"entities": (0.92, 0.91), "attributions": (0.88, 0.88), "numbers": (0.98, 0.98), "dates": (0.97, 0.98)},
    "written": {"entities": (0.90, 0.90), "attributions": (0.95, 0.95), "numbers": (0.97, 0.97), "dates": (0.98, 0.87)},
}


@pytest.fixture(scope="module")
def reports():
    need_shared(SHARED / "seeds")
    return {name: evaluate_set(name, SHARED) for name in FLOORS}


@pytest.mark.parametrize("name,field", [(n, f) for n in FLOORS for f in FLOORS[n]])
def test_field_floor(reports, name, field):
    assert_field_floor(reports[name], field, FLOORS[name], f"{name} ")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_offsets_reread_in_the_stored_document_and_the_original_input(reports, name):
    rep = reports[name]
    assert rep.mentions > 300
    assert rep.provenance_doc == rep.mentions
    assert rep.provenance_orig_n == rep.mentions and rep.provenance_orig == rep.mentions


def test_provenance_check_can_fail():
    """A mention whose offsets point elsewhere in the original input is counted as a failure."""
    from sinodesk.eval.extract import ExtractReport, Produced, _provenance

    story = {"doc_id": "d", "entities": [{"text": "Beijing", "start": 0, "end": 7}], "attributions": [], "numbers": [], "dates": []}
    rep = ExtractReport()
    _provenance(Produced([story], {"d": "Beijing said"}, "Shanghai said"), rep)
    assert (rep.mentions, rep.provenance_doc, rep.provenance_orig) == (1, 1, 0)


def test_heldout_set_missing_is_a_clear_error(tmp_path):
    with pytest.raises(NothingToDo) as err:
        load_set("heldout", SHARED, gold_dir=tmp_path)
    assert str(err.value).startswith(f"{tmp_path / 'heldout'}: no held-out labels yet")


def test_cli_heldout_missing_exit_code(run_cli, tmp_path):
    r = run_cli("eval", "extract", "--set", "heldout", "--gold", tmp_path, "--no-peer")
    assert r.returncode == 1
    assert r.stderr.decode().startswith(f"Error: {tmp_path / 'heldout'}: no held-out labels yet")


def test_gold_ships_with_the_package():
    names = sorted(p.name for p in GOLD_DIR.glob("*"))
    assert {"FORMAT.md", "README.md", "seeds.jsonl", "seeds_dev.jsonl", "written.jsonl", "written_dev.jsonl"} <= set(names)


def test_every_feed_entry_keeps_the_feeds_date():
    """The 474 entries of the 15 real feeds: a story of a dated entry has the entry's date
    (not a date named in its text); an undated entry's stories take the ingest day, marked."""
    import datetime as dt

    from sinodesk.eval.harness import ingest_fresh

    feeds = sorted(need_shared(SHARED / "eval" / "news-feeds" / "feeds").iterdir())
    run = ingest_fresh(feeds)
    assert run.summary.documents == 474
    dated = [s for s in run.stories if run.documents[s["doc_id"]]["published"]]
    assert len(dated) >= 440
    assert all(s["published"] == run.documents[s["doc_id"]]["published"][:10] and s["published_source"] == "container" for s in dated)
    undated = [s for s in run.stories if not run.documents[s["doc_id"]]["published"]]
    assert all((s["published"], s["published_source"]) == (dt.date.today().isoformat(), "ingested") for s in undated)
