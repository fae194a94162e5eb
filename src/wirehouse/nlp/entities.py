"""Named-entity mentions with character offsets into the article's full text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # spaCy only runs where the model does (worker processes); not imported by the flow
    from spacy.language import Language
    from spacy.tokens import Doc, Span

from wirehouse.articles.model import CONTENT_SECTIONS, ParsedArticle
from wirehouse.nlp.keyphrases import Keyphrase, extract_keyphrases
from wirehouse.nlp.phrases import noun_phrases
from wirehouse.nlp.quotes import Quote, extract_quotes

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "LAW", "FAC", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}
)
_LEADING_DETERMINER = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Parts of speech whose lemmas feed the topic classifier.
_TOPIC_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
# Below this many texts, worker processes cost more to start than they save.
_MULTIPROCESS_MIN_TEXTS = 200
# Texts per `nlp.pipe` batch. spaCy's working arrays for one batch grow with its tokens: 16 corpus
# articles at once peak about 130 MB above the loaded model, 4 about 45 MB, for the same CPU time
# (benchmarks/results/pipe_batch_memory.json). Every NLP worker holds such a peak.
PIPE_BATCH_SIZE = 4


@dataclass(frozen=True)
class Mention:
    mention_text: str
    label: str
    start_char: int
    end_char: int
    section: str
    sentence_index: int
    role: str | None = None
    affiliation: str | None = None
    resolved_name: str | None = None


@dataclass
class AnalyzedArticle:
    article: ParsedArticle
    mentions: list[Mention]
    tokens: TopicTokens
    nlp_status: str = "analyzed"
    quotes: list[Quote] = field(default_factory=list)
    terms: str = ""
    keyphrases: list[Keyphrase] = field(default_factory=list)


def canonical_name(mention_text: str) -> str:
    """The name a surface form is filed under: no leading `the`, no trailing possessive."""
    name = " ".join(mention_text.split())
    name = _LEADING_DETERMINER.sub("", name)
    return _TRAILING_POSSESSIVE.sub("", name).strip()


def mentions_from_doc(doc: Doc, article: ParsedArticle) -> list[Mention]:
    sentence_starts = [sent.start_char for sent in doc.sents]
    mentions = []
    sentence_index = 0
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        section = article.section_at(ent.start_char)
        if section not in CONTENT_SECTIONS:
            continue
        # Spans arrive trimmed and on one line (wirehouse_entity_cleanup); they must not leave their section.
        start, end = ent.start_char, ent.end_char
        if article.section_at(end - 1) != section:
            continue
        while sentence_index + 1 < len(sentence_starts) and sentence_starts[sentence_index + 1] <= start:
            sentence_index += 1
        mentions.append(Mention(ent.text, ent.label_, start, end, section, sentence_index,
                                ent._.role, ent._.affiliation, ent._.resolved_name))
    return mentions


@dataclass
class TopicTokens:
    """Lower-case lemmas of the analysed sections in order, with where each came from.

    `lemmas[i] == "|"` marks a break (punctuation, a line, boilerplate) that phrases do not cross.
    """

    lemmas: list[str] = field(default_factory=list)
    proper: list[bool] = field(default_factory=list)
    headline: list[bool] = field(default_factory=list)

    def add(self, lemma: str, proper: bool = False, headline: bool = False) -> None:
        self.lemmas.append(lemma)
        self.proper.append(proper)
        self.headline.append(headline)


def topic_tokens(doc: Doc, article: ParsedArticle) -> TopicTokens:
    tokens = TopicTokens()
    for token in doc:
        section = article.section_at(token.idx)
        if token.is_space or (token.is_punct and token.text != "-") or section not in CONTENT_SECTIONS:
            tokens.add("|")
            continue
        lemma = token.lemma_.lower() if token.pos_ in _TOPIC_POS or token.text == "-" else token.lower_
        tokens.add(lemma, token.pos_ == "PROPN", section in ("title", "subtitle"))
    return tokens


def discovery_terms(doc: Doc, article: ParsedArticle, phrases: Iterable[Span] | None = None) -> str:
    """Content lemmas and noun phrases (`phrases`, by default `noun_phrases(doc)`; words joined by `_`) of the
    analysed sections, for topic discovery."""
    terms = [
        token.lemma_.lower() for token in doc
        if token.pos_ in _TOPIC_POS and not token.is_stop and token.is_alpha and len(token.text) > 2
        and article.section_at(token.idx) in CONTENT_SECTIONS
    ]
    for chunk in noun_phrases(doc) if phrases is None else phrases:
        words = [t.lemma_.lower() for t in chunk if t.is_alpha and not t.is_stop]
        if len(words) >= 2 and article.section_at(chunk.start_char) in CONTENT_SECTIONS:
            terms.append("_".join(words))
    return " ".join(terms)


def analyze_articles(
    articles: list[ParsedArticle],
    nlp: Language,
    n_process: int = 1,
    batch_size: int = PIPE_BATCH_SIZE,
) -> list[AnalyzedArticle]:
    """Run spaCy over whole articles in one batched pass; return plain data, not Docs.

    Articles detected to be in another language than the pipeline's are not fed to it:
    they keep their metadata and are flagged in `nlp_status`.
    """
    readable = [a for a in articles if a.metadata.language in (None, nlp.lang)]
    processes = n_process if len(readable) >= _MULTIPROCESS_MIN_TEXTS else 1
    results: dict[str, AnalyzedArticle] = {}
    texts: Iterable[str] = (article.nlp_text() for article in readable)
    with nlp.memory_zone():
        for article, doc in zip(readable, nlp.pipe(texts, n_process=processes, batch_size=batch_size)):
            phrases = noun_phrases(doc)
            quotes = extract_quotes(doc, lambda char, a=article: a.section_at(char) in CONTENT_SECTIONS, phrases)
            results[article.article_id] = AnalyzedArticle(
                article, mentions_from_doc(doc, article), topic_tokens(doc, article), quotes=quotes,
                terms=discovery_terms(doc, article, phrases), keyphrases=extract_keyphrases(doc, article, phrases))
    for article in articles:
        if article.article_id not in results:
            status = (f"skipped: detected language {article.metadata.language!r}, "
                      f"the spaCy pipeline reads {nlp.lang!r}")
            results[article.article_id] = AnalyzedArticle(article, [], TopicTokens(), status)
    return [results[a.article_id] for a in articles]
