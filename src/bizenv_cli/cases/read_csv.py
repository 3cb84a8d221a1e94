"""A CSV case file, read lazily by polars from the file itself (never held as bytes):
UTF-8 with or without a BOM, else GB18030 (GBK is a subset: what Chinese Excel and WPS
save), transcoded a chunk at a time to a private temporary file. The header is the first
of the first rows that holds every column wanted, so title lines above it are skipped."""

from __future__ import annotations

import codecs
import csv
import io
import mmap
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from bizenv_cli.cases.csv_rows import broken_row, stray_above, undecodable

HEADER_SEARCH_ROWS = 20  # title rows above the header: looked for in the first 20 rows
SNIFF_BYTES = 64 * 1024
_CHUNK = 1024 * 1024


# files named .csv that are no CSV, as systems export them, by their first bytes
_NOT_CSV = {
    b"PK\x03\x04": "a zip file (an .xlsx workbook?): name it .xlsx, or save it as CSV UTF-8",
    b"PAR1": "a Parquet file: name it .parquet",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls): save it as .xlsx or as CSV UTF-8",
    b"\xff\xfe": "UTF-16 text (Excel's Unicode text): save it as CSV UTF-8",
    b"\xfe\xff": "UTF-16 text: save it as CSV UTF-8",
}
_PAGE = (b"<html", b"<!doc", b"<?xml", b"<tabl", b"<meta", b"<head")  # what an HTML export is


def sniff(path: Path) -> tuple[str, str]:
    """The start of the file as text, for finding the header, and its encoding."""
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:5]
    for magic, what in _NOT_CSV.items():
        if start.startswith(magic):
            raise ValueError(f"the file is {what}")
    if start.lower().startswith(_PAGE):
        raise ValueError("the file is a web page (an HTML table): save it as .xlsx or CSV UTF-8")
    if b"\r" in head and b"\n" not in head:  # polars would read the file as one header
        raise ValueError(
            "its lines end with a carriage return alone (CSV for old Macs): save the file "
            "as CSV UTF-8"
        )
    if len(head) == SNIFF_BYTES and b"\n" not in head:  # one line of megabytes: no export
        raise ValueError(
            f"no line ends in its first {SNIFF_BYTES // 1024} KB, where the header and any "
            "title rows must be: is this a CSV export?"
        )
    if head.startswith(codecs.BOM_UTF8):
        return head[3:].decode("utf-8", "ignore"), "UTF-8 with BOM"
    try:
        return head.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the sample
            return head[: exc.start].decode("utf-8"), "UTF-8"
        utf8_at = exc.start
    try:
        head.decode("gb18030")
    except UnicodeDecodeError as exc:  # UTF-8 further than GB18030: a broken UTF-8 file,
        if exc.start < min(utf8_at, len(head) - 3):  # named where it breaks (as it is read)
            return head[:utf8_at].decode("utf-8"), "UTF-8"
    return head.decode("gb18030", "ignore"), "GB18030"


LINE_WINDOW = 1024 * 1024  # a line longer than two of these is refused before it is read


def long_line(path: Path) -> int | None:
    """Where a line of more than ``2 * LINE_WINDOW`` bytes is (a window of the file with
    no line end), else None: polars would hold such a line, and every copy of it, whole
    (a 600 MB cell took 9 GB). The file is mapped, not read: each window's search stops
    at its first line end, so a page or two of it is touched (a few ms for 600 MB)."""
    with path.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size < LINE_WINDOW:
            return None
        with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            for offset in range(0, size - LINE_WINDOW + 1, LINE_WINDOW):
                if mapped.find(b"\n", offset, offset + LINE_WINDOW) < 0:
                    return offset
    return None


def cut_short(path: Path, how: str) -> int | None:
    """The cells of the file's last line when it has no line end (a file cut short, by a
    copy or a download stopped, ends so: polars would read its missing cells as empty,
    and an end time cut off would make a closed case an open one), else None."""
    with path.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        stream.seek(max(0, size - SNIFF_BYTES))
        tail = stream.read(SNIFF_BYTES)
    if not tail or tail.endswith((b"\n", b"\r")) or (size > SNIFF_BYTES and b"\n" not in tail):
        return None
    last = tail.rsplit(b"\n", 1)[-1].decode("gb18030" if how == "GB18030" else "utf-8", "replace")
    try:
        return len(next(csv.reader([last.removeprefix("\ufeff")])))
    except (csv.Error, StopIteration):  # a quote left open: polars names that row
        return None


def head_rows(text: str) -> list[list[str]]:
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text)):
            rows.append(row)
            if len(rows) >= HEADER_SEARCH_ROWS:
                break
    except csv.Error:  # a NUL or a quote cut by the sample's end: what was read so far
        pass
    return rows


def header_index(rows: list[list[str]], wanted: set[str]) -> int:
    """The first row holding every wanted name, else the first of the fullest rows."""
    for i, row in enumerate(rows):
        if wanted and wanted <= {cell.strip() for cell in row}:
            return i
    counts = [sum(1 for c in row if c.strip()) for row in rows]
    return counts.index(max(counts)) if counts else 0


def unique(header: list[str], row: int) -> None:
    seen: set[str] = set()
    for name in (c.strip() for c in header):
        if name and name in seen:
            raise ValueError(f"the header on row {row} names {name!r} twice")
        seen.add(name)


def transcode(path: Path, copy: Path) -> Path:
    """``path`` transcoded from GB18030 to UTF-8 into ``copy``, a chunk at a time."""
    decoder = codecs.getincrementaldecoder("gb18030")()
    done = 0
    with path.open("rb") as source, copy.open("wb") as target:
        if source.read(3) != codecs.BOM_UTF8:  # a UTF-8 BOM, then GB18030: not a header cell
            source.seek(0)
        done = source.tell()
        while True:
            chunk = source.read(_CHUNK)
            try:  # the last, empty chunk: a character cut by the end of the file
                target.write(decoder.decode(chunk, final=not chunk).encode("utf-8"))
            except UnicodeDecodeError as exc:
                raise undecodable(path, done + exc.start) from None
            if not chunk:
                return copy
            done += len(chunk)


CHUNK_ROWS = 500_000  # rows a batch: a CSV is parsed a batch at a time, never whole


class CsvFile:
    """A CSV case file whose header has been found and checked; ``batches`` reads the
    wanted columns a batch of rows at a time. A GB18030 file is transcoded first (an
    undecodable byte is found before any row is used); ``how`` says how it was decoded
    (it becomes "GB18030" if a file valid as UTF-8 at its start is not further on)."""

    def __init__(self, path: Path, wanted: set[str]) -> None:
        text, self.how = sniff(path)
        if (at := long_line(path)) is not None:
            raise ValueError(
                f"a line of more than {LINE_WINDOW // (1024 * 1024)} MB near byte {at:,}: no "
                "case's cells are that long (is a file or a picture pasted into a cell?)"
            )
        head = head_rows(text)
        self.path = path
        self.skip = header_index(head, wanted) if head else 0
        if (stray := stray_above(text, self.skip + 1)) is not None:
            raise stray
        blank = next((i for i, row in enumerate(head) if row), len(head))
        self._skip_rows = self.skip - min(blank, self.skip)  # polars skips blank lines first
        self.header = [c.strip() for c in head[self.skip]] if head else []
        unique(self.header, self.skip + 1)
        if (cells := cut_short(path, self.how)) is not None and cells < len(self.header):
            raise ValueError(
                f"its last line has {cells} cell(s), the header {len(self.header)}, and no line "
                "end: the file looks cut short (export it again)"
            )
        self.want = [n for n in self.header if n in wanted] if wanted else []
        self._folder: Path | None = None
        try:
            self._lazy = self._scan(self._utf8() if self.how == "GB18030" else path)
        except BaseException:  # the transcoded copy goes with the file that cannot be read
            self.close()
            raise

    @property
    def header_row(self) -> int:
        return self.skip + 1

    def _utf8(self) -> Path:
        self._folder = Path(tempfile.mkdtemp(prefix="bizenv-cases-"))
        try:
            return transcode(self.path, self._folder / "utf8.csv")
        except BaseException:
            self.close()
            raise

    def _scan(self, path: Path) -> pl.LazyFrame:
        """The wanted columns (every one when none is), named as the header (trimmed)."""
        lazy = pl.scan_csv(
            path, infer_schema=False, skip_rows=self._skip_rows, encoding="utf8", glob=False
        )
        names = lazy.collect_schema().names()  # an empty file is an error here
        stripped = {n: n.strip() for n in names}
        keep = [n for n in names if stripped[n] in self.want] if self.want else names
        if len(keep) < len(self.want):  # polars reads the header otherwise than csv
            raise ValueError(f"the header on row {self.header_row} cannot be read as CSV")
        return lazy.select([pl.col(n).alias(stripped[n]) for n in keep])

    def schema(self) -> dict[str, pl.DataType]:
        return dict(self._lazy.collect_schema())

    def close(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def batches(self, rows: int = CHUNK_ROWS) -> Iterator[pl.DataFrame]:
        done = 0
        try:
            try:
                for frame in self._lazy.collect_batches(chunk_size=rows):
                    done += frame.height
                    yield frame
            except pl.exceptions.ComputeError as exc:
                if "utf-8" not in str(exc).lower() or self.how == "GB18030":
                    raise
                self.how = "GB18030"  # valid UTF-8 at the start only: on from where it stopped
                for frame in self._scan(self._utf8()).slice(done).collect_batches(chunk_size=rows):
                    yield frame
        except pl.exceptions.ComputeError:
            encoding = "gb18030" if self.how == "GB18030" else "utf-8-sig"
            found = broken_row(self.path, self.skip, encoding)
            if found is None:
                raise
            raise found from None
        finally:
            self.close()
