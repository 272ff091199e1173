"""The learned English name model's features, its file format and the tools that train and audit it."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import numpy as np

from sinodesk.stages.extract.names import LABELS, NameModel, candidate_spans, lower_words, midsentence_caps, span_features, tokenize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))


def _features(text: str, surface: str, midcap: bool) -> list[str]:
    toks = tokenize(text, 0, len(text))
    caps = midsentence_caps(toks) if midcap else None
    for r0, r1, i, j in candidate_spans(toks):
        if text[toks.start[i] : toks.end[j - 1]] == surface:
            return span_features(toks, i, j, r0, r1, None, text, lower_words(toks), frozenset(), caps)
    raise AssertionError(f"{surface!r} is no candidate span of {text!r}")


def test_words_written_capitalised_inside_a_sentence():
    text = "Woods wins.\nMiyazaki - Tiger Woods shot a 67 in Japan."
    # not the words opening a line or following a dash ("Miyazaki", "Tiger"): "Woods" counts for its second mention
    assert midsentence_caps(tokenize(text, 0, len(text))) == {"woods", "japan"}


def test_list_features_only_when_asked_for():
    text = "Woods wins the title. Later Diego Batshuayi flew to Costa Rica, where Woods said nothing."
    plain = _features(text, "Woods", midcap=False)
    full = _features(text, "Woods", midcap=True)
    assert full[: len(plain) - (1 if plain[-1].startswith("runlen") else 0)] == [x for x in plain if not x.startswith("runlen")]
    assert "midcap=11" in full and not any(x.startswith("midcap") for x in plain)
    person = _features(text, "Diego Batshuayi", midcap=True)
    assert "given2" in person and "sufF=ego" in person and "rare=01" in person
    assert "place" in _features(text, "Costa Rica", midcap=True)


def _tiny_model(folder: Path, list_features: bool | None) -> NameModel:
    vocab = ["b", "given2"]
    W = np.zeros((len(vocab), len(LABELS)), dtype=np.float16)
    W[1, LABELS.index("PERSON")] = 5.0
    b = np.zeros(len(LABELS), dtype=np.float32)
    b[LABELS.index("NONE")] = 1.0
    extra = {} if list_features is None else {"list_features": np.bool_(list_features)}
    np.savez_compressed(folder / "names_en.npz", W=W, b=b, scale=np.float32(1.0), labels=np.array(LABELS), **extra)
    with gzip.open(folder / "names_en.vocab.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(vocab) + "\n")
    return NameModel(folder)


def test_a_model_reads_the_features_it_was_trained_with(tmp_path):
    text = "Yesterday the striker Diego Batshuayi scored twice."
    for flag, found in ((True, ["Diego Batshuayi"]), (False, []), (None, [])):
        folder = tmp_path / str(flag)
        folder.mkdir()
        model = _tiny_model(folder, flag)
        assert model.list_features is bool(flag)
        assert [text[h.start : h.end] for h in model._find(tokenize(text, 0, len(text)), text, None)] == found


def test_the_shipped_model_says_which_features_it_reads():
    model = NameModel()
    with np.load(model.directory / "names_en.npz") as data:
        assert model.list_features == (bool(data["list_features"]) if "list_features" in data.files else False)


def test_entity_misses_are_told_apart_by_kind():
    from entity_misses import classify

    gold = [(("ORG",), "barclays capital"), (("PERSON",), "eddie murphy"), (("PRODUCT",), "gmail"), (("PLACE",), "paris")]
    pred = [("ORG", "barclays"), ("ORG", "eddie murphy"), ("PLACE", "paris"), ("PERSON", "ellen")]
    assert classify(gold, pred) == [
        ("miss", "boundary", (("ORG",), "barclays capital")),
        ("miss", "wrong-type", (("PERSON",), "eddie murphy")),
        ("miss", "not-found", (("PRODUCT",), "gmail")),
        ("extra", "boundary", ("ORG", "barclays")),
        ("extra", "wrong-type", ("ORG", "eddie murphy")),
        ("extra", "spurious", ("PERSON", "ellen")),
    ]


def test_entity_misses_refuses_to_list_a_held_out_set(capsys, monkeypatch):
    import entity_misses
    import pytest

    monkeypatch.setattr(sys, "argv", ["entity_misses.py", "--set", "heldout2", "--items"])
    with pytest.raises(SystemExit) as exc:
        entity_misses.main()
    assert exc.value.code == "--items lists a held-out set's misses one by one: counts only for held-out sets"
