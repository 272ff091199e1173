"""`eval extract`'s misses by kind: each gold entity of a public set counted as found, wrong type,
boundary or not found, by its class (figures a blind set can report without anyone reading its items)."""

from sinodesk.eval.extract import ExtractReport, _entity_kinds, entity_outcome


def test_each_gold_entity_gets_one_outcome():
    preds = [("PERSON", "fish"), ("ORG", "wang lei"), ("PLACE", "yangtze river"), ("ORG", "state council")]
    assert entity_outcome((("ORG",), "state council"), preds) == "found"
    assert entity_outcome((("ORG", "PERSON"), "wang lei"), preds) == "found"  # any allowed class matches
    assert entity_outcome((("PERSON",), "yangtze river"), preds) == "wrong type"
    assert entity_outcome((("ORG",), "fish and wildlife service"), preds) == "boundary"  # "fish" lies inside it
    assert entity_outcome((("PLACE",), "yangtze"), preds) == "boundary"  # a prediction holds it
    assert entity_outcome((("ORG",), "xinhua"), preds) == "not found"


def test_the_report_counts_outcomes_by_the_first_class_and_prints_them():
    rep = ExtractReport(name="x")
    _entity_kinds(rep, [(("ORG",), "xinhua"), (("ORG",), "state council"), (("PERSON",), "li qiang")],
                  [("ORG", "state council"), ("PLACE", "li qiang")])
    assert rep.entity_kinds == {"ORG": {"found": 1, "wrong type": 0, "boundary": 0, "not found": 1},
                                "PERSON": {"found": 0, "wrong type": 1, "boundary": 0, "not found": 0}}
    assert rep.as_dict()["entities_by_class"]["ORG"]["not found"] == 1


def test_each_gold_number_gets_one_outcome_and_extras_are_counted_by_kind():
    from sinodesk.eval.extract import number_outcomes

    golds = [(1200000000, "USD", "about $1.2 billion"), (40, "percent", "40%"), (16, "years", "aged from 16 to 24"),
             (3000, "people", "3,000 people"), (0.3333, "fraction", "one-third"), (12, "botnets", "12 botnets")]
    preds = [(1200000000.0, "USD", "about $1.2 billion"), (40.0, "percentage points", "40 percentage points"),
             (24.0, "years", "24"), (3000.0, "people", "3,000 people"), (7.0, "ships", "seven ships")]
    outcomes, extra = number_outcomes(golds, preds)
    assert outcomes == ["found", "other unit", "other value", "found", "not found", "not found"]
    assert sorted(p[1] for p in extra) == ["percentage points", "ships", "years"]


def test_the_report_counts_numbers_by_unit_kind_and_prints_them():
    from sinodesk.eval.extract import _number_kinds, format_reports

    rep = ExtractReport(name="x")
    _number_kinds(rep, [(5000000, "CNY", "500万元"), (30000, "people", "3万人"), (33, "years", "33-year-old")],
                  [(5000000.0, "CNY", "500万元"), (3.0, "people", "3万人")])
    kinds = rep.as_dict()["numbers_by_outcome"]
    assert kinds["money"] == {"found": 1, "other unit": 0, "other value": 0, "not found": 0, "extra": 0}
    assert kinds["people"]["other value"] == 1 and kinds["people"]["extra"] == 1
    assert kinds["durations and ages"]["not found"] == 1
    assert "x: gold numbers by unit kind, people 1: found 0, other unit 0, other value 1, not found 0, extra 1" in format_reports([rep])


def test_unit_kinds_follow_the_extractors_units():
    from sinodesk.stages.extract.numbers import unit_kind

    assert [unit_kind(u) for u in ("HKD", "cents", "percentage points", "times", "months", "victims", "tonnes", "square feet",
                                   "attacks", None)] == [
        "money", "money", "percent", "ratio", "durations and ages", "people", "measures", "measures", "counted nouns", "no unit"]
