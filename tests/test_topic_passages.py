"""[topics] passages: a long story is also read passage by passage, so its second topic is not diluted
(a topic counts when two passages, and a quarter of them, reach it)."""

from __future__ import annotations

import dataclasses

import pytest

from sinodesk.errors import ConfigError
from sinodesk.eval.harness import ingest_items
from sinodesk.settings import Settings
from sinodesk.stages.classify import LabelledExample, LearnerOptions, TopicOptions, load_default_model, train_topic_model
from sinodesk.stages.classify.model import LONG_STORY_CHARS, passages, story_text

TRADE = [
    "Chinese and Australian trade officials met in Canberra on Tuesday to discuss tariffs on barley, wine and beef.",
    "The two sides reviewed how exports have recovered since the duties were lifted and agreed to hold talks on iron ore prices.",
    "Farm groups said shipments of wine to Chinese buyers had doubled in the first quarter.",
    "The commerce ministry said bilateral trade reached a record last year and that both sides want more investment in lithium processing.",
    "Exporters of seafood asked for faster customs checks at Chinese ports.",
    "Economists said the recovery of trade would lift growth in farming regions.",
    "Wine makers in South Australia said Chinese importers had signed contracts for the next two harvests.",
    "Beef producers said they hoped the remaining suspended abattoirs would be allowed to export again by the end of the year.",
    "The trade minister said the two economies depend on each other and that the talks had been constructive.",
]
NAVY = [  # the second topic: three sentences of a long trade story
    "Separately, the navy said a Chinese destroyer had fired a sonar pulse near Australian divers during a naval exercise in international waters.",
    "The defence minister said the warship's conduct was unsafe and that the military had lodged a protest with the People's Liberation Army.",
    "Navy officials said the frigate's crew were treated for minor injuries after the incident, the latest in a series of close encounters between the two militaries.",
]
STORY = " ".join(TRADE + NAVY + ["Trade ministers are due to meet again in June."])
HEADLINE = "Trade Talks Resume in Canberra"


def test_passages_pack_whole_sentences_up_to_the_size():
    parts = passages(STORY, 300)
    assert " ".join(parts) == STORY  # nothing lost, nothing cut inside a sentence
    assert all(len(p) <= 300 for p in parts) and len(parts) == 6
    assert parts[0] == " ".join(TRADE[:2])
    assert passages("一句很长的话。" * 3 + "\n另一段；还有一句！", 15) == ["一句很长的话。一句很长的话。", "一句很长的话。\n另一段；", "还有一句！"]
    assert passages("One sentence longer than the size. Short.", 10) == ["One sentence longer than the size.", "Short."]


def test_a_second_topic_two_passages_are_about_is_given():
    model = load_default_model()
    assert len(STORY) >= LONG_STORY_CHARS and model.reads_passages(TopicOptions())  # the packaged model: on by default
    off = model.classify(STORY, HEADLINE, "en", TopicOptions(passages=0))
    on = model.classify(STORY, HEADLINE, "en")
    assert off.labels[0] == "economy_trade" and "military_security" not in off.labels
    assert on.labels[0] == "economy_trade" and "military_security" in on.labels
    assert on.scores["military_security"] > off.scores["military_security"]
    assert all(on.scores[k] >= off.scores[k] for k in on.scores)  # passages only ever add evidence


def test_a_topic_of_one_passage_only_or_a_short_story_is_not_added():
    model = load_default_model()
    one = " ".join(TRADE + NAVY[:1] + ["Trade ministers are due to meet again in June."])  # the navy in one passage
    assert len(passages(one, 300)) >= 3
    assert "military_security" not in model.classify(one, HEADLINE, "en").labels
    short = " ".join(TRADE[:3] + NAVY[:2])  # under LONG_STORY_CHARS: read as a whole only
    assert len(short) < LONG_STORY_CHARS
    assert model.classify(short, HEADLINE, "en").scores == model.classify(short, HEADLINE, "en", TopicOptions(passages=0)).scores


def test_in_a_very_long_story_two_passages_are_not_enough():
    # 14 passages: the navy reaches its threshold in two of them, under a quarter, so it is not the story's topic
    model = load_default_model()
    j = model.labels.index("military_security")
    story = " ".join(TRADE[:5] + NAVY[:2] + TRADE * 2 + NAVY[1:] + TRADE[5:])
    parts = passages(story_text(story, HEADLINE), 300)
    per_passage = model.whole_scores(parts)[:, j]
    assert len(parts) == 14 and (per_passage >= model.thresholds[j]).sum() == 2
    assert "military_security" not in model.classify(story, HEADLINE, "en").labels


def test_through_ingest_the_long_story_gets_its_second_topic():
    run = ingest_items([{"title": HEADLINE, "text": STORY}])
    (story,) = run.stories
    assert story["topics"][0] == "economy_trade" and "military_security" in story["topics"]
    settings = Settings()
    run = ingest_items([{"title": HEADLINE, "text": STORY}], dataclasses.replace(settings, topics=dataclasses.replace(settings.topics, passages=0)))
    assert "military_security" not in run.stories[0]["topics"]


def test_automatic_choice_follows_the_training_texts_length():
    short = [LabelledExample(f"Hackers stole passwords from bank {i}.", None, "en", ("cyber",)) for i in range(4)]
    short += [LabelledExample(f"Exports to market {i} grew last month.", None, "en", ("economy_trade",)) for i in range(4)]
    fast = LearnerOptions(choose=False, calibration_folds=2)
    model = train_topic_model(short, base="none", date="20250701", learner=fast)
    assert model.trained_on["median_chars"] < 400 and model.reads_passages(TopicOptions())
    long = [dataclasses.replace(ex, text=ex.text + " More detail follows." * 25) for ex in short]
    model = train_topic_model(long, base="none", date="20250701", learner=fast)
    assert model.trained_on["median_chars"] >= 400 and not model.reads_passages(TopicOptions())  # full articles: off
    assert model.reads_passages(TopicOptions(passages=1))
    older = dataclasses.replace(model, trained_on={k: v for k, v in model.trained_on.items() if k != "median_chars"})
    assert not older.reads_passages(TopicOptions())  # a model stored before the median was recorded: off


def test_bad_passage_settings_are_clear_errors():
    with pytest.raises(ConfigError) as err:
        TopicOptions(passages=2)
    assert str(err.value) == "topics: setting 'passages' must be 1 (on), 0 (off) or -1 (automatic), got 2"
    with pytest.raises(ConfigError) as err:
        TopicOptions(passage_chars=10)
    assert str(err.value) == "topics: setting 'passage_chars' must be at least 50 characters, got 10"
