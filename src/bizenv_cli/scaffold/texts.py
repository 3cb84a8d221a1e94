"""The files `bizenv init` writes besides the plan's own: bizenv.toml and the README."""

from __future__ import annotations

SETTINGS = """\
# bizenv 的设置(docs/settings.md)。在本文件夹及其子文件夹中运行的命令都使用这些设置,
# 命令行选项优先;`bizenv config` 列出当前生效的设置及来源。路径相对于本文件所在文件夹。
measures = "measures"
waivers = "waivers.yaml"
lang = "zh"

[office]
short_name = "区优化办"
# 以下两项用于督办通知,请办公室确认后去掉行首的 # 号:
# name = "葛店开发区优化营商环境工作领导小组办公室"
# notice_prefix = "葛开优办督"
"""

SETTINGS_EMPTY = """\
# bizenv 的设置(docs/settings.md)。路径相对于本文件所在文件夹。
measures = "measures"
lang = "zh"

# [office]
# name = "(办公室全称)"
# short_name = "(办公室简称)"
# notice_prefix = "(督办文号前缀)"
"""

README = """\
# 营商环境方案数据文件夹

本文件夹由 `bizenv init` 生成{plan_line}。在本文件夹(或其子文件夹)中运行 `bizenv` 的各项命令,
会自动使用 `bizenv.toml` 中的设置(措施文件夹、豁免文件、语言)。

## 文件夹里有什么

- `bizenv.toml`:设置(措施文件夹、豁免文件、默认语言、办公室名称),`bizenv config` 可查看;
- `measures/`:方案的措施数据(每条措施一个 YAML 文件,数字均可追溯到原文);
- `schemas/`:措施、报送等文件的格式说明,VS Code 等编辑器据此即时提示错误;
{example_lines}
## 下一步

```sh
bizenv validate                 # 1. 检查措施数据
{next_steps}```

- 每季度初:`bizenv template -d 区供电公司 -p 2021-Q3 -o 区供电公司-2021-Q3.xlsx` 生成各单位的报送表;
- 季度末:把收回的报送表放进 `returns/2021-Q3/` 等文件夹,运行 `bizenv check returns/2021-Q3`;
- 会议材料:`bizenv report returns/2021-Q3 --pdf 会议材料.pdf`(需安装 `pip install 'bizenv[pdf]'`)。

各命令都有 `--help`。退出码:0 正常;1 发现问题;2 命令用法错误;3 输入文件无法使用;4 程序内部错误。
"""

EXAMPLE_LINES = """\
- `returns/2021-Q2/`:示例季度的报送(6 个单位),可用来试运行;
- `waivers.yaml`:经批准的豁免(示例)。
"""

NEXT_FULL = """\
bizenv check returns/2021-Q2 --as-of 2021-06-30   # 2. 试运行:检查示例季度
"""

NEXT_EMPTY = """\
# 2. 用方案原文生成措施草稿(逐条核对后删除 review 标记),或按 schemas/ 的格式手工填写:
#    bizenv extract 方案.txt -o measures --force
"""
