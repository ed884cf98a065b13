"""An attachment that restates the body's items (附件:整改台账 listing the problems the body already
reported one by one) is counted once: each row of the attachment whose heading names exactly one
item of the body is that item's copy (kind ``attached``, 附件重述), no item of its own; and where the
copy and the body state different statuses, or only the copy states one, that is a finding at the
copy's place — the auditor reads both, nothing is settled silently.

A row of the attachment that names no body item, or several, stays an item of its own: the
attachment is then where the report lists it (a 督察 report whose items stand only there).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..catalogue import Said, place_text, say, status_name
from ..model import COPY_KIND, RECTIFIED_KINDS, check_row
from ..zh.lexicon import FRAME_ROWS
from .checks import item_label

if TYPE_CHECKING:
    from .rows import Draft


def mark_restated(rows: list[Draft], groups: set[str]) -> list[dict]:
    """Mark the copies under the attachment groups ``groups`` (item ids) and return the findings:
    one ``attached_restates`` per group that restates, one ``attached_status`` per copy whose
    status the body does not state the same."""
    if not groups:
        return []
    prefixes = tuple(group + "/" for group in groups)
    body = [r for r in rows if r.kind in RECTIFIED_KINDS and r.item_id not in FRAME_ROWS
            and r.item_id not in groups and not r.item_id.startswith(prefixes)]  # fmt: skip
    named = Counter(r.key for r in body if r.key)
    by_key = {r.key: r for r in body if named[r.key] == 1}
    heads = {r.item_id: r for r in rows if r.item_id in groups}
    out: list[dict] = []
    restated: Counter = Counter()
    for row in rows:
        if row.kind not in RECTIFIED_KINDS or not row.item_id.startswith(prefixes):
            continue
        original = by_key.get(row.key)
        if original is None:
            continue
        row.kind = COPY_KIND
        group = heads[row.item_id.split("/", 1)[0]]
        restated[group.item_id] += 1
        out += _status_finding(original, row, _name(group))
    for group_id, n in restated.items():
        group = heads[group_id]
        message = say("check.attached_restates", attachment=_name(group), n=n)
        out.append(check_row("", "attached_restates", "info", message, group.heading, (group.source, group.source_at)))
    return out


def _name(group: Draft) -> str:
    return group.heading or group.item_id


def _status_finding(original: Draft, copy: Draft, attachment: str) -> list[dict]:
    """正文为正在推进,附件为已完成: a finding where the copy states a status the body does not
    (a warning; a note where the body states none)."""
    if copy.status == "unknown" or copy.status == original.status:
        return []
    unstated = original.status == "unknown"
    key, severity = ("check.attached_only", "info") if unstated else ("check.attached_disagrees", "warning")
    where = Said(original.source, place_text(original.source, "en"))
    message = say(key, label=item_label(original), where=where, body=status_name(original.status),
                  attachment=attachment, copy=status_name(copy.status))  # fmt: skip
    evidence = copy.status_evidence or copy.heading
    return [check_row("", "attached_status", severity, message, evidence, (copy.source, copy.source_at))]
