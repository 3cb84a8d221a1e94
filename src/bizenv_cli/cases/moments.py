"""Timestamps of a whole column at once, read as strictly as ``timestamps.parse_moment``.

A column becomes three: ``day`` (days since 1970-01-01; null when the cell is empty or
cannot be read), ``sec`` (seconds since midnight; null when no time of day is written)
and ``bad`` (true for a non-empty cell that is not a timestamp or not a real day).

Forms: ``2021-03-05 09:30:00``, ``2021/3/5 9:30``, ``2021.3.5``, ``2021年3月5日 9时30分``
(``9时5分``: one-digit hours and minutes), ``2021-03-05T09:30``, each also with
full-width digits and punctuation (``２０２１－０３－０５``) as Chinese input methods type
them; Excel date serials (``44260``, ``44260.395833``: days since 1899-12-30, 1982-2173
only, so that a plain count or id is never read as a date); date and datetime columns of
Parquet and XLSX files (a zone-aware datetime, such as a Parquet timestamp in UTC, is
converted to China time, Asia/Shanghai; a naive one is China time). A datetime at exactly
00:00:00 is read as a date (that is how a spreadsheet stores a date cell), never as a
time of day.

The fixed-width forms records systems export (``YYYY-MM-DD HH:MM:SS``, ``YYYY/MM/DD``...)
are cut apart by position, which is ten times faster than a regular expression; only the
other cells go through the full pattern.
"""

from __future__ import annotations

import polars as pl

CHINA = "Asia/Shanghai"
EPOCH_SERIAL = 25569  # the Excel serial of 1970-01-01 (serial 1 is 1900-01-01, 1900 not leap)
SERIAL_RANGE = (30000, 100000)  # 1982-02-18 .. 2173-10-14

# ASCII digits only ([0-9], never \d, which takes any script's digits): full-width ones
# are made ASCII first (``_FULL_WIDTH``), any other is not a timestamp.
_TIME = (
    r"(?P<H{k}>[0-9]{{1,2}})(?::|时|點|点)(?P<M{k}>[0-9]{{1,2}})分?"
    r"(?::(?P<S{k}>[0-9]{{2}})(?:\.[0-9]{{1,6}})?|(?P<T{k}>[0-9]{{1,2}})秒)?"
)
_NUMERIC = (
    r"(?P<y1>[0-9]{4})(?:-(?P<m1>[0-9]{1,2})-(?P<d1>[0-9]{1,2})"
    r"|/(?P<m2>[0-9]{1,2})/(?P<d2>[0-9]{1,2})"
    r"|\.(?P<m3>[0-9]{1,2})\.(?P<d3>[0-9]{1,2}))(?:(?:\s+|T)" + _TIME.format(k=1) + ")?"
)
_CHINESE = (
    r"(?P<y2>[0-9]{4})年\s*(?P<m4>[0-9]{1,2})\s*月\s*(?P<d4>[0-9]{1,2})\s*[日号](?:(?:T|\s*)"
    + _TIME.format(k=2)
    + ")?"
)
PATTERN = r"^\s*(?:" + _NUMERIC + "|" + _CHINESE + r")\s*$"
SERIAL_PATTERN = r"^\s*([0-9]{5})(?:\.([0-9]+))?\s*$"
_FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {
    "－": "-",
    "／": "/",
    "．": ".",
    "：": ":",
    "\u3000": " ",
    "Ｔ": "T",
}


def days_from_civil(y: pl.Expr, m: pl.Expr, d: pl.Expr) -> pl.Expr:
    """Days since 1970-01-01 of a valid (year >= 1) date, in integer arithmetic."""
    y = y - (m <= 2).cast(pl.Int64)
    era = y // 400
    yoe = y - era * 400
    mp = pl.when(m > 2).then(m - 3).otherwise(m + 9)
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _valid_day(y: pl.Expr, m: pl.Expr, d: pl.Expr) -> pl.Expr:
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    last = (
        pl.when(m == 2)
        .then(28 + leap.cast(pl.Int64))
        .when(m.is_in([4, 6, 9, 11]))
        .then(30)
        .otherwise(31)
    )
    return (m >= 1) & (m <= 12) & (d >= 1) & (d <= last)


def _assemble(
    y: pl.Expr, m: pl.Expr, d: pl.Expr, hh: pl.Expr, mm: pl.Expr, ss: pl.Expr
) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """(day, sec, valid) from integer parts; ``hh`` null means no time of day."""
    time_ok = hh.is_null() | ((hh <= 23) & (mm <= 59) & (ss.fill_null(0) <= 59))
    valid = (_valid_day(y, m, d) & time_ok).fill_null(False)
    day = pl.when(valid).then(days_from_civil(y, m, d))
    sec = pl.when(valid).then(hh * 3600 + mm * 60 + ss.fill_null(0))
    return day, sec, valid


def _fixed(frame: pl.DataFrame) -> pl.DataFrame:
    """``YYYY-MM-DD`` (or / or .), then `` HH:MM`` or `` HH:MM:SS``: by position.

    Adds ``day``, ``sec`` and ``ok`` (the cell has this shape and is a real moment).
    Each slice is computed once, as a column, before the checks that use it.
    """
    t = pl.col("t")

    def part(start: int, length: int) -> pl.Expr:
        return t.str.slice(start, length).str.to_integer(strict=False)

    cut = frame.with_columns(
        n=t.str.len_bytes(),
        sep=t.str.slice(4, 1),
        sep2=t.str.slice(7, 1),
        gap=t.str.slice(10, 1),
        colon=t.str.slice(13, 1),
        colon2=t.str.slice(16, 1),
        digits=t.str.slice(0, 4).str.contains(r"^[0-9]{4}$"),  # to_integer would take "+202"
        y=part(0, 4),
        m=part(5, 2),
        d=part(8, 2),
        hh=part(11, 2),
        mm=part(14, 2),
        ss=part(17, 2),
    )
    n = pl.col("n")
    shape = (
        pl.col("sep").is_in(["-", "/", "."])
        & (pl.col("sep2") == pl.col("sep"))
        & n.is_in([10, 16, 19])
        & ((n == 10) | (pl.col("gap") == " ") & (pl.col("colon") == ":"))
        & ((n != 19) | (pl.col("colon2") == ":"))
        & pl.col("digits")
    )
    hh = pl.when(n >= 16).then(pl.col("hh"))
    mm = pl.when(n >= 16).then(pl.col("mm"))
    ss = pl.when(n == 19).then(pl.col("ss"))
    complete = (
        pl.col("y").is_not_null()
        & pl.col("m").is_not_null()
        & pl.col("d").is_not_null()
        & ((n < 16) | pl.col("hh").is_not_null() & pl.col("mm").is_not_null())
        & ((n < 19) | pl.col("ss").is_not_null())
    )
    cut = cut.with_columns(ok=(shape & complete).fill_null(False))
    day, sec, valid = _assemble(pl.col("y"), pl.col("m"), pl.col("d"), hh, mm, ss)
    ok = pl.col("ok") & valid
    return cut.select("i", "t", day=pl.when(ok).then(day), sec=pl.when(ok).then(sec), ok=ok)


COMMON_SHAPE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-5][0-9]$"


def _common_ms(col: pl.Expr) -> pl.Expr:
    """The form nearly every export uses, ``YYYY-MM-DD HH:MM:SS``, as milliseconds since
    1970 by polars' own parser (four times faster than cutting by position), behind a
    check of the shape: the parser alone would also take a second of 60 and a signed
    year. Null for every other cell."""
    return _shaped_ms(col, COMMON_SHAPE, "%Y-%m-%d %H:%M:%S")


# The form Excel and WPS show a datetime cell in, saved as CSV: ``2021/3/5 9:30``.
SLASH_SHAPE = r"^[0-9]{4}/[0-9]{1,2}/[0-9]{1,2} [0-9]{1,2}:[0-5][0-9]$"


def _shaped_ms(col: pl.Expr, shape: str, form: str) -> pl.Expr:
    """Milliseconds since 1970 of the cells of exactly ``shape``, by polars' parser (no
    cache: nearly every timestamp is different); null for every other cell."""
    moment = pl.when(col.str.contains(shape)).then(
        col.str.to_datetime(form, time_unit="ms", strict=False, cache=False)
    )
    return moment.cast(pl.Int64)


def parse_text(series: pl.Series, ms: pl.Series | None = None) -> pl.DataFrame:
    """``day``, ``sec``, ``bad`` and ``canon`` for a column of text cells (null or blank:
    empty); ``ms``: the column's ``_common_ms``, when already computed. ``canon`` is true
    for a cell written exactly as ``YYYY-MM-DD HH:MM:SS`` (not at midnight): the text
    that ``outcome.moment_text`` gives back from its day and second, so it need not be
    kept. Every form is read into milliseconds since 1970 (a date alone: its midnight,
    which is how a date is told from a time anyway)."""
    text = series.cast(pl.String)
    if ms is None:
        ms = pl.DataFrame({"t": text}).select(_common_ms(pl.col("t")))["t"]
    left = (ms.is_null() & text.is_not_null()).arg_true()  # the cells the common form did not take
    moment = ms
    bad = None
    if len(left):
        rest = pl.DataFrame({"i": left, "t": text.gather(left)}).filter(
            pl.col("t").str.strip_chars() != ""
        )
        found = _rest(rest)
        moment = ms.scatter(found["i"], found["ms"]) if found.height else ms
        failed = rest.join(found, on="i", how="anti")["i"]
        if len(failed):
            bad = (
                pl.Series("bad", [False], dtype=pl.Boolean)
                .extend_constant(False, len(series) - 1)
                .scatter(failed, True)
            )
    frame = pl.DataFrame({"m": moment, "c": ms}).select(
        day=pl.col("m").floordiv(86_400_000).cast(pl.Int32),
        sec=(pl.col("m") % 86_400_000).floordiv(1000).cast(pl.Int32),
        canon=(pl.col("c").is_not_null() & (pl.col("c") % 86_400_000 > 0)).fill_null(False),
    )
    # a datetime at exactly midnight is a date (module docstring)
    return frame.select(
        "day",
        pl.when(pl.col("sec") > 0).then(pl.col("sec")).alias("sec"),
        bad=pl.lit(False) if bad is None else pl.lit(bad),
        canon="canon",
    )


def _rest(rest: pl.DataFrame) -> pl.DataFrame:
    """``i`` and ``ms`` of the cells of ``rest`` the common form did not take, and that
    Excel's form, the fixed forms (by position) or the full pattern read."""
    slash = rest.select("i", "t", ms=_shaped_ms(pl.col("t"), SLASH_SHAPE, "%Y/%m/%d %H:%M"))
    solved = [slash.filter(pl.col("ms").is_not_null()).select("i", "ms")]
    others = slash.filter(pl.col("ms").is_null())
    if others.height:
        ascii_digits = pl.col("t").str.replace_many(list(_FULL_WIDTH), list(_FULL_WIDTH.values()))
        fixed = _fixed(others.select("i", ascii_digits))
        left = fixed.filter(~pl.col("ok"))
        if left.height:
            general = _general(left)
            fixed = fixed.join(general, on="i", how="left").select(
                "i",
                day=pl.coalesce("day", "day_g"),
                sec=pl.when(pl.col("day").is_not_null()).then("sec").otherwise("sec_g"),
            )
        solved.append(
            fixed.filter(pl.col("day").is_not_null()).select(
                "i",
                ms=pl.col("day").cast(pl.Int64) * 86_400_000 + pl.col("sec").fill_null(0) * 1000,
            )
        )
    return pl.concat(solved, how="vertical_relaxed").with_columns(pl.col("ms").cast(pl.Int64))


def _general(rest: pl.DataFrame) -> pl.DataFrame:
    """The full pattern, then Excel serials, for the cells the fixed forms did not take."""
    g = rest.select("i", "t", m=pl.col("t").str.extract_groups(PATTERN)).unnest("m")

    def num(*names: str) -> pl.Expr:
        return pl.coalesce([pl.col(n) for n in names]).cast(pl.Int64)

    parts = g.select(
        "i",
        "t",
        y=num("y1", "y2"),
        m=num("m1", "m2", "m3", "m4"),
        d=num("d1", "d2", "d3", "d4"),
        hh=num("H1", "H2"),
        mm=num("M1", "M2"),
        ss=num("S1", "T1", "S2", "T2"),
    )
    day, sec, _ = _assemble(*(pl.col(c) for c in ("y", "m", "d", "hh", "mm", "ss")))
    parsed = parts.select("i", "t", day_g=day, sec_g=sec)
    left = parsed.filter(pl.col("day_g").is_null())
    if not left.height:
        return parsed.select("i", "day_g", "sec_g")
    groups = left.select("i", g=pl.col("t").str.extract_groups(SERIAL_PATTERN)).unnest("g")
    low, high = SERIAL_RANGE
    serial = pl.col("1").cast(pl.Int64)
    seconds = (("0." + pl.col("2")).cast(pl.Float64, strict=False) * 86400).round(0)
    serials = groups.select(
        "i",
        day_s=pl.when(serial.is_between(low, high)).then(serial - EPOCH_SERIAL),
        # a serial's fraction rounds to the second; 0 (or none) is a date without a time
        sec_s=pl.when(serial.is_between(low, high) & (seconds.fill_null(0) > 0)).then(
            pl.min_horizontal(seconds.cast(pl.Int64), 86399)
        ),
    )
    return parsed.join(serials, on="i", how="left").select(
        "i",
        day_g=pl.coalesce("day_g", "day_s"),
        sec_g=pl.when(pl.col("day_g").is_not_null()).then("sec_g").otherwise("sec_s"),
    )


def parse_column(series: pl.Series) -> pl.DataFrame:
    """``day``, ``sec``, ``bad`` for a column of any type (text, date, datetime, number)."""
    return _parse_column(series).drop("canon")


def _parse_column(series: pl.Series) -> pl.DataFrame:
    """``parse_column`` and ``canon`` (``parse_text``)."""
    dtype = series.dtype
    if dtype == pl.Date:
        frame = pl.DataFrame({"d": series})
        return frame.select(
            day=pl.col("d").cast(pl.Int32),
            sec=pl.lit(None, pl.Int32),
            bad=pl.lit(False),
            canon=pl.lit(True),
        )
    if isinstance(dtype, pl.Datetime):
        frame = pl.DataFrame({"d": series})
        d = pl.col("d")
        if dtype.time_zone is not None:  # a moment in another zone (UTC): China time
            d = d.dt.convert_time_zone(CHINA)
        secs = d.dt.hour().cast(pl.Int32) * 3600 + d.dt.minute().cast(pl.Int32) * 60 + d.dt.second()
        return frame.select(
            day=d.dt.date().cast(pl.Int32),
            sec=pl.when(secs > 0).then(secs).cast(pl.Int32),
            bad=pl.lit(False),
            canon=pl.lit(True),  # shown as its day and time (a datetime at midnight: a date)
        )
    return parse_text(series)


def parse_columns(frame: pl.DataFrame, names: list[str]) -> list[pl.DataFrame]:
    """``parse_column`` for several columns of ``frame``; the common form of the text
    columns is parsed in one pass, which polars runs in parallel, a column per core."""
    text = [n for n in names if frame.schema[n] == pl.String]
    common = frame.select([_common_ms(pl.col(n)).alias(n) for n in text]) if text else None
    return [
        parse_text(frame[n], common[n])
        if common is not None and n in text
        else _parse_column(frame[n])
        for n in names
    ]
