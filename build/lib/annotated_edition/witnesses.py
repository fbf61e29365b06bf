"""The witness manifest: which source file each essay reproduces, and what in it is not essay text.

A witness is read once per build; every line of it must be accounted for as the essay's title, an
essay paragraph, a blank line, or a recorded range of paratext (advertising, site furniture, a heading
note).  Keeping this in data rather than in the MyST documents means the essay documents can never
quietly drop a line of the source.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

PARAGRAPH_MODES = ("blank-line", "line")


class ManifestError(ValueError):
    """A manifest or witness problem, worded for the editor who must fix it."""


@dataclass(frozen=True)
class LineRange:
    """An inclusive range of 1-based witness lines, written "3" or "19-24" in the manifest."""

    first: int
    last: int

    @classmethod
    def parse(cls, text: str) -> LineRange:
        match = re.fullmatch(r"\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?", text)
        if not match:
            raise ManifestError(f"{text!r} is not a line range; write a line number or FIRST-LAST, e.g. '19-24'")
        first = int(match[1])
        last = int(match[2] or first)
        if first < 1 or last < first:
            raise ManifestError(f"line range {text!r} is empty or starts before line 1")
        return cls(first, last)

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"

    def __contains__(self, line: int) -> bool:
        return self.first <= line <= self.last


@dataclass(frozen=True)
class Paratext:
    lines: LineRange
    kind: str
    text: str


@dataclass(frozen=True)
class WitnessParagraph:
    number: int
    line: int
    text: str


@dataclass(frozen=True)
class Witness:
    id: str
    path: Path
    title: str
    provenance: str
    sha256: str
    title_line: int | None
    lines: tuple[str, ...]
    paratext: tuple[Paratext, ...]
    paragraphs: tuple[WitnessParagraph, ...] = field(default=())

    def paratext_at(self, lines: LineRange) -> Paratext | None:
        return next((p for p in self.paratext if p.lines == lines), None)


def load_manifest(path: Path) -> dict[str, Witness]:
    """Read and check the manifest and every witness it names."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError("witness manifest not found; set `edition_manifest` in conf.py to its path") from None
    except tomllib.TOMLDecodeError as err:
        raise ManifestError(f"not valid TOML ({err}); fix the syntax") from None
    tables = data.get("witness")
    if not isinstance(tables, dict) or not tables:
        raise ManifestError("no [witness.ID] tables; add one table per witness")
    return {wid: _load_witness(path.parent, wid, table) for wid, table in tables.items()}


def _require(wid: str, table: dict, key: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ManifestError(f"[witness.{wid}] lacks `{key}`; add it as a string")
    return value


def _load_witness(root: Path, wid: str, table: dict) -> Witness:
    file = root / _require(wid, table, "file")
    expected = _require(wid, table, "sha256").lower()
    mode = table.get("paragraphs", "blank-line")
    if mode not in PARAGRAPH_MODES:
        raise ManifestError(f"[witness.{wid}] paragraphs = {mode!r}; use one of {', '.join(PARAGRAPH_MODES)}")
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ManifestError(f"[witness.{wid}] file {file.name!r} does not exist in {root}") from None
    actual = hashlib.sha256(raw).hexdigest()
    if actual != expected:
        raise ManifestError(
            f"witness {file.name} has SHA-256 {actual}, manifest says {expected}: the witness was changed. "
            f"Witnesses are never edited; restore it with `git checkout -- {file.name}`"
        )
    lines = tuple(raw.decode("utf-8").split("\n"))
    title_line = table.get("title_line")
    paratext = tuple(_paratext(wid, entry, lines) for entry in table.get("paratext", []))
    _check_disjoint(wid, paratext, title_line, len(lines))
    skipped = {n for p in paratext for n in range(p.lines.first, p.lines.last + 1)}
    if title_line:
        skipped.add(title_line)
    return Witness(
        id=wid,
        path=file,
        title=_require(wid, table, "title"),
        provenance=_require(wid, table, "provenance"),
        sha256=actual,
        title_line=title_line,
        lines=lines,
        paratext=paratext,
        paragraphs=_paragraphs(lines, skipped, mode),
    )


def _paratext(wid: str, entry: dict, lines: tuple[str, ...]) -> Paratext:
    rng = LineRange.parse(str(entry.get("lines", "")))
    if rng.last > len(lines):
        raise ManifestError(f"[witness.{wid}] paratext lines {rng} run past the witness's {len(lines)} lines")
    kind = _require(f"{wid}.paratext", entry, "kind")
    return Paratext(rng, kind, "\n".join(lines[rng.first - 1 : rng.last]))


def _check_disjoint(wid: str, paratext: tuple[Paratext, ...], title_line: int | None, count: int) -> None:
    taken: dict[int, str] = {}
    if title_line is not None:
        if not isinstance(title_line, int) or not 1 <= title_line <= count:
            raise ManifestError(f"[witness.{wid}] title_line = {title_line!r} is not a line of the witness")
        taken[title_line] = "title_line"
    for p in paratext:
        for n in range(p.lines.first, p.lines.last + 1):
            if n in taken:
                raise ManifestError(
                    f"[witness.{wid}] line {n} is in paratext {p.lines} and in {taken[n]}; ranges must not overlap"
                )
            taken[n] = f"paratext {p.lines}"


def _paragraphs(lines: tuple[str, ...], skipped: set[int], mode: str) -> tuple[WitnessParagraph, ...]:
    """Split the witness, minus title and paratext, into paragraphs of whitespace-normalised text."""
    found: list[WitnessParagraph] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, 1):
        is_text = number not in skipped and bool(line.strip())
        if is_text:
            start = start if current else number
            current.append(line)
        if current and (not is_text or mode == "line"):
            found.append(WitnessParagraph(len(found) + 1, start, normalise(" ".join(current))))
            current = []
    if current:
        found.append(WitnessParagraph(len(found) + 1, start, normalise(" ".join(current))))
    return tuple(found)


def normalise(text: str) -> str:
    """Collapse runs of whitespace: the only normalisation the fidelity check allows."""
    return " ".join(text.split())
