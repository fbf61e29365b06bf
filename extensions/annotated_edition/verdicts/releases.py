"""Release snapshots: what each published release said, so that changes since are open to readers.

A snapshot (``releases/VERSION.json`` beside ``conf.py``) lists every note of the release: essay, number,
stable address, the anchors the note had on the published page, verdict and a fingerprint of its text.
The build reads them once (before documents are read), keeps old anchors alive (:mod:`..notes.addresses`) and
compares the latest release with the notes now (:mod:`.corrections`).
``python -m annotated_edition.verdicts.releases docs VERSION`` writes the snapshot of the edition as it stands.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core import dates
from ..core.domain import get_domain
from ..core.messages import at, warn
from ..core.names import SLUG
from ..policy import data_files
from ..policy.ids import reserved


@dataclass(frozen=True)
class PublishedNote:
    essay: str
    number: int
    paragraph: int
    id: str
    anchors: tuple[str, ...]
    verdict: str
    quote: str
    fingerprint: str


@dataclass(frozen=True)
class Release:
    version: str
    commit: str
    date: str
    notes: tuple[PublishedNote, ...]

    def note(self, essay: str, number: int) -> PublishedNote | None:
        return next((n for n in self.notes if n.essay == essay and n.number == number), None)


RESTORE = "snapshots are written by `python -m annotated_edition.verdicts.releases`; restore it from git."
OLD_NUMBER = re.compile(r"note-\d+")  # the addresses of the first release: kept alive as anchors


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


NOTE_KEYS = {"essay": str, "number": int, "paragraph": int, "id": str, "anchors": list, "verdict": str,
             "quote": str, "fingerprint": str}  # fmt: skip
RELEASE_KEYS = {"version": str, "commit": str, "date": str, "notes": list}
MAX_NOTES = 10_000


class SnapshotError(ValueError):
    """A problem of a snapshot, with the line of the note (or key) it is in."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


def typed(table: object, keys: dict[str, type], what: str, line: int) -> dict:
    """*table* if it has exactly *keys*, each of its type (a bool is not a number)."""
    if not isinstance(table, dict):
        raise SnapshotError(f"{what} is not an object", line)
    if set(table) != set(keys):
        odd = sorted(set(table) ^ set(keys))[0]
        raise SnapshotError(f"{what} has the key {odd!r} {'missing' if odd in keys else 'unknown'}", line)
    for key, kind in keys.items():
        if type(table[key]) is not kind:
            raise SnapshotError(f"{what} has {key} = {table[key]!r}, not a {kind.__name__}", line)
    return table


def note_lines(text: str) -> list[int]:
    """The line each note of a snapshot starts on (its ``"essay"`` key), in order."""
    return [n for n, line in enumerate(text.split("\n"), 1) if line.lstrip().startswith('"essay"')]


def read_release(path: Path) -> Release:
    """A snapshot, checked strictly: types, one entry per note, addresses that are plain slugs outside the
    edition's own namespaces (they become HTML anchors on the essay pages)."""
    text = data_files.read_text(path)
    data = typed(data_files.load_json(path, text), RELEASE_KEYS, "the snapshot", 1)
    if not dates.ISO_DAY.fullmatch(data["date"]):
        raise SnapshotError(f"date = {data['date']!r} is not a date (YYYY-MM-DD)")
    if len(data["notes"]) > MAX_NOTES:
        raise SnapshotError(f"it lists {len(data['notes']):,} notes, more than {MAX_NOTES:,}")
    lines = note_lines(text)
    notes, seen, taken = [], set(), {}
    for index, entry in enumerate(data["notes"]):
        line = lines[index] if index < len(lines) else 1
        note = typed(entry, NOTE_KEYS, f"note {index + 1}", line)
        if note["number"] < 1 or note["paragraph"] < 1:
            raise SnapshotError(f"note {index + 1} has a number or paragraph below 1", line)
        if (note["essay"], note["number"]) in seen:
            raise SnapshotError(f"note {note['number']} of {note['essay']!r} is listed twice", line)
        seen.add((note["essay"], note["number"]))
        for address in (note["id"], *note["anchors"]):
            if not isinstance(address, str) or not SLUG.fullmatch(address):
                raise SnapshotError(f"{address!r} is not an address (letters, digits and hyphens)", line)
            if address != note["id"] and reserved(address) and not OLD_NUMBER.fullmatch(address):
                raise SnapshotError(f"the address {address!r} is one the edition makes itself", line)
            if taken.setdefault((note["essay"], address), note["number"]) != note["number"]:
                raise SnapshotError(f"the address {address!r} is given to two notes", line)
        notes.append(PublishedNote(**{**note, "anchors": tuple(note["anchors"])}))
    return Release(data["version"], data["commit"], data["date"], tuple(notes))


def recorded_checksum(app: Sphinx, path: Path, version: str) -> str | None:
    """Why the snapshot at *path* is not the one the maintainers recorded, or None when it is (or nothing is
    recorded: an edition that has not opted in)."""
    recorded = app.config.edition_release_checksums
    if not recorded:
        return None
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    if version not in recorded:
        return f"release {version} has no SHA-256 in edition_release_checksums (conf.py): a snapshot is added by a maintainer"
    if recorded[version].lower() != actual:
        return (
            f"its SHA-256 is {actual}, but conf.py records {recorded[version]} for release {version}: a published "
            "release is never edited"
        )
    return None


def releases(env: BuildEnvironment) -> list[Release]:
    """The snapshots, oldest first."""
    return getattr(env, "edition_releases", [])


def load_releases(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    folder = Path(app.confdir, app.config.edition_releases)
    found: list[Release] = []
    for path in sorted(folder.glob("*.json")) if app.config.edition_releases else []:
        try:
            release = read_release(path)
            mismatch = recorded_checksum(app, path, release.version)
            if mismatch:
                raise SnapshotError(mismatch)
            found.append(release)
        except data_files.DataFileError as err:
            warn("release", f"the release snapshot is not readable: {err.problem}", RESTORE, at(path, err.line))
        except SnapshotError as err:
            warn(
                "release",
                f"the release snapshot is not readable ({err}).",
                RESTORE,
                at(path, err.line),
            )
    env.edition_releases = sorted(found, key=lambda r: version_key(r.version))
    env.edition_release_files = [str(path) for path in sorted(folder.glob("*.json"))] if found else []


def legacy_anchors(env: BuildEnvironment, essay: str, note_id: str) -> list[str]:
    """Anchors earlier releases published for the note now at *note_id*, other than that id."""
    return sorted(
        {a for r in releases(env) for n in r.notes if n.essay == essay and n.id == note_id for a in n.anchors}
        - {note_id}
    )


def snapshot(sourcedir: Path, version: str, commit: str, date: str) -> dict:
    """The notes of the edition in *sourcedir*, as a release snapshot."""
    with tempfile.TemporaryDirectory() as out:
        app = Sphinx(str(sourcedir), str(sourcedir), out, f"{out}/doctrees", "dummy", status=None, freshenv=True)
        app.build()
        domain = get_domain(app.env)
        notes = [
            {
                "essay": docname,
                "number": note.number,
                "paragraph": note.paragraph,
                "id": note.id,
                "anchors": [note.id, *legacy_anchors(app.env, docname, note.id)],
                "verdict": note.verdict,
                "quote": note.quote,
                "fingerprint": note.fingerprint,
            }
            for docname in domain.essays()
            for note in domain.notes(docname)
        ]
    return {"version": version, "commit": commit, "date": date, "notes": notes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the snapshot of a release: its notes and verdicts.")
    parser.add_argument("sourcedir", type=Path)
    parser.add_argument("version")
    parser.add_argument("--commit", required=True, help="the commit the release was built from")
    parser.add_argument("--date", required=True, help="the release date, YYYY-MM-DD")
    args = parser.parse_args(argv)
    data = snapshot(args.sourcedir, args.version, args.commit, args.date)
    target = args.sourcedir / "releases" / f"{args.version}.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target} ({len(data['notes'])} notes)")
    return 0


def setup_releases(app: Sphinx) -> None:
    app.connect("env-before-read-docs", load_releases)


if __name__ == "__main__":
    sys.exit(main())
