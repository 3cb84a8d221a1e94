"""The text of the 填写说明 (instructions) sheet, in Chinese for the people who fill it in."""

from __future__ import annotations

from bizenv_cli.spreadsheet.columns import SHEET_TITLE, STATE_CHOICES
from bizenv_cli.templates.describe import TemplateSheet

__all__ = ["SHEET_TITLE", "instructions"]  # SHEET_TITLE lives with the readers


def instructions(sheet: TemplateSheet) -> list[str]:
    """One paragraph per line; lines starting with '■' are headings."""
    who = sheet.department.name if sheet.department else "各填报单位"
    states = "、".join(STATE_CHOICES)
    return [
        f"■ {sheet.plan_title} · 指标填报表",
        f"本表列出{who}作为牵头单位或责任单位承担的全部目标,每行一个目标。"
        f"请在工作表“{sheet.title}”中填写后原样返回(保存为 .xlsx,或另存为“CSV UTF-8(逗号分隔)”)。",
        "■ 可填写的列(白色单元格)",
        "填报值:按“单位”列的单位填写数字,如 8.5;百分比可写 95 或 95%(均表示 95%)。"
        "不要写“约30”“30天”等文字。",
        f"完成状态(仅里程碑类目标):从下拉列表选择 {states},中文或英文均可。",
        "完成日期:状态为“已完成”时填写实际完成日期,如 2021-06-30 或 2021/6/30。",
        "样本数:计算平均值或比率所依据的件数(整数),可不填。",
        "基期数值、基期时段(仅“较上年/同比”类目标):上一期的数值及其期间,如 10.6 和 2020。",
        "佐证材料:文件名、文号或链接;备注:其他需要说明的情况。",
        "■ 表头信息",
        "“填报期间”写 2021-Q2(季度)、2021-H1(半年)、2021-06(月)或 2021(全年);"
        "“截至日期”可选,填写数值对应的日期。",
        "■ 注意事项",
        "灰色单元格(目标编号、举措、考核内容、目标要求、单位、完成时限)由系统生成,已锁定,请勿修改。"
        "工作表保护未设密码,如确需调整可在“审阅 → 撤销工作表保护”中解除。",
        "目标编号用于核对,请勿改动。删除行、调整行的顺序或增加列不影响核对(需先撤销工作表保护)。",
        "没有数据的目标留空即可,视为本期未报送。",
    ]
