"""What leaving out the dependency parser changes: the tag-based reading against the parser-based one.

    uv run python -m benchmarks.syntax_eval [--corpus-articles 300] [--output benchmarks/results/syntax_eval.json]

The NLP stage reads sentences from spaCy's small `senter`, noun phrases from part-of-speech tags
(`wirehouse.nlp.phrases`) and quote speakers and reported clauses from tags and entities
(`wirehouse.nlp.quotes`). Before, all three came from the dependency parser. This runs both on the
same articles (the bundled samples, the seeds when `../shared` is beside the project, the labelled
topic and entity sets, and generated corpus articles) and reports, with the parser-based reading as
the reference:

- entity mentions (span, label, role, resolved name): precision, recall, F1 (the entity recogniser
  reads sentence starts set before it, so this checks where the senter runs);
- sentence boundaries: precision, recall, F1 of sentence starts, and of the pairs of entity mentions
  that share a sentence (the co-mentions `v_entity_cooccurrence` counts);
- noun phrases (their content lemmas, as key phrases and discovery use them): precision, recall, F1;
- key phrases: the mean share of an article's top 10 that both readings pick;
- discovery terms: multiset F1;
- direct quotations: the share whose resolved speaker (the entity) is the same, and whose speaker
  text is the same;
- reported speech: precision and recall of the tag-based clauses (a clause matches when it overlaps
  a reference clause), and the share of matches with the same resolved speaker;
- time: `nlp.pipe` over the same texts, one process, each pipeline (after a warm-up).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from wirehouse import offline  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


# ----------------------------------------------------------------- the parser-based reference

def reference_pipeline(model_name: str):
    """The pipeline as it was: the dependency parser for sentences and syntax, no senter."""
    import spacy

    from wirehouse.nlp.attribute_rules import use_fast_attribute_rules
    from wirehouse.nlp.pipeline import CLEANUP_COMPONENTS, NEEDED_COMPONENTS

    nlp = spacy.load(model_name)
    keep = (*NEEDED_COMPONENTS, "parser")
    for name in nlp.component_names:
        if name not in keep and name not in nlp.disabled:
            nlp.disable_pipe(name)
    use_fast_attribute_rules(nlp)
    nlp.add_pipe(CLEANUP_COMPONENTS[0], after="ner")
    nlp.add_pipe(CLEANUP_COMPONENTS[1], after=CLEANUP_COMPONENTS[0])
    return nlp


def reference_quotes(doc, allowed) -> list:
    """The parser-based quote reading that quotes.py replaced (speaker = the verb's `nsubj` subtree,
    reported clause = its `ccomp` subtree)."""
    from wirehouse.nlp import quotes as q

    entities = q._Syntax(doc, ())  # the entity at each token, as quotes.py looks them up

    def speaker(verb, before_char):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None, None
        phrase = doc[subject.left_edge.i:subject.right_edge.i + 1]
        inside = [e for e in doc.ents if phrase.start <= e.start and e.end <= phrase.end and e.label_ in ("PERSON", "ORG")]
        ent = next((e for e in inside if e.label_ == "PERSON"), None) or q._entity_at(entities, subject) or next(iter(inside), None)
        if ent is not None:
            return phrase.text, ent
        earlier = [e for e in doc.ents if e.end_char <= before_char]
        later = [e for e in doc.ents if e.start_char > before_char]
        if subject.lower_ in q._PRONOUNS:
            person = next((e for e in reversed(earlier) if e.label_ == "PERSON"), None)
            return phrase.text, person if subject.lower_ in ("he", "she") else None
        head = subject.lemma_.lower()
        for ent in [*reversed(earlier), *later]:
            if ent.label_ == "ORG" and head in ent.text.lower():
                return phrase.text, ent
            if ent.label_ == "PERSON" and ent._.role and head in ent._.role.lower():
                return phrase.text, ent
        return phrase.text, None

    found, direct_spans = [], []
    for match in q._DIRECT.finditer(doc.text):
        group = 1 if match.group(1) is not None else 2
        start, end, text = match.start(group), match.end(group), match.group(group)
        if len(text.split()) < q._MIN_QUOTE_WORDS or not allowed(start):
            continue
        direct_spans.append((match.start(), match.end()))
        around = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if around is None or len(around) == 0:
            continue
        speaker_text, ent = None, None
        sentences = {around[0].sent, around[-1].sent}
        verbs = [v for s in sorted(sentences, key=lambda s: s.start) for v in q._speech_verbs(s, (match.start(), match.end()))]
        if verbs:
            closest = min(verbs, key=lambda v: min(abs(v.idx - match.end()), abs(v.idx - match.start())))
            speaker_text, ent = speaker(closest, match.start())
        found.append(q.Quote(text, start, end, "direct", speaker_text, (ent.start_char, ent.end_char) if ent is not None else None))
    for sentence in doc.sents:
        if not allowed(sentence.start_char):
            continue
        for verb in q._speech_verbs(sentence):
            if any(s <= verb.idx < e for s, e in direct_spans):
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if clause is None:
                continue
            content = doc[clause.left_edge.i:clause.right_edge.i + 1]
            if content.start < len(doc) and doc[content.start].lower_ == "that":
                content = doc[content.start + 1:content.end]
            if len(content) < q._MIN_QUOTE_WORDS or any(s < content.end_char and content.start_char < e for s, e in direct_spans):
                continue
            speaker_text, ent = speaker(verb, verb.idx)
            if speaker_text is None:
                continue
            found.append(q.Quote(content.text, content.start_char, content.end_char, "indirect", speaker_text,
                                 (ent.start_char, ent.end_char) if ent is not None else None))
    return found


# ----------------------------------------------------------------- inputs

def evaluation_articles(corpus_articles: int, scratch: Path) -> list:
    """Parsed articles: samples, seeds, the labelled sets' texts, and generated corpus articles."""
    from benchmarks.corpus.generate import generate_corpus
    from wirehouse.articles.discover import discover_entries
    from wirehouse.config import Settings
    from wirehouse.stages import read_and_parse

    folders = [ROOT / "samples" / "inbox"]
    if SEEDS.is_dir():
        folders.append(SEEDS)
    for name in ("topic_dev", "ner_dev"):
        folder = scratch / name
        folder.mkdir()
        for number, line in enumerate((ROOT / "tests" / "data" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()):
            if line.strip():
                (folder / f"{number:04d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
        folders.append(folder)
    if corpus_articles:
        generate_corpus(corpus_articles, scratch / "corpus", seed=11)
        folders.append(scratch / "corpus")
    entries = discover_entries(folders)
    return read_and_parse(entries, Settings().max_file_bytes, {}).articles


# ----------------------------------------------------------------- comparisons

def _prf(true_positive: int, predicted: int, reference: int) -> dict:
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / reference if reference else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "reference": reference, "predicted": predicted}


def _same_sentence_pairs(mentions) -> set[tuple[int, int]]:
    by_sentence: dict[int, list[int]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_index, []).append(mention.start_char)
    return {(a, b) for starts in by_sentence.values() for a in starts for b in starts if a < b}


def _phrase_key(span) -> tuple[str, ...]:
    from wirehouse.nlp.keyphrases import _SKIP_POS

    return tuple(t.lemma_.lower() for t in span if t.pos_ not in _SKIP_POS and not t.is_stop and any(c.isalpha() for c in t.text))


class Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.keyphrase_overlaps: list[float] = []
        self.examples: dict[str, list] = {"direct_speaker_differs": [], "indirect_missed": [], "indirect_extra": []}

    def example(self, kind: str, value, quotable: bool = True) -> None:
        if quotable and len(self.examples[kind]) < 12:
            self.examples[kind].append(value)


def compare(article, reference_doc, candidate_doc, tally: Tally, quotable: bool = True) -> None:
    """Add one article's differences to the tally; `quotable=False` keeps its text out of the examples
    (the seeds are users' articles: their text must not end up in the project's results)."""
    from wirehouse.articles.model import CONTENT_SECTIONS
    from wirehouse.nlp.entities import discovery_terms, mentions_from_doc
    from wirehouse.nlp.keyphrases import extract_keyphrases
    from wirehouse.nlp.phrases import noun_phrases
    from wirehouse.nlp.quotes import extract_quotes

    c = tally.counts
    # Sentences.
    reference_starts = {s.start_char for s in reference_doc.sents} - {0}
    candidate_starts = {s.start_char for s in candidate_doc.sents} - {0}
    c["sent_ref"] += len(reference_starts)
    c["sent_pred"] += len(candidate_starts)
    c["sent_tp"] += len(reference_starts & candidate_starts)
    # Co-mentions: the pairs of entity mentions that share a sentence (what v_entity_cooccurrence counts).
    reference_mentions, candidate_mentions = mentions_from_doc(reference_doc, article), mentions_from_doc(candidate_doc, article)
    c["mentions_ref"] += len(reference_mentions)
    c["mentions_pred"] += len(candidate_mentions)
    c["mentions_tp"] += len({(m.start_char, m.end_char, m.label, m.role, m.resolved_name) for m in reference_mentions}
                            & {(m.start_char, m.end_char, m.label, m.role, m.resolved_name) for m in candidate_mentions})
    reference_pairs = _same_sentence_pairs(reference_mentions)
    candidate_pairs = _same_sentence_pairs(candidate_mentions)
    c["pairs_ref"] += len(reference_pairs)
    c["pairs_pred"] += len(candidate_pairs)
    c["pairs_tp"] += len(reference_pairs & candidate_pairs)
    # Noun phrases, as the key phrases read them.
    reference_phrases = list(reference_doc.noun_chunks)
    candidate_phrases = noun_phrases(candidate_doc)
    reference_keys = Counter(k for k in map(_phrase_key, reference_phrases) if k)
    candidate_keys = Counter(k for k in map(_phrase_key, candidate_phrases) if k)
    c["np_ref"] += sum(reference_keys.values())
    c["np_pred"] += sum(candidate_keys.values())
    c["np_tp"] += sum((reference_keys & candidate_keys).values())
    # Key phrases and discovery terms.
    reference_top = {k.phrase.lower() for k in extract_keyphrases(reference_doc, article, reference_phrases)}
    candidate_top = {k.phrase.lower() for k in extract_keyphrases(candidate_doc, article, candidate_phrases)}
    if reference_top or candidate_top:
        tally.keyphrase_overlaps.append(len(reference_top & candidate_top) / max(len(reference_top), len(candidate_top)))
    reference_terms = Counter(discovery_terms(reference_doc, article, reference_phrases).split())
    candidate_terms = Counter(discovery_terms(candidate_doc, article, candidate_phrases).split())
    c["terms_ref"] += sum(reference_terms.values())
    c["terms_pred"] += sum(candidate_terms.values())
    c["terms_tp"] += sum((reference_terms & candidate_terms).values())
    # Quotes.
    allowed = lambda char: article.section_at(char) in CONTENT_SECTIONS  # noqa: E731
    reference_quotes_ = reference_quotes(reference_doc, allowed)
    candidate_quotes = extract_quotes(candidate_doc, allowed)
    candidate_direct = {(q.start, q.end): q for q in candidate_quotes if q.kind == "direct"}
    for quote in (q for q in reference_quotes_ if q.kind == "direct"):
        other = candidate_direct.get((quote.start, quote.end))
        c["direct"] += 1
        if other is None:
            continue
        c["direct_found"] += 1
        c["direct_same_speaker"] += other.speaker_span == quote.speaker_span
        c["direct_same_speaker_text"] += other.speaker_text == quote.speaker_text
        c["direct_ref_resolved"] += quote.speaker_span is not None
        c["direct_pred_resolved"] += other.speaker_span is not None
        if other.speaker_span != quote.speaker_span:
            tally.example("direct_speaker_differs", [article.full_text[max(0, quote.start - 60):quote.end + 60],
                                                     quote.speaker_text, other.speaker_text], quotable)
    reference_indirect = [q for q in reference_quotes_ if q.kind == "indirect"]
    candidate_indirect = [q for q in candidate_quotes if q.kind == "indirect"]
    c["indirect_ref"] += len(reference_indirect)
    c["indirect_pred"] += len(candidate_indirect)

    def overlapping(quote, others):
        return next((o for o in others if o.start < quote.end and quote.start < o.end), None)

    for quote in reference_indirect:
        other = overlapping(quote, candidate_indirect)
        if other is None:
            tally.example("indirect_missed", [quote.text, quote.speaker_text], quotable)
            continue
        c["indirect_matched"] += 1
        c["indirect_same_speaker"] += other.speaker_span == quote.speaker_span
        c["indirect_same_text"] += other.text == quote.text
    for quote in candidate_indirect:
        if overlapping(quote, reference_indirect) is None:
            c["indirect_extra"] += 1
            tally.example("indirect_extra", [quote.text, quote.speaker_text], quotable)
        else:
            c["indirect_pred_matched"] += 1


def timed_pipe(nlp, texts: list[str]) -> float:
    list(nlp.pipe(texts[:20]))
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - began


def summarize(tally: Tally, articles: int, seconds: dict) -> dict:
    c = tally.counts
    share = lambda part, whole: round(c[part] / c[whole], 4) if c[whole] else None  # noqa: E731
    return {
        "articles": articles,
        "entity_mentions": _prf(c["mentions_tp"], c["mentions_pred"], c["mentions_ref"]),
        "sentence_starts": _prf(c["sent_tp"], c["sent_pred"], c["sent_ref"]),
        "same_sentence_mention_pairs": _prf(c["pairs_tp"], c["pairs_pred"], c["pairs_ref"]),
        "noun_phrases": _prf(c["np_tp"], c["np_pred"], c["np_ref"]),
        "keyphrases_top10_overlap_mean": round(statistics.fmean(tally.keyphrase_overlaps), 4) if tally.keyphrase_overlaps else None,
        "discovery_terms": _prf(c["terms_tp"], c["terms_pred"], c["terms_ref"]),
        "direct_quotes": {"reference": c["direct"], "found": c["direct_found"],
                          "same_resolved_speaker": share("direct_same_speaker", "direct_found"),
                          "same_speaker_text": share("direct_same_speaker_text", "direct_found"),
                          "resolved_reference": c["direct_ref_resolved"], "resolved_tag_based": c["direct_pred_resolved"]},
        "reported_speech": {"reference": c["indirect_ref"], "tag_based": c["indirect_pred"],
                            "recall": share("indirect_matched", "indirect_ref"),
                            "precision": share("indirect_pred_matched", "indirect_pred"),
                            "same_resolved_speaker_of_matched": share("indirect_same_speaker", "indirect_matched"),
                            "same_text_of_matched": share("indirect_same_text", "indirect_matched")},
        "pipe_seconds_one_process": seconds,
        "examples": tally.examples,
    }


def main(argv: list[str] | None = None) -> None:
    from wirehouse.config import Settings
    from wirehouse.nlp.pipeline import load_pipeline

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-articles", type=int, default=300, help="generated corpus articles to add (seed 11)")
    parser.add_argument("--output", type=Path, default=None, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    model = Settings().spacy_model
    with tempfile.TemporaryDirectory(prefix="wirehouse-syntax-eval-") as scratch:
        articles = evaluation_articles(args.corpus_articles, Path(scratch))
    readable = [a for a in articles if a.metadata.language in (None, "en")]
    texts = [a.full_text for a in readable]
    reference_nlp, candidate_nlp = reference_pipeline(model), load_pipeline(model)
    seconds = {"parser": round(timed_pipe(reference_nlp, texts), 2), "senter_and_tags": round(timed_pipe(candidate_nlp, texts), 2)}
    tally = Tally()
    for article, reference_doc, candidate_doc in zip(readable, reference_nlp.pipe(texts), candidate_nlp.pipe(texts)):
        seed = Path(article.source_file).resolve().is_relative_to(SEEDS.resolve())
        compare(article, reference_doc, candidate_doc, tally, quotable=not seed)
    result = {"model": model, "reference": reference_nlp.pipe_names, "tag_based": candidate_nlp.pipe_names,
              **summarize(tally, len(readable), seconds)}
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    print(text if not args.output else re.sub(r'"examples": \{.*', '"examples": ...', text, flags=re.S))


if __name__ == "__main__":
    sys.exit(main())
