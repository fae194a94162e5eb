"""Render matplotlib figures as deterministic SVG fragments to inline in an HTML page."""

from __future__ import annotations

import io
from contextlib import contextmanager
from typing import Iterator

import matplotlib

matplotlib.use("Agg")  # no display, no GUI toolkit: the report is built on servers and in CI

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

# Text stays text (fonttype none), so labels are searchable, selectable and escaped by matplotlib's
# XML writer; parse_math off so a "$" in an entity name is not read as TeX.
_STYLE = {
    "svg.fonttype": "none",
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
}

# Without these the SVG would carry today's date and the matplotlib version with its URL.
_METADATA = {"Date": None, "Creator": "Wirehouse report"}


@contextmanager
def report_style() -> Iterator[None]:
    with plt.rc_context(_STYLE):
        yield


def figure_to_svg(figure: Figure, chart_id: str) -> str:
    """The figure as an `<svg>` element (no XML prolog or DOCTYPE), then closed.

    `chart_id` salts the hashed ids of clip paths and markers and becomes the root id, so several
    charts in one page never share an id, and the same data always gives byte-identical SVG.
    """
    buffer = io.StringIO()
    try:
        with plt.rc_context({"svg.hashsalt": f"wirehouse-{chart_id}", "svg.id": chart_id}):
            figure.savefig(buffer, format="svg", metadata=_METADATA, bbox_inches="tight")
    finally:
        plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):].strip()
