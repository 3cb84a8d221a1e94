"""Write synthetic case files for benchmarks/bench_cases.py (never committed: regenerate).

    python benchmarks/make_cases.py csv  OUT.csv  [--rows 1000000]
    python benchmarks/make_cases.py xlsx OUT.xlsx [--rows 100000]

The CSV looks like the power company's export (examples/cases/power-connections.csv):
工单编号, 用户类别, 外部工程, 受理时间, 装表接电时间, 2019-2025, durations up to about
three months; 95 % of the timestamps as YYYY-MM-DD HH:MM:SS, 5 % as 2021/3/5 9:30 (the
slow path of the parser), 2 % of cases open, 0.1 % with an unreadable end. The XLSX has
a title row above the header and datetime cells. Fixed seed: the same file every run.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

HEADER = ["工单编号", "用户类别", "外部工程", "受理时间", "装表接电时间"]
KINDS = [("高压", ""), ("低压", "有"), ("低压", "无"), ("居民", "")]


def cases(rows: int) -> list[tuple[str, str, str, datetime, datetime | None, bool]]:
    rng = random.Random(1_000_000)
    first = datetime(2019, 1, 1).timestamp()
    span = datetime(2025, 9, 30).timestamp() - first
    out = []
    for i in range(rows):
        kind, works = KINDS[i % 4]
        start = datetime.fromtimestamp(first + rng.random() * span).replace(microsecond=0)
        end = start + timedelta(seconds=rng.randint(3600, 90 * 86_400))
        r = rng.random()
        out.append((f"GD{i:08d}", kind, works, start, None if r < 0.02 else end, r > 0.95))
    return out


def text(moment: datetime, short: bool) -> str:
    if short:
        return f"{moment.year}/{moment.month}/{moment.day} {moment.hour}:{moment.minute:02d}"
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def write_csv(path: Path, rows: int) -> None:
    lines = [",".join(HEADER)]
    for i, (case, kind, works, start, end, short) in enumerate(cases(rows)):
        finish = "" if end is None else text(end, short)
        if i % 1000 == 999:
            finish = "待定"
        lines.append(f"{case},{kind},{works},{text(start, short)},{finish}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("导出数据")
    sheet.append(["区供电公司 营销系统 新装工单导出"])
    sheet.append(HEADER)
    for case, kind, works, start, end, _ in cases(rows):
        sheet.append([case, kind, works, start, end])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["csv", "xlsx"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int)
    args = parser.parse_args()
    if args.kind == "csv":
        write_csv(args.out, args.rows or 1_000_000)
    else:
        write_xlsx(args.out, args.rows or 100_000)


if __name__ == "__main__":
    main()
