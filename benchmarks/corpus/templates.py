"""The raw layouts users deliver, one function each, and what the parser should read from them.

  tass_header     (a) `date YYYY-MM-DD` + TASS dateline on the same line
  kremlin         (b) `date` + `Source: President of Russia – The Kremlin – English`, no dateline
  reuters_photo   (c) `image` caption + `REUTERS/Name - RTX...` credit, title, no dateline
  tass_allnews    (d) `All news`, the page's time stamp, title, standfirst, caption + `© Name/TASS`, dateline
                      without year
  ap_titled       (e) title line, then AP dateline with an em dash, no date header: undated without a
                      reference date (its year is nowhere settled)
  wire_header     (f) `date` + Reuters/AFP/Interfax/Xinhua dateline on the same line
  ap_header_line  (g) `date` on its own line, AP dateline on the next

Paragraphs are single lines separated by one blank line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# AP style: March to July spelled out, the rest abbreviated with a period.
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_SHORT_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")

LAYOUTS = ("tass_header", "kremlin", "reuters_photo", "tass_allnews", "ap_titled", "wire_header", "ap_header_line")
# A realistic mix: most files are a date header plus a wire dateline.
LAYOUT_WEIGHTS = (22, 8, 10, 12, 10, 26, 12)
# Where the parser finds the publication date in each layout.
DATE_SOURCE = {"tass_header": "header", "kremlin": "header", "reuters_photo": "caption", "tass_allnews": "header",
               "ap_titled": "none", "wire_header": "header", "ap_header_line": "header"}
# Layouts whose dateline has no year; their bodies name the publication year in a past-tense clause,
# which does not settle it for the parser.
YEARLESS = frozenset({"tass_allnews", "ap_titled"})
# Agency of the `wire_header` layout and its weight.
WIRE_AGENCIES = (("Reuters", 50), ("AFP", 30), ("Interfax", 10), ("Xinhua", 10))


@dataclass
class Parts:
    """Everything a layout needs; text fields are already composed."""

    published: date
    city: str                  # dateline city, as GeoNames writes it
    agency: str                # TASS | Kremlin | Reuters | AP | AFP | Interfax | Xinhua
    paragraphs: list[str]      # the lead first
    title: str = ""
    standfirst: str = ""
    caption: str = ""
    caption_country: str = ""  # closes a dated Reuters caption: "... in Moscow, Russia, June 8, 2017."
    photographer: str = ""
    photo_id: str = ""
    trailer: str = ""
    leading_space: bool = False


def _iso(day: date) -> str:
    return day.isoformat()


def _body(parts: Parts, first_line_prefix: str = "") -> str:
    lines = [first_line_prefix + parts.paragraphs[0], *parts.paragraphs[1:]]
    if parts.trailer:
        lines.append(parts.trailer)
    return "\n\n".join(lines) + "\n"


def tass_header(parts: Parts) -> str:
    day = parts.published
    head = f"{' ' if parts.leading_space else ''}date {_iso(day)} "
    return head + _body(parts, f"{parts.city.upper()}, {MONTHS[day.month - 1]} {day.day}. /TASS/. ")


def kremlin(parts: Parts) -> str:
    return f"date {_iso(parts.published)} Source: President of Russia – The Kremlin – English\n\n" + _body(parts)


def reuters_photo(parts: Parts) -> str:
    day = parts.published
    caption = (f"image {parts.caption}, {parts.caption_country}, {MONTHS[day.month - 1]} {day.day}, {day.year}. "
               f"REUTERS/{parts.photographer} - {parts.photo_id}")
    return f"{caption}\n\n{parts.title}\u00a0\n\n\u00a0\n\n" + _body(parts)


def tass_allnews(parts: Parts) -> str:
    day = parts.published
    stamp = f"{MONTHS[day.month - 1]} {day.day:02d}, {day.year}, {8 + day.day % 12:02d}:{day.toordinal() % 60:02d} UTC+3"
    lines = ["All news", stamp, "", parts.title, "", parts.standfirst]
    if parts.caption:
        lines += [f"{parts.caption}   {parts.photographer}/TASS", parts.caption, f"© {parts.photographer}/TASS"]
    head = "\n".join(lines) + "\n\n"
    return head + _body(parts, f"{parts.city.upper()}, {MONTHS[day.month - 1]} {day.day}. /TASS/. ")


def _ap_dateline(parts: Parts) -> str:
    day = parts.published
    return f"{parts.city.upper()}, {_AP_MONTHS[day.month - 1]} {day.day} (AP) — "


def ap_titled(parts: Parts) -> str:
    return f"{parts.title}\n\n" + _body(parts, _ap_dateline(parts))


def wire_header(parts: Parts) -> str:
    day = parts.published
    city = parts.city.upper()
    if parts.agency == "Reuters":
        dateline = f"{city} (Reuters) - "
    elif parts.agency == "AFP":
        dateline = f"{city}, {_SHORT_MONTHS[day.month - 1]} {day.day} (AFP) - "
    elif parts.agency == "Interfax":
        dateline = f"{city}. {_SHORT_MONTHS[day.month - 1]} {day.day} (Interfax) - "
    else:
        dateline = f"{city}, {_AP_MONTHS[day.month - 1]} {day.day} (Xinhua) -- "
    return f"date {_iso(day)} " + _body(parts, dateline)


def ap_header_line(parts: Parts) -> str:
    return f"date {_iso(parts.published)}\n" + _body(parts, _ap_dateline(parts))


RENDER = {"tass_header": tass_header, "kremlin": kremlin, "reuters_photo": reuters_photo, "tass_allnews": tass_allnews,
          "ap_titled": ap_titled, "wire_header": wire_header, "ap_header_line": ap_header_line}


def source_name(layout: str, agency: str) -> str:
    """The source the parser should report: the dateline's agency, the photo credit's, or the publisher."""
    return "President of Russia" if layout == "kremlin" else agency


def has_dateline(layout: str) -> bool:
    return layout not in ("kremlin", "reuters_photo")
