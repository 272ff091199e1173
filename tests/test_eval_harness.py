"""The one eval path: a fresh archive through the Runner, read back as export writes it."""

from sinodesk.eval.harness import ingest_items, ingest_texts
from sinodesk.serialize import CONTRACT_FIELDS


def test_ingest_items_maps_lines_to_stories():
    items = [
        {"title": "Port strike spreads to three cities", "text": "Dock workers in Ningbo walked out on Monday over pay. " * 8, "url": "https://example.org/a"},
        {"title": "Rain delays harvest in Henan", "text": "Farmers in Henan said heavy rain had delayed the wheat harvest by two weeks. " * 6},
    ]
    run = ingest_items(items)
    assert run.summary.documents == 2
    lines = run.by_line()
    assert sorted(lines) == [1, 2]
    first = lines[1][0]
    assert set(CONTRACT_FIELDS) <= set(first)
    assert first["headline"] == "Port strike spreads to three cities"
    assert run.doc_text(first["doc_id"])[first["start"]:first["end"]].startswith("Dock workers")


def test_ingest_texts_names_sources_by_file_name():
    run = ingest_texts({"one.txt": "Harbour fees cut\n\nThe port authority in Tianjin said on Tuesday it would cut harbour fees by a tenth from May. " * 3})
    assert set(run.by_source()) == {"one.txt"}


def test_a_stage_failure_stops_the_eval_instead_of_scoring_what_is_left(monkeypatch):
    import pytest

    import sinodesk.pipeline as pipeline
    from sinodesk.errors import EvalBroken

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "extract", broken)
    with pytest.raises(EvalBroken) as err:
        ingest_texts({"one.txt": "Harbour fees cut\n\nThe port authority in Tianjin said on Tuesday it would cut harbour fees. " * 3})
    message = str(err.value)
    assert message.startswith("eval: a stage failed inside sinodesk on 1 of the items, so no figure of this run would be right (first: ")
    assert message.endswith("one.txt: stage 'extract' failed (ZeroDivisionError: division by zero)); fix that stage and run the eval again")


def test_bad_input_is_no_bug_and_the_eval_goes_on():
    run = ingest_items([{"url": "https://example.org/empty"}, {"title": "Rain delays harvest in Henan",
                                                                  "text": "Farmers in Henan said rain delayed the harvest. " * 6}])
    assert run.summary.documents == 1 and len(run.rejections) == 1


def test_a_repeated_line_is_the_document_it_repeats():
    # the same url, title and text twice: ingest stores one document (summary.repeated), and the second line
    # reads back that document's stories (an eval used to score it as an event of its own); a line that
    # differs only in its date is the same document too, one that differs in its text is not
    same = {"title": "Rain delays harvest in Henan", "text": "Farmers in Henan said heavy rain had delayed the wheat harvest. " * 6}
    other = {"title": "Port strike spreads", "text": "Dock workers in Ningbo walked out on Monday over pay. " * 8}
    run = ingest_items([same, other, same, {**same, "date": "2026-05-01"}])
    assert (run.summary.documents, run.summary.repeated) == (2, 2)
    lines = run.by_line()
    assert sorted(lines) == [1, 2, 3, 4]
    assert [s["story_id"] for s in lines[1]] == [s["story_id"] for s in lines[3]] == [s["story_id"] for s in lines[4]]
    assert lines[1][0]["story_id"] != lines[2][0]["story_id"]
