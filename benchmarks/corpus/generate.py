"""Compose benchmark articles and write them as raw inbox files.

    uv run python -m benchmarks.corpus.generate --articles N --output DIR [--seed S] [--start I] [--workers W]

Article i depends only on (seed, i): its own `random.Random` is seeded from both, so the corpus of
2,000 articles is the first 2,000 files of the 10,000 one, and `start` makes new articles that do not
overlap an existing corpus. Files go into sub-folders of 1,000 (`0000/`, `0001/`, ...) named after
the agency and the index (`tass_000123.txt`).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from benchmarks.corpus import beats as beat_vocabulary
from benchmarks.corpus import templates
from benchmarks.corpus.beats import Beat
from benchmarks.corpus.vocabulary import (
    AGENCIES, HEAD_TITLES, JOURNALISTS, NUMBER_WORDS, ORDINALS, ORGANISATIONS, PEOPLE, PEOPLE_BY_REGION, PHOTOGRAPHERS, PLACES,
    PLACES_BY_REGION, Organisation, Person, Place,
)

FILES_PER_FOLDER = 1000
FIRST_DAY = date(2015, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Word counts: log-normal, mean about 380 after clipping to [80, 1500] (wire stories are short, a few run long).
_MU, _SIGMA = 5.80, 0.56
MIN_WORDS, MAX_WORDS = 80, 1500
_QUOTE_FORMS = (
    ('"{q}," {s} said.', 5), ('"{q}," said {s}.', 4), ('"{q}," {s} told reporters.', 2),
    ('"{q}," {s} told {outlet}.', 1), ('{S} said: "{q}."', 2), ('"{q}," {s} said in a statement.', 1),
)
_RUSSIA = PLACES_BY_REGION["ru"]


@dataclass(frozen=True)
class IntendedMetadata:
    """What the generator meant each article to say, for checking the parser against."""

    index: int
    relative_path: str
    layout: str
    beat: str
    published_date: date | None  # what the parser should read: None where nothing in the file settles the year
    date_source: str
    source_name: str
    dateline_place: str | None
    title: str | None
    written_on: date | None = None  # the day the story was written for, dated or not


@dataclass(frozen=True)
class GeneratedArticle:
    text: str
    meta: IntendedMetadata


def relative_path(index: int, agency: str) -> str:
    return f"{index // FILES_PER_FOLDER:04d}/{agency.lower()}_{index:06d}.txt"


class _Slots(dict):
    """Template slots; people and organisations are named in full the first time, briefly after."""

    def __init__(self, rng: random.Random, people: list[tuple[Person, str]], orgs: list[Organisation],
                 fixed: dict[str, str], uniq: int, percent_word: bool) -> None:
        super().__init__(fixed)
        self.rng = rng
        self.people = people
        self.orgs = orgs
        self.uniq = uniq
        self.percent_word = percent_word
        self.named: set[str] = set()

    def __missing__(self, key: str) -> str:
        if key[0].isupper():
            value = self[key[0].lower() + key[1:]]
            return value[0].upper() + value[1:]
        rng = self.rng
        if key[0] == "p" and key[1].isdigit():
            person, role = self.people[int(key[1]) - 1]
            suffix = key[3:]
            if suffix == "last":
                return person.last
            if suffix == "full":
                return person.name
            if suffix == "pron":
                return person.pronoun
            if key in self.named:
                return person.last
            self.named.add(key)
            return f"{role} {person.name}"
        if key.startswith("org"):
            org = self.orgs[int(key[3]) - 1]
            if key.endswith("_tag"):
                short = org.short if org.short.split()[-1].isupper() else org.name
                return short.removeprefix("the ")
            if key in self.named:
                return org.short
            self.named.add(key)
            acronym = org.short.split()[-1]
            if org.short != org.name and acronym.isupper() and len(acronym) > 1:
                return f"{org.name} ({acronym})"
            return org.name
        if key == "num_small":
            return rng.choice(NUMBER_WORDS)
        if key == "num":
            return str(rng.randint(12, 950))
        if key == "num_k":
            return f"{rng.randint(2, 90) * 1000 + rng.randint(0, 999):,}"
        if key == "pct":
            value = f"{rng.uniform(0.2, 12.0):.1f}"
            return f"{value} percent" if self.percent_word else f"{value}%"
        if key == "money":
            amount = rng.choice((f"{rng.uniform(1.1, 9.8):.1f} billion", f"{rng.randint(120, 950)} million"))
            currency = rng.choice(("$", "euros", "rubles", "dollars"))
            return f"${amount}" if currency == "$" else f"{amount} {currency}"
        if key == "goals":
            return str(rng.randint(2, 5))
        if key == "ordinal":
            return rng.choice(ORDINALS)
        if key == "uniq":
            return f"{self.uniq:,}"
        if key == "past_year":
            year = int(self["year"])
            return str(rng.randint(year - 12, year - 1))
        raise KeyError(key)


def _curly(text: str) -> str:
    """Typographic quotes and apostrophes for files that use them."""
    text = re.sub(r'(^|[\s(\[—-])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(r"(^|[\s(\[])'", "\\1\u2018", text)
    return text.replace("'", "\u2019")


def _words(text: str) -> int:
    return len(text.split())


class _Pool:
    """Draws templates without repeats until the pool is used up, then starts over."""

    def __init__(self, rng: random.Random, items: tuple[str, ...]) -> None:
        self.rng, self.items, self.left, self.rounds = rng, items, [], 0

    @property
    def fresh(self) -> bool:
        """Whether the next draw is a template this article has not used yet."""
        return bool(self.left) or self.rounds == 0

    def draw(self) -> str:
        if not self.left:
            self.left = list(self.items)
            self.rng.shuffle(self.left)
            self.rounds += 1
        return self.left.pop()


def _pick_people(rng: random.Random, home_region: str, roles: tuple[str, ...], first_role: str | None,
                 first_region: str | None) -> list[tuple[Person, str]]:
    first_pool = PEOPLE_BY_REGION[first_region or home_region] if (first_region or rng.random() < 0.6) else PEOPLE
    chosen = [rng.choice(first_pool)]
    while len(chosen) < 4:
        person = rng.choice(PEOPLE)
        if all(person.last != other.last for other in chosen):
            chosen.append(person)
    picked_roles = rng.sample(roles, 4) if len(roles) >= 4 else [rng.choice(roles) for _ in range(4)]
    if first_role:
        picked_roles[0] = first_role
    return list(zip(chosen, picked_roles))


def _pick_orgs(rng: random.Random, beat: Beat) -> list[Organisation]:
    tags = {beat.name, *beat_vocabulary.EXTRA_ORG_TAGS.get(beat.name, ())}
    suited = [org for org in ORGANISATIONS if org.beats & tags]
    anywhere = [org for org in ORGANISATIONS if "*" in org.beats]
    chosen: list[Organisation] = []
    while len(chosen) < 3:
        org = rng.choice(suited if len(chosen) < 2 or rng.random() < 0.7 else anywhere)
        if org not in chosen and all(org.short != other.short for other in chosen):
            chosen.append(org)
    return chosen


def _other_country_place(rng: random.Random, *avoid: Place) -> Place:
    while True:
        place = rng.choice(PLACES)
        if all(place.country != other.country for other in avoid):
            return place


def _choose(rng: random.Random, weighted: tuple) -> object:
    items, weights = zip(*weighted)
    return rng.choices(items, weights)[0]


def compose_article(index: int, seed: int = 7) -> GeneratedArticle:
    """Article number `index` of the corpus made with `seed`; the same text on every machine and run."""
    rng = random.Random(f"wirehouse-corpus:{seed}:{index}")
    layout = rng.choices(templates.LAYOUTS, templates.LAYOUT_WEIGHTS)[0]
    agency = {"tass_header": "TASS", "tass_allnews": "TASS", "kremlin": "Kremlin", "reuters_photo": "Reuters",
              "ap_titled": "AP", "ap_header_line": "AP"}.get(layout) or _choose(rng, templates.WIRE_AGENCIES)
    beat = rng.choices(beat_vocabulary.BEATS, beat_vocabulary.BEAT_WEIGHTS)[0]
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))

    if agency in ("TASS", "Interfax", "Kremlin"):
        home = rng.choice(_RUSSIA) if agency == "Kremlin" or rng.random() < 0.7 else rng.choice(PLACES)
    elif agency == "Xinhua":
        home = rng.choice(PLACES_BY_REGION["asia"][:4]) if rng.random() < 0.6 else rng.choice(PLACES)
    else:
        home = rng.choice(PLACES)
    if agency == "Kremlin":
        home = _RUSSIA[0]
        place1 = _other_country_place(rng, home)
        role = f"{rng.choice(HEAD_TITLES)} of {place1.country}"
        people = _pick_people(rng, place1.region, beat.roles, role, place1.region)
    else:
        place1 = home if rng.random() < 0.5 else rng.choice(PLACES)
        people = _pick_people(rng, home.region, beat.roles, None, None)
    place2 = _other_country_place(rng, place1)
    orgs = _pick_orgs(rng, beat)
    topic, topic2 = rng.sample(beat.topics, 2)
    fixed = {
        "weekday": WEEKDAYS[published.weekday()], "year": str(published.year), "home": home.city,
        "home_country": home.country, "place1": place1.city, "place2": place2.city, "country1": place1.country,
        "country2": place2.country, "topic": topic, "topic2": topic2,
        "outlet": "reporters" if agency == "Kremlin" else agency,
        "other_agency": rng.choice([name for name in AGENCIES if name != agency]),
    }
    slots = _Slots(rng, people, orgs, fixed, 1000 + 3 * index + rng.randrange(3), rng.random() < 0.3)

    # Front matter first: it names people by surname or in full without counting as the first mention.
    title = rng.choice(beat.titles).format_map(slots)
    title = title[0].upper() + title[1:]
    if layout == "tass_allnews" and rng.random() < 0.5:
        attribution = "ministry" if rng.random() < 0.3 else people[0][0].last
        if attribution not in title:
            title += " - " + attribution
    standfirst = rng.choice(beat.standfirsts).format_map(slots) if layout == "tass_allnews" else ""
    caption = ""
    if layout == "reuters_photo" or (layout == "tass_allnews" and rng.random() < 0.6):
        caption = rng.choice(beat.captions).format_map(slots)

    target = int(min(MAX_WORDS, max(MIN_WORDS, rng.lognormvariate(_MU, _SIGMA))))
    paragraphs = _compose_body(rng, beat, slots, layout, target)

    curly = rng.random() < 0.5
    if curly:
        paragraphs = [_curly(p) for p in paragraphs]
        title, standfirst, caption = _curly(title), _curly(standfirst), _curly(caption)
    trailer = ""
    if agency == "Reuters" and rng.random() < 0.45:
        first, second, editor = rng.sample(JOURNALISTS, 3)
        trailer = rng.choice((f"Reporting by {first}; Editing by {editor}",
                              f"Reporting by {first} in {home.city}; Additional reporting by {second}; Editing by {editor}",
                              f"Reporting by {first} and {second}; Writing by {editor}"))
    parts = templates.Parts(
        published=published, city=home.city, agency=agency, paragraphs=paragraphs, title=title, standfirst=standfirst,
        caption=caption, caption_country=place1.country, photographer=rng.choice(PHOTOGRAPHERS),
        photo_id="RTX" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(5)),
        trailer=trailer, leading_space=layout == "tass_header" and rng.random() < 0.15,
    )
    text = templates.RENDER[layout](parts)
    has_title = layout in ("reuters_photo", "tass_allnews", "ap_titled")
    meta = IntendedMetadata(
        index=index, relative_path=relative_path(index, agency), layout=layout, beat=beat.name,
        published_date=None if templates.DATE_SOURCE[layout] == "none" else published,
        date_source=templates.DATE_SOURCE[layout],
        source_name=templates.source_name(layout, agency),
        dateline_place=home.city if templates.has_dateline(layout) else None,
        title=title if has_title else None,
        written_on=published,
    )
    return GeneratedArticle(text, meta)


def _attributed_quote(rng: random.Random, quotes: _Pool, slots: _Slots) -> str:
    speaker = rng.choices(("p1", "p2", "p3"), (5, 3, 2))[0]
    form = _choose(rng, _QUOTE_FORMS)
    form = form.replace("{s}", "{" + speaker + "}").replace("{S}", "{" + speaker.upper() + "}")
    return form.replace("{q}", quotes.draw()).format_map(slots)


def _compose_body(rng: random.Random, beat: Beat, slots: _Slots, layout: str, target: int) -> list[str]:
    """Lead, then paragraphs of quotes, reported speech, details and context, about `target` words in all."""
    paragraph_count = max(3, min(12, round(target / rng.uniform(42, 70))))
    budget = target / paragraph_count
    readout = layout == "kremlin"
    quotes = _Pool(rng, beat.quotes)
    reported = _Pool(rng, beat.reported)
    details = _Pool(rng, beat_vocabulary.READOUT_DETAILS if readout else beat.details)
    generic = _Pool(rng, beat_vocabulary.GENERIC)
    if readout:
        lead = [rng.choice(beat_vocabulary.READOUT_LEADS), rng.choice(beat_vocabulary.READOUT_SECOND)]
        figure = rng.choice(beat_vocabulary.READOUT_FIGURES)
    else:
        lead = [rng.choice(beat.leads)]
        figure = rng.choice(beat.figures)
    timelines = [t for t in beat.timelines if "{year}" in t] if layout in templates.YEARLESS else list(beat.timelines)
    # Sentences every article carries: its own figure (so no two articles are the same text) and, where
    # the date has no year, a past-tense mention of the publication year that settles it.
    fillers = [(details, 55), (reported, 15), (generic, 20)] + ([] if readout else [(quotes, 10)])
    required = {rng.randrange(1, paragraph_count): figure}
    if layout in templates.YEARLESS or rng.random() < 0.5:
        slot = rng.randrange(1, paragraph_count)
        required[slot] = required.get(slot, "") + (" " if slot in required else "") + rng.choice(timelines)

    paragraphs = []
    for number in range(paragraph_count):
        sentences = [s.format_map(slots) for s in lead] if number == 0 else []
        if number in required:
            sentences.append(required[number].format_map(slots))
        if number:
            kind = rng.choices(("quote", "reported", "detail"), (4, 3, 3 + 2 * readout))[0]
            if kind == "quote":
                sentences.append(_attributed_quote(rng, quotes, slots))
            elif kind == "reported":
                sentences.append(reported.draw().format_map(slots))
        while sum(map(_words, sentences)) < budget * 0.85 and len(sentences) < 9:
            # Prefer a kind of sentence that still has unused templates; long stories repeat only when all are used.
            kinds = [(pool, weight) for pool, weight in fillers if pool.fresh] or fillers
            pool = rng.choices([k[0] for k in kinds], [k[1] for k in kinds])[0]
            if pool is quotes:
                sentences.append(_attributed_quote(rng, quotes, slots))
            else:
                sentences.append(pool.draw().format_map(slots))
        paragraphs.append(" ".join(sentences))
    if readout:
        paragraphs.append(rng.choice(beat_vocabulary.READOUT_CLOSINGS))
    return paragraphs


def intended_metadata(index: int, seed: int = 7) -> IntendedMetadata:
    return compose_article(index, seed).meta


def _write_range(output: str, seed: int, first: int, last: int) -> tuple[list[str], int]:
    """Write articles first..last-1; returns their paths and their total word count."""
    root = Path(output)
    made_folders: set[str] = set()
    paths, words = [], 0
    for index in range(first, last):
        article = compose_article(index, seed)
        folder = article.meta.relative_path.split("/", 1)[0]
        if folder not in made_folders:
            (root / folder).mkdir(parents=True, exist_ok=True)
            made_folders.add(folder)
        path = root / article.meta.relative_path
        path.write_bytes(article.text.encode("utf-8"))
        paths.append(str(path))
        words += _words(article.text)
    return paths, words


def _default_workers(n: int) -> int:
    return 1 if n < 5000 else max(1, min(4, os.cpu_count() or 1))


def generate_corpus(n: int, output: Path, seed: int = 7, start: int = 0, workers: int | None = None) -> list[Path]:
    """Write articles start..start+n-1 under `output`; returns their paths in index order."""
    return _generate(n, Path(output), seed, start, workers)[0]


def _generate(n: int, output: Path, seed: int, start: int, workers: int | None) -> tuple[list[Path], int]:
    output.mkdir(parents=True, exist_ok=True)
    workers = workers or _default_workers(n)
    if workers == 1:
        paths, words = _write_range(str(output), seed, start, start + n)
        return [Path(p) for p in paths], words
    step = max(FILES_PER_FOLDER, math.ceil(n / (workers * 8)))
    ranges = [(first, min(first + step, start + n)) for first in range(start, start + n, step)]
    paths: list[Path] = []
    words = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk_paths, chunk_words in pool.map(_write_range, *zip(*[(str(output), seed, a, b) for a, b in ranges])):
            paths.extend(Path(p) for p in chunk_paths)
            words += chunk_words
    return paths, words


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a deterministic benchmark corpus of raw news articles.")
    parser.add_argument("--articles", type=int, required=True, help="how many articles to write")
    parser.add_argument("--output", type=Path, required=True, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--start", type=int, default=0, help="index of the first article (default 0)")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: 1 below 5,000 articles, else up to 4)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.start < 0:
        parser.error("--articles must be positive and --start non-negative")
    began = time.perf_counter()
    paths, words = _generate(args.articles, args.output, args.seed, args.start, args.workers)
    elapsed = time.perf_counter() - began
    print(f"wrote {len(paths):,} articles to {args.output} in {elapsed:.1f} s "
          f"(seed {args.seed}, indices {args.start}..{args.start + args.articles - 1}, "
          f"mean {words / len(paths):.0f} words)", file=sys.stderr)


if __name__ == "__main__":
    main()
