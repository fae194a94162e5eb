"""Assemble the report as one self-contained HTML page: inline CSS, inline SVG, no scripts, no links out."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Section:
    """One chart with what it shows and where its numbers come from."""

    anchor: str
    title: str
    svg: str | None        # None: nothing to draw yet, `empty_note` is shown instead
    caption: str
    sources: str           # the views/tables the chart reads, e.g. "v_article"
    empty_note: str


@dataclass(frozen=True)
class Header:
    warehouse: str
    generated_at: str
    facts: list[tuple[str, int]]   # (label, number), e.g. ("articles", 10)


CSS = """
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #222; margin: 0; background: #f6f7f9; }
header, main { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; }
h1 { font-size: 24px; margin: 0 0 4px; }
.meta { color: #555; font-size: 13px; margin: 0; word-break: break-all; }
.facts { display: flex; gap: 12px; flex-wrap: wrap; margin: 14px 0 6px; padding: 0; list-style: none; }
.facts li { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 8px 14px; font-size: 13px; }
.facts strong { display: block; font-size: 22px; }
nav { font-size: 13px; margin: 8px 0 0; }
nav a { color: #1f5fa8; margin-right: 14px; }
section { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; margin: 16px 0; padding: 12px 18px; }
h2 { font-size: 18px; margin: 0 0 8px; }
figure { margin: 0; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption, .empty { font-size: 13px; color: #444; margin-top: 6px; }
.empty { background: #fff8e1; border: 1px solid #f0d98c; border-radius: 4px; padding: 16px; }
code { background: #eef1f4; padding: 0 3px; border-radius: 3px; }
footer { color: #777; font-size: 12px; max-width: 1320px; margin: 0 auto 24px; padding: 0 24px; }
"""


def _section_html(section: Section) -> str:
    sources = ", ".join(f"<code>{escape(name.strip())}</code>" for name in section.sources.split(","))
    body = (section.svg if section.svg is not None
            else f'<p class="empty">No data yet: {escape(section.empty_note)}</p>')
    # The SVG comes from matplotlib, which escapes every text node it writes.
    return (
        f'<section id="{escape(section.anchor)}">\n<h2>{escape(section.title)}</h2>\n<figure>\n{body}\n'
        f"<figcaption>{escape(section.caption)} Source: {sources}.</figcaption>\n</figure>\n</section>"
    )


def render_page(header: Header, sections: list[Section]) -> str:
    """The whole HTML document as a string."""
    facts = "".join(f"<li><strong>{value:,}</strong>{escape(label)}</li>" for label, value in header.facts)
    nav = "".join(f'<a href="#{escape(s.anchor)}">{escape(s.title)}</a>' for s in sections)
    body = "\n".join(_section_html(section) for section in sections)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wirehouse report: {escape(header.warehouse)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>Wirehouse warehouse report</h1>
<p class="meta">Warehouse <code>{escape(header.warehouse)}</code> &middot; generated {escape(header.generated_at)}</p>
<ul class="facts">{facts}</ul>
<nav>{nav}</nav>
</header>
<main>
{body}
</main>
<footer>Written by <code>wirehouse report</code> from a read-only connection; every chart is a query on the views named
under it, so the same numbers are one <code>wirehouse sql</code> away.</footer>
</body>
</html>
"""
