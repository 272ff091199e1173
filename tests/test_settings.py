"""Settings: one object, every field documented, read from sinodesk.toml with clear errors."""

from __future__ import annotations

import pytest

from sinodesk.errors import ConfigError
from sinodesk.settings import Settings, documented_fields, load_settings


def test_every_setting_is_documented():
    missing = [k for k, v in documented_fields().items() if not v]
    assert missing == []


def test_toml_overrides(tmp_path):
    f = tmp_path / "sinodesk.toml"
    f.write_text('db = "team.db"\n[fetch]\ntimeout = 5\n[ingest]\nlanguages = ["en", "zh"]\n')
    s = load_settings(f)
    assert (s.db, s.fetch.timeout, s.ingest.languages) == ("team.db", 5, ("en", "zh"))
    assert load_settings(f, db="cli.db").db == "cli.db"


def test_bad_config(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text("[fetch]\ntimeuot = 5\n")
    with pytest.raises(ConfigError, match=r"bad.toml \[fetch\]: unknown setting 'timeuot' \(known: max_bytes, max_redirects, timeout, user_agent\)"):
        load_settings(f)
    f.write_text("[fetch]\ntimeout = 'soon'\n")
    with pytest.raises(ConfigError, match="setting 'timeout' must be a number, got 'soon'"):
        load_settings(f)
    f.write_text("not = [toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(f)


def test_topic_settings_and_training_options(tmp_path):
    f = tmp_path / "sinodesk.toml"
    f.write_text('[topics]\nlanguages = ["en"]\nthreshold = 0.4\n[topic_learner]\nC = 2\ncalibration_folds = 3\n[topic_features]\nembedding = 0.5\n')
    s = load_settings(f)
    assert (s.topics.languages, s.topics.threshold, s.topic_learner.C, s.topic_learner.calibration_folds, s.topic_features.embedding) == (
        ("en",), 0.4, 2, 3, 0.5)
    assert Settings().topics.threshold is None  # each topic's own threshold
    f.write_text('[topics]\nthreshold = "high"\n')
    with pytest.raises(ConfigError, match=r"^topics: setting 'threshold' must be a number from 0 to 1 \(or left out for each topic's own\), got 'high'$"):
        load_settings(f)


def test_every_setting_declares_its_help_with_the_field():
    import dataclasses

    import pytest as _pytest

    from sinodesk.options import setting
    from sinodesk.settings import documented_fields

    helps = documented_fields()
    assert len(helps) > 100 and all(helps.values()), [k for k, v in helps.items() if not v]
    assert helps["segment.cohesion"].startswith("split text with no visible structure")
    with _pytest.raises(ValueError, match="a setting needs a help line"):
        setting(1, " ")

    @dataclasses.dataclass(frozen=True)
    class Demo:
        n: int = setting(3, "how many")

    assert Demo().n == 3 and dataclasses.fields(Demo)[0].metadata["help"] == "how many"


def test_a_setting_with_choices_takes_only_those(tmp_path):
    f = tmp_path / "sinodesk.toml"
    f.write_text('[ingest]\nlanguage_models = "full"\n[events]\ndecision = "learned"\n')
    s = load_settings(f)
    assert (s.ingest.language_models, s.events.decision) == ("full", "learned")
    assert Settings().ingest.language_models == "compact"
    f.write_text('[ingest]\nlanguage_models = "large"\n')
    with pytest.raises(ConfigError, match=r"^.*sinodesk.toml \[ingest\]: setting 'language_models' must be one of 'compact', 'full', got 'large'$"):
        load_settings(f)
    f.write_text('[events]\ndecision_short = "rules"\n')
    with pytest.raises(ConfigError, match=r"setting 'decision_short' must be one of 'score', 'learned', got 'rules'$"):
        load_settings(f)
    from sinodesk.options import setting
    with pytest.raises(ValueError, match=r"default 'x' is not one of the choices \('a', 'b'\)"):
        setting("x", "a help line", choices=("a", "b"))
