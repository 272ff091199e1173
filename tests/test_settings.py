"""Settings: one object, every field documented, read from sinodesk.toml with clear errors."""

from __future__ import annotations

import pytest

from sinodesk.errors import ConfigError
from sinodesk.settings import documented_fields, load_settings


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
    with pytest.raises(ConfigError, match="setting 'timeout' must be float, got 'soon'"):
        load_settings(f)
    f.write_text("not = [toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(f)
