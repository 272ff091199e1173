"""Extract stage, first version: empty results (the fields exist; the extraction issue fills them)."""

from __future__ import annotations

from dataclasses import dataclass

from ...records import Document, Extraction, Segment


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    use_spacy: bool = False  # help: add spaCy NER (slower, more recall) to the gazetteer/rules pass


def extract(doc: Document, seg: Segment, language: str | None, opts: ExtractOptions = ExtractOptions()) -> Extraction:
    return Extraction()
