"""The pipeline: ordered stages that declare what they need, pure over frozen records."""

from __future__ import annotations

import dataclasses

import pytest

from sinodesk.pipeline import STAGES, Context, Stage, check_stages, process_document
from sinodesk.records import Document
from sinodesk.settings import Settings
from sinodesk.stages.language import LanguageDetector


def test_stage_order_is_checked():
    assert [s.name for s in STAGES] == ["clean", "segment", "language", "extract", "classify", "incidents"]
    broken = (STAGES[1], STAGES[0]) + STAGES[2:]
    with pytest.raises(RuntimeError, match="stage 'segment' requires \\['cleaned'\\]"):
        check_stages(broken)


def test_records_are_frozen():
    doc = Document("d", "r", "s", "text", "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "y"


def test_process_document_languages():
    ctx = Context(settings=Settings(), detector=LanguageDetector(Settings().ingest.languages))
    doc = Document("d", "r", "s", "text", "据新华社报道，国家统计局周一公布的数据显示，一季度国内生产总值同比增长百分之五点三，好于市场预期。")
    (story,) = process_document(doc, ctx)
    assert story.language == "zh" and story.start == 0 and story.end == len(doc.text)
    doc = Document("d2", "r", "s", "text", "The customs agency said exports rose in the first quarter, led by ships and electric cars.")
    assert process_document(doc, ctx)[0].language == "en"
