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

from ..policy.confinement import refusal
from ..policy.data_files import clean_strings
from .lines import ManifestLines

PARAGRAPH_MODES = ("blank-line", "line")
MAX_WITNESSES = 100
KEYS = ("file", "title", "sha256", "paragraphs", "title_line", "provenance", "paratext", "verse")


class ManifestError(ValueError):
    """A manifest or witness problem, worded for the editor who must fix it; *line* is its line in the manifest."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


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
    line: int | None = None  # of its table in the manifest


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
    verse: bool = False  # its paragraphs are stanzas: their lines are shown as lines

    def paratext_at(self, lines: LineRange) -> Paratext | None:
        return next((p for p in self.paratext if p.lines == lines), None)


@dataclass(frozen=True)
class Manifest:
    """What a build knows of its witnesses: those that loaded, each problem found, and the witnesses refused."""

    witnesses: dict[str, Witness]
    problems: tuple[ManifestError, ...] = ()
    rejected: frozenset[str] = frozenset()  # named in the manifest, refused for a problem reported above
    readable: bool = True  # False when the manifest itself could not be read: no witness id is known


def read_text(path: Path) -> str:
    """The manifest's text; a missing or unreadable file, or one not in UTF-8, is a :class:`ManifestError`."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ManifestError("witness manifest not found; set `edition_manifest` in conf.py to its path") from None
    except OSError as err:
        raise ManifestError(f"witness manifest cannot be read ({err.strerror})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ManifestError(
            f"the manifest is not UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8", line_of(raw, err)
        ) from None


def line_of(raw: bytes, err: UnicodeDecodeError) -> int:
    return raw[: err.start].count(b"\n") + 1


def parse_manifest(text: str, path: Path, root: Path) -> Manifest:
    """Check the manifest and read every witness it names.  A problem refuses only the witness it is in, so
    one mistake gives one message, not one for every document that uses a witness: a table given twice
    (which TOML refuses for the whole file) is left out with its witness, and the rest is read."""
    where = ManifestLines(text)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        return Manifest({}, (ManifestError("arrays nest too deeply to read; restore the file from git"),), readable=False)
    except tomllib.TOMLDecodeError as err:
        line = re.search(r"at line (\d+)", str(err))
        problem = ManifestError(f"not valid TOML ({err}); fix the syntax", int(line[1]) if line else None)
        wid = witness_at(where, problem.line)
        if wid is None:
            return Manifest({}, (problem,), readable=False)
        without = parse_manifest(blank_witness(where, wid), path, root)
        if not without.readable:
            return Manifest({}, (problem,), readable=False)
        return Manifest(without.witnesses, (problem, *without.problems), without.rejected | {wid})
    data = clean_strings(path, text, data)  # an escape such as \u202e or \u0001 decodes after the text was checked
    tables = data.get("witness")
    if not isinstance(tables, dict) or not tables:
        return Manifest({}, (ManifestError("no [witness.ID] tables; add one table per witness"),), readable=False)
    if len(tables) > MAX_WITNESSES:
        problem = ManifestError(f"names {len(tables):,} witnesses, more than the {MAX_WITNESSES} an edition may have")
        return Manifest({}, (problem,), readable=False)
    loaded: dict[str, Witness] = {}
    problems: list[ManifestError] = []
    for wid, table in tables.items():
        reader = WitnessReader(path.parent, root, wid, table, where)
        witness = reader.read()
        problems += reader.problems
        if witness is not None:
            loaded[wid] = witness
    return Manifest(loaded, tuple(problems), frozenset(tables) - set(loaded))


def witness_at(where: ManifestLines, line: int | None) -> str | None:
    """The id of the ``[witness.ID…]`` section that *line* is in, if it is in one."""
    if line is None:
        return None
    starts = sorted((n, path) for path, numbers in where.headers.items() for n in numbers if n <= line)
    if not starts:
        return None
    path = starts[-1][1]
    return path[1] if len(path) >= 2 and path[0] == "witness" else None


def blank_witness(where: ManifestLines, wid: str) -> str:
    """The manifest's text with every section of witness *wid* blanked (its lines kept, empty, so lines stay)."""
    lines = list(where.lines)
    starts = sorted(n for path, numbers in where.headers.items() for n in numbers)
    for path, numbers in where.headers.items():
        if path[:2] == ("witness", wid):
            for start in numbers:
                end = next((n for n in starts if n > start), len(lines) + 1)
                lines[start - 1 : end - 1] = [""] * (end - start)
    return "\n".join(lines)


def load_manifest(path: Path) -> dict[str, Witness]:
    """Read the manifest strictly, for tools and tests: its first problem is raised."""
    manifest = parse_manifest(read_text(path), path, path.parent.resolve())
    if manifest.problems:
        raise manifest.problems[0]
    return manifest.witnesses


class WitnessReader:
    """Checks one ``[witness.ID]`` table and reads its file, collecting every problem with its manifest line."""

    def __init__(self, folder: Path, root: Path, wid: str, table: object, where: ManifestLines) -> None:
        self.folder, self.root, self.wid, self.table, self.where = folder, root, wid, table, where
        self.line = where.table("witness", wid)
        self.problems: list[ManifestError] = []

    def problem(self, message: str, line: int | None) -> None:
        self.problems.append(ManifestError(f"[witness.{self.wid}] {message}", line or self.line))

    def texts(self, *keys: str) -> list[str | None]:
        """The values of required string keys; the keys missing are one problem, each value of another type one."""
        missing = [key for key in keys if key not in self.table]
        if missing:
            self.problem(f"lacks {', '.join(f'`{key}`' for key in missing)}; add each as a string", None)
        for key in keys:
            value = self.table.get(key)
            if key not in missing and (not isinstance(value, str) or not value.strip()):
                self.problem(f"has {key} = {value!r}; write it as a string, in quotes", self.where.key(self.line, key))
        return [value if isinstance(value := self.table.get(key), str) and value.strip() else None for key in keys]

    def read(self) -> Witness | None:
        if not isinstance(self.table, dict):
            self.problem("is not a table; write it as [witness.ID] with keys below it", None)
            return None
        for key in sorted(self.table.keys() - set(KEYS)):
            self.problem(f"has the unknown key `{key}`; the keys are {', '.join(KEYS)}", self.where.key(self.line, key))
        file, expected, title, provenance = self.texts("file", "sha256", "title", "provenance")
        mode = self.table.get("paragraphs", "blank-line")
        if mode not in PARAGRAPH_MODES:
            self.problem(
                f"paragraphs = {mode!r}; use one of {', '.join(PARAGRAPH_MODES)}",
                self.where.key(self.line, "paragraphs"),
            )
        verse = self.table.get("verse", False)
        if type(verse) is not bool:
            self.problem(f"verse = {verse!r}; write true or false", self.where.key(self.line, "verse"))
        title_line = self.table.get("title_line")
        if title_line is not None and (type(title_line) is not int or title_line < 1):
            self.problem(f"title_line = {title_line!r} is not a line number", self.where.key(self.line, "title_line"))
        entries = self.table.get("paratext", [])
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            self.problem(
                f"paratext = {entries!r}; write each range as a [[witness.{self.wid}.paratext]] table with `lines` and `kind`",
                self.where.key(self.line, "paratext"),
            )
        lines = None if self.problems else self.witness_lines(file, expected)
        if lines is None:
            return None
        paratext = tuple(p for p in (self.paratext(index, entry, lines) for index, entry in enumerate(entries)) if p)
        self.check_disjoint(paratext, title_line, len(lines))
        if self.problems:
            return None
        skipped = {n for p in paratext for n in range(p.lines.first, p.lines.last + 1)} | {title_line}
        return Witness(
            id=self.wid,
            path=self.folder / file,
            title=title,
            provenance=provenance,
            sha256=expected.lower(),
            title_line=title_line,
            lines=lines,
            paratext=paratext,
            paragraphs=_paragraphs(lines, skipped, mode),
            verse=verse is True,
        )

    def witness_lines(self, file: str, expected: str) -> tuple[str, ...] | None:
        """The witness's lines, if the file is one of the project's, unchanged, and in UTF-8."""
        path, line = self.folder / file, self.where.key(self.line, "file")
        refused = refusal(path, self.root)
        if refused or not path.is_file():
            reason = (
                refused or f"file {file!r} {'is not a file' if path.exists() else 'does not exist'} in {self.folder}"
            )
            self.problem(f"{reason}; name a witness file in {self.folder.name}/", line)
            return None
        raw = path.read_bytes()
        actual = hashlib.sha256(raw).hexdigest()
        if actual != expected.lower():  # reported, and the rest of its table still checked: every problem in one run
            shown = path.resolve().relative_to(self.root).as_posix()
            self.problem(
                f"witness {shown} has SHA-256 {actual}, manifest says {expected}: the witness was changed. "
                f"Witnesses are never edited; restore it with `git checkout -- {shown}` (in {self.root.name}/), or, "
                f"if this file is the witness, record its checksum (`python -m annotated_edition.cli.witness {shown}`)",
                self.where.key(self.line, "sha256"),
            )
        try:
            return tuple(raw.decode("utf-8").split("\n"))
        except UnicodeDecodeError as err:
            self.problem(
                f"witness {path.name} is not UTF-8 (byte 0x{raw[err.start]:02x} on its line {line_of(raw, err)}); "
                "witnesses are kept in UTF-8: convert the file and record its new SHA-256",
                line,
            )
            return None

    def paratext(self, index: int, entry: dict, lines: tuple[str, ...]) -> Paratext | None:
        header = self.where.table("witness", self.wid, "paratext", occurrence=index) or self.where.key(
            self.line, "paratext"
        )
        try:
            rng = LineRange.parse(str(entry.get("lines", "")))
        except ManifestError as err:
            self.problem(f"paratext: {err}", self.where.key(header, "lines"))
            return None
        if rng.last > len(lines):
            self.problem(
                f"paratext lines {rng} run past the witness's {len(lines)} lines", self.where.key(header, "lines")
            )
            return None
        kind = entry.get("kind")
        if not isinstance(kind, str) or not kind.strip():
            self.problem(f"paratext lines {rng} lack `kind`; add it as a string", self.where.key(header, "kind"))
            return None
        return Paratext(rng, kind, "\n".join(lines[rng.first - 1 : rng.last]), header)

    def check_disjoint(self, paratext: tuple[Paratext, ...], title_line: int | None, count: int) -> None:
        taken: dict[int, str] = {}
        if title_line is not None:
            if title_line > count:
                self.problem(
                    f"title_line = {title_line!r} is not a line of the witness", self.where.key(self.line, "title_line")
                )
            taken[title_line] = "title_line"
        for p in paratext:
            overlap = next((n for n in range(p.lines.first, p.lines.last + 1) if n in taken), None)
            if overlap is not None:
                self.problem(
                    f"line {overlap} is in paratext {p.lines} and in {taken[overlap]}; ranges must not overlap", p.line
                )
            taken.update((n, f"paratext {p.lines}") for n in range(p.lines.first, p.lines.last + 1))


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
