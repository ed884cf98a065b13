"""The timeline workbook of a ``Series``: 概览 (the versions and what needs attention), 时间线 (one
row per item across versions, statuses coloured and changes marked), 指标轨迹 (quantities across
versions), 总数轨迹 (stated totals and completion rates, with a line chart) and 核对. It reads
the ``Series`` and recomputes nothing."""

from __future__ import annotations

from ..model import NO_STATUS_KINDS, Series
from ..records import Item, Lineage
from ..rules import STEP_MARKS
from .carried import carried, note_keys
from .checks_sheet import write_checks
from .doubts_sheet import add_doubts_sheet
from .evidence import Citations, passage_sheet_name, write_passages
from .fields import UNIT_COLUMNS, deadline_cells
from .labels import code, tr
from .output import Written
from .overview import ATTENTION_FILL, Blocks
from .saving import save
from .sheet import Book, Column
from .xl import LineChart, PatternFill, Reference

STATUS_FILLS = {"completed": "E2EFDA", "substantially_completed": "EDF5E6", "phase_completed": "DDEBF7",
                "in_progress": "FFF2CC", "not_completed": "F8CBAD", "unknown": "F2F2F2"}  # fmt: skip
_FILLS = {status: PatternFill("solid", fgColor=color) for status, color in STATUS_FILLS.items()}


def write_series_xlsx(series: Series, path: str, lang: str = "zh") -> Written:
    """Write the timeline workbook of a series."""
    first = series.reports[0].meta
    book = Book(lang, f"{first.title or first.source}  {series.labels[0]} … {series.labels[-1]}")
    versions = [label.split()[0] for label in series.labels]
    cites = Citations({v: passage_sheet_name(book, v) for v in versions}, lang)
    overview = book.sheet("sheet.overview")
    timeline_rows = _timeline(book, series, cites)
    metric_rows = _metric_paths(book, series, cites)
    _total_paths(book, series, cites)
    check_rows = write_checks(book, series.check_rows, series.check_note_cells, cites)
    _overview(book, overview, series, timeline_rows, metric_rows, check_rows)
    for version, report in zip(versions, series.reports):
        write_passages(book, report, version)
    add_doubts_sheet(book, series.doubts, notes=series.doubt_note_cells)
    return save(book, path)


def _version_columns(series: Series, width: float = 11) -> list[Column]:
    return [Column(f"v{k}", width, wrap=True, center=True, title=label.replace(" ", "\n"))
            for k, label in enumerate(series.labels)]  # fmt: skip


def _cite_columns(series: Series, lang: str, folded: bool = False) -> list[Column]:
    """One 出处 column per version (出处 V1 …): its place there, a link to its 原文 row."""
    return [Column(f"cite{k}", 13, center=True, hidden=folded, title=f"{tr('cite', lang)}\n{label.split()[0]}")
            for k, label in enumerate(series.labels)]  # fmt: skip


def _with_cites(book: Book, series: Series, before: list[Column], rows: list[dict],
                after: list[Column]) -> tuple[list[Column], bool]:  # fmt: skip
    """The columns of a sheet that follows the versions, with their 出处: one column per version
    where the sheet then prints one page wide at ``MIN_PRINT_PT`` or more; else (six versions or
    more) two: 出处, the newest version's place and the versions before it at the same place (V2–V6
    第13段), a link to the newest's 原文 row, and 此前各版出处, the earlier places (V1 第12段), so
    that every version's citation prints; the per-version columns are kept beside them, grouped
    and collapsed (each version's own link a click away). The link stands alone on one line: a
    spreadsheet prints a linked cell on one line (LibreOffice does). Returns the columns and
    whether the sheet is to print one page wide whatever the size of its type (nothing is left
    to fold)."""
    columns = [*before, *_cite_columns(series, book.lang), *after]
    if book.fits(columns, rows):
        return columns, False
    for row in rows:
        _cite_summary(row, series)
    summary = [Column("cites", 14, center=True, title=tr("cite", book.lang)), Column("earlier_cites", 12, wrap=True)]
    return [*before, *summary, *_cite_columns(series, book.lang, folded=True), *after], True


def _cite_summary(row: dict, series: Series) -> None:
    """``row["cites"]``: the newest place and the versions that share it (V2–V6 第13段), linked to
    the newest version's passage; ``row["earlier_cites"]``: the places before, consecutive
    versions at one place said once (V1 第12段)."""
    short = [label.split()[0] for label in series.labels]
    runs: list[list] = []  # [first version, last version, place]
    for k in range(len(short)):
        place = row.get(f"cite{k}")
        if place and runs and runs[-1][2] == place and runs[-1][1] == k - 1:
            runs[-1][1] = k
        elif place:
            runs.append([k, k, place])
    said = [f"{short[a]}–{short[b]} {p}" if b > a else f"{short[a]} {p}" for a, b, p in runs]
    if not said:
        return
    row["cites"], row["earlier_cites"] = said[-1], "\n".join(said[:-1]) or None
    link = row.get(f"_cite{runs[-1][1]}_to")
    if link:
        row["_cites_to"] = link


def _cite_versions(cites: Citations, row: dict, series: Series, places: list[tuple[str, object]]) -> None:
    """Each version's place (``places``: source and passage per version, '' where absent) into its column."""
    for k, (source, at) in enumerate(places):
        cites.cite(row, f"cite{k}", source, at, series.labels[k].split()[0], named=False)


def _cite_links(series: Series) -> dict:
    return Citations.links("cites", *(f"cite{k}" for k in range(len(series.labels))))


def _timeline(book: Book, series: Series, cites: Citations) -> dict[int, int]:
    """时间线: one row per lineage; status per version coloured, a change marked ↑ or ↓; 责任单位,
    整改时限 (a date where one is stated) and 逾期 as columns; 出处 in each version that has it."""
    columns, after = _timeline_columns(series)
    by_id = [{item.item_id: item for item in report.item_rows} for report in series.reports]
    rows = [_lineage_row(book, series, n, lineage, by_id, cites) for n, lineage in enumerate(series.lineage_rows)]
    columns, one_page_wide = _with_cites(book, series, columns, rows, after)
    ws = book.sheet("sheet.timeline")
    placed = book.table(ws, columns, rows, links=_cite_links(series), one_page_wide=one_page_wide)
    _colour_lineages(book, ws, columns, placed, series.lineage_rows)
    return dict(enumerate(placed))


def _timeline_columns(series: Series) -> tuple[list[Column], list[Column]]:
    """The columns of 时间线 before its 出处 columns, and those after them."""
    columns = [Column("lineage", 4, center=True), Column("kind", 8, wrap=True, center=True),
               Column("latest_number", 8, wrap=True, center=True), Column("heading", 24, wrap=True)]  # fmt: skip
    columns += _version_columns(series)
    if series.has_units:
        columns += UNIT_COLUMNS
    columns += [Column("first_last", 7, center=True), Column("flags", 10, wrap=True)]
    after = []
    if series.note_cells:
        after += [Column("carried", 16, wrap=True, whole=True), Column("carried_keys", 4, hidden=True)]
    after += [Column("review", 12, wrap=True), Column("ids", 30, hidden=True), Column("headings", 40, hidden=True)]
    return columns, after


def _lineage_row(book: Book, series: Series, n: int, lineage: Lineage, by_id: list[dict], cites: Citations) -> dict:
    """The 时间线 row of lineage ``n`` (``by_id``: each version's items by id)."""
    lang = book.lang
    numbers = [x for x in lineage.numbers if x]
    row = {
        "lineage": lineage.lineage, "kind": code(lineage.kind, lang),
        "latest_number": " → ".join(dict.fromkeys(numbers)) or None, "heading": lineage.heading,
        "first_last": f"V{lineage.first}–V{lineage.last}",
        "flags": "、".join(code(f, lang) for f in lineage.flags) or None,
        "carried": carried(series.note_cells.get(n), lang),
        "carried_keys": note_keys(book, series.note_cells.get(n)),
        "ids": " | ".join(i for i in lineage.ids if i),
        "headings": " | ".join(h for h in lineage.headings if h),
    }  # fmt: skip
    row.update({f"v{k}": text for k, text in enumerate(_status_texts(lineage, lang))})
    _k, item = _latest_item(by_id, lineage)
    if item is not None:
        row["responsible"] = item.responsible or None
        row.update(deadline_cells(lineage.deadline, lineage.deadline_date))
        row["overdue"] = code("overdue", lang) if "overdue" in lineage.flags else None
    items = [by_id[k].get(item_id) if item_id else None for k, item_id in enumerate(lineage.ids)]
    _cite_versions(cites, row, series, [(i.source, i.source_at) if i else ("", None) for i in items])
    return row


def _colour_lineages(book: Book, ws, columns: list[Column], placed: list[int], lineages) -> None:
    """Each version's status cell in its status's colour; the flags of a lineage that has any."""
    first_version = next(i for i, c in enumerate(columns, 1) if c.key == "v0")
    flag_column = next(i for i, c in enumerate(columns, 1) if c.key == "flags")
    for r, lineage in zip(placed, lineages):
        if not _without_status(lineage):
            for k, status in enumerate(lineage.statuses):
                if status is not None:
                    book.styles.apply(ws.cell(row=r, column=first_version + k), fill=_FILLS[status])
        if lineage.flags:
            book.styles.apply(ws.cell(row=r, column=flag_column), fill=ATTENTION_FILL)


def _latest_item(by_id: list[dict], lineage: Lineage) -> tuple[int, Item | None]:
    """The latest version that holds the item, and its item there (``by_id``: per version)."""
    for k in range(len(by_id) - 1, -1, -1):
        item = by_id[k].get(lineage.ids[k])
        if item is not None:
            return k, item
    return 0, None


def _without_status(lineage: Lineage) -> bool:
    """A section or narrative that states no status of its own: its cells stay empty."""
    return lineage.kind in NO_STATUS_KINDS and set(lineage.statuses) <= {"unknown", None}


def _status_texts(lineage: Lineage, lang: str) -> list[str]:
    """Each version's status, marked as its step says (``Lineage.steps``): ↑ improved, ↓ went back
    (on the last status the report stated of the item itself), 推断 where a change is to or from
    an inferred status (a summary's, a section's, a stated total's)."""
    if _without_status(lineage):
        return ["" if s else "—" for s in lineage.statuses]
    out = []
    for status, step in zip(lineage.statuses, lineage.steps):
        if status is None:
            out.append("—")
            continue
        text = code(status, lang)
        if step == "inferred":
            text += f"({tr('inferred', lang)})" if lang != "en" else f" ({tr('inferred', lang)})"
        elif step:
            text = STEP_MARKS[step] + text
        out.append(text)
    return out


def _metric_paths(book: Book, series: Series, cites: Citations) -> dict[int, int]:
    """指标轨迹: each quantity across versions, first → last, a running total that fell flagged,
    its 出处 in each version; those that changed first, those stated alike in every version after
    them, collapsed."""
    lang = book.lang
    paths = series.metric_rows
    order = sorted(range(len(paths)), key=lambda n: paths[n].steady)
    metrics = [paths[n] for n in order]
    columns = [Column("lineage", 4, center=True), Column("heading", 22, wrap=True), Column("label", 18, wrap=True)]
    columns += _version_columns(series)
    columns += [Column("first_to_last", 9, center=True), Column("flags", 10, wrap=True)]
    rows = []
    for m in metrics:
        row = {"lineage": m.lineage, "heading": m.heading, "label": m.label, "unit": m.unit,
               "first_to_last": m.change_text, "flags": "、".join(code(f, lang) for f in m.flags) or None}  # fmt: skip
        row.update({f"v{k}": text or "—" for k, text in enumerate(m.texts)})
        _cite_versions(cites, row, series, list(zip(m.sources, m.sources_at)))
        rows.append(row)
    after = [Column("review", 12, wrap=True), Column("unit", 6, hidden=True)]
    columns, one_page_wide = _with_cites(book, series, columns, rows, after)
    ws = book.sheet("sheet.metric_paths")
    placed = book.table(ws, columns, rows, links=_cite_links(series), one_page_wide=one_page_wide)
    flag_column = next(i for i, c in enumerate(columns, 1) if c.key == "flags")
    for r, m in zip(placed, metrics):
        if m.flags:
            ws.cell(row=r, column=flag_column).fill = ATTENTION_FILL
        if m.steady:  # the same in every version: grouped and collapsed, never dropped
            ws.row_dimensions[r].outlineLevel, ws.row_dimensions[r].hidden = 1, True
    ws.sheet_properties.outlinePr.summaryBelow = False
    return dict(zip(order, placed))


def _total_paths(book: Book, series: Series, cites: Citations) -> None:
    """总数轨迹: each stated total per version (完成数/总数) and its rate, its 出处 in each version,
    and a line chart of the rates."""
    lang = book.lang
    totals = series.total_rows
    columns = [Column("category", 22, wrap=True), Column("kind", 8, wrap=True, center=True)]
    columns += _version_columns(series)
    rows = []
    for t in totals:
        row = {"category": t.category, "kind": code(t.kind, lang) if t.kind else None}
        for k, (text, rate) in enumerate(zip(t.texts, t.rates)):
            row[f"v{k}"] = "—" if text is None else (f"{text}\n{rate:g}%" if rate is not None else text)
        _cite_versions(cites, row, series, list(zip(t.sources, t.sources_at)))
        rows.append(row)
    columns, one_page_wide = _with_cites(book, series, columns, rows, [])
    ws = book.sheet("sheet.total_paths")
    book.table(ws, columns, rows, links=_cite_links(series), one_page_wide=one_page_wide)
    if not totals:
        return
    # the rates as numbers, one row per version, for the chart
    start = len(rows) + 3
    book.put(ws, start, 1, tr("ov.rates", lang))
    for c, t in enumerate(totals, 2):
        book.put(ws, start, c, t.category)
    for k, label in enumerate(series.labels):
        book.put(ws, start + 1 + k, 1, label)
        for c, t in enumerate(totals, 2):
            book.put(ws, start + 1 + k, c, t.rates[k])
    chart = LineChart()
    chart.title = tr("ov.rates", lang)
    chart.add_data(Reference(ws, min_col=2, max_col=1 + len(totals), min_row=start, max_row=start + len(series.labels)),
                   titles_from_data=True)  # fmt: skip
    chart.set_categories(Reference(ws, min_col=1, min_row=start + 1, max_row=start + len(series.labels)))
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
    chart.height, chart.width = 7.5, 18
    ws.add_chart(chart, f"A{start + len(series.labels) + 2}")


def _overview(book: Book, ws, series: Series, timeline_rows: dict, metric_rows: dict, check_rows: dict) -> None:
    """概览: what needs attention (each count a link to its first row), then the versions."""
    lang = book.lang
    sheet = Blocks(book, ws)
    targets = {"lineages": (tr("sheet.timeline", lang), timeline_rows),
               "metrics": (tr("sheet.metric_paths", lang), metric_rows),
               "checks": (tr("sheet.checks", lang), check_rows)}  # fmt: skip
    found = []
    for f in series.attention:
        name, rows_of = targets[f.table]
        found.append((f.key, f.count, (name, rows_of[f.rows[0]]) if f.count else None))
    sheet.attention(found, series.doubts)
    sheet.title("ov.versions")
    versions = [[label, r.meta.title, r.meta.issuer, r.meta.source, r.meta.items]
                for label, r in zip(series.labels, series.reports)]  # fmt: skip
    sheet.grid([tr("version", lang), tr("title", lang), tr("issuer", lang), tr("file", lang), tr("items", lang)],
               versions, spans=[1, 3, 2, 2, 1])  # fmt: skip
    sheet.finish()
