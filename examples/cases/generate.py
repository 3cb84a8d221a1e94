"""Write the example case files of examples/cases/ (fixed seed: the same files every run).

    .venv/bin/python examples/cases/generate.py

The records are invented but shaped like the exports departments have: Chinese headers,
the timestamp forms their systems write, a title row above the header in the XLSX
files, GB18030 from a Windows export, Parquet from a data platform. A few rows are
wrong on purpose (an end before its start, a timestamp that cannot be read, a repeated
case id) and some cases are still open, so that `bizenv cases` has something to report.
The second quarter of 2021 is the period; 2021-06-30 the as-of date.
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import polars as pl
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
RNG = random.Random(20210630)
Q2 = (date(2021, 4, 1), date(2021, 6, 30))


def moment(day: date, hour: int | None = None) -> datetime:
    h = RNG.randint(8, 16) if hour is None else hour
    return datetime(day.year, day.month, day.day, h, RNG.choice([0, 10, 15, 30, 45]))


def workday_after(day: date, n: int) -> date:
    """``n`` weekdays after ``day`` (a rough duration: the computed count uses the real
    calendar, holidays and makeup days included)."""
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def start_day(before: int = 10) -> date:
    return Q2[0] + timedelta(days=RNG.randint(-before, 80))


def write_csv(name: str, header: list[str], rows: list[list[str]], encoding: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    (HERE / name).write_bytes(out.getvalue().encode(encoding))


def write_xlsx(name: str, title: str, header: list[str], rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "导出数据"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append([f"导出时间: 2021-07-01 09:00  共{len(rows)}条"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for column in "CDEF":
        sheet.column_dimensions[column].width = 20
    book.properties.created = book.properties.modified = datetime(2021, 7, 1, 9, 0)
    buffer = io.BytesIO()
    book.save(buffer)
    (HERE / name).write_bytes(fixed_zip_times(buffer.getvalue()))


def fixed_zip_times(data: bytes) -> bytes:
    """The same bytes every run: openpyxl stamps each zip member with the time of saving."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2021, 7, 1, 9, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl sets 'modified' to now
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2021-07-01T09:00:00Z", content
                )
            target.writestr(member, content)
    return out.getvalue()


def power() -> None:
    """区供电公司 营销系统 新装工单: measure 5 (four classes of customer)."""
    rows = []
    kinds = [("高压", "", 22, 34), ("低压", "有", 6, 12), ("低压", "无", 1, 4), ("居民", "", 0, 3)]
    forms: list[Callable[[datetime], str]] = [
        lambda m: m.strftime("%Y-%m-%d %H:%M:%S"),
        lambda m: f"{m.year}/{m.month}/{m.day} {m.hour}:{m.minute:02d}",
    ]
    for i in range(1, 161):
        kind, works, low, high = RNG.choice(kinds)
        begin = start_day()
        start = moment(begin, RNG.randint(8, 11))
        form = RNG.choice(forms)
        finish = moment(workday_after(begin, RNG.randint(low, high)), RNG.randint(12, 17))
        end = "" if RNG.random() < 0.05 else form(finish)
        rows.append([f"GD2021{i:05d}", kind, works, form(start), end])
    rows[10][4] = "2021-13-02 10:00"  # a month that does not exist
    rows[20][3], rows[20][4] = rows[20][4] or "2021-05-10 10:00:00", "2021-04-01 09:00:00"
    rows.append(list(rows[30]))  # the same work order exported twice
    write_csv(
        "power-connections.csv",
        ["工单编号", "用户类别", "外部工程", "受理时间", "装表接电时间"],
        rows,
        "utf-8",
    )


def live_working() -> None:
    """区供电公司 配网作业记录, saved by Excel on Windows (GB18030): measure 6's rate."""
    rows = []
    for i in range(1, 121):
        day = Q2[0] + timedelta(days=RNG.randint(0, 90))
        how = "带电" if RNG.random() < 0.9 else "停电"
        rows.append(
            [
                f"ZY{i:04d}",
                f"{day.year}年{day.month}月{day.day}日",
                how,
                f"10kV葛{RNG.randint(1, 12)}线",
            ]
        )
    write_csv("live-working.csv", ["作业编号", "作业日期", "作业方式", "线路名称"], rows, "gb18030")


def outages() -> None:
    """区供电公司 停电记录 (Parquet from the data platform): measure 6's outages per line."""
    ids, lines, starts = [], [], []
    for i in range(1, 41):
        day = date(2021, 1, 1) + timedelta(days=RNG.randint(0, 180))
        ids.append(f"TD{i:04d}")
        lines.append(f"10kV葛{RNG.randint(1, 12)}线")
        starts.append(moment(day))
    frame = pl.DataFrame({"停电编号": ids, "线路名称": lines, "停电时间": starts})
    frame.write_parquet(HERE / "outages.parquet")


def construction() -> None:
    """区行政审批局 工程建设项目审批系统 (XLSX, a title row, date cells): measure 16."""
    classes = [
        ("社会投资带方案出让类", 22, 33),
        ("社会投资中小型工程建设项目", 30, 47),
        ("政府投资市政类线性项目", 28, 41),
        ("改造类工程建设项目", 20, 36),
        ("一般工业类投资建设项目", 18, 31),
    ]
    rows: list[list[object]] = []
    for i in range(1, 91):
        kind, low, high = RNG.choice(classes)
        begin = start_day(before=40)
        done = workday_after(begin, RNG.randint(low, high))
        end: object = None if RNG.random() < 0.08 else done
        rows.append([f"2021-420704-{i:04d}", kind, f"项目{i}", begin, end])
    write_xlsx(
        "construction-approvals.xlsx",
        "葛店开发区工程建设项目审批办件明细(2021年第二季度)",
        ["项目代码", "项目类别", "项目名称", "受理日期", "办结日期"],
        rows,
    )


def startup() -> None:
    """区市场监管分局 企业开办 (XLSX, datetime cells): measure 23, in office time."""
    steps = ["设立登记", "公章刻制、申领发票、社保登记", "企业开办全流程"]
    rows: list[list[object]] = []
    for i in range(1, 121):
        step = RNG.choice(steps)
        begin = Q2[0] + timedelta(days=RNG.randint(0, 88))
        while begin.weekday() >= 5:
            begin += timedelta(days=1)
        start = moment(begin, RNG.choice([9, 10, 14, 15]))
        end = start + timedelta(minutes=RNG.choice([40, 60, 90, 120, 150, 180, 200, 260]))
        if RNG.random() < 0.06:
            end += timedelta(days=1)  # finished the next morning
        rows.append([f"KB{i:05d}", step, f"某某科技有限公司{i}", start, end])
    rows[5][3] = "2021年4月8日"  # a date without a time: cannot prove half a day
    write_xlsx(
        "business-startup.xlsx",
        "企业开办一网通办 办件明细",
        ["业务编号", "事项", "企业名称", "申请时间", "办结时间"],
        rows,
    )


def tax() -> None:
    """区税务局 征管系统 (CSV, some dates as Excel serials): measure 43."""
    kinds = [
        ("错报更正", "", 0, 2),
        ("注销", "即办", 0, 0),
        ("注销", "快办", 3, 12),
        ("出口退税", "", 1, 5),
        ("一般政策性退税", "", 2, 6),
        ("特殊政策性退税", "", 5, 12),
    ]
    rows = []
    for i in range(1, 181):
        kind, how, low, high = RNG.choice(kinds)
        begin = start_day()
        days = RNG.randint(low, high)
        end = begin + timedelta(days=days) if "政策性" in kind else workday_after(begin, days)
        start_text = begin.isoformat()
        end_text = end.isoformat()
        if RNG.random() < 0.1:  # pasted from a spreadsheet: the date's serial number
            end_text = str((end - date(1899, 12, 30)).days)
        rows.append([f"SW{i:05d}", kind, how, start_text, end_text])
    write_csv(
        "tax-services.csv",
        ["业务编号", "业务类型", "办理方式", "受理日期", "办结日期"],
        rows,
        "utf-8",
    )


def complaints() -> None:
    """区优化办 营商环境投诉 (dates written the Chinese way): measure 53."""
    rows = []
    for i in range(1, 71):
        kind = "疑难" if RNG.random() < 0.25 else "一般"
        begin = start_day()
        end = workday_after(begin, RNG.randint(1, 17 if kind == "疑难" else 6))
        fmt = "{0.year}年{0.month}月{0.day}日"
        rows.append(
            [f"TS{i:04d}", kind, fmt.format(begin), "" if RNG.random() < 0.05 else fmt.format(end)]
        )
    write_csv("complaints.csv", ["投诉编号", "问题类型", "受理日期", "办结日期"], rows, "utf-8")


if __name__ == "__main__":
    for make in (power, live_working, outages, construction, startup, tax, complaints):
        make()
    print(f"wrote the example case files in {HERE}")
