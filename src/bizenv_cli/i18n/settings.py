"""Messages of `bizenv config` (the settings in force): key -> (zh-CN, en).

Merged into ``catalogue.MESSAGES`` like the returns view's keys; the same rules hold."""

from __future__ import annotations

SETTINGS_MESSAGES: dict[str, tuple[str, str]] = {
    "config.title": ("当前设置", "Settings in force"),
    "config.file": ("设置文件：{path}", "Settings file: {path}"),
    "config.no_file": (
        "设置文件：未找到 bizenv.toml（当前文件夹及上级文件夹均无）",
        "Settings file: none (no bizenv.toml in this folder or above)",
    ),
    "config.key": ("设置项", "Setting"),
    "config.value": ("值", "Value"),
    "config.origin": ("来源", "From"),
    "config.unset": ("（未设置）", "(not set)"),
    "config.key.measures": ("措施文件夹", "Measure folder"),
    "config.key.waivers": ("豁免文件", "Waivers file"),
    "config.key.lang": ("语言", "Language"),
    "config.key.office.name": ("办公室全称", "Office name"),
    "config.key.office.short_name": ("办公室简称", "Office short name"),
    "config.key.office.notice_prefix": ("督办文号前缀", "Notice number prefix"),
    "origin.command line": ("命令行参数", "command line"),
    "origin.environment": ("环境变量 BIZENV_MEASURES", "environment (BIZENV_MEASURES)"),
    "origin.default": ("默认", "default"),
    "origin.found": ("就近查找（measures/）", "found (nearest measures/)"),
    "origin.locale": ("系统语言环境", "locale"),
    # `report --ledger`: the open supervision items (output/report/open_items.py)
    "view.items": (
        "督办事项：在办{count}项，其中红灯{red}项", "Supervision items: {count} open, {red} red"
    ),
    "view.items_none": ("督办事项：无在办事项", "Supervision items: none open"),
    "items.col.light": ("灯", "Light"),
    "items.col.item": ("编号", "Item"),
    "items.col.unit": ("责任单位", "Unit"),
    "items.col.target": ("指标", "Target"),
    "items.col.rectify_by": ("整改时限", "Rectify by"),
    "items.col.days_left": ("剩余", "Left"),
    "items.col.feedback": ("最近反馈", "Latest feedback"),
    "items.light.red": ("红灯", "red"),
    "items.light.yellow": ("黄灯", "yellow"),
    "items.light.green": ("绿灯", "green"),
    "items.days_left": ("{days}个工作日", "{days} working days"),
    "items.days_over": ("超期{days}个工作日", "{days} working days over"),
    "items.no_feedback": ("（尚无反馈）", "(no feedback yet)"),
}
