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


@pytest.mark.parametrize("models", ["compact", "full"])
def test_language_models_compact_and_full_agree_on_stories(models):
    """Both lingua model sets name the language of ordinary stories the scripts and English words leave open."""
    det = LanguageDetector(Settings().ingest.languages, models)
    stories = {
        "fr": "Le gouvernement a présenté mardi un projet de loi sur la cybersécurité des opérateurs de réseaux, "
              "qui devront signaler toute intrusion dans les vingt-quatre heures.",
        "de": "Die Bundesregierung hat am Dienstag einen Gesetzentwurf zur Sicherheit der Netzbetreiber vorgelegt; "
              "Angriffe müssen künftig binnen eines Tages gemeldet werden.",
        "es": "El gobierno presentó el martes un proyecto de ley sobre la seguridad de las redes, que obliga a los "
              "operadores a informar de cualquier intrusión en un plazo de veinticuatro horas.",
        "pt": "O governo apresentou na terça-feira um projeto de lei sobre a segurança das redes, que obriga as "
              "operadoras a comunicar qualquer invasão no prazo de vinte e quatro horas.",
        "vi": "Chính phủ đã trình dự luật về an ninh mạng vào thứ Ba, yêu cầu các nhà mạng báo cáo mọi vụ xâm nhập "
              "trong vòng hai mươi bốn giờ.",
    }
    assert {lang: det(text) for lang, text in stories.items()} == {lang: lang for lang in stories}
    assert det.models == models


def test_language_models_unknown_is_refused():
    with pytest.raises(ValueError, match=r"language models 'huge': choose one of compact, full"):
        LanguageDetector(("en", "fr"), "huge")


def test_short_english_headlines_with_the_compact_models():
    """Trigrams alone call many English headlines German or French; a few common English words settle them,
    but not a headline with another language's function words, accents, or a single word."""
    from sinodesk.stages.language import short_english

    det = LanguageDetector(Settings().ingest.languages, "compact")
    english = ["Hackers knock Hangzhou cloud provider offline", "Port strike delays chip shipments",
               "Tariff talks stall over steel quotas"]
    assert [det(h) for h in english] == ["en"] * 3
    assert short_english("Hackers knock Hangzhou cloud provider offline")
    assert not short_english("Ministerium plant neue Regeln und ein Verbot")  # und, ein
    assert not short_english("O governo anuncia novas regras para bancos")  # para
    assert not short_english("Gobierno anuncia nuevas reglas para la banca")  # para, la
    assert not short_english("Geschichte")  # one word says nothing
    assert not short_english("Le ministère annonce de nouvelles règles")  # accents
    assert not short_english("Tariff talks stall over steel quotas " * 5)  # not short: lingua's call stands
    assert det("Ministerium plant neue Regeln und ein Verbot für Banken") == "de"
