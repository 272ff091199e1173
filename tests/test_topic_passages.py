"""[topics] passages: a long story is also read passage by passage, so its second topic is not diluted
(a topic counts when two passages, and a quarter of them, reach it)."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from sinodesk.errors import ConfigError
from sinodesk.eval.harness import ingest_items
from sinodesk.settings import Settings
from sinodesk.stages.classify import FeatureOptions, LabelledExample, LearnerOptions, TopicOptions, load_default_model, train_topic_model
from sinodesk.stages.classify.embed import MAX_PIECES, StaticEmbedder
from sinodesk.stages.classify.features import normalize, tokens
from sinodesk.stages.classify.model import LONG_STORY_CHARS, PASSAGE_SHARE, passages, story_text

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


def _read_twice(model, texts, opts=TopicOptions()):
    """The passage rule as first written: each long story read whole, then its passages read again as texts of their own."""
    probs = model.whole_scores(texts)
    for i, text in enumerate(texts):
        parts = passages(text[: model.features.max_chars], opts.passage_chars) if len(text) >= LONG_STORY_CHARS else []
        if len(parts) >= 2:
            kth = max(2, -(-len(parts) // PASSAGE_SHARE))
            probs[i] = np.maximum(probs[i], np.partition(model.whole_scores(parts), -kth, axis=0)[-kth])
    return probs


JOINTS = [  # stories whose passage joints fall inside a lexicon term, a word bigram, a passage without words, Chinese text
    " ".join(TRADE[:2] + ["The ministry tightened its rules on chip export.", "Control of rare earths was also discussed."] + TRADE[2:] + NAVY),
    " ".join(TRADE[:2]) + "\n" + "\u2014" * 320 + "\n" + " ".join(TRADE[2:] + NAVY),
    "商务部周二宣布对部分稀土实施出口管制。" * 30 + " Export controls on chips were tightened. " + "解放军海军在南海举行演习。" * 30,
]


def test_one_reading_of_the_passages_scores_as_reading_the_story_again():
    model = load_default_model()
    lexicon = model.lexicon
    for text in [story_text(STORY, HEADLINE), *JOINTS]:
        parts = passages(text, 300)
        assert len(text) >= LONG_STORY_CHARS and len(parts) >= 3
        one = model.story_and_passages(text, parts)
        twice = model.whole_scores([text, *parts])
        assert np.abs(one - twice).max() < 1e-5
        toks = [tokens(normalize(p)) for p in parts]
        assert [t for part in toks for t in part] == tokens(normalize(text))  # no token runs across a joint
        assert lexicon.joined_hits(toks, [lexicon.hits(t) for t in toks]) == lexicon.hits(tokens(normalize(text)))
    first, second = passages(JOINTS[0], 300)[:2]
    assert first.endswith("export.") and second.startswith("Control")  # the term "export control" runs across the joint
    assert lexicon.hits(tokens(normalize(JOINTS[0])))[("export", "control")] == 1
    assert not any(tokens(normalize(p)) for p in passages(JOINTS[1], 300)[1:2])  # a passage without a word between two


def test_one_reading_keeps_the_embedding_window_of_the_whole_story():
    emb = StaticEmbedder.packaged()
    norms = [normalize(p) for p in passages(" ".join(TRADE * 8 + NAVY), 300)]
    ids = [emb.piece_ids(n) for n in norms]
    assert sum(map(len, ids)) > MAX_PIECES  # the whole story is read up to MAX_PIECES pieces, its passages in full
    joined = emb.embed_joined(ids)
    assert np.abs(joined[0] - emb.embed_ids([[i for part in ids for i in part][:MAX_PIECES]])[0]).max() < 1e-5
    assert np.abs(joined[1:] - emb.embed_ids(ids)).max() < 1e-5
    assert np.abs(emb.embed_joined(ids[:2])[0] - emb.embed_ids([ids[0] + ids[1]])[0]).max() < 1e-5
    assert not emb.embed_joined([[], ids[0]])[1].any()  # a passage without a known piece: a zero row, as before


def test_models_with_features_of_the_whole_text_read_it_whole():
    examples = [LabelledExample(f"Hackers stole passwords from bank {i}. 黑客窃取了银行密码。", None, "en", ("cyber",)) for i in range(6)]
    examples += [LabelledExample(f"Exports to market {i} grew last month. 出口增长。", None, "en", ("economy_trade",)) for i in range(6)]
    fast = LearnerOptions(choose=False, calibration_folds=2)
    for feats in (FeatureOptions(pieces=2), FeatureOptions(cjk_whole_text=True)):
        model = train_topic_model(examples, base="default", date="20250701", features=feats, learner=fast)
        for text in JOINTS:
            parts = passages(text, 300)
            assert np.abs(model.story_and_passages(text, parts) - model.whole_scores([text, *parts])).max() < 1e-5


def test_gold_and_long_articles_get_the_same_topics_as_reading_twice(seeds_dir, eval_dir):
    from sinodesk.eval.topics import default_gold, load_gold

    model = load_default_model()
    opts = TopicOptions()
    texts = [story_text(ex.text, ex.headline) for ex in load_gold(default_gold(), seeds_dir)]
    with (eval_dir / "bbc-news-topics" / "bbc_news.jsonl").open(encoding="utf-8") as fh:
        texts += [f"{row['title']}\n{row['text']}" for row in map(json.loads, list(fh)[::10])]
    assert sum(len(t) >= LONG_STORY_CHARS for t in texts) > 200
    for batch in (texts[:16], texts[16:]):  # one story at a time and many at once
        once, twice = model.score_texts(batch, opts), _read_twice(model, batch, opts)
        assert np.abs(once - twice).max() < 1e-5
        assert [model.result(p, opts).labels for p in once] == [model.result(p, opts).labels for p in twice]
