"""The team's near-duplicate test set: originals, edited copies of them, and stories that must stay apart.

Copies are made the way republishers change wire stories, each edit from its own `random.Random`
seeded by (original, edit), so the set is the same on every machine and run:

  headline             a new headline (rewritten, prefixed `UPDATE 1-`, a site suffix), or one added
  boilerplate_added    site furniture around the story: `All news`, section names, `READ ALSO: ...`
                       between paragraphs, `Follow us on ...`, tags, a copyright line at the end
  boilerplate_removed  navigation, captions, credits, header, byline and trailer taken away
  caption_added        a photo caption with its credit above the story, or as a line inside the body
  trim_end             the last paragraph, the last third of the paragraphs, or all but the first three cut
  trim_middle          one or two paragraphs from the middle cut
  correction           a correction note appended (or a `(Corrects ...)` line on top and a figure changed)
  lead_rewritten       three words of the first sentence reworded or dropped (a sub-editor's touch; not in
                       the issue's list, here because it is what defeats the lead's LSH bands)
  a+b                  two of the above, applied in that order

Distinct stories that must not merge:

  the originals themselves (generated ones share beats, stock phrases, people and places), and
  same_event           two stories about one event: same beat, date, people, places, organisations and
                       topic, sentences drawn from disjoint halves of the beat's templates (two agencies
                       writing up one meeting); plus the hand-written pairs in `near_dup_stories`.

Every text is a raw inbox file; `benchmarks/near_dup_eval.py` parses them with the real parser.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

from benchmarks.corpus import beats as beat_vocabulary
from benchmarks.corpus import templates
from benchmarks.corpus.generate import (
    DAYS, FIRST_DAY, WEEKDAYS, _attributed_quote, _curly, _other_country_place, _pick_orgs, _pick_people, _Pool,
    _Slots, compose_article,
)
from benchmarks.corpus.vocabulary import JOURNALISTS, PHOTOGRAPHERS, PLACES, PLACES_BY_REGION
from wirehouse.articles.metadata import parse_article
from wirehouse.articles.model import ParsedArticle
from wirehouse.articles.read import file_text_from_bytes

SINGLE_EDITS = ("headline", "boilerplate_added", "boilerplate_removed", "caption_added", "trim_end", "trim_middle",
                "correction", "lead_rewritten")
COMBINED_EDITS = ("headline+trim_end", "headline+correction", "trim_end+correction", "boilerplate_added+trim_middle",
                  "caption_added+correction", "boilerplate_removed+headline", "trim_middle+trim_end",
                  "boilerplate_added+correction", "lead_rewritten+trim_end")
EDITS = SINGLE_EDITS + COMBINED_EDITS


@dataclass(frozen=True)
class RawStory:
    """One raw file of the test set and what it is."""

    name: str            # unique, also the file name stem
    text: str
    story: str           # the truth: copies share their original's story
    kind: str            # "original", an edit name, or "same_event"
    origin: str          # "generated", "handwritten" or "seed"
    event: str | None = None   # stories about the same event share this (they are still distinct stories)


def parse_text(name: str, text: str) -> ParsedArticle:
    """The real parser on a raw text, as the ingest would read it from a file."""
    return parse_article(file_text_from_bytes(Path(f"{name}.txt"), text.encode("utf-8")))


# --- edits -----------------------------------------------------------------------------------------------

@dataclass
class _Doc:
    """A raw text cut where the real parser says its parts are, so edits move whole parts around.

    text = top + title + middle + paragraphs (joined by blank lines) + tail, where `top` is what stands
    above the story (header, navigation, captions), `middle` runs from the title to the body (standfirst,
    captions, dateline) and `tail` is the trailer. Edits add lines `above` the story and `below` it.
    """

    top: str
    title: str | None
    middle: str
    paragraphs: list[str]
    tail: str
    subtitle: str | None
    dateline: str
    had_title: bool
    above: list[str]
    below: list[str]

    @classmethod
    def of(cls, text: str, article: ParsedArticle | None = None) -> "_Doc":
        article = article or parse_text("edit", text)
        text = article.full_text  # the parser's offsets are into the normalized text
        spans = {segment.section: (segment.start, segment.end) for segment in reversed(article.segments)}
        body_start, body_end = spans.get("body", (len(text), len(text)))
        story_start = spans.get("dateline", (body_start,))[0]
        title = spans.get("title")
        above = min(title[0], story_start) if title else story_start
        middle_start = title[1] if title else above
        paragraphs = [p for p in text[body_start:body_end].split("\n\n") if p.strip()]
        subtitle = spans.get("subtitle")
        dateline = spans.get("dateline")
        return cls(top=text[:above], title=text[title[0]:title[1]] if title else None,
                   middle=text[middle_start:body_start], paragraphs=[p.strip("\n") for p in paragraphs],
                   tail=text[body_end:], subtitle=text[subtitle[0]:subtitle[1]] if subtitle else None,
                   dateline=text[dateline[0]:dateline[1]] if dateline else "", had_title=title is not None,
                   above=[], below=[])

    def render(self) -> str:
        text = self.top + "".join(line + "\n\n" for line in self.above)
        if self.title is not None:
            text += self.title + ("" if self.had_title else "\n\n")
        text += self.middle + "\n\n".join(self.paragraphs)
        if self.tail.strip():
            text += "\n\n" + self.tail.strip()
        text += "".join("\n\n" + line for line in self.below)
        return text + "\n"

    def city(self) -> str:
        match = re.match(r"([A-Z][A-Z .'-]{2,30}?)[,.(]", self.dateline)
        return match.group(1).strip().title() if match else "the capital"


_HEADLINE_FORMS = (
    "{title} | {site}", "UPDATE 1-{title}", "{city}: {title}", "{title_lower}", "{title} - reports",
    "What we know about the talks in {city}", "{city} officials respond as story develops", "Key points from {city} today",
)
_SITES = ("World Briefing", "The Daily Courier", "Eurasia Review Online", "Global News Desk", "Morning Post Wire")


def headline(doc: _Doc, rng: random.Random) -> None:
    city = doc.city()
    if doc.title is None:
        doc.title = rng.choice(_HEADLINE_FORMS[5:]).format(city=city)
        return
    old = doc.title.strip()
    doc.title = rng.choice(_HEADLINE_FORMS).format(title=old, title_lower=old[0] + old[1:].lower(),
                                                   site=rng.choice(_SITES), city=city)


_TOP_FURNITURE = (["All news"], ["World", "Politics"], ["Latest news"], ["Top stories", "Share"], ["Europe"])
_READ_ALSO = ("READ ALSO: Officials to meet again next month", "Read more: What the new rules mean for travellers",
              "READ ALSO: Markets steady ahead of key data", "See also: Timeline of the negotiations")
_BOTTOM_FURNITURE = (
    "Follow us on Telegram for the latest news", "Subscribe to our newsletter to get the day's top stories.",
    "© 2024 Global News Desk. All rights reserved.", "Tags: world, politics, diplomacy",
    "Share this story with your friends and colleagues on social media.",
)


def boilerplate_added(doc: _Doc, rng: random.Random) -> None:
    if len(doc.paragraphs) >= 3 and rng.random() < 0.5:
        doc.paragraphs.insert(rng.randrange(1, len(doc.paragraphs)), rng.choice(_READ_ALSO))
    doc.below.extend(rng.sample(_BOTTOM_FURNITURE, 2 if rng.random() < 0.4 else 1))
    doc.above[:0] = rng.choice(_TOP_FURNITURE)


def boilerplate_removed(doc: _Doc, rng: random.Random) -> None:
    """Only the title, standfirst, dateline and body are left (a site that republishes the bare story)."""
    doc.top, doc.above, doc.tail, doc.below = "", [], "", []
    kept = ([doc.subtitle] if doc.subtitle else [])
    doc.middle = ("\n\n" if doc.had_title else "") + "".join(line + "\n\n" for line in kept) + doc.dateline


_CAPTIONS = ("A general view of the city centre in {city}", "Delegates arrive for the meeting in {city}",
             "A police officer stands guard outside the government building in {city}",
             "Journalists wait outside the venue in {city}", "People walk past a news screen in {city}")


def caption_added(doc: _Doc, rng: random.Random) -> None:
    caption = rng.choice(_CAPTIONS).format(city=doc.city())
    photographer = rng.choice(PHOTOGRAPHERS)
    style = rng.randrange(4)
    if style == 0:
        photo_id = "RTX" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(5))
        doc.above.append(f"image {caption}. REUTERS/{photographer} - {photo_id}")
    elif style == 1:
        doc.above.extend([f"{caption}   {photographer}/TASS", caption, f"© {photographer}/TASS"])
    elif style == 2:
        doc.above.append(f"{caption} (AP Photo/{photographer})")
    else:  # inside the body, as sites print a picture between paragraphs
        doc.paragraphs.insert(max(1, len(doc.paragraphs) // 2), f"Photo: {caption}. {photographer}/AFP")


def trim_end(doc: _Doc, rng: random.Random) -> None:
    """The last paragraph, the last third, or all but the first three (sites that run only the top of a story)."""
    count = len(doc.paragraphs)
    if count < 2:
        return
    choice = rng.random()
    if choice < 0.4 or count < 4:
        cut = 1
    elif choice < 0.7 or count < 6:
        cut = max(1, count // 3)
    else:
        cut = count - 3
    del doc.paragraphs[-cut:]


def trim_middle(doc: _Doc, rng: random.Random) -> None:
    if len(doc.paragraphs) < 3:
        return
    middle = list(range(1, len(doc.paragraphs) - 1))
    cut = set(rng.sample(middle, 2 if len(middle) >= 4 and rng.random() < 0.5 else 1))
    doc.paragraphs = [p for i, p in enumerate(doc.paragraphs) if i not in cut]


_CORRECTIONS = (
    "Correction: An earlier version of this story misstated the day of the meeting. It took place a day earlier.",
    "This story has been corrected to show that the statement was issued by the ministry, not the government.",
    "CORRECTION: A previous version of this article gave an incorrect title for one of the officials quoted. "
    "We regret the error.",
    "Editor's note: This article was updated to include a response from the ministry and to correct the spelling "
    "of a name in the fourth paragraph.",
    "An earlier version of this report incorrectly said the talks had ended without agreement.",
)
_TOP_CORRECTIONS = ("(Corrects figure in paragraph {n})", "(Corrects spelling of name in paragraph {n})",
                    "(Adds detail in paragraph {n}, corrects figure)")


def correction(doc: _Doc, rng: random.Random) -> None:
    if rng.random() < 0.7 or len(doc.paragraphs) < 2:
        doc.paragraphs.append(rng.choice(_CORRECTIONS))
        return
    # A corrected figure, said in a note above the story.
    numbered = [i for i, p in enumerate(doc.paragraphs) if re.search(r"\b\d{2,}\b", p)]
    n = rng.choice(numbered) if numbered else 0
    doc.paragraphs[n] = re.sub(r"\b(\d{2,})\b", lambda m: str(int(m.group(1)) + 1), doc.paragraphs[n], count=1)
    doc.above.append(rng.choice(_TOP_CORRECTIONS).format(n=n + 1))


_REWORDINGS = {"said": "stated", "announced": "said", "discussed": "talked about", "agreed": "decided",
               "talks": "negotiations", "meeting": "talks", "ministry": "ministry officials", "people": "persons",
               "killed": "left dead", "would": "will", "company": "firm", "government": "administration"}


def lead_rewritten(doc: _Doc, rng: random.Random) -> None:
    if not doc.paragraphs:
        return
    lead = doc.paragraphs[0]
    end = lead.find(". ")
    sentence, rest = (lead, "") if end < 0 else (lead[:end + 1], lead[end + 1:])
    words = sentence.split(" ")
    content = [i for i, word in enumerate(words[1:], 1) if len(word) >= 4 and word.isalpha() and word.islower()]
    for i in sorted(rng.sample(content, min(3, len(content))), reverse=True):
        replacement = _REWORDINGS.get(words[i])
        if replacement:
            words[i] = replacement
        else:
            del words[i]
    doc.paragraphs[0] = " ".join(words) + rest


_EDIT_FUNCTIONS = {"headline": headline, "boilerplate_added": boilerplate_added,
                   "boilerplate_removed": boilerplate_removed, "caption_added": caption_added, "trim_end": trim_end,
                   "trim_middle": trim_middle, "correction": correction,
                   "lead_rewritten": lead_rewritten}


def edited_copy(text: str, edit: str, name: str, article: ParsedArticle | None = None) -> str:
    """`text` after `edit` (one of EDITS, steps joined by +); the same result for the same (name, edit) every time.

    `article` is the parse of `text` when the caller has it already (the text is parsed otherwise).
    """
    doc = _Doc.of(text, article)
    for step in edit.split("+"):
        _EDIT_FUNCTIONS[step](doc, random.Random(f"wirehouse-near-dup:{name}:{edit}:{step}"))
    return doc.render()


# --- originals -------------------------------------------------------------------------------------------

def generated_originals(count: int, seed: int = 7, start: int = 0) -> list[RawStory]:
    """Articles of the benchmark corpus (`generate.compose_article`)."""
    stories = []
    for index in range(start, start + count):
        name = f"gen{seed}_{index:05d}"
        stories.append(RawStory(name, compose_article(index, seed).text, name, "original", "generated"))
    return stories


def _halves(items: tuple, variant: int) -> tuple:
    half = items[variant::2]
    return half or items


def _beat_half(beat: beat_vocabulary.Beat, variant: int) -> beat_vocabulary.Beat:
    """The beat with only every other template of each kind: two halves share no sentence template."""
    return replace(beat, titles=_halves(beat.titles, variant), standfirsts=_halves(beat.standfirsts, variant),
                   leads=_halves(beat.leads, variant), quotes=_halves(beat.quotes, variant),
                   reported=_halves(beat.reported, variant), details=_halves(beat.details, variant),
                   figures=_halves(beat.figures, variant), timelines=_halves(beat.timelines, variant),
                   captions=_halves(beat.captions, variant))


_EVENT_LAYOUTS = ("tass_header", "reuters_photo", "tass_allnews", "ap_titled", "wire_header", "ap_header_line")
_LAYOUT_AGENCY = {"tass_header": "TASS", "tass_allnews": "TASS", "reuters_photo": "Reuters", "ap_titled": "AP",
                  "ap_header_line": "AP"}


def _event_body(rng: random.Random, beat: beat_vocabulary.Beat, slots: _Slots, variant: int, words: int) -> list[str]:
    quotes = _Pool(rng, beat.quotes)
    pools = [(_Pool(rng, beat.details), 5), (_Pool(rng, beat.reported), 3),
             (_Pool(rng, _halves(beat_vocabulary.GENERIC, variant)), 2)]
    paragraphs = [rng.choice(beat.leads).format_map(slots)]
    required = [rng.choice(beat.figures), rng.choice(beat.timelines)]
    while sum(len(p.split()) for p in paragraphs) < words:
        sentences = []
        if required:
            sentences.append(required.pop(0).format_map(slots))
        if rng.random() < 0.45:
            sentences.append(_attributed_quote(rng, quotes, slots))
        while len(sentences) < 3:
            fresh = [(pool, weight) for pool, weight in pools if pool.fresh] or pools
            pool = rng.choices([p for p, _ in fresh], [w for _, w in fresh])[0]
            sentences.append(pool.draw().format_map(slots))
        paragraphs.append(" ".join(sentences))
    return paragraphs


def same_event_stories(index: int, seed: int = 7) -> list[RawStory]:
    """Two different stories about one event: same beat, date, people, places and topic, different sentences."""
    rng = random.Random(f"wirehouse-near-dup-event:{seed}:{index}")
    beat = rng.choices(beat_vocabulary.BEATS, beat_vocabulary.BEAT_WEIGHTS)[0]
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    home = rng.choice(PLACES_BY_REGION["ru"]) if rng.random() < 0.4 else rng.choice(PLACES)
    place1 = home if rng.random() < 0.5 else rng.choice(PLACES)
    place2 = _other_country_place(rng, place1)
    people = _pick_people(rng, home.region, beat.roles, None, None)
    orgs = _pick_orgs(rng, beat)
    topic, topic2 = rng.sample(beat.topics, 2)
    layouts = rng.sample(_EVENT_LAYOUTS, 2)
    words = rng.randint(180, 520)
    event = f"event{seed}_{index:05d}"
    stories = []
    for variant, layout in enumerate(layouts):
        text_rng = random.Random(f"wirehouse-near-dup-event:{seed}:{index}:{variant}")
        agency = _LAYOUT_AGENCY.get(layout) or text_rng.choice(("Reuters", "AFP", "Interfax", "Xinhua"))
        fixed = {
            "weekday": WEEKDAYS[published.weekday()], "year": str(published.year), "home": home.city,
            "home_country": home.country, "place1": place1.city, "place2": place2.city, "country1": place1.country,
            "country2": place2.country, "topic": topic, "topic2": topic2, "outlet": agency,
            "other_agency": "RIA Novosti" if agency != "RIA Novosti" else "TASS",
        }
        half = _beat_half(beat, variant)
        slots = _Slots(text_rng, people, orgs, fixed, 500_000 + 7 * index + variant, text_rng.random() < 0.3)
        title = half.titles[text_rng.randrange(len(half.titles))].format_map(slots)
        title = title[0].upper() + title[1:]
        standfirst = text_rng.choice(half.standfirsts).format_map(slots) if layout == "tass_allnews" else ""
        caption = text_rng.choice(half.captions).format_map(slots) if layout in ("reuters_photo", "tass_allnews") else ""
        paragraphs = _event_body(text_rng, half, slots, variant, int(words * text_rng.uniform(0.8, 1.2)))
        if text_rng.random() < 0.5:
            paragraphs = [_curly(p) for p in paragraphs]
        trailer = ""
        if agency == "Reuters" and text_rng.random() < 0.5:
            trailer = f"Reporting by {text_rng.choice(JOURNALISTS)}; Editing by {text_rng.choice(JOURNALISTS)}"
        parts = templates.Parts(
            published=published, city=home.city, agency=agency, paragraphs=paragraphs, title=title,
            standfirst=standfirst, caption=caption, caption_country=place1.country,
            photographer=text_rng.choice(PHOTOGRAPHERS), photo_id="RTX" + f"{index:05d}"[-5:], trailer=trailer,
        )
        name = f"{event}_{variant}"
        stories.append(RawStory(name, templates.RENDER[layout](parts), name, "same_event", "generated", event))
    return stories


def seed_originals(seeds_dir: Path | None) -> list[RawStory]:
    """The team's real seed articles, read where they are (never copied into the project)."""
    if seeds_dir is None or not seeds_dir.is_dir():
        return []
    stories = []
    for path in sorted(seeds_dir.glob("*.txt")):
        name = f"seed_{path.stem.split('_')[0]}"
        text = path.read_bytes().decode("utf-8")
        stories.append(RawStory(name, text, name, "original", "seed"))
    return stories


def test_set(generated: int = 120, events: int = 60, seeds_dir: Path | None = None, seed: int = 7,
             edits: tuple[str, ...] = EDITS, parsed: dict[str, ParsedArticle] | None = None) -> list[RawStory]:
    """Originals, an edited copy of each original for every edit, and the same-event pairs.

    `parsed` collects the parse of every original by name (the evaluation reuses them).
    """
    from benchmarks.corpus.near_dup_stories import handwritten_stories

    parsed = {} if parsed is None else parsed
    originals = generated_originals(generated, seed) + handwritten_stories() + seed_originals(seeds_dir)
    stories = list(originals)
    for original in originals:
        article = parsed[original.name] = parse_text(original.name, original.text)
        for edit in edits:
            copy = edited_copy(original.text, edit, original.name, article)
            if copy.strip() != article.full_text.strip():
                stories.append(RawStory(f"{original.name}~{edit}", copy, original.story, edit, original.origin,
                                        original.event))
    for index in range(events):
        stories.extend(same_event_stories(index, seed))
    return stories
