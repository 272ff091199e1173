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
