"""Release snapshots: what each published release said, so that changes since are open to readers.

A snapshot (``releases/VERSION.json`` beside ``conf.py``) lists every note of the release: essay, number,
stable address, the anchors the note had on the published page, verdict and a fingerprint of its text.
The build reads them once (before documents are read), keeps old anchors alive (:mod:`..notes.addresses`) and
compares the latest release with the notes now (:mod:`.corrections`).
``python -m annotated_edition.verdicts.releases docs VERSION`` writes the snapshot of the edition as it stands.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.domain import get_domain
from ..core.messages import at, warn
from ..core.names import SLUG
from ..policy.characters import check_file_text


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


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def read_release(path: Path) -> Release:
    """A snapshot, checked: its addresses become anchors on the essay pages, so each must be a plain slug."""
    data = json.loads(check_file_text(path, path.read_text(encoding="utf-8")))
    notes = tuple(PublishedNote(**{**note, "anchors": tuple(note["anchors"])}) for note in data["notes"])
    for note in notes:
        for address in (note.id, *note.anchors):
            if not isinstance(address, str) or not SLUG.fullmatch(address):
                raise ValueError(f"{address!r} is not an address (letters, digits and hyphens)")
    return Release(data["version"], data["commit"], data["date"], notes)


def releases(env: BuildEnvironment) -> list[Release]:
    """The snapshots, oldest first."""
    return getattr(env, "edition_releases", [])


def load_releases(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    folder = Path(app.confdir, app.config.edition_releases)
    found: list[Release] = []
    for path in sorted(folder.glob("*.json")) if app.config.edition_releases else []:
        try:
            found.append(read_release(path))
        except (ValueError, KeyError, TypeError) as err:
            warn(
                "release",
                f"the release snapshot is not readable ({err}).",
                "snapshots are written by `python -m annotated_edition.verdicts.releases`; restore it from git.",
                at(path, 1),
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
