from datetime import datetime, timezone

import pandas as pd
import pytest

from wirehouse.quality.validate import Validator, validate_star
from wirehouse.warehouse.frames import StarFrames

GOOD, BAD = "a" * 64, "b" * 64


def article_rows(**overrides):
    base = {
        "article_id": GOOD, "source_file": "/inbox/a.txt", "content_sha256": "c" * 64, "title": "A title",
        "subtitle": None, "published_date": pd.Timestamp("2020-01-02"), "date_source": "header",
        "date_confidence": 1.0, "date_note": None, "date_flag": None, "language_confidence": 0.99,
        "nlp_status": "analyzed", "sentence_count": 5, "paragraph_count": 2, "photo_ids": None, "bylines": None,
        "source_encoding": "utf-8", "dateline_place": None, "source_key": None,
        "location_key": None, "date_key": 20200102, "language": "en", "word_count": 120, "captions": None,
        "photo_credits": None, "loaded_at": datetime.now(timezone.utc), "run_id": "r",
    }
    bad = dict(base, article_id=BAD, source_file="/inbox/b.txt", **overrides)
    return pd.DataFrame([base, bad])


def frames(articles, mentions=None):
    mentions = mentions if mentions is not None else pd.DataFrame(
        columns=["article_id", "entity_key", "mention_text", "label", "start_char", "end_char", "section", "sentence_index"])
    return StarFrames({
        "fact_article": articles,
        "fact_entity_mention": mentions,
        "bridge_article_topic": pd.DataFrame(columns=["article_id", "topic_key", "score", "rank", "evidence"]),
    })


@pytest.fixture(scope="module")
def validator():
    return Validator()


def test_clean_batch_passes(validator):
    report = validate_star(frames(article_rows().iloc[:1]), {GOOD: "x"}, validator)
    assert report.critical_reasons() == {}


def test_critical_failure_quarantines_only_the_offending_article(validator):
    report = validate_star(frames(article_rows(date_confidence=1.7, word_count=0)), {}, validator)
    reasons = report.critical_reasons()
    assert set(reasons) == {BAD}
    assert any("date_confidence" in r for r in reasons[BAD])
    assert any("word_count" in r for r in reasons[BAD])


def test_a_mention_whose_offsets_miss_its_text_is_dropped_and_its_article_kept(validator):
    mentions = pd.DataFrame([
        {"article_id": GOOD, "entity_key": "k1", "mention_text": "Lima", "label": "GPE", "start_char": 0,
         "end_char": 4, "section": "body", "sentence_index": 0},
        {"article_id": BAD, "entity_key": "k2", "mention_text": "Quito", "label": "GPE", "start_char": 0,
         "end_char": 5, "section": "body", "sentence_index": 0},
        {"article_id": BAD, "entity_key": "k1", "mention_text": "Lima", "label": "GPE", "start_char": 0,
         "end_char": 4, "section": "body", "sentence_index": 0},
    ])
    report = validate_star(frames(article_rows(), mentions), {GOOD: "Lima is calm", BAD: "Lima is calm"}, validator)
    assert report.critical_reasons() == {}  # no article is lost over one bad mention
    assert report.rows_to_drop() == {"fact_entity_mention": {1}}
    [finding] = [f for f in report.findings if f.severity == "critical"]
    assert (finding.column, finding.article_ids, finding.action) == ("offsets_match_text", [BAD], "rows dropped")


def test_a_name_across_a_wrapped_line_is_one_mention_but_not_across_a_paragraph(validator):
    text = "Finance Minister Dilson\nFunaro said.\n\nBrazil\n\nTalks go on."
    mentions = pd.DataFrame([
        {"article_id": GOOD, "entity_key": "k1", "mention_text": "Dilson\nFunaro", "label": "PERSON", "start_char": 17,
         "end_char": 30, "section": "body", "sentence_index": 0},
        {"article_id": GOOD, "entity_key": "k2", "mention_text": "Brazil\n\nTalks", "label": "GPE", "start_char": 38,
         "end_char": 51, "section": "body", "sentence_index": 1},
    ])
    report = validate_star(frames(article_rows(), mentions), {GOOD: text, BAD: ""}, validator)
    assert report.rows_to_drop() == {"fact_entity_mention": {1}} and report.critical_reasons() == {}


def test_warnings_are_reported_without_quarantine(validator):
    report = validate_star(frames(article_rows(title="x")), {}, validator)
    assert report.critical_reasons() == {}
    assert any("title" in w for w in report.warnings())
