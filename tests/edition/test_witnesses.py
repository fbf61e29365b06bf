"""The witnesses in sources/ are byte-exact copies, and the manifest accounts for every line."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest

from annotated_edition.witnesses.manifest import LineRange, ManifestError, load_manifest
from conftest import REPO

SOURCES = REPO / "sources"
SEEDS = REPO.parent / "shared" / "seeds"
MANIFEST = tomllib.loads((SOURCES / "manifest.toml").read_text(encoding="utf-8"))["witness"]


@pytest.mark.parametrize("wid", sorted(MANIFEST))
def test_checksum_matches_manifest(wid: str) -> None:
    data = (SOURCES / MANIFEST[wid]["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == MANIFEST[wid]["sha256"]


#: The SHA-256 of the two seed files the witnesses were copied from (shared/seeds/, read 2026-11-29).
SEED_SHA256 = {
    "4b2f9859541128b77246de57210ac316ea9898b244c96f5edbe1b7cd59b5a193",
    "0ebf4c1a35125f1ce7e9407797ab839e6205abcd482a6f17c2ea6bd5fa813edd",
}


def test_witnesses_are_the_seeds_byte_for_byte() -> None:
    """The manifest's checksums are the seeds' (recorded here, so the test runs on any clone), and where
    the seeds lie beside the checkout they still have those checksums."""
    assert {entry["sha256"] for entry in MANIFEST.values()} == SEED_SHA256
    if SEEDS.is_dir():
        assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")} == SEED_SHA256


def test_every_line_is_accounted_for() -> None:
    for witness in load_manifest(SOURCES / "manifest.toml").values():
        used = {p.line for p in witness.paragraphs}
        paratext = {n for p in witness.paratext for n in range(p.lines.first, p.lines.last + 1)}
        for number, line in enumerate(witness.lines, 1):
            assert number in used | paratext | {witness.title_line} or not line.strip(), (witness.id, number)


def test_paragraph_counts() -> None:
    witnesses = load_manifest(SOURCES / "manifest.toml")
    assert len(witnesses["edubirdie-2022"].paragraphs) == 13
    assert len(witnesses["ibdp-paper2"].paragraphs) == 25


def test_edited_witness_is_refused(tmp_path: Path) -> None:
    for path in SOURCES.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    target = tmp_path / MANIFEST["ibdp-paper2"]["file"]
    target.write_bytes(target.read_bytes().replace(b"1950", b"1951", 1))
    with pytest.raises(ManifestError, match="restore it with `git checkout"):
        load_manifest(tmp_path / "manifest.toml")


@pytest.mark.parametrize("text", ["", "0", "5-3", "x"])
def test_bad_line_ranges(text: str) -> None:
    with pytest.raises(ManifestError):
        LineRange.parse(text)
