"""The default topic model is built once per machine, not once per archive: a fresh archive loads
the model a run before it built from the same shipped data and code (building it is ~2.4 CPU
seconds of every first ingest, and of most tests)."""

from __future__ import annotations

import numpy as np

from sinodesk.archive import open_archive
from sinodesk.pipeline import _default_model_fingerprint, load_topic_model
from sinodesk.stages.classify import load_default_model


def _same(a, b) -> bool:
    return (a.labels == b.labels and a.version == b.version and np.array_equal(a.weights, b.weights)
            and np.array_equal(a.bias, b.bias) and np.array_equal(a.vectorizer.idf, b.vectorizer.idf)
            and a.vectorizer.vocab == b.vectorizer.vocab and np.array_equal(a.thresholds, b.thresholds))


def test_a_fresh_archive_loads_the_default_another_run_built(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("SINODESK_CACHE_DIR", str(cache))
    first = load_topic_model(open_archive(str(tmp_path / "a.db")))
    kept = cache / f"topics-default-{_default_model_fingerprint()}.npz"
    assert [p.name for p in cache.iterdir()] == [kept.name]  # no temporary file left behind
    assert _same(first, load_default_model())  # what the cache holds is the built model, array for array
    load_default_model.cache_clear()  # a new process: nothing built in memory
    try:
        second = load_topic_model(open_archive(str(tmp_path / "b.db")))
        assert load_default_model.cache_info().currsize == 0  # loaded, not built
    finally:
        load_default_model.cache_clear()
    assert _same(first, second)
    assert open_archive(str(tmp_path / "b.db")).get_state("topics-default:" + _default_model_fingerprint()) == kept.read_bytes()


def test_a_damaged_cache_file_is_built_again_and_replaced(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    kept = cache / f"topics-default-{_default_model_fingerprint()}.npz"
    kept.write_bytes(b"not a model")
    monkeypatch.setenv("SINODESK_CACHE_DIR", str(cache))
    model = load_topic_model(open_archive(str(tmp_path / "a.db")))
    assert _same(model, load_default_model()) and kept.read_bytes() != b"not a model"


def test_an_empty_cache_dir_setting_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SINODESK_CACHE_DIR", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert load_topic_model(open_archive(str(tmp_path / "a.db"))) is not None
    assert not (tmp_path / "home").exists()
