"""Findings in Chinese: what each finding code means, and a finding's line in either language.

Findings are built with English messages all over the core; rather than rewriting every
call site, each code has a Chinese explanation here, printed before the English detail
in full-width brackets: ``x.yaml:3:5: 错误 C003 未知的指标编号（unknown target id 'x'）``.
Codes stay as they are (they are what people search for). tests/test_findings_zh.py
collects every code used in ``src`` and fails when one has no Chinese here.
Core module: no click, no rich.
"""

from __future__ import annotations

import re

FINDINGS_ZH: dict[str, str] = {
    # Acknowledgements (acknowledgements.py).
    "A001": "确认记录已过时，没有对应的警告，请删除",
    "A002": "错误不能被确认，只能修正",
    # Check inputs (docs/check.md).
    "C001": "找不到文件或文件夹，或不是可读取的文件类型",
    "C002": "未知的单位",
    "C003": "未知的指标编号",
    "C004": "同一指标在同一截止日重复报送",
    "C005": "报送期间晚于截至日期",
    "C006": "截至日期不在报送期间内",
    "C007": "文件夹中没有报送文件",
    "C008": "多个单位报送同一指标，已采用牵头单位的数据",
    "C009": "报送文件夹中有豁免文件，已跳过（请用 --waivers 指定）",
    "C010": "计量单位无法换算为指标的单位",
    "C011": "字段不属于该类指标",
    "C012": "变化类指标缺少有效基数",
    "C013": "完成日期与状态不符",
    "C014": "数值过大或比率超过100%",
    "C015": "未注明单位的比率，已按规则换算",
    "C016": "文件未读取",
    "C017": "报送文件属于其他期间",
    "C018": "截至日期远在最近报送期间之后",
    "C019": "单位报送数与案件记录计算数不一致，已采用计算数",
    # Case records (docs/cases.md).
    "D001": "案件文件无法读取",
    "D002": "表头中没有该列",
    "D003": "该行无法使用",
    "D004": "文件超过大小或行数上限",
    "D005": "没有数据源采用该文件",
    # Saved results (docs/history.md).
    "H001": "保存的结果无法安全读取",
    "H002": "不是有效的 JSON",
    "H003": "JSON 结构不符",
    "H004": "属于另一个方案的检查结果",
    # Scoring (docs/score.md).
    "K001": "名称不存在",
    # Reading files safely (docs/validate.md).
    "L001": "文件不是 UTF-8 编码",
    "L002": "YAML 语法错误",
    "L003": "同一映射中的键重复",
    "L004": "不允许使用锚点、别名或合并键，请直接写出数值",
    "L005": "超过大小上限",
    "L006": "嵌套层数过深",
    "L007": "不允许使用显式标签",
    "L008": "文件中有控制字符",
    "L009": "文件为空",
    "L010": "文件无法读取",
    # Case mapping.
    "M001": "案件映射与指标不符",
    # Validation rules (docs/validate.md).
    "R001": "措施编号应唯一且从1连续编号",
    "R002": "措施或指标编号重复",
    "R003": "文件名或编号格式不符",
    "R004": "未知的单位编号",
    "R005": "章节不存在或不匹配",
    "R006": "引文不在措施原文中",
    "R007": "措施原文不在方案文本中",
    "R008": "数值不在引文中",
    "R009": "单位或比较符与指标类型不符",
    "R010": "数值超出范围",
    "R011": "完成时限早于方案印发日期",
    "R012": "指标期限晚于措施的完成时限",
    "R013": "指标编号应以措施编号开头",
    "R014": "完成时限与原文不符",
    "R015": "牵头单位或责任单位与原文不符",
    "R016": "措施文件夹中有未读取的 YAML 文件",
    "R017": "工作日历无法使用",
    "R018": "指标简称的用词不在引文中",
    "R019": "督办配置无法使用",
    "R020": "自动提取的草稿中尚待人工核对的项目（核对后删除 review 条目）",
    # Schemas.
    "S001": "不符合格式要求",
    # Supervision ledger.
    "V001": "台账前后矛盾",
    # Workbooks (docs/spreadsheets.md).
    "X001": "单元格的值超出范围",
    "X002": "工作簿已损坏或布局不符",
}

LEVELS_ZH = {"error": "错误", "warning": "警告"}

# "path:line:col: warning C017 message": how the core writes a finding as a line.
_LINE = re.compile(
    r"^(?P<loc>.*?): (?P<level>error|warning) (?P<code>[A-Z]\d{3}) (?P<msg>.*)$", re.S
)


def explain(code: str) -> str:
    """The Chinese explanation of ``code`` (a generic word for a code not in the table)."""
    return FINDINGS_ZH.get(code, "问题")


def zh_message(code: str, message: str) -> str:
    """``未知的指标编号（unknown target id 'x'）``: the meaning in Chinese, the detail kept."""
    from bizenv_cli.i18n.finding_templates import whole

    detail = message.strip()
    sentence = whole(code, detail)
    if sentence is not None:
        return sentence
    return f"{explain(code)}（{detail}）" if detail else explain(code)


def finding_text(location: str, level: str, code: str, message: str, lang: str) -> str:
    """``location: level CODE message`` in English, ``location: 错误 CODE 说明（detail）``
    in Chinese. The location keeps its half-width colons: editors jump to it."""
    if lang != "zh":
        return f"{location}: {level} {code} {message}"
    return f"{location}: {LEVELS_ZH.get(level, level)} {code} {zh_message(code, message)}"


def translate_line(line: str, lang: str) -> str:
    """A finding the core already wrote as a line (a warning), in ``lang``."""
    if lang != "zh":
        return line
    found = _LINE.match(line)
    if found is None:
        from bizenv_cli.i18n.finding_templates import warning_line

        return warning_line(line) or line
    return finding_text(found["loc"], found["level"], found["code"], found["msg"], lang)


def more_in_file(count: int, code: str, path: str, lang: str) -> str:
    if lang == "zh":
        return f"另有 {count:,} 条 {code} 问题（{path}）"
    return f"... and {count:,} more {code} findings in {path}"


def more_in_files(count: int, code: str, files: int, lang: str) -> str:
    if lang == "zh":
        return f"另有 {count:,} 条 {code} 问题，分布在另外 {files:,} 个文件中"
    return f"... and {count:,} more {code} findings in {files:,} more file(s)"


EXIT_ZH = {1: "有问题需要处理", 2: "用法错误", 3: "输入无法使用", 4: "内部错误"}


def error_line(message: str, exit_code: int) -> str:
    """The last line of a run that stops, in Chinese: ``bizenv：错误：输入无法使用（...）``."""
    from bizenv_cli.i18n.finding_templates import stopped

    sentence = stopped(message)
    if sentence is not None:
        return f"bizenv：错误：{sentence}"
    return f"bizenv：错误：{EXIT_ZH.get(exit_code, '无法继续')}（{message}）"
