"""Dates as reports print them: the last day a deadline allows (整改时限)."""

from __future__ import annotations

import datetime as dt

from .lexicon import DATE_CN, DATE_ISO, DATE_MONTH, YEAR_END
from .normalize import norm


def deadline_date(text: str) -> dt.date | None:
    """The last day a deadline allows: 2024年6月30日, 2024-06-30, 2024年6月底 (the month's end), 2024年底."""
    n = norm(text or "")
    m = DATE_CN.search(n) or DATE_ISO.search(n)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    month = DATE_MONTH.search(n)
    if month:
        year, mon = int(month.group(1)), int(month.group(2))
        if not 1 <= mon <= 12:
            return None
        try:
            return dt.date(year + mon // 12, mon % 12 + 1, 1) - dt.timedelta(days=1)
        except ValueError:  # 0000年6月底, 9999年12月底: no date the calendar has
            return None
    year = YEAR_END.search(n)
    if year is None or not dt.MINYEAR <= int(year.group(1)) <= dt.MAXYEAR:
        return None  # 0000年底
    return dt.date(int(year.group(1)), 12, 31)


def is_overdue(deadline: str, status: str | None, report_date: str) -> bool:
    """逾期: past its stated deadline by the report's date (ISO) and, by a status the report gives,
    not completed (an item whose status is unknown is never called overdue)."""
    due = deadline_date(deadline)
    if due is None or not report_date or status in (None, "unknown", "completed"):
        return False
    try:
        return dt.date.fromisoformat(report_date[:10]) > due
    except ValueError:
        return False
