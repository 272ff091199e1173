"""Topic classification: the packaged model, options, storage, training from corrections, CLI."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from sinodesk.errors import BadInput, ConfigError
from sinodesk.stages.classify import (
    FeatureOptions,
    LabelledExample,
    LearnerOptions,
    TopicModel,
    TopicOptions,
    classify,
    load_default_model,
    load_taxonomy,
    read_labelled_jsonl,
    shipped_examples,
    taxonomy_labels,
    train_topic_model,
)
from sinodesk.stages.classify.embed import StaticEmbedder
from sinodesk.stages.classify.features import analyze, normalize

LABELS = (
    "cyber", "tech_ai", "economy_trade", "politics_governance", "foreign_relations", "military_security",
    "law_regulation", "society_censorship", "health", "history_culture", "environment_energy",
)


def test_taxonomy_has_the_eleven_topics_with_chinese_names():
    tax = load_taxonomy()
    assert tax.labels == LABELS
    assert taxonomy_labels() == LABELS
    names = {t.label: t.name_zh for t in tax.topics}
    assert names["cyber"] == "网络安全" and names["health"] == "卫生健康"
    assert all(len(t.en) >= 25 and len(t.zh) >= 20 for t in tax.topics)


def test_english_stories_get_their_topics():
    r = classify(
        "Security researchers said a botnet of hijacked routers launched DDoS attacks on a Chinese AI start-up, "
        "forcing it to pause new registrations.", "Botnet Hits AI Start-Up", "en")
    assert r.labels[0] == "cyber"
    assert "health" not in r.labels and "history_culture" not in r.labels
    assert 1 <= len(r.labels) <= 3
    assert set(r.scores) == set(LABELS)
    assert all(0.0 <= v <= 1.0 for v in r.scores.values())
    assert re.fullmatch(r"topics-\d{8}-[0-9a-f]{12}", r.model_version)


def test_chinese_and_traditional_chinese_stories():
    simp = classify("解放军东部战区在台湾海峡附近举行海空联合演习，出动多艘军舰和战机。", None, "zh")
    trad = classify("解放軍東部戰區在台灣海峽附近舉行海空聯合演習，出動多艘軍艦和戰機。", None, "zh")
    assert simp.labels[0] == "military_security"
    assert trad.labels == simp.labels
    assert normalize("軍艦") == "军舰"
    assert "economy_trade" not in simp.labels


def test_options_threshold_max_and_min_topics():
    text = "The court fined the platform under the new data rules after hackers stole customer records, and its shares fell."
    many = classify(text, None, "en", opts=TopicOptions(threshold=0.0, max_topics=3))
    assert len(many.labels) == 3
    one = classify(text, None, "en", opts=TopicOptions(threshold=1.0, max_topics=3, min_topics=1))
    assert len(one.labels) == 1 and one.labels[0] == max(one.scores, key=one.scores.get)
    none = classify(text, None, "en", opts=TopicOptions(threshold=1.0, min_topics=0, fallback=0.0))
    assert none.labels == ()


def test_features_mix_words_bigrams_and_chinese_ngrams():
    feats = analyze("Hackers hit 网络安全", FeatureOptions())
    assert "hacker" in feats and "hacker hit" in feats
    assert {"网络", "网络安", "安全"} <= set(feats)
    assert not any(f.startswith("w:") for f in feats)


def test_embedding_pieces_as_features_with_chinese_piece_bigrams_only():
    feats = analyze("国务院发布出口管制 export controls", FeatureOptions(pieces=2))
    pieces = [f for f in feats if f.startswith("p:")]
    unigrams = [f for f in pieces if "_" not in f]
    bigrams = [f for f in pieces if "_" in f]
    assert len(unigrams) >= 6  # 国务院 发布 出口 管制 + the English word pieces (and word-start marks)
    # bigrams join consecutive Chinese pieces only: English has word bigrams already
    assert 2 <= len(bigrams) <= 4
    one = [f for f in analyze("国务院发布出口管制 export controls", FeatureOptions(pieces=1)) if f.startswith("p:")]
    assert one == unigrams
    assert not any(f.startswith("p:") for f in analyze("国务院发布出口管制", FeatureOptions(pieces=0)))
    assert not any(f.startswith("p:") for f in analyze("export controls", FeatureOptions(pieces=2)) if "_" in f)


def test_automatic_pieces_follow_the_training_set_size():
    from sinodesk.stages.classify.features import PIECES_MIN_EXAMPLES, resolved

    auto = FeatureOptions()
    assert auto.pieces == -1
    zh, en = ["国务院发布出口管制新规"], ["Beijing issues new export control rules"]
    assert resolved(auto, zh * (PIECES_MIN_EXAMPLES - 1) + en).pieces == 2  # thousands, mostly Chinese: they help (THUCNews dev +.005/+.008)
    assert resolved(auto, zh * (PIECES_MIN_EXAMPLES - 2)).pieces == 0  # a few hundred examples: they hurt (gold set -0.02)
    assert resolved(auto, en * PIECES_MIN_EXAMPLES + zh * (PIECES_MIN_EXAMPLES - 1)).pieces == 0  # mostly English: no gain (AG News)
    assert resolved(FeatureOptions(pieces=1), en * 5).pieces == 1  # a value set by hand is kept
    assert not any(f.startswith("p:") for f in analyze("国务院发布出口管制", auto))  # unresolved: none
    # the packaged model (342 shipped examples) stores the choice it was built with
    model = load_default_model()
    assert model.features.pieces == 0 and model.trained_on["pieces"] == 0
    assert TopicModel.from_bytes(model.to_bytes()).features.pieces == 0


def test_model_round_trip_bytes_keeps_scores_and_version():
    model = load_default_model()
    blob = model.to_bytes()
    assert len(blob) < 2_000_000
    again = TopicModel.from_bytes(blob)
    text = "外交部发言人就美国对华加征关税答记者问。"
    assert again.version == model.version
    assert again.classify(text).scores == model.classify(text).scores


def test_bad_model_blob_is_rejected_with_a_fix():
    with pytest.raises(BadInput, match=r"not a sinodesk topic model .*retrain it with 'sinodesk train topics'"):
        TopicModel.from_bytes(b"not a model")


def test_default_model_is_deterministic():
    from sinodesk.stages.classify import DEFAULT_MODEL_LEARNER
    from sinodesk.stages.classify.model import build_model, shipped_examples

    tax = load_taxonomy()
    a = build_model(tax, shipped_examples(), learner=DEFAULT_MODEL_LEARNER, date="20250601")
    assert a.version == load_default_model().version
    assert a.to_bytes() == load_default_model().to_bytes()


STORY = LabelledExample(
    "Power use hit a record in Jiangsu as air conditioners ran day and night; the grid company asked steel plants "
    "to pause evening shifts.", "Heatwave Pushes Demand to Record", "en", ("environment_energy", "economy_trade"))


def test_corrections_change_the_trained_models_output():
    before = load_default_model().classify(STORY.text, STORY.headline)
    # the analyst's corrections: this story and two like it, labelled as they should be
    corrections = [
        STORY,
        LabelledExample("Factories in Zhejiang were told to shift production to night hours as electricity demand peaked.",
                        "Power Rationing Hits Factories", "en", ("environment_energy", "economy_trade")),
        LabelledExample("浙江多地工厂因用电负荷创新高被要求错峰生产，部分企业减产。", None, "zh", ("environment_energy", "economy_trade")),
    ]
    model = train_topic_model(corrections, date="20250701")
    after = model.classify(STORY.text, STORY.headline)
    assert set(after.labels) == {"environment_energy", "economy_trade"}
    assert after.labels != before.labels
    assert after.scores["economy_trade"] > before.scores["economy_trade"]
    assert model.version.startswith("topics-20250701-") and model.version != load_default_model().version
    assert model.trained_on["examples"] == len(shipped_examples()) + 3
    # stored and reloaded, the corrected model gives the same answer
    assert TopicModel.from_bytes(model.to_bytes()).classify(STORY.text, STORY.headline).labels == after.labels


def test_training_rejects_unknown_topics_and_empty_input():
    with pytest.raises(BadInput, match=r"unknown topic 'sports'; use one of cyber, tech_ai, .* or add it to the taxonomy file"):
        train_topic_model([LabelledExample("Team wins the cup.", None, "en", ("sports",))], date="20250701")
    with pytest.raises(BadInput, match=r"no labelled examples given; record corrections with 'sinodesk label'"):
        train_topic_model([], date="20250701")
    with pytest.raises(BadInput, match=r"base 'other' is unknown; use 'default' or 'none'"):
        train_topic_model([STORY], base="other")


def test_automatic_word_bigrams_follow_the_training_texts_length():
    from sinodesk.stages.classify.features import LONG_TEXT_CHARS, resolved

    auto = FeatureOptions()
    assert auto.word_bigrams == -1
    short = "Beijing issues new export control rules on chips"
    long = " ".join([short] * (LONG_TEXT_CHARS // len(short) + 1))
    assert resolved(auto, [short] * 3 + [long] * 2).word_bigrams is True  # headlines and leads: bigrams help (AG News)
    assert resolved(auto, [short] * 2 + [long] * 3).word_bigrams is False  # full articles: single words do better (BBC, Reuters)
    assert resolved(FeatureOptions(word_bigrams=1), [long] * 5).word_bigrams == 1  # a value set by hand is kept
    assert "new export" in analyze(short, auto)  # unresolved: on
    assert "new export" not in analyze(short, resolved(auto, [long]))
    model = load_default_model()  # 342 short shipped examples: bigrams on, as before the automatic choice
    assert model.features.word_bigrams is True
    assert TopicModel.from_bytes(model.to_bytes()).features.word_bigrams is True


def test_a_model_trained_on_stories_with_many_topics_may_give_that_many():
    topics = ("cyber", "tech_ai", "economy_trade", "law_regulation", "foreign_relations")
    many = [LabelledExample(f"Hackers, chips, tariffs, courts and envoys in story {i}.", None, "en", topics) for i in range(6)]
    few = [LabelledExample(f"Hackers stole passwords from bank {i}.", None, "en", ("cyber",)) for i in range(6)]
    model = train_topic_model(many + few, base="none", date="20250701", learner=LearnerOptions(choose=False, calibration_folds=2))
    assert model.trained_on["max_labels"] == 5
    text = "Hackers, chips, tariffs, courts and envoys again."
    assert len(model.classify(text, opts=TopicOptions(threshold=0.0)).labels) == 5  # automatic (0): as many as training carried
    assert len(model.classify(text, opts=TopicOptions(threshold=0.0, max_topics=3)).labels) == 3
    # the packaged model's examples carry at most 2 topics: it keeps the floor of 3
    assert load_default_model().max_topics(TopicOptions()) == 3
    with pytest.raises(ConfigError) as err:
        TopicOptions(max_topics=-1)
    assert str(err.value) == "topics: setting 'max_topics' must be 0 (automatic) or more, got -1"


def test_training_on_user_examples_alone():
    examples = [
        LabelledExample("Hackers stole passwords from the bank.", None, "en", ("cyber",)),
        LabelledExample("The bank's profit rose as lending grew.", None, "en", ("economy_trade",)),
        LabelledExample("Malware infected the bank's servers.", None, "en", ("cyber",)),
        LabelledExample("Exports and imports grew last month.", None, "en", ("economy_trade",)),
    ]
    model = train_topic_model(examples, base="none", date="20250701")
    assert model.trained_on["examples"] == 4
    assert model.classify("Hackers planted malware on the servers.").labels[0] == "cyber"


def test_read_labelled_jsonl_accepts_labels_or_topics_and_reports_bad_lines():
    rows = read_labelled_jsonl('{"text": "a", "labels": ["cyber"]}\n\n{"text": "b", "topics": "health,tech_ai"}\n', "mine.jsonl")
    assert [r.labels for r in rows] == [("cyber",), ("health", "tech_ai")]
    with pytest.raises(BadInput, match=r"mine.jsonl line 2: not JSON"):
        read_labelled_jsonl('{"text": "a", "labels": ["cyber"]}\n{oops\n', "mine.jsonl")
    with pytest.raises(BadInput, match=r'mine.jsonl line 1: "labels" must be a non-empty list'):
        read_labelled_jsonl('{"text": "a", "labels": []}\n', "mine.jsonl")


def test_bad_taxonomy_file_names_the_problem(tmp_path):
    bad = tmp_path / "topics.toml"
    bad.write_text('[topics.cyber]\nname_zh = "网络安全"\ndescription = "x"\n[topics.cyber.en]\nhack = -1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"topic 'cyber' term 'hack' has weight -1; use a positive number"):
        load_taxonomy(bad)
    bad.write_text('[topics.cyber]\ndescription = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"topic 'cyber' lacks name_zh"):
        load_taxonomy(bad)


def test_cli_topics_json_and_errors(run_cli, tmp_path):
    r = run_cli("topics", "-", "--json", input="中国海警船在南海对菲律宾补给船使用水炮。".encode())
    assert r.returncode == 0, r.stderr.decode()
    out = json.loads(r.stdout)
    assert out["topics"][0] == "military_security" and set(out["scores"]) == set(LABELS)
    r = run_cli("topics", tmp_path / "missing.txt")
    assert r.returncode == 1
    assert r.stderr.decode().strip() == f"Error: {tmp_path / 'missing.txt'}: no such file (give a text file, or '-' for stdin)"
    help_text = run_cli("eval", "topics", "--help").stdout.decode()
    assert "Example:" in help_text and "--set" in help_text


def test_static_embedding_puts_a_story_and_its_translation_together():
    from sinodesk.stages.classify import embed

    emb = StaticEmbedder.packaged()
    source = json.loads(resources.files("sinodesk.data").joinpath("embed").joinpath("E5_SOURCE.json").read_text(encoding="utf-8"))
    assert emb.vectors.shape == (source["pieces"], source["dims"]) and emb.vectors.dtype == np.int8
    dims = emb.dims
    v = embed(["Hackers breached the ministry's email servers.", "A cyberattack hit the government mail system.",
               "The central bank cut interest rates.", "黑客入侵了外交部的电子邮件服务器。", "央行下调了利率。", ""])
    # measured: EN-EN related 0.53, unrelated 0.23; EN-ZH translation 0.32, unrelated 0.01; the rate cut EN-ZH 0.25
    assert v[0] @ v[1] > 2 * v[0] @ v[2]
    assert v[0] @ v[3] > 0.25 and v[0] @ v[4] < 0.1 and v[2] @ v[4] > v[2] @ v[3] + 0.2
    assert v[5].tolist() == [0.0] * dims  # nothing to embed: a zero row, not NaN
    # traditional characters are read as simplified; English is lower-cased; words are cut into the model's pieces
    assert [emb.tokenizer.id_to_token(i) for i in emb.piece_ids(normalize("Hackers 網絡安全"))] == ["▁hacker", "s", "▁", "网络安全"]
    # a language the vocabulary does not cover gets zero rows, not a vector from the pieces it shares with English
    assert embed(["Počasie na Slovensku"], "sk").tolist() == [[0.0] * dims]


def test_shipped_embedding_folder_is_at_most_3_mb():
    # a reviewer's limit for the package: sinodesk/data/embed as installed (the wheel holds the same files)
    folder = Path(str(resources.files("sinodesk.data").joinpath("embed")))
    sizes = {f.name: f.stat().st_size for f in folder.iterdir() if f.is_file()}
    assert "e5_static.npz" in sizes
    assert sum(sizes.values()) <= 3_000_000, sizes


def test_embedding_file_unpacks_to_the_vectors_it_was_built_from():
    from sinodesk.stages.classify.embed import unpack

    q = np.array([[0, 0, 0, 0], [-7, 7, 0, 3], [1, -1, -7, 5]], dtype=np.int8)  # row 0: <unk>
    packed = ((q + 8).astype(np.uint8)[:, 0::2] | ((q + 8).astype(np.uint8)[:, 1::2] << 4))
    assert unpack(packed, 4).tolist() == q.tolist() and unpack(q, 8).tolist() == q.tolist()
    buf = io.BytesIO()
    np.savez(buf, vectors=packed, bits=np.int8(4), scale=np.array([1.0, 2.0, 1.0, 1.0], dtype=np.float32),
             row_scale=np.array([0.0, 0.5, 1.0], dtype=np.float16), han=np.array([False, False, True]), centres=np.zeros((2, 4), dtype=np.float32),
             pieces=np.frombuffer("\u2581a\n中".encode(), dtype=np.uint8), scores=np.array([-3.0, -4.0], dtype=np.float32))
    buf.seek(0)
    emb = StaticEmbedder.from_npz(buf)
    # piece k of the file is id k + 1 (id 0 is <unk>); vector i is q[i] x row_scale[i] x scale
    assert emb.tokenizer.id_to_token(1) == "\u2581a" and emb.tokenizer.id_to_token(2) == "中"
    v = emb.embed_normalized(["a"])[0]
    raw = np.array([-7 * 0.5, 7 * 0.5 * 2.0, 0.0, 3 * 0.5])
    assert v.tolist() == pytest.approx((raw / np.linalg.norm(raw)).tolist(), abs=1e-6)


def test_default_model_uses_the_embedding_and_round_trips():
    from sinodesk.stages.classify.model import build_model

    model = load_default_model()
    assert model.features.embedding == 1.0
    assert model.weights.shape[0] == len(model.vectorizer.vocab) + StaticEmbedder.packaged().dims  # the embedding's weights come last
    again = TopicModel.from_bytes(model.to_bytes())
    text = "Hackers linked to a state group stole passwords from the ministry's email servers."
    assert again.classify(text).scores == model.classify(text).scores
    assert model.classify(text).labels[0] == "cyber"
    # a model without the embedding has no dense rows and scores differently
    plain = build_model(load_taxonomy(), shipped_examples(), features=FeatureOptions(embedding=0.0), date="20250601")
    assert plain.weights.shape[0] == len(plain.vectorizer.vocab)
    assert plain.classify(text).scores != model.classify(text).scores
    assert plain.version != model.version


def test_each_topic_gets_the_threshold_with_its_best_f1():
    from sinodesk.stages.classify.model import choose_thresholds

    probs = np.array([[0.9, 0.04], [0.35, 0.03], [0.2, 0.6], [0.1, 0.05], [0.6, 0.02], [0.3, 0.01],
                      [0.05, 0.045], [0.1, 0.03], [0.1, 0.02], [0.1, 0.01], [0.1, 0.5]])
    Y = np.array([[1, 1], [1, 0], [0, 1], [0, 1], [1, 0], [1, 0], [0, 1], [0, 0], [0, 0], [1, 0], [0, 1]])
    th = choose_thresholds(probs, Y, np.ones(len(Y)))
    # topic 0: at 0.3 it takes four of its five positives and no negative (F1 8/9, the best; 0.225-0.3
    # tie and the tie goes towards 0.5); topic 1 (rare, low scores): all five positives score 0.04-0.6
    # and every negative below 0.04, so 0.04 (F1 1.0) beats every higher value
    assert th.tolist() == [0.3, 0.04]
    Y[0, 1] = 0  # four positives are too few to choose from: the topic keeps 0.5
    assert choose_thresholds(probs, Y, np.ones(len(Y))).tolist() == [0.3, 0.5]


def test_model_trained_with_another_embedding_is_refused_with_a_fix():
    model = load_default_model()
    V = len(model.vectorizer.vocab)
    dims = StaticEmbedder.packaged().dims
    other = dataclasses.replace(model, weights=np.vstack([model.weights, model.weights[V:V + 4]]))
    with pytest.raises(BadInput, match=rf"^topic model blob: trained with the embedding 'e5-static-[0-9a-f]{{12}}' \({dims + 4} dimensions\), "
                                       rf"the installed one is 'e5-static-[0-9a-f]{{12}}' \({dims}\); retrain it with 'sinodesk train topics'$"):
        TopicModel.from_bytes(other.to_bytes())

    # same size, other vectors (an older or newer embedding file): refused as well
    def with_meta(**changes) -> bytes:
        with np.load(io.BytesIO(model.to_bytes())) as z:
            arrays = {k: z[k] for k in z.files}
        meta = json.loads(arrays["meta"].tobytes()) | changes
        arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)
        return buf.getvalue()

    with pytest.raises(BadInput, match=rf"^topic model blob: trained with the embedding 'e5-static-000000000000' \({dims} dimensions\)"):
        TopicModel.from_bytes(with_meta(embedding="e5-static-000000000000"))
    # a blob of the previous format (before per-topic thresholds) is refused with the same fix
    with pytest.raises(BadInput, match=r"^topic model blob: format 'sinodesk-topic-model/1', expected 'sinodesk-topic-model/2'; retrain it with 'sinodesk train topics'$"):
        TopicModel.from_bytes(with_meta(format="sinodesk-topic-model/1"))


def test_train_topics_chooses_c_and_nb_weight_by_cv_and_records_them():
    from sklearn.metrics import label_ranking_average_precision_score as lrap

    from sinodesk.stages.classify.learner import out_of_fold

    examples = shipped_examples()
    chosen = train_topic_model([STORY], date="20250701", learner=LearnerOptions(C_choices=(0.1, 4.0), nb_weight_choices=(0.0, 0.3)))
    assert chosen.trained_on["C"] in (0.1, 4.0) and chosen.trained_on["nb_weight"] in (0.0, 0.3)
    fixed = train_topic_model([STORY], date="20250701", learner=LearnerOptions(choose=False, C=0.7, nb_weight=0.2))
    assert (fixed.trained_on["C"], fixed.trained_on["nb_weight"]) == (0.7, 0.2)
    # the choice is the pair whose out-of-fold margins rank the labels best: a pair given alone scores no better
    docs = [analyze(ex.text) for ex in examples[:120]]
    Y = np.zeros((len(docs), 11), dtype=np.int8)
    labels = load_taxonomy().labels
    for i, ex in enumerate(examples[:120]):
        for lab in ex.labels:
            Y[i, labels.index(lab)] = 1
    opts = LearnerOptions(C_choices=(0.05, 0.5, 5.0), nb_weight_choices=(0.0, 0.5), calibration_folds=3)
    oof, C, w = out_of_fold(docs, Y, opts, np.ones(len(docs)), None)
    best = lrap(Y, oof)
    for c in opts.C_choices:
        for nb in opts.nb_weight_choices:
            alone, _, _ = out_of_fold(docs, Y, dataclasses.replace(opts, choose=False, C=c, nb_weight=nb), np.ones(len(docs)), None)
            assert lrap(Y, alone) <= best + 1e-9
    assert (C, w) in [(c, nb) for c in opts.C_choices for nb in opts.nb_weight_choices]
