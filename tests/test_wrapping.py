"""Which line breaks only wrap a paragraph (wirehouse.articles.wrapping), on team-written text."""

from tests.conftest import WRAPPED_ARCHIVE_STORY
from wirehouse.articles.wrapping import unwrapped, wrapping_breaks

# The body of the team's wrapped archive story: from its dateline on.
WRAPPED = WRAPPED_ARCHIVE_STORY[WRAPPED_ARCHIVE_STORY.index("WARSAW"):]

SENTENCE_PER_LINE = """The ministers met in Oslo on Friday to discuss fishing quotas for the coming year.
Norway wants a larger share of the mackerel catch than it had in the last agreement.
Iceland said it would not accept any cut to its own quota under the new terms.
"""

RESULTS_TABLE = """Harbour City 24 Riverside 21
Northgate 17 Old Town 30
Eastfield 12 Westbury 12
Southport 9 Hillside Rovers 41
"""


def test_wrapped_prose_breaks_join_within_a_paragraph_and_keep_its_offsets():
    breaks = wrapping_breaks(WRAPPED, 0, len(WRAPPED))
    lines = WRAPPED.split("\n")
    ends = [sum(len(line) + 1 for line in lines[:i + 1]) - 1 for i in range(len(lines) - 1)]
    # Every break but the one before the indented paragraph and the one after a full stop.
    assert breaks == [ends[0], ends[1], ends[2], ends[4], ends[5]]
    text = unwrapped(WRAPPED, 0, len(WRAPPED))
    assert len(text) == len(WRAPPED) and "Marta Kowalczyk" in text and "year.\n    The" in text


def test_one_sentence_per_line_and_tables_keep_every_break():
    assert wrapping_breaks(SENTENCE_PER_LINE, 0, len(SENTENCE_PER_LINE)) == []
    assert wrapping_breaks(RESULTS_TABLE, 0, len(RESULTS_TABLE)) == []
    assert unwrapped(RESULTS_TABLE, 0, len(RESULTS_TABLE)) == RESULTS_TABLE


def test_only_breaks_inside_the_given_span_change():
    title = "CENTRAL BANK RAISES RATE\n\n"
    text = title + WRAPPED
    assert min(wrapping_breaks(text, len(title), len(text))) > len(title)
