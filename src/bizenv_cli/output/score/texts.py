"""The words of `bizenv score`'s outputs in zh and en: a line's cause, dates, periods, the
default-rules notice. Every text that came from a file is cleaned here (``sanitize``)."""

from __future__ import annotations

import re
from datetime import date

from bizenv_cli.i18n import Messages, chinese_numeral
from bizenv_cli.i18n.dates import zh_date
from bizenv_cli.sanitize import clean
from bizenv_cli.scoring.model import ScoreLine, ScoreResult, UnitScore

ROLE_ZH = {"lead": "牵头单位", "responsible": "责任单位"}
RETURN_ZH = {"on_time": "按时报送", "late": "逾期报送", "missing": "未报送"}
SUPERVISION_ZH = {"closed_on_time": "按期办结", "closed_late": "逾期办结", "red": "红灯"}
STATUS_ZH_EXTRA = {"met_late": "逾期完成"}
_HALF = {"Q": "季度", "H": "半年"}
_PERIOD = re.compile(r"^([0-9]{4})(?:-(Q|H)?([0-9]{1,2}))?$")


def zh_period(period: str | None) -> str:
    """2021-Q2 -> 2021年第二季度, 2021-H1 -> 2021年上半年, 2021-06 -> 2021年6月."""
    if period is None:
        return "全年"
    found = _PERIOD.match(period)
    if found is None:
        try:
            return zh_date(date.fromisoformat(period))
        except ValueError:
            return clean(period)
    year, kind, n = found.groups()
    if n is None:
        return f"{year}年"
    if kind == "Q":
        return f"{year}年第{chinese_numeral(int(n))}季度"
    if kind == "H":
        return f"{year}年{'上' if n == '1' else '下'}半年"
    return f"{year}年{int(n)}月"


def points(value: float) -> str:
    """+1, -5, +0.5: the sign always shown."""
    text = f"{value:+.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("+0", "-0") else text


def score_text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def status_word(status: str | None, msg: Messages) -> str:
    if status is None:
        return ""
    if msg.lang == "zh" and status in STATUS_ZH_EXTRA:
        return STATUS_ZH_EXTRA[status]
    return msg.status(status) if status != "met_late" else "met late"


def why(line: ScoreLine, msg: Messages) -> str:
    """The line's cause in ``msg``'s language, beside the rule, target and period columns
    (the JSON's ``why``, in English, also names the target and the period)."""
    cause = line.cause
    zh = msg.lang == "zh"
    if cause.kind == "target":
        role = ROLE_ZH.get(cause.role or "", "") if zh else f"as {cause.role} unit"
        text = f"{status_word(cause.status, msg)}（{role}）" if zh else (
            f"{status_word(cause.status, msg)} {role}")
        if cause.weight != 1:
            text += f"，权重{cause.weight:g}" if zh else f", weight {cause.weight:g}"
        if not zh and cause.detail:
            text += f"; {cause.detail}"
        return clean(text)
    if cause.kind == "return":
        files = f"（{cause.detail}）" if zh and cause.detail else (
            f" ({cause.detail})" if cause.detail else "")
        word = RETURN_ZH.get(cause.status or "", "") if zh else f"return {cause.status}"
        return clean(("报表" if zh else "") + word + files)
    if cause.kind == "supervision":
        word = SUPERVISION_ZH.get(cause.status or "", "") if zh else cause.status or ""
        return clean(f"督办事项{cause.detail}：{word}" if zh else f"item {cause.detail}: {word}")
    if not zh:
        return clean(line.why)
    what = "本规则" if cause.kind == "cap" else "加分或减分合计"
    before = cause.before or 0
    return clean(f"封顶：{what}全年最多计{score_text(abs(line.points + before))}分"
                 f"（封顶前{score_text(before)}分）")


def reasons(unit: UnitScore, msg: Messages) -> str:
    """Why a unit is not eligible for 优秀, joined; empty when it is."""
    words = [zh if msg.lang == "zh" else en for en, zh in unit.not_eligible]
    return clean(("；" if msg.lang == "zh" else "; ").join(words))


def default_notice(result: ScoreResult, msg: Messages) -> str:
    """Said on every output while the rules are the shipped example."""
    if not result.is_default:
        return ""
    if msg.lang == "zh":
        return ("注意：本结果按默认示例计分规则计算（来自公开的考核办法），"
                "在本区正式考核办法替换 scoring.yaml 之前仅供参考。")
    return ("Note: scored by the DEFAULT example rules (built from published methods); "
            "for reference only until the zone's own 考核办法 replaces scoring.yaml.")


def title(result: ScoreResult, msg: Messages) -> str:
    name = clean(str(result.rules.get("title", "")))
    if msg.lang == "zh":
        return f"{result.year}年度考核得分：{name}"
    return f"Scores for {result.year}: {name}"


def periods_line(result: ScoreResult, msg: Messages) -> str:
    day = result.as_of
    if msg.lang == "zh":
        shown = "、".join(zh_period(p) for p in result.periods)
        return f"计分期间：{shown}；截至{zh_date(day) if day else ''}；规则文件：" + clean(
            str(result.rules.get("file", "")))
    return (f"periods: {', '.join(result.periods)}; as of {day}; rules: "
            + clean(str(result.rules.get("file", ""))))


def main_deductions(unit: UnitScore, limit: int = 3) -> list[tuple[str, float]]:
    """The rules that took the most away from the unit (net of their caps), largest first."""
    total: dict[str, float] = {}
    for line in unit.lines:
        if line.cause.kind != "overall_cap":
            total[line.rule] = round(total.get(line.rule, 0.0) + line.points, 2)
    worst = sorted((v, k) for k, v in total.items() if v < 0)
    return [(clean(k), v) for v, k in worst[:limit]]
