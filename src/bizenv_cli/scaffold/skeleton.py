"""`bizenv init --empty`: the measure folder's two required files, every value to be
filled in from the plan (``bizenv validate`` lists what is still empty), or written by
``bizenv extract``."""

from __future__ import annotations

PLAN = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
# 方案的基本信息,按方案原文填写;`bizenv validate` 会列出尚未填写的项。
title:
  zh: ""        # 方案标题
  en: ""
issuer:
  zh: ""        # 印发机关
  en: ""
issued: ""      # 印发日期,如 2021-04-19
addressees: ""  # 主送单位
text: source/plan.txt   # 方案原文(UTF-8 文本),放在 measures/source/ 下
chapters: []    # 章节:[{number: 1, title: {zh: ..., en: ...}, sections: [...]}]
"""

DEPARTMENTS = """\
# yaml-language-server: $schema=../schemas/departments.schema.json
# 方案中出现的每个单位:id(英文编号)、name(方案中最常用的写法)、aliases(其他写法)、
# kind(government、party、enterprise、collective 等,见 schemas/departments.schema.json)。
departments: []
"""
