"""spaCy pipeline components that make the small model's entities fit for counting.

`wirehouse_entity_cleanup` (after `ner`): drops photo-credit text, never lets a span cross a line
break, strips leading determiners and trailing possessives, splits glued spans
("Syria Staffan de Mistura" → GPE + PERSON, "Russian FM Lavrov" → NORP + PERSON with a role) and
records each person's role and affiliation from titles and appositions.

`wirehouse_entity_consistency` (after the clean-up): inside one article, a surname or short form of
a full name already seen as a PERSON is that person, with the same label; known places tagged as
organizations become places.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from wirehouse.articles.credits import AGENCY_CREDIT
from wirehouse.articles.gazetteer import is_prominent_place
from wirehouse.nlp.doctext import doc_text
from wirehouse.nlp.lexicons import demonyms, fold, lookup_known, person_key, roles

for _name in ("role", "affiliation", "resolved_name", "link_method"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

_DETERMINERS = {"the", "The", "THE"}
_POSSESSIVES = {"'s", "’s", "'", "’", "s"}
_PARTICLES = {"de", "da", "do", "dos", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "del", "di", "du", "ould", "abu"}
_ORG_WORDS = {
    "ministry", "council", "committee", "commission", "university", "bank", "group", "party", "forces", "force",
    "agency", "organization", "organisation", "union", "court", "institute", "fund", "association", "front",
    "army", "navy", "service", "department", "office", "government", "parliament", "assembly", "company",
    "corporation", "corp", "inc", "ltd", "news", "times", "post", "kremlin", "foundation", "federation", "league",
    "state", "states", "republic", "kingdom", "nations", "duma", "senate", "congress", "coalition", "alliance",
    "secretariat", "mission", "center", "centre", "authority", "board", "bureau", "program", "programme",
    "embassy", "consulate", "crescent", "cross", "conference", "summit", "initiative", "network", "guard", "police",
    "cabinet", "administration", "directorate", "unit", "brigade", "battalion", "movement", "network", "media",
}
_CREDIT_RE = re.compile(
    r"(?:(?:" + AGENCY_CREDIT + r")/[A-Z][^\n/]{1,60}?(?:\s+-\s+[A-Z0-9]{6,})?(?=\s*$|\n)"
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*/\s*(?:" + AGENCY_CREDIT + r")\b"
    r"|\((?:AP|AFP|Reuters) Photo/[^)]+\)|©[^\n]{2,80})",
    re.MULTILINE,
)
_PLACE_LINKERS = {"for", "to", "on", "in"}


def _title_like(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _name_shaped(tokens: list[Token]) -> bool:
    """`Staffan de Mistura`, `De Mistura`, `Lavrov`: capitalized words and name particles only."""
    if not 1 <= len(tokens) <= 4 or not _title_like(tokens[0]) or not _title_like(tokens[-1]):
        return False
    for token in tokens:
        lower = token.text.lower()
        if lower in _ORG_WORDS or token.is_digit:
            return False
        if not (_title_like(token) or lower in _PARTICLES or token.text in {"-", "'", "’"}):
            return False
        if token.text.isupper() and len(token.text) > 1 and not token.text.endswith("."):
            return False  # acronyms (UN, NATO) are not names
    return lookup_known(" ".join(t.text for t in tokens)) is None


def _match_role_at(tokens: Doc | list[Token], start: int) -> int:
    """Length of the longest role form starting at tokens[start] (0 when none)."""
    table = roles()
    if start >= len(tokens):
        return 0
    first = fold(tokens[start].text).split()
    if first and first[0] not in table.first_words:  # folding is word by word: no form can start here
        return 0
    for size in range(min(table.longest, len(tokens) - start), 0, -1):
        key = tuple(fold(" ".join(t.text for t in tokens[start:start + size])).split())
        if key in table.by_form:
            return size
    return 0


def _role_name(tokens: list[Token]) -> str | None:
    key = tuple(fold(" ".join(t.text for t in tokens)).split())
    return roles().by_form.get(key)


def _role_ending_at(doc: Doc, end: int) -> tuple[int, str] | None:
    """(start token, role) of the longest role form ending just before token `end`."""
    table = roles()
    if end <= 0:
        return None
    last = fold(doc[end - 1].text).split()
    if last and last[-1] not in table.last_words:  # folding is word by word: no form can end here
        return None
    for size in range(min(table.longest, end), 0, -1):
        role = _role_name(list(doc[end - size:end]))
        if role:
            return end - size, role
    return None


class EntityCleanup:
    def __init__(self, nlp: Language, name: str, split_glued: bool = True, drop_credits: bool = True) -> None:
        self.split_glued = split_glued
        self.drop_credits = drop_credits

    def __call__(self, doc: Doc) -> Doc:
        credits = [m.span() for m in _CREDIT_RE.finditer(doc_text(doc))] if self.drop_credits else []
        pieces: list[tuple[Span, str | None]] = []
        lines = [part for ent in doc.ents for part in self._split_lines(ent)]
        for ent in lines:
            if any(start < ent.end_char and ent.start_char < end for start, end in credits):
                continue
            if (ent.label_ == "ORG" and _inside_title(doc, ent)) or _is_agency_marker(doc, ent):
                continue
            if ent.label_ != "PERSON" and len(ent) >= 2 and _name_shaped(list(ent)) and _role_ending_at(doc, ent.start):
                ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Foreign Minister Mukhtar Tileuberdi"
            trimmed = self._trim(ent)
            if trimmed is not None:
                pieces.extend(self._unglue(trimmed) if self.split_glued else [(trimmed, None)])
        doc.ents = filter_spans([span for span, _ in pieces])
        ents = doc.ents  # each access rebuilds the spans from every token: read once
        kept = {(e.start, e.end) for e in ents}
        for span, role in pieces:
            if (span.start, span.end) in kept and role:
                doc.char_span(span.start_char, span.end_char, label=span.label_)._.role = role
        for ent in ents:
            if ent.label_ == "PERSON":
                _attach_role(doc, ent)
        return doc

    @staticmethod
    def _split_lines(ent: Span) -> list[Span]:
        parts, start = [], ent.start
        for token in ent:
            if "\n" in token.text or (token.i < ent.end - 1 and "\n" in token.whitespace_):
                end = token.i if "\n" in token.text else token.i + 1
                if end > start:
                    parts.append(Span(ent.doc, start, end, label=ent.label_))
                start = token.i + 1
        if start < ent.end:
            parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
        return parts

    @staticmethod
    def _trim(span: Span) -> Span | None:
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (doc[start].text in _DETERMINERS or doc[start].is_punct and doc[start].text not in "(\"“"):
            start += 1
        while end > start and (doc[end - 1].text in _POSSESSIVES or doc[end - 1].is_punct and doc[end - 1].text not in ".)"):
            end -= 1
        if end <= start or not any(ch.isalpha() for ch in doc[start:end].text):
            return None
        return Span(doc, start, end, label=span.label_)

    def _unglue(self, span: Span) -> list[tuple[Span, str | None]]:
        """Split a leading place, demonym, known organization or title off a name glued behind it.

        Only when what is left is a person's name (or a title is found): "Russian Foreign Ministry"
        and "Moscow State University" stay whole, "Vladimir Putin" is never split at a city name.
        """
        doc, tokens = span.doc, list(span)
        known = lookup_known(span.text)
        if known is not None:
            return [(Span(doc, span.start, span.end, label=known.entity_type), None)]
        out: list[tuple[Span, str | None]] = []
        i = 0
        if span.label_ in ("ORG", "GPE", "NORP"):
            for size in (3, 2, 1):
                if i + size < len(tokens) and is_prominent_place(" ".join(t.text for t in tokens[i:i + size])) \
                        and _title_like(tokens[i + size]):
                    out.append((Span(doc, span.start, span.start + size, label="GPE"), None))
                    i += size
                    break
        if i == 0 and len(tokens) > 1 and fold(tokens[0].text) in demonyms().country_of and _title_like(tokens[1]) \
                and (_match_role_at(tokens, 1) or len(tokens) >= 3 and _name_shaped(tokens[1:])):
            out.append((Span(doc, span.start, span.start + 1, label="NORP"), None))
            i = 1
        for size in (3, 2, 1):
            if i + size < len(tokens):
                prefix = lookup_known(" ".join(t.text for t in tokens[i:i + size]))
                rest = tokens[i + size:]
                if prefix and (_match_role_at(tokens, i + size) or len(rest) >= 2 and _name_shaped(rest)):
                    out.append((Span(doc, span.start + i, span.start + i + size, label=prefix.entity_type), None))
                    i += size
                    break
        role = None
        role_size = _match_role_at(tokens, i)
        if role_size and i + role_size <= len(tokens):
            role = _role_name(tokens[i:i + role_size])
            i += role_size
        if i == 0:
            return [(span, None)]
        rest = tokens[i:]
        if rest and _name_shaped(rest):
            out.append((Span(doc, span.start + i, span.end, label="PERSON"), role))
            return out
        if role:
            return out
        return [(span, None)]  # the split did not find a name: keep the span as the model saw it


def _is_agency_marker(doc: Doc, ent: Span) -> bool:
    """`(Reuters)` or `/TASS/` in a dateline names the source, not an organization in the story."""
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    known = lookup_known(ent.text)
    return (before, after) in (("(", ")"), ("/", "/"), ("/", "/.")) and known is not None and known.entity_type == "ORG"


def _inside_title(doc: Doc, ent: Span) -> bool:
    """True when the span is only a word of a title around it: `Defense` (Minister), (Secretary of) `State`."""
    for start in range(max(0, ent.start - 3), ent.start + 1):
        size = _match_role_at(doc, start)
        if size and start + size >= ent.end and (start < ent.start or start + size > ent.end):
            return True
    return False


def _affiliation_before(doc: Doc, index: int) -> str | None:
    """The organization or country named right before token `index` ("UN", "Russian", "Russia's")."""
    if index <= 0:
        return None
    j = index - 1
    if doc[j].text in _POSSESSIVES and j > 0:
        j -= 1
    token = doc[j]
    country = demonyms().country_of.get(fold(token.text))
    if country:
        return country
    for ent in doc.ents:
        if ent.end == j + 1 and ent.label_ in ("ORG", "GPE"):
            known = lookup_known(ent.text)
            return known.canonical if known else ent.text
    return None


def _affiliation_within(title: Span) -> str | None:
    """A role form that names its own organization: "UN Secretary-General" → United Nations."""
    for token in title:
        country = demonyms().country_of.get(fold(token.text))
        if country:
            return country
        known = lookup_known(token.text)
        if known is not None:
            return known.canonical
    return None


def _attach_role(doc: Doc, ent: Span) -> None:
    """Role and affiliation from a title before the name or an apposition after it."""
    role = ent._.role
    start = ent.start
    # "envoy to Syria Staffan de Mistura": skip a place the role is about.
    j = start
    while j > 0 and doc[j - 1].ent_type_ in ("GPE", "LOC") and _title_like(doc[j - 1]):
        j -= 1
    if j < start and j > 0 and doc[j - 1].lower_ in _PLACE_LINKERS:
        j -= 1
    else:
        j = start
    found = _role_ending_at(doc, j)
    if found:
        role_start, role = found
        ent._.role = role
        ent._.affiliation = ent._.affiliation or _affiliation_before(doc, role_start) or _affiliation_within(doc[role_start:j])
        return
    if role:
        ent._.affiliation = ent._.affiliation or _affiliation_before(doc, start)
        return
    # Apposition: "Antonio Guterres, the UN Secretary-General," / "Lavrov, Russia's foreign minister,"
    k = ent.end
    if k < len(doc) and doc[k].text == ",":
        k += 1
        if k < len(doc) and doc[k].lower_ in ("the", "a", "an"):
            k += 1
        affiliation_start = k
        while k < len(doc) and (doc[k].ent_type_ in ("ORG", "GPE", "NORP") or doc[k].text in _POSSESSIVES):
            k += 1
        size = _match_role_at(doc, k) if k < len(doc) else 0
        if size:
            ent._.role = _role_name(list(doc[k:k + size]))
            ent._.affiliation = _affiliation_before(doc, k) if k > affiliation_start else None


_PLACE_NOUNS = {"town", "city", "village", "enclave", "province", "region", "district", "area", "suburb",
                "neighbourhood", "neighborhood", "port", "capital", "settlement", "municipality", "county", "governorate"}


def _after_place_noun(doc: Doc, ent: Span) -> bool:
    """`the town of X`, `enclaves of X and Y`: X (and what is coordinated with it) is a place."""
    j = ent.start - 1
    while j >= 0 and (doc[j].ent_type_ or doc[j].lower_ in ("and", ",")) and doc[j].lower_ != "of":
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lemma_.lower() in _PLACE_NOUNS


def _title_flags(doc: Doc) -> list[bool]:
    """`_title_like` of every token, computed once per document."""
    return [_title_like(token) for token in doc]


def _unlabelled_known(doc: Doc, covered: set[int], title: list[bool]) -> list[Span]:
    """Names the model missed: the team's known aliases (UN, WHO, OSCE, written as listed) and
    all-caps dateline places (GENEVA, JUBA). `title` is `_title_flags(doc)`."""
    found = []
    i = 0
    length = len(doc)
    while i < length:
        match = None
        if not title[i]:  # every candidate window starts with a capitalized word
            i += 1
            continue
        for size in (4, 3, 2, 1):
            if i + size > length or not title[i + size - 1] or any(k in covered for k in range(i, i + size)):
                continue
            window = doc[i:i + size]
            known = lookup_known(window.text)
            if known is not None and _is_agency_marker(doc, window):
                continue
            if known is not None and (size > 1 or window.text.isupper() and len(window.text) >= 2):
                match = Span(doc, i, i + size, label=known.entity_type)
                break
            if window.text.isupper() and len(window.text) >= 4 and is_prominent_place(window.text):
                match = Span(doc, i, i + size, label="GPE")
                break
        if match is not None:
            found.append(match)
            covered.update(range(match.start, match.end))
            i = match.end
        else:
            i += 1
    return found


class EntityConsistency:
    def __init__(self, nlp: Language, name: str) -> None:
        pass

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents  # each access rebuilds the spans from every token: read once until they change
        short_forms = self._short_forms(ents)
        spans = []
        covered = set()
        for ent in ents:
            full = short_forms.get(fold(ent.text))
            if full and (ent.text != full or ent.label_ != "PERSON"):
                spans.append((Span(doc, ent.start, ent.end, label="PERSON"), full if ent.text != full else None))
            elif ent.label_ in ("PERSON", "ORG") and _after_place_noun(doc, ent):
                spans.append((Span(doc, ent.start, ent.end, label="GPE"), None))
            elif ent.label_ == "PERSON" and len(ent) == 1 and is_prominent_place(ent.text):
                spans.append((Span(doc, ent.start, ent.end, label="GPE"), None))  # "Yerevan", "Jordan" alone
            elif ent.label_ == "ORG" and is_prominent_place(ent.text) and lookup_known(ent.text) is None:
                spans.append((Span(doc, ent.start, ent.end, label="GPE"), None))
            else:
                spans.append((ent, None))
            covered.update(range(ent.start, ent.end))
        title = _title_flags(doc)
        for size in (2, 1) if short_forms else ():
            for i in range(len(doc) - size + 1):
                if not title[i + size - 1] or i in covered or (size == 2 and i + 1 in covered):
                    continue
                if size == 2 and not (title[i] or doc[i].lower_ in _PARTICLES):
                    continue
                window = doc[i:i + size]
                full = short_forms.get(fold(window.text))
                if full:
                    spans.append((Span(doc, i, i + size, label="PERSON"), full))
                    covered.update(range(i, i + size))
        spans.extend((span, None) for span in _unlabelled_known(doc, covered, title))
        roles_before = {(e.start_char, e.end_char): (e._.role, e._.affiliation) for e in ents}
        doc.ents = filter_spans([span for span, _ in spans])
        kept = {(e.start, e.end): e for e in doc.ents}
        for span, full in spans:
            ent = kept.get((span.start, span.end))
            if ent is None:
                continue
            role, affiliation = roles_before.get((ent.start_char, ent.end_char), (None, None))
            ent._.role, ent._.affiliation = role, affiliation
            if full:
                ent._.resolved_name = full
                ent._.link_method = "surname_in_article"
                if role is None:
                    _attach_role(doc, ent)
        return doc

    @staticmethod
    def _short_forms(ents: tuple[Span, ...]) -> dict[str, str]:
        """Folded surname (or `de Mistura`) → the full name, for full names seen as PERSON among a doc's `ents`."""
        names = {}
        for ent in ents:
            tokens = [t for t in ent if not t.is_punct]
            if ent.label_ == "PERSON" and len(tokens) >= 2 and tokens[0].text.lower() not in _PARTICLES:
                names[ent.text] = tokens
        # "Mistura Staffan" aside, a name that ends another name ("De Mistura" in "Staffan de Mistura") is short.
        folded = {name: fold(name) for name in names}
        full_names = {name: tokens for name, tokens in names.items()
                      if not any(other != folded[name] and other.endswith(" " + folded[name]) for other in folded.values())}
        forms: dict[str, set[str]] = {}
        for full, tokens in full_names.items():
            candidates = {fold(tokens[-1].text), fold(full)}
            if len(tokens) >= 3 and tokens[-2].text.lower() in _PARTICLES:
                candidates.add(fold(f"{tokens[-2].text} {tokens[-1].text}"))
            for form in candidates:
                forms.setdefault(form, set()).add(full)
        resolved = {}
        for form, fulls in forms.items():
            # Two different people with the same surname: leave the bare surname alone.
            if len({person_key(f) for f in fulls}) == 1:
                resolved[form] = sorted(fulls, key=lambda f: (-len(f), f))[0]
        return resolved


@Language.factory("wirehouse_entity_cleanup", default_config={"split_glued": True, "drop_credits": True})
def make_entity_cleanup(nlp: Language, name: str, split_glued: bool, drop_credits: bool) -> EntityCleanup:
    return EntityCleanup(nlp, name, split_glued, drop_credits)


@Language.factory("wirehouse_entity_consistency")
def make_entity_consistency(nlp: Language, name: str) -> EntityConsistency:
    return EntityConsistency(nlp, name)
