"""End to end: the real Prefect flow, spaCy model, GX suites and DuckDB file on real article files."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from flows.ingest import ingest_articles
from tests.warehouse_queries import query
from tests.conftest import WRAPPED_ARCHIVE_STORY
from tests.test_schema import CONTRACT

STAR_TABLES = [t for t in CONTRACT if not t.startswith("etl_")]

# file name → (published_date, date_source, dateline_place, country, source, title)
SAMPLE_EXPECTATIONS = {
    "tass_water_talks.txt": (date(2023, 4, 12), "header", "Moscow", "RU", "TASS", None),
    "kremlin_readout_arctic.txt": (date(2022, 9, 20), "header", None, None, "President of Russia", None),
    "reuters_photo_grain.txt": (date(2022, 8, 3), "caption", None, None, "Reuters",
                                "Grain ships resume sailing from Black Sea ports"),
    # "said on Tuesday" does not settle the year of a `July 9` dateline: undated without a reference date.
    "allnews_flood_convoy.txt": (None, "none", "Volgograd", "RU", "TASS",
                                 "Flood relief convoy reaches Volgograd region - emergencies ministry"),
    "reuters_senate_vote.txt": (date(2021, 3, 17), "header", "Washington", "US", "Reuters", None),
    "ap_rail_strike.txt": (None, "none", "London", "GB", "AP",
                           "Rail workers walk out across Britain over pay"),
    "afp_museum_reopens.txt": (date(2024, 11, 3), "header", "Paris", "FR", "AFP", None),
    "tass_rio_g20.txt": (date(2024, 2, 20), "header", "Rio de Janeiro", "BR", "TASS", None),
    "ap_new_york_measles.txt": (date(2024, 1, 10), "header", "New York", "US", "AP", None),
    "allnews_summit_no_date.txt": (None, "none", "Astana", "KZ", "TASS",
                                   "Foreign ministers agree to meet again on Caspian cooperation"),
}
SAMPLE_PEOPLE = {
    "tass_water_talks.txt": "Elena Markova", "kremlin_readout_arctic.txt": "Jonas Eriksen",
    "allnews_flood_convoy.txt": "Pavel Orlov", "reuters_senate_vote.txt": "Laura Whitfield",
    "ap_rail_strike.txt": "Gareth Mills", "afp_museum_reopens.txt": "Claire Fontaine",
    "tass_rio_g20.txt": "Rafael Moreira", "ap_new_york_measles.txt": "Naomi Brooks",
    "allnews_summit_no_date.txt": "Arman Seitkali",
}
SAMPLE_TOP_TOPIC = {
    "ap_new_york_measles.txt": "health", "ap_rail_strike.txt": "labour",
    "tass_rio_g20.txt": "economy, business and finance", "reuters_photo_grain.txt": "economy, business and finance",
    "allnews_flood_convoy.txt": "disaster, accident and emergency incident",
    "afp_museum_reopens.txt": "arts, culture, entertainment and media",
}


def row_counts(path):
    with duckdb.connect(str(path), read_only=True) as connection:
        return {t: connection.execute(f"select count(*) from {t}").fetchone()[0] for t in CONTRACT}




@pytest.fixture(scope="module")
def samples_run(prefect_server, samples_dir, tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("samples") / "news.duckdb"
    first = ingest_articles(paths=[str(samples_dir)], warehouse=str(warehouse))
    counts_after_first = row_counts(warehouse)
    second = ingest_articles(paths=[str(samples_dir)], warehouse=str(warehouse))
    return warehouse, first, counts_after_first, second


def test_every_sample_becomes_one_article(samples_run, samples_dir):
    warehouse, first, counts, _ = samples_run
    sample_files = sorted(p for p in samples_dir.rglob("*.txt"))
    assert len(sample_files) >= 8
    assert first["loaded"] == len(sample_files) and first["quarantined"] == first["failed"] == 0
    assert counts["fact_article"] == counts["article_text"] == len(sample_files)
    loaded_from = {r[0] for r in query(warehouse, "select source_file from fact_article")}
    assert loaded_from == {str(p) for p in sample_files}


def warehouse_of(run):
    return run[0]


def test_all_contract_tables_exist_and_the_star_is_filled(samples_run):
    _, _, counts, _ = samples_run
    assert set(CONTRACT) <= set(counts)
    for table in ("dim_source", "dim_location", "dim_entity", "entity_alias", "fact_entity_mention",
                  "dim_topic", "bridge_article_topic", "dim_date"):
        assert counts[table] > 0, table
    levels = dict(query(warehouse_of(samples_run), "select level, count(*) from dim_topic where scheme = 'iptc' group by level"))
    assert levels[1] == 17 and levels[2] >= 20


def test_second_run_changes_no_star_row_counts(samples_run):
    warehouse, first, counts_after_first, second = samples_run
    counts_now = row_counts(warehouse)
    assert {t: counts_now[t] for t in STAR_TABLES} == {t: counts_after_first[t] for t in STAR_TABLES}
    assert second["loaded"] == 0 and second["duplicate"] == first["loaded"]
    # The ledger and the run table record the second run: one row per file per run.
    assert counts_now["etl_run"] == 2
    per_run = query(warehouse, "select run_id, count(*), count(distinct file_path) from etl_file_ledger group by run_id")
    assert len(per_run) == 2 and all(n == distinct == first["files_seen"] for _, n, distinct in per_run)
    reasons = query(warehouse, "select distinct reason from etl_file_ledger where status = 'duplicate'")
    assert all(r[0].startswith("same normalized text as ") for r in reasons)


@pytest.mark.parametrize("name", sorted(SAMPLE_EXPECTATIONS))
def test_sample_metadata(samples_run, name):
    warehouse = samples_run[0]
    [row] = query(warehouse, """
        select fact_article.published_date, fact_article.date_source, fact_article.dateline_place,
               dim_location.country_code, dim_source.name, fact_article.title
        from fact_article
        left join dim_source on fact_article.source_key = dim_source.source_key
        left join dim_location on fact_article.location_key = dim_location.location_key
        where fact_article.source_file like '%/' || ?""", [name])
    assert row == SAMPLE_EXPECTATIONS[name]


def test_undated_sample_is_flagged_with_a_note(samples_run):
    [(note, flag, confidence, date_key)] = query(samples_run[0], """
        select date_note, date_flag, date_confidence, date_key from fact_article
        where source_file like '%allnews_summit_no_date.txt'""")
    assert "without a year" in note and flag == "year_unresolved" and confidence == 0 and date_key is None


@pytest.mark.parametrize("name", sorted(SAMPLE_PEOPLE))
def test_sample_person_is_extracted(samples_run, name):
    people = {r[0] for r in query(samples_run[0], """
        select dim_entity.canonical_name from fact_entity_mention
        inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
        inner join fact_article on fact_entity_mention.article_id = fact_article.article_id
        where dim_entity.entity_type = 'PERSON' and fact_article.source_file like '%/' || ?""", [name])}
    assert SAMPLE_PEOPLE[name] in people


@pytest.mark.parametrize("name", sorted(SAMPLE_TOP_TOPIC))
def test_sample_top_topic(samples_run, name):
    [(label, score, evidence)] = query(samples_run[0], """
        select dim_topic.label, bridge_article_topic.score, bridge_article_topic.evidence
        from bridge_article_topic
        inner join dim_topic on bridge_article_topic.topic_key = dim_topic.topic_key
        inner join fact_article on bridge_article_topic.article_id = fact_article.article_id
        where bridge_article_topic.rank = 1 and fact_article.source_file like '%/' || ?""", [name])
    assert label == SAMPLE_TOP_TOPIC[name] and 0 < score <= 1 and evidence.startswith("{")


def test_mention_offsets_point_into_full_text(samples_run):
    mismatched = query(samples_run[0], """
        select fact_entity_mention.mention_text, fact_entity_mention.start_char
        from fact_entity_mention
        inner join article_text on fact_entity_mention.article_id = article_text.article_id
        where substring(article_text.full_text, fact_entity_mention.start_char + 1,
                        fact_entity_mention.end_char - fact_entity_mention.start_char) <> fact_entity_mention.mention_text""")
    assert mismatched == []
    sections = {r[0] for r in query(samples_run[0], "select distinct section from fact_entity_mention")}
    assert {"body", "title", "caption", "dateline"} <= sections


def test_field_spans_point_into_full_text(samples_run):
    fields = {r[0] for r in query(samples_run[0], "select distinct field from article_field_span")}
    assert {"header_date", "title", "subtitle", "caption", "photo_credit", "dateline", "dateline_place", "agency",
            "published_date", "source"} <= fields
    mismatched = query(samples_run[0], """
        select article_field_span.field, article_field_span.value from article_field_span
        inner join article_text on article_field_span.article_id = article_text.article_id
        where substring(article_text.full_text, article_field_span.start_char + 1,
                        article_field_span.end_char - article_field_span.start_char) <> article_field_span.value""")
    assert mismatched == []


def test_article_ids_are_sha256_of_full_text(samples_run):
    bad = query(samples_run[0], """
        select article_id from article_text where sha256(full_text) <> article_id""")
    assert bad == []


def test_dim_date_covers_the_loaded_range_without_gaps(samples_run):
    [(days, first, last)] = query(samples_run[0], "select count(*), min(date), max(date) from dim_date")
    assert first == date(2021, 3, 17) and last == date(2024, 11, 3)  # the earliest and latest dated samples
    assert days == (last - first).days + 1


def test_run_is_recorded(samples_run):
    warehouse, first, _, _ = samples_run
    [(status, loaded, mentions, flow_run_id)] = query(
        warehouse, "select status, loaded_count, mention_count, flow_run_id from etl_run where run_id = ?", [first["run_id"]])
    assert status == "completed" and loaded == first["loaded"] and mentions == first["mentions"] > 0
    assert flow_run_id == first["run_id"]


@pytest.fixture(scope="module")
def seeds_warehouse(prefect_server, seeds_dir, tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    summary = ingest_articles(paths=[str(seeds_dir)], warehouse=str(warehouse))
    return warehouse, summary


def test_seeds_all_load(seeds_warehouse, seeds_dir):
    _, summary = seeds_warehouse
    assert summary["loaded"] == len(list(seeds_dir.glob("*.txt")))


def test_tass_seed_metadata_and_guterres(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    [(article_id, published, place, agency)] = query(warehouse, """
        select fact_article.article_id, fact_article.published_date, fact_article.dateline_place, dim_source.name
        from fact_article
        inner join article_text on fact_article.article_id = article_text.article_id
        left join dim_source on fact_article.source_key = dim_source.source_key
        where article_text.full_text like 'date 2020-06-01 MOSCOW, June 1. /TASS/.%'""")
    assert (published, place, agency) == (date(2020, 6, 1), "Moscow", "TASS")
    people = {r[0] for r in query(warehouse, """
        select dim_entity.canonical_name from fact_entity_mention
        inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
        where fact_entity_mention.article_id = ? and fact_entity_mention.label = 'PERSON'""", [article_id])}
    assert "Antonio Guterres" in people


def test_seed_page_dump_and_photo_caption(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    rows = {r[0]: r[1:] for r in query(warehouse, """
        select title, published_date, date_source, subtitle is not null, captions is not null
        from fact_article where title is not null""")}
    # Its `May 3` dateline has no year and nothing in the page settles one ("said Tuesday" does not).
    assert rows["There is progress in humanitarian access in Syria - Lavrov"] == (None, "none", True, True)
    assert rows["UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis"] == (date(2017, 6, 8), "caption", False, True)
    credits = dict(query(warehouse, "select photo_credits, photo_ids from fact_article where photo_ids is not null"))
    assert credits == {"REUTERS/Sergei Karpukhin": "RTX39M8M"}
    leaked = query(warehouse, "select mention_text from fact_entity_mention where mention_text like '%Karpukhin%'")
    assert leaked == []


SEED_PEOPLE = {"Antonio Guterres", "Vladimir Putin", "Staffan de Mistura", "Sergei Shoigu", "Bashar Assad",
               "Nikolai Pankov", "John Kerry", "Ismail Ould Cheik Ahmed"}


def test_seed_people_are_exactly_the_real_people(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    people = {r[0] for r in query(warehouse, """
        select distinct dim_entity.canonical_name from fact_entity_mention
        inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
        where dim_entity.entity_type = 'PERSON' and fact_entity_mention.section <> 'caption'""")}
    lavrov = {name for name in people if name.endswith("Lavrov")}
    assert len(lavrov) == 1 and lavrov <= {"Sergey Lavrov", "Sergei Lavrov"}
    assert people - lavrov == SEED_PEOPLE


def test_seed_variants_are_one_entity_each(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    def entities_for(*surfaces):
        return {r[0] for r in query(warehouse, f"""
            select distinct entity_key from fact_entity_mention
            where mention_text in ({", ".join("?" for _ in surfaces)})""", list(surfaces))}
    assert len(entities_for("Sergey Lavrov", "Sergei Lavrov", "Lavrov")) == 1
    assert len(entities_for("UN", "United Nations", "UNO")) == 1
    assert len(entities_for("Staffan de Mistura", "De Mistura", "de Mistura")) == 1
    methods = dict(query(warehouse, "select alias, method from entity_alias where alias in ('UNO', 'Lavrov', 'de Mistura')"))
    assert methods == {"UNO": "curated_alias", "Lavrov": "surname_in_article", "de Mistura": "surname_in_article"}


def test_seed_roles_quotes_and_cooccurrence(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    roles = set(query(warehouse, """
        select dim_entity.canonical_name, fact_entity_mention.role, fact_entity_mention.affiliation
        from fact_entity_mention inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
        where fact_entity_mention.role is not null"""))
    assert ("Antonio Guterres", "Secretary-General", "United Nations") in roles
    assert any(name.endswith("Lavrov") and role == "Foreign Minister" and org == "Russia" for name, role, org in roles)
    quotes = query(warehouse, "select speaker_name, kind, quote_text from v_quote where speaker_name is not null")
    assert any(name.endswith("Lavrov") and kind == "direct" for name, kind, _ in quotes)
    assert any(name == "Russian Foreign Ministry" for name, _, _ in quotes)
    assert all(kind in ("direct", "indirect") for _, kind, _ in quotes)
    pairs = query(warehouse, """
        select article_count, sentence_count from v_entity_cooccurrence
        where 'Antonio Guterres' in (entity_name_a, entity_name_b)
          and (entity_name_a like '%Lavrov' or entity_name_b like '%Lavrov')""")
    assert pairs and pairs[0][0] >= 1 and pairs[0][1] >= 1
    demonym = query(warehouse, """
        select country.canonical_name from dim_entity as demonym
        inner join dim_entity as country on demonym.related_entity_key = country.entity_key
        where demonym.canonical_name = 'Russian' and demonym.relation = 'demonym_of'""")
    assert demonym == [("Russia",)]
    places = query(warehouse, """
        select dim_location.country_code from dim_entity
        inner join dim_location on dim_entity.location_key = dim_location.location_key
        where dim_entity.canonical_name = 'Syria'""")
    assert places == [("SY",)]


def test_entity_keys_and_names_do_not_depend_on_load_order(prefect_server, seeds_dir, seeds_warehouse, tmp_path):
    warehouse, _ = seeds_warehouse
    reversed_warehouse = tmp_path / "reversed.duckdb"
    for path in sorted(seeds_dir.glob("*.txt"), reverse=True):
        ingest_articles(paths=[str(path)], warehouse=str(reversed_warehouse))
    entity_sql = "select entity_key, canonical_name, entity_type from dim_entity order by entity_key"
    alias_sql = "select alias, entity_key, method from entity_alias order by all"
    assert query(reversed_warehouse, entity_sql) == query(warehouse, entity_sql)
    assert query(reversed_warehouse, alias_sql) == query(warehouse, alias_sql)


def test_run_report_is_published_as_prefect_artifacts(samples_run):
    from uuid import UUID

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    _, first, _, second = samples_run

    def artifacts_of(run):
        with get_client(sync_client=True) as client:
            artifacts = client.read_artifacts(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(run["run_id"])])))
        return {artifact.key: artifact for artifact in artifacts}

    by_key = artifacts_of(first)
    summary, table = by_key["ingest-summary"], by_key["ingest-set-aside"]
    assert "| files seen | loaded | duplicate |" in summary.data and "## Time per stage" in summary.data
    assert "| entities |" in summary.data and "articles/s" in summary.data
    assert table.type == "table"
    # The re-run found every file loaded before: no batch, so no NLP stage, and its report says so.
    rerun = artifacts_of(second)["ingest-summary"].data
    assert f"| {second['files_seen']} | 0 | {second['files_seen']} |" in rerun.replace("  ", " ")
    assert "| entities |" not in rerun and "| read and parse |" in rerun


def test_a_run_whose_marts_refresh_fails_is_recorded_and_published(prefect_server, seeds_dir, tmp_path, monkeypatch):
    """At 100,000 articles the marts refresh once ran out of DuckDB's memory, and the failure path's
    second refresh failed the same way: the whole run was discarded. The loaded articles must stay."""
    import flows.ingest

    attempts = []

    def out_of_memory(connection):
        attempts.append(connection)
        raise duckdb.OutOfMemoryException("could not allocate block (injected by the test)")

    monkeypatch.setattr(flows.ingest, "refresh_marts", out_of_memory)
    warehouse = tmp_path / "failed.duckdb"
    with pytest.raises(duckdb.OutOfMemoryException, match="injected"):
        ingest_articles(paths=[str(seeds_dir)], warehouse=str(warehouse))
    assert len(attempts) == 2 and attempts[0] is attempts[1]  # the refresh, then the failure path's retry
    [(status, error, loaded)] = query(warehouse, "select status, error, loaded_count from etl_run")
    assert status == "failed" and "OutOfMemoryException" in error and "injected" in error
    seeds = len(list(seeds_dir.glob("*.txt")))
    assert loaded == seeds
    assert query(warehouse, "select count(*) from fact_article")[0][0] == seeds
    assert query(warehouse, "select count(*) from etl_file_ledger where status = 'loaded'")[0][0] == seeds


def test_copies_in_the_same_next_and_far_later_batches_are_duplicates_of_their_first_file(prefect_server, samples_dir,
                                                                                          tmp_path):
    """In-run duplicates are caught whether the first file is still in flight (the run's map) or was
    loaded batches ago (the working copy answers once the map has forgotten it)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    originals = sorted(samples_dir.rglob("*.txt"))
    expected = {}
    for number, source in enumerate(originals):
        first = inbox / f"{number:02d}_{source.name}"
        first.write_bytes(source.read_bytes())
        # Same text with Windows line endings: other bytes (not caught by the content digest), same article.
        crlf = source.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        later = inbox / (f"{number:02d}_{source.name}.copy.txt" if number < 3 else f"zz_{number:02d}_{source.name}")
        later.write_bytes(crlf)
        expected[str(later)] = str(first)
    warehouse = tmp_path / "news.duckdb"
    summary = ingest_articles(paths=[str(inbox)], warehouse=str(warehouse), batch_size=2)
    assert summary["loaded"] == len(originals) and summary["duplicate"] == len(originals)
    rows = query(warehouse, "select file_path, reason from etl_file_ledger where status = 'duplicate'")
    assert {path: reason for path, reason in rows} == {
        later: f"same normalized text as {first}" for later, first in expected.items()}


def test_a_wrapped_archive_story_loads_whole_and_a_reference_date_dates_it(prefect_server, samples_dir, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "wire_archive.txt").write_text(WRAPPED_ARCHIVE_STORY, encoding="latin-1")
    (inbox / "ap_rail_strike.txt").write_bytes((samples_dir / "ap_rail_strike.txt").read_bytes())
    warehouse = tmp_path / "w.duckdb"
    summary = ingest_articles(paths=[str(inbox)], warehouse=str(warehouse), reference_date="2023-12-31")
    assert (summary["loaded"], summary["quarantined"]) == (2, 0), summary["set_aside"]
    dates = dict(query(warehouse, "select regexp_extract(source_file, '[^/]+$'), "
                                  "struct_pack(published_date, date_source, date_confidence) from fact_article"))
    assert dates["ap_rail_strike.txt"] == {"published_date": date(2023, 3, 6), "date_source": "dateline+reference",
                                           "date_confidence": 0.6}
    assert dates["wire_archive.txt"]["published_date"] == date(2023, 3, 4)
    [title] = query(warehouse, "select title from fact_article where source_file like '%wire_archive.txt'")[0]
    assert title == "POLISH CENTRAL BANK RAISES DISCOUNT RATE"
    # The name broken across the wrapped line is one mention, stored as written, offsets into full_text.
    rows = query(warehouse, """
        select m.mention_text, substr(t.full_text, m.start_char + 1, m.end_char - m.start_char), e.canonical_name
        from fact_entity_mention m join article_text t using (article_id) join dim_entity e using (entity_key)
        where m.label = 'PERSON'""")
    assert ("Marta\nKowalczyk", "Marta\nKowalczyk", "Marta Kowalczyk") in rows


def test_a_place_in_capitals_in_a_dateline_is_the_same_entity_as_in_the_text(prefect_server, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "capitals.txt").write_text(
        "CHRYSLER TO CUT SHIFTS AT DETROIT PLANT\n\nDETROIT, March 9 - Chrysler Corp said it would cut one shift at "
        "its plant in Detroit next month, citing slower sales of its larger cars.\n", encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    ingest_articles(paths=[str(inbox)], warehouse=str(warehouse))
    names = query(warehouse, """
        select e.canonical_name, list(distinct m.mention_text order by m.mention_text)
        from fact_entity_mention m join dim_entity e using (entity_key)
        where e.entity_type = 'GPE' group by 1""")
    assert ("Detroit", ["DETROIT", "Detroit"]) in names  # stored as sent, filed under one entity
