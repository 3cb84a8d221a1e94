"""Messages of `history` and `diff` (tables and Markdown): key -> (zh-CN, en).

Merged into ``catalogue.MESSAGES``; the same rules hold (no East-Asian ambiguous-width
characters; full-width punctuation in Chinese).
"""

from __future__ import annotations

HISTORY_MESSAGES: dict[str, tuple[str, str]] = {
    "hist.title": ("{plan}\n{periods}的历史", "{plan}: history over {periods}"),
    "hist.md_title": ("bizenv 历史：{plan}，{periods}", "bizenv history: {plan}, {periods}"),
    "hist.col.no": ("序号", "no."),
    "hist.col.target": ("目标", "target"),
    "hist.col.id": ("编号", "id"),
    "hist.col.values": ("数值", "values"),
    "hist.col.trend": ("趋势", "trend"),
    "hist.col.progress": ("进展", "progress"),
    "hist.summary": (
        "共 {count} 个目标；趋势（最近两次报送）：{trends}",
        "{count} targets; trend (latest two reports): {trends}",
    ),
    "hist.ratio": ("{progress}（比率 {ratio}）", "{progress} (ratio {ratio})"),
    "trend.improving": ("向好", "improving"),
    "trend.worsening": ("变差", "worsening"),
    "trend.flat": ("持平", "flat"),
    "progress.met": ("已达标", "met"),
    "progress.on_track": ("进度正常", "on_track"),
    "progress.needs_acceleration": ("需加快", "needs_acceleration"),
    "progress.moving_away": ("背离目标", "moving_away"),
    "progress.no_data": ("无数据", "no_data"),
    "diff.title": ("{plan}\n{old}至{new}的变化", "{plan}: changes from {old} to {new}"),
    "diff.md_title": ("bizenv 对比：{plan}，{old}至{new}", "bizenv diff: {plan}, {old} -> {new}"),
    "diff.none": ("没有状态变化，也没有数值变动", "no status changed and no value moved"),
    "diff.no_targets": ("没有目标", "no targets"),
    "diff.count": ("{transition} {count} 个", "{count} {transition}"),
    "diff.col.transition": ("变化", "transition"),
    "diff.col.status": ("状态", "status"),
    "diff.col.value": ("数值", "value"),
    "diff.col.now": ("说明", "now"),
    "diff.col.targets": ("目标数", "targets"),
    "diff.col.explanation": ("说明", "explanation"),
    "diff.too_large": ("差值过大，无法显示", "difference too large to show"),
}
