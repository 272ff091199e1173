"""Outlet registry: size, lookups in English and Chinese, domains, families, bad files."""

from __future__ import annotations

import pytest

from sinodesk.errors import ConfigError
from sinodesk.stages.extract.outlets import FAMILIES, load_registry
from tests.conftest import outlet_toml


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def test_registry_is_large_and_complete(reg):
    assert len(reg) >= 150
    for o in reg:
        assert o.family in FAMILIES, o.id
        assert o.name and o.region and o.owner and o.alignment and o.sources, o.id
    families = {o.family for o in reg}
    assert {"PRC state", "PRC commercial", "Hong Kong", "Taiwan", "overseas Chinese / exile",
            "think tank / monitor", "Western press", "Indian press", "security vendor"} <= families


@pytest.mark.parametrize(
    "name, oid",
    [("Xinhua", "xinhua"), ("新华社", "xinhua"), ("新華社", "xinhua"), ("global times", "global-times"),
     ("環球時報", "global-times"), ("HKET", "hket"), ("Liberty Times Network", "liberty-times"),
     ("自由時報", "liberty-times"), ("Central News Agency (Taiwan)", "cna"), ("The Paper", "the-paper"),
     ("澎湃新闻", "the-paper"), ("Radio Free Asia", "rfa"), ("Check Point Research", "check-point"),
     ("Department of State website", "state-department"), ("Epoch Times", "epoch-times")],
)
def test_match_names_and_aliases(reg, name, oid):
    assert reg.match(name).id == oid


def test_match_rejects_unknown_names(reg):
    assert reg.match("Daily Planet") is None
    assert reg.match("") is None


def test_by_url_uses_parent_domains(reg):
    assert reg.by_url("https://ec.ltn.com.tw/article/breakingnews/3867177").id == "liberty-times"
    assert reg.by_url("https://world.huanqiu.com/article/47Ecx6AuEL5").id == "global-times"
    assert reg.by_url("https://www.bbc.com/zhongwen/simp/world-1").id == "bbc-chinese"
    assert reg.by_url("https://www.bbc.com/news/world-1").id == "bbc"
    assert reg.by_url("https://bit.ly/3JKnEvf") is None


def test_family_of_id_name_or_url(reg):
    assert reg.family_of("xinhua") == "PRC state"
    assert reg.family_of("Caixin") == "PRC commercial"
    assert reg.family_of("大紀元") == "overseas Chinese / exile"
    assert reg.family_of("https://www.taipeitimes.com/x") == "Taiwan"
    assert reg.family_of("Unknown Gazette") is None


def test_bad_registry_file_names_the_problem(tmp_path):
    bad = tmp_path / "o.toml"
    bad.write_text('[[outlet]]\nid = "x"\naliases = ["Ex"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^o.toml outlet #1 \(x\): missing field\(s\) name \(every outlet needs at least id and name\)$"):
        load_registry(bad)
    bad.write_text('[[outlet]]\nid = "x"\nname = "X"\naliases = "Ex"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r'^o.toml outlet #1 \(x\): aliases must be a list of strings, e.g. aliases = \["..."\]$'):
        load_registry(bad)
    bad.write_text("[[outlet]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_registry(bad)


def test_own_outlets_win_names_they_share_with_packaged_ones(tmp_path):
    (tmp_path / "own.toml").write_text(outlet_toml(
        "scmp-weekend", "SCMP Weekend Desk", ["SCMP"], ["scmp.com"], family="PRC commercial", owner="Alibaba Group",
        alignment="a desk's own split of one paper (fictional, for this test)"), encoding="utf-8")
    reg = load_registry(extra=[tmp_path / "own.toml"])
    assert reg.match("SCMP").id == "scmp-weekend" and reg.by_url("https://www.scmp.com/news/1").id == "scmp-weekend"
    assert reg.match("South China Morning Post").id == "scmp"  # the packaged outlet keeps its other names
    with pytest.raises(ConfigError, match=r"outlet registry cannot be read \(Is a directory; fix the 'outlets' list"):
        load_registry(extra=[tmp_path])


def test_an_outlet_needs_only_id_and_name(tmp_path):
    own = tmp_path / "own.toml"
    own.write_text('[[outlet]]\nid = "harbin-daily"\nname = "Harbin Daily"\n', encoding="utf-8")
    reg = load_registry(extra=[own])
    o = reg.match("harbin daily")
    assert (o.id, o.aliases, o.domains, o.owner) == ("harbin-daily", (), (), "")
    assert reg.family_of("harbin-daily") == "Harbin Daily"  # no family given: a family of its own


def test_stored_names_resolve_ids_aliases_and_families():
    reg = load_registry()
    stored = ["Radio Free Asia", "RFA", "自由亞洲電台", "Global Times", "环球时报", "Aktuality.sk", "Caixin"]
    assert reg.stored_names("rfa", stored) == ("Radio Free Asia", "RFA", "自由亞洲電台")
    assert reg.stored_names("環球時報", stored) == ("Global Times", "环球时报")
    assert reg.stored_names("aktuality.sk", stored) == ("Aktuality.sk",)  # not registered: the stored name itself
    assert reg.family_names("prc state", stored) == ("Global Times", "环球时报")
    assert reg.family_names("Aktuality.sk", stored) == ("Aktuality.sk",)


def test_us_and_uk_regional_outlets_with_their_owners(reg):
    assert reg.match("Manchester Evening News").owner == "Reach plc"
    assert reg.match("LA Times").id == "los-angeles-times"
    assert reg.match("the Denver Post").owner.startswith("MediaNews Group")
    assert reg.by_url("https://www.miamiherald.com/news/local/article1.html").id == "miami-herald"
    assert reg.family_of("Liverpool Echo") == "Western press"
