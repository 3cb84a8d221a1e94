"""The report's message catalogue: key -> (zh-CN, en).

Both texts take the same ``{named}`` fields. Labels avoid East-Asian
ambiguous-width characters (such as the plus-minus sign, the degree sign,
arrows, curly quotes, the middle dot and box drawing): terminals set to show
them wide would break the alignment of tables. tests/report/test_i18n.py
checks all of this.
"""

from __future__ import annotations

from bizenv_cli.i18n.cases import CASES_MESSAGES
from bizenv_cli.i18n.charts import CHART_MESSAGES
from bizenv_cli.i18n.history import HISTORY_MESSAGES
from bizenv_cli.i18n.returns import RETURNS_MESSAGES
from bizenv_cli.i18n.settings import SETTINGS_MESSAGES

MESSAGES: dict[str, tuple[str, str]] = {
    # Status names (evaluation.result.Status) and the short forms used in narrow columns.
    "status.met": ("达标", "met"),
    "status.at_risk": ("有风险", "at risk"),
    "status.overdue": ("逾期", "overdue"),
    "status.not_met": ("未达标", "not met"),
    "status.missing": ("未报送", "missing"),
    "status.pending": ("未到期", "pending"),
    "status.waived": ("已豁免", "waived"),
    "short.met": ("达标", "met"),
    "short.at_risk": ("风险", "risk"),
    "short.overdue": ("逾期", "over"),
    "short.not_met": ("未达", "unmet"),
    "short.missing": ("未报", "miss"),
    # Header.
    "report.title": ("营商环境实施方案进展报告", "Business environment plan: progress report"),
    "header.plan": ("方案", "Plan"),
    "header.as_of": ("截至日期", "As of"),
    "header.department": ("单位", "Unit"),
    "header.targets": ("目标", "Targets"),
    "header.targets_value": ("{total} 项（措施 {measures} 条）", "{total} ({measures} measures)"),
    "header.due_met": ("到期目标达标率", "Due targets met"),
    "header.due_met_value": (
        "{share}（到期 {due} 项中达标 {met} 项）",
        "{share} ({met} of {due} due targets)",
    ),
    "header.due_met_none": ("无到期目标", "no target is due yet"),
    "header.due_met_help": (
        "到期目标：期限已过或长期推进的目标（不含豁免）；达标率 = 其中达标数 / 到期目标数。",
        "Due targets: deadline passed or ongoing (waived excluded); "
        "share = met among them / due targets.",
    ),
    "header.met_early": (
        "提前达标 {count} 项（未计入达标率）",
        "{count} met ahead of the deadline (not in the share)",
    ),
    "header.counts": ("状态", "Status"),
    "header.total": ("合计", "Total"),
    "header.notes": ("说明", "Notes"),
    "appendix.notes": ("附录：关于报送材料的说明", "Appendix: notes on the input"),
    # Bars and group views.
    "view.chapter": ("按章节", "By chapter and section"),
    "view.chapter_none": ("没有目标。", "No targets."),
    "col.chapter": ("章节", "Chapter / section"),
    "col.progress": ("进度", "Progress"),
    "col.total": ("目标", "Targets"),
    "chapter.label": ("{number}、{title}", "{number}. {title}"),
    "section.label": ("（{number}）{title}", "({number}) {title}"),
    "legend": ("图例", "Legend"),
    # Department view.
    "view.department": ("按单位：谁需要行动", "By unit: who must act"),
    "view.department_none": (
        "没有单位有逾期、未达标或未报送的目标。",
        "No unit has an overdue, unmet or missing target.",
    ),
    "view.department_rest": (
        "另有 {count} 个单位没有逾期、未达标或未报送的目标。",
        "{count} other units have nothing overdue, unmet or missing.",
    ),
    "col.department": ("单位", "Unit"),
    "col.role": ("角色", "Role"),
    "role.lead": ("牵头", "lead"),
    "role.responsible": ("责任", "responsible"),
    "col.overdue": ("逾期", "Overdue"),
    "col.not_met": ("未达标", "Not met"),
    "col.missing": ("未报送", "Missing"),
    "col.targets": ("目标", "Targets"),
    # Report card (--department).
    "view.card": ("单位成绩单：{name}", "Report card: {name}"),
    "card.none": (
        "该单位没有牵头或负责的目标。",
        "This unit neither leads nor is responsible for any target.",
    ),
    "card.count": ("{count} 项", "{count} targets"),
    # Target lists.
    "view.overdue": (
        "逾期和未报送的目标（逾期最久的在前）",
        "Overdue and missing targets (longest overdue first)",
    ),
    "view.overdue_none": ("没有逾期或未报送的目标。", "No target is overdue or missing."),
    "col.measure": ("措施", "No."),
    "units.line": ("{role}：{names}", "{role}: {names}"),
    "col.target": ("目标", "Target"),
    "col.what": ("内容", "What"),
    "col.status": ("状态", "Status"),
    "col.reported": ("报送值", "Reported"),
    "col.required": ("要求", "Required"),
    "col.days": ("天数", "Days"),
    "col.lead": ("牵头/责任", "Lead / responsible"),
    "days.overdue": ("逾期 {days} 天", "{days} days overdue"),
    "days.left": ("剩 {days} 天", "{days} days left"),
    "days.today": ("今天到期", "due today"),
    "value.none": ("（未报送）", "(none)"),
    "value.late": ("（逾期完成）", "(done late)"),
    "value.completed": ("{state} {date}", "{state} {date}"),
    "value.change": ("较基期 {change}", "{change} vs baseline"),
    "value.required_change": (
        "{direction} {comparator} {value}%",
        "{direction} {comparator} {value} %",
    ),
    "value.failed": ("未满足：{parts}", "failed: {parts}"),
    "part.change": ("变化幅度", "change"),
    "part.limit": ("上限/下限", "limit"),
    "direction.decrease": ("降低", "cut"),
    "direction.increase": ("增长", "growth"),
    "state.done": ("已完成", "done"),
    "state.in_progress": ("推进中", "in progress"),
    "state.not_started": ("未开始", "not started"),
    "milestone.required": ("完成", "done"),
    "deadline.ongoing": ("长期推进", "ongoing"),
    "waiver.note": (
        "豁免：{reason}（批准：{approved_by}，至 {expires}）",
        "waived: {reason} (approved by {approved_by}, until {expires})",
    ),
    # Deadline views.
    "view.due_soon": ("{days} 天内到期的目标", "Targets due within {days} days"),
    "view.due_soon_none": (
        "{days} 天内没有到期的目标。",
        "No target falls due within {days} days.",
    ),
    "view.calendar": ("今后各月到期的目标", "Deadlines ahead, month by month"),
    "view.calendar_none": (
        "截至日期之后没有到期的目标。",
        "No deadline lies after the as-of date.",
    ),
    "col.month": ("月份", "Month"),
    "month.label": ("{year}年{month}月", "{year}-{month:02d}"),
    # The printed pack (--pdf, the HTML page): a page per unit that must act, its notice.
    "notice.title": ("督办通知：{name}", "Notice to act: {name}"),
    "notice.counts": ("需要行动", "To act on"),
    "notice.ask": (
        "请对下列逾期、未达标或未报送的目标限期整改，并报送整改情况。",
        "Please act on the overdue, not-met and missing targets below and report back.",
    ),
    "pdf.page": ("第 {page} 页，共 {pages} 页", "page {page} of {pages}"),
    # Units of measure (models.units.Unit), as printed after a number.
    "unit.working_day": ("个工作日", "working days"),
    "unit.calendar_day": ("天", "days"),
    "unit.hour": ("小时", "h"),
    "unit.minute": ("分钟", "min"),
    "unit.month": ("个月", "months"),
    "unit.year": ("年", "years"),
    "unit.percent": ("%", "%"),
    "unit.ratio": ("（比例）", "(ratio)"),
    "unit.count": ("", ""),
    "unit.km": ("公里", "km"),
    "unit.m": ("米", "m"),
    "unit.m2": ("平方米", "m2"),
    "unit.kW": ("千瓦", "kW"),
    "unit.kVA": ("千伏安", "kVA"),
    "unit.kV": ("千伏", "kV"),
    "unit.yuan": ("元", "yuan"),
    "unit.ten_thousand_yuan": ("万元", "10,000 yuan"),
    "unit.usd": ("美元", "US dollars"),
    "unit.ten_thousand_usd": ("万美元", "10,000 US dollars"),
    # Since the previous period (several periods given; docs/history.md).
    "view.since": (
        "自上期以来（{previous} 至 {current}）",
        "Since the previous period ({previous} to {current})",
    ),
    "since.transitions": ("状态变化", "Changes"),
    "since.transitions_none": ("没有目标的状态发生变化。", "No target changed status."),
    "since.worse": ("变差的目标", "Targets that got worse"),
    "since.worse_none": ("没有目标变差。", "No target got worse."),
    "since.chapters": ("各章到期目标达标率", "Share of due targets met, by chapter"),
    "since.share_none": ("无", "none"),
    "col.change": ("状态变化", "Change"),
    "transition.newly_met": ("新达标", "newly met"),
    "transition.recovered": ("已恢复", "recovered"),
    "transition.newly_overdue": ("新逾期", "newly overdue"),
    "transition.newly_failing": ("新出现未达标或未报送", "newly failing"),
    "transition.worsened": ("变差", "worsened"),
    "transition.improved": ("好转", "improved"),
    "transition.changed": ("状态改变", "changed"),
    "transition.unchanged": ("未变", "unchanged"),
    "transition.new_target": ("新增目标", "new target"),
    "transition.gone": ("不再列出", "gone"),
    # Explanations of `bizenv check` (i18n.phrases; i18n.explain renders them).
    "explain.no_value": ("未报送数值（状态 {state}）", "no value reported (state {state})"),
    "explain.versus": ("{reported}，要求{required}", "{reported} vs required {required}"),
    "explain.written": ("{written} = {converted}", "{written} = {converted}"),
    "explain.per": ("（每{period}）", " per {period}"),
    "explain.change": (
        "{value}，基期 {base}：{shown}，目标 {target}",
        "{value} vs {base} baseline: {shown}, target {target}",
    ),
    "explain.change_period": (
        "{value}，基期（{period}）{base}：{shown}，目标 {target}",
        "{value} vs {base} baseline ({period}): {shown}, target {target}",
    ),
    "explain.limit_ok": ("；限值{bound}：满足", "; limit {bound}: ok"),
    "explain.limit_not_met": ("；限值{bound}：未满足", "; limit {bound}: not met"),
    "explain.failed": ("（未满足：{parts}）", " (failed: {parts})"),
    "explain.done_after": (
        "{completed}完成，晚于{as_of}：当日尚未完成",
        "done on {completed}, after {as_of}: not yet done on that day",
    ),
    "explain.state": ("{state}", "{state}"),
    "explain.done_undated": ("已完成（未填完成日期）", "done (no completion date given)"),
    "explain.done_on": ("{completed}完成", "done on {completed}"),
    "explain.late": ("，晚于期限 {days} 天", ", {days} days after the due date"),
    "explain.nothing_yet": ("尚未报送", "nothing reported yet"),
    "explain.nothing": ("未报送", "nothing reported"),
    "explain.nothing_ongoing": ("未报送（长期推进目标）", "nothing reported (ongoing target)"),
    "explain.met_before": (
        "；{period} 已达标，此后按长期推进判定",
        "; met in {period}, so judged as ongoing since",
    ),
    "explain.waived": (
        "豁免至 {expires}：{reason}（批准：{approved_by}）；",
        "waived until {expires}: {reason} (approved by {approved_by}); ",
    ),
    "explain.waiver_expired": ("；豁免已于 {expires} 到期", "; waiver expired on {expires}"),
    "period.year": ("年", "year"),
    "period.quarter": ("季度", "quarter"),
    "period.month": ("月", "month"),
    "part.value": ("数值", "value"),
    "part.state": ("进度", "state"),
    # Command messages.
    "cli.written": ("已写入 {path}", "wrote {path}"),
    "cli.unknown_department": ("未知单位 {name!r}", "unknown unit {name!r}"),
    "cli.did_you_mean": ("你是不是要找 {suggestion}？", "did you mean {suggestion}?"),
}
MESSAGES.update(RETURNS_MESSAGES)  # the returns view's keys (i18n/returns.py)
MESSAGES.update(SETTINGS_MESSAGES)  # `bizenv config` (i18n/settings.py)
MESSAGES.update(HISTORY_MESSAGES)  # `history` and `diff` (i18n/history.py)
MESSAGES.update(CASES_MESSAGES)  # `cases` (i18n/cases.py)
MESSAGES.update(CHART_MESSAGES)  # the report's charts (i18n/charts.py)
