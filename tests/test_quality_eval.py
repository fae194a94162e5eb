"""The real-data quality evaluation (benchmarks/quality.py, `make eval`).

A smoke run of the real thing on the first 3 files of each development set (skipped where the sets
are not on the machine), the scoring rules on hand-built inputs written for these tests, and the
answer when the sets are not there. The development sets' text never appears here: the smoke run
reads them from outside the repository, and every string below is made up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from benchmarks import quality
from benchmarks import quality_scoring as scoring
from wirehouse.paths import project_root

DATA = project_root().parent / "shared" / "data"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"the development sets are not on this machine ({DATA})")
SETS = ("conll", "reuters", "bbc")


@pytest.fixture(scope="module")
def smoke(prefect_server, tmp_path_factory):
    """One evaluation of 3 files per set; (exit code, results JSON, markdown page)."""
    from prefect.settings import PREFECT_API_URL

    folder = tmp_path_factory.mktemp("quality")
    output, page = folder / "quality.json", folder / "quality.md"
    with pytest.MonkeyPatch.context() as patch:
        # The ingest subprocesses use the session's test server instead of starting one each.
        patch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())
        code = quality.main(["--data", str(DATA), "--limit", "3", "--work", str(folder / "work"),
                             "--output", str(output), "--markdown", str(page)])
    return code, json.loads(output.read_text(encoding="utf-8")), page.read_text(encoding="utf-8")


@needs_data
def test_smoke_scores_three_files_of_each_set(smoke):
    code, results, _ = smoke
    assert code == 0
    assert set(results["sets"]) == set(SETS)
    assert results["model"] and {"measured_at", "git_commit", "git_dirty"} <= set(results)
    for name, report in results["sets"].items():
        assert report["files"] == 3, name
        assert report["counts"]["files"] == 3 and report["counts"]["ingest"]["files_seen"] == 3, name
        assert report["counts"]["loaded"] + report["counts"]["not_loaded"] == 3, name
        for key, metric in report["metrics"].items():
            value = metric["value"]
            assert value is None or (isinstance(value, (int, float)) and 0 <= value <= 1), (name, key, value)
            assert value is not None or metric["over"] == 0 or metric.get("note"), (name, key)
        for kind, mismatches in report["mismatches"].items():
            for mismatch in mismatches:
                assert set(mismatch) == {"file", "expected", "got"}, (name, kind)
    sets = results["sets"]
    for name, key in (("conll", "dateline_place_accuracy"), ("conll", "dateline_date_accuracy"),
                      ("conll", "per_org_loc_f1"), ("reuters", "dateline_place_accuracy"),
                      ("reuters", "title_accuracy"), ("reuters", "null_date_rate"), ("bbc", "iptc_accuracy")):
        assert sets[name]["metrics"][key]["value"] is not None, (name, key)
    # 3 articles are too few to fit topics: the NMI is not a number, and says why.
    assert sets["bbc"]["metrics"]["discovered_nmi"]["value"] is None
    assert "topic" in sets["bbc"]["metrics"]["discovered_nmi"]["note"]
    reference = sets["reuters"]["metrics"]["dated_right_with_reference_date"]
    assert (reference["value"] is None) == (results["reference_date"] is None)


@needs_data
def test_smoke_page_names_every_metric(smoke):
    _, results, page = smoke
    assert quality.MARK_BEGIN in page and quality.MARK_END in page
    table = page.split(quality.MARK_BEGIN, 1)[1].split(quality.MARK_END, 1)[0]
    for name, report in results["sets"].items():
        for metric in report["metrics"].values():
            assert f"| {name} | {metric['label']} |" in table


def test_page_regeneration_keeps_the_text_around_the_markers(tmp_path):
    page = tmp_path / "quality.md"
    quality.update_markdown(page, "first table")
    page.write_text(page.read_text(encoding="utf-8").replace("# Quality", "# Quality, edited by hand"), encoding="utf-8")
    quality.update_markdown(page, "second table")
    text = page.read_text(encoding="utf-8")
    assert "edited by hand" in text and "second table" in text and "first table" not in text


def test_a_limited_run_writes_no_results_unless_asked():
    assert quality.parse_args(["--limit", "3"]).output is None
    assert quality.parse_args(["--limit", "3"]).markdown is None
    assert quality.parse_args([]).output == quality.DEFAULT_OUTPUT
    assert quality.parse_args([]).markdown == quality.DEFAULT_MARKDOWN


def test_missing_data_folder_says_so_and_exits_0(tmp_path):
    absent = tmp_path / "no-data-here"
    result = subprocess.run([sys.executable, "-m", "benchmarks.quality", "--data", str(absent)],
                            capture_output=True, text=True, cwd=project_root(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert "development sets are not there" in result.stdout
    assert str(absent) in result.stdout


# --- scoring rules on made-up inputs -------------------------------------------------------------

def test_strict_span_scores_need_the_exact_span_and_type():
    gold = [("a", (0, 5, "PER")), ("a", (10, 15, "ORG")), ("b", (0, 3, "LOC"))]
    predicted = [("a", (0, 5, "PER")),        # right
                 ("a", (10, 14, "ORG")),      # one character short
                 ("b", (0, 3, "ORG")),        # right span, wrong type
                 ("b", (20, 25, "MISC"))]     # MISC is counted apart
    scores = scoring.strict_span_scores(gold, predicted)
    assert (scores["PER"].precision, scores["PER"].recall, scores["PER"].f1) == (1.0, 1.0, 1.0)
    assert (scores["ORG"].gold, scores["ORG"].predicted, scores["ORG"].correct) == (1, 2, 0)
    assert scores["ORG"].f1 == 0.0
    assert scores["LOC"].precision is None and scores["LOC"].recall == 0.0 and scores["LOC"].f1 is None
    assert scores["MISC"].predicted == 1 and scores["MISC"].recall is None
    combined = scores[scoring.COMBINED]
    assert (combined.gold, combined.predicted, combined.correct) == (3, 3, 1)
    assert combined.f1 == pytest.approx(1 / 3)


def test_the_same_span_in_two_documents_counts_twice():
    gold = [("a", (0, 4, "LOC")), ("b", (0, 4, "LOC"))]
    scores = scoring.strict_span_scores(gold, [("a", (0, 4, "LOC"))])
    assert scores["LOC"].recall == 0.5 and scores["LOC"].precision == 1.0


def test_spacy_labels_map_to_conll_types():
    assert [scoring.conll_type(label) for label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE")] \
        == ["PER", "ORG", "LOC", "LOC", "LOC", "MISC", "MISC", None]


def test_place_is_right_as_the_gold_place_or_its_part_before_the_first_comma():
    assert scoring.place_matches("Springfield", "SPRINGFIELD, Ore.")
    assert scoring.place_matches("Springfield, Ore.", "SPRINGFIELD, Ore.")
    assert scoring.place_matches("Sao Tome", "SÃO TOMÉ")          # unidecode
    assert scoring.place_matches("Port  Town", "PORT TOWN")       # whitespace
    assert not scoring.place_matches("Ore.", "SPRINGFIELD, Ore.")
    assert not scoring.place_matches("Springfield Heights", "SPRINGFIELD")
    assert not scoring.place_matches(None, "SPRINGFIELD")


def test_titles_compare_case_and_whitespace_insensitively():
    assert scoring.same_title("Acme Widgets  <ACW> Raises\nDividend", "ACME WIDGETS <ACW> RAISES DIVIDEND")
    assert not scoring.same_title("ACME WIDGETS RAISES DIVIDEND", "ACME WIDGETS <ACW> RAISES DIVIDEND")
    assert not scoring.same_title(None, "ACME")


def test_a_date_within_one_day_is_right():
    expected = date(1990, 3, 1)
    assert scoring.within_one_day(date(1990, 2, 28), expected)
    assert scoring.within_one_day(date(1990, 3, 2), expected)
    assert not scoring.within_one_day(date(1990, 3, 3), expected)
    assert not scoring.within_one_day(date(1991, 3, 1), expected)
    assert not scoring.within_one_day(None, expected)


def test_conll_dateline_comes_from_the_story_own_line():
    story = "QUIZ - MADE UP HEADLINE.\n\nBy Nobody Real\nSOMEWHERE, Nowhere 1990-07-04\nA made-up first sentence.\n"
    assert scoring.conll_dateline(story) == ("SOMEWHERE, Nowhere", date(1990, 7, 4))
    assert scoring.conll_dateline("HEADLINE.\n\nNo dateline here, only 1990-07-04 in a sentence.\n") is None
    assert scoring.conll_dateline("HEADLINE.\n\nSOMEWHERE 1990-02-30\n") is None   # not a calendar date
    late = "HEADLINE.\n" + "line\n" * 10 + "SOMEWHERE 1990-07-04\n"
    assert scoring.conll_dateline(late) is None


def test_offsets_map_back_over_crlf_and_trailing_blanks():
    original = "Red Fox  \r\nBlue Owl\r\n"
    normalized = "Red Fox\nBlue Owl"
    offsets = scoring.OffsetMap(normalized, original)
    assert not offsets.identical and offsets.shifts
    for word in ("Red", "Fox", "Blue Owl", "Owl"):
        start = normalized.index(word)
        mapped = offsets.span(start, start + len(word))
        assert original[slice(*mapped)] == word, word
    assert offsets.span(0, 7) == (0, 7)                       # the removed blanks stay outside the span
    across = offsets.span(normalized.index("Fox"), normalized.index("Blue") + 4)
    assert original[slice(*across)] == "Fox  \r\nBlue"


def test_offsets_map_back_over_repaired_mojibake():
    original = "It cost Â£5 in Old Town."
    normalized = "It cost £5 in Old Town."
    offsets = scoring.OffsetMap(normalized, original)
    start = normalized.index("Old Town")
    assert original[slice(*offsets.span(start, start + 8))] == "Old Town"
    start = normalized.index("£5")
    assert original[slice(*offsets.span(start, start + 2))].endswith("£5")


def test_offsets_of_an_identical_or_only_trailing_different_text_do_not_move():
    same = scoring.OffsetMap("Made up text.", "Made up text.")
    assert same.identical and not same.shifts and same.span(5, 7) == (5, 7)
    trailing = scoring.OffsetMap("Made up text.", "Made up text.\n")
    assert not trailing.identical and not trailing.shifts and trailing.span(0, 13) == (0, 13)


def test_nmi_of_renamed_clusters_is_one():
    assert scoring.normalized_mutual_information(["x", "x", "y", "y"], ["7", "7", "3", "3"]) == pytest.approx(1.0)
    assert scoring.normalized_mutual_information(["x", "x", "y", "y"], ["7", "3", "7", "3"]) == pytest.approx(0.0)
    assert scoring.normalized_mutual_information([], []) is None


def test_every_bbc_category_has_its_iptc_topic():
    assert set(scoring.BBC_CATEGORY_TO_IPTC) == {"business", "entertainment", "politics", "sport", "tech"}
    assert scoring.BBC_CATEGORY_TO_IPTC["business"] == scoring.ECONOMY == "economy, business and finance"
