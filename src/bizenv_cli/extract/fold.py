"""The matching view of a text: whitespace dropped, full-width forms made half-width,
traditional characters made simplified. Every character of the view remembers where it
came from, so whatever is matched is cut from the original text, verbatim."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Traditional -> simplified, for the words plans use (units, labels, deadlines, numbers).
# Matching only: quotes and sources keep the characters the plan wrote.
_TRAD = (
    "單責負牽頭時實現區縣發經濟稅務監場資規劃審辦關長堅續進個內達於壓縮減過間數萬億兩門"
    "處衛條項證書運營環優調統計報據體機構業標準網絡電氣設備權產對應與國戶員總會執園鄉鎮"
    "將為並從開當還這們來後無須專屬聯認請諮詢險醫療藥財庫銀貸額費價質檢驗測試點線勞動組織"
    "紀黨傳廳輕違罰級層廣東蘇漢寧齊慶遼貴陝閩贛滬學習鐵車輛購買賣貿稱徵繳納補貼獎勵創農糧"
    "歸類別圍範鏈問題蓋訴訟響頁寫強張麼盡盤積極協職確則嚴節護築預復複製華陽濱灣臺島廈豐雲"
    "風飛鳳龍馬魯餘萊務門戶軟體廢罷擴歷聞聽夠殘疾傷遠遲療樓"
)
_SIMP = (
    "单责负牵头时实现区县发经济税务监场资规划审办关长坚续进个内达于压缩减过间数万亿两门"
    "处卫条项证书运营环优调统计报据体机构业标准网络电气设备权产对应与国户员总会执园乡镇"
    "将为并从开当还这们来后无须专属联认请咨询险医疗药财库银贷额费价质检验测试点线劳动组织"
    "纪党传厅轻违罚级层广东苏汉宁齐庆辽贵陕闽赣沪学习铁车辆购买卖贸称征缴纳补贴奖励创农粮"
    "归类别围范链问题盖诉讼响页写强张么尽盘积极协职确则严节护筑预复复制华阳滨湾台岛厦丰云"
    "风飞凤龙马鲁余莱务门户软体废罢扩历闻听够残疾伤远迟疗楼"
)
_TABLE = dict(zip(_TRAD, _SIMP, strict=True))
# Brackets and separators written many ways: one form each for matching.
_TABLE.update({"〔": "(", "〕": ")", "﹝": "(", "﹞": ")", "［": "(", "］": ")", "【": "(",
               "】": ")", "∶": ":", "︰": ":", "﹕": ":", "，": ",", "；": ";", "：": ":",
               "（": "(", "）": ")", "．": ".", "％": "%", "、": "、", "～": "~", "—": "-",
               "－": "-", "–": "-", "〇": "〇"})  # fmt: skip
_SPACE = re.compile(r"\s")


def fold_char(ch: str) -> str:
    """One character as matched ('' for whitespace)."""
    if _SPACE.match(ch) or ch in "\u200b\ufeff":
        return ""
    if ch in _TABLE:
        return _TABLE[ch]
    if "\uff01" <= ch <= "\uff5e":  # full-width ASCII: Ａ, ３, ！
        return unicodedata.normalize("NFKC", ch)
    return ch


@dataclass(frozen=True)
class Folded:
    """``text`` as matched, and for each of its characters the index in ``original``."""

    original: str
    text: str
    where: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span [start, end)."""
        if start >= end:
            at = self.where[start] if start < len(self.where) else len(self.original)
            return at, at
        return self.where[start], self.where[end - 1] + 1

    def cut(self, start: int, end: int) -> str:
        """The original words of the folded span [start, end), verbatim."""
        a, b = self.span(start, end)
        return self.original[a:b]

    def index_of(self, original_index: int) -> int:
        """The first folded index at or after an original index."""
        for i, at in enumerate(self.where):
            if at >= original_index:
                return i
        return len(self.where)


def fold(text: str) -> Folded:
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for out in fold_char(ch):
            chars.append(out)
            where.append(i)
    return Folded(text, "".join(chars), tuple(where))


def folded(text: str) -> str:
    """Just the matching form of ``text``."""
    return "".join(fold_char(ch) for ch in text)
