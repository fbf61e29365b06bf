"""One configuration object: every ``edition_*`` setting declared once, registered from it, documented from it."""

from __future__ import annotations

import re

import pytest

from annotated_edition.core.configuration import EditionConfig, declared
from annotated_edition.core.environment import ATTRIBUTES
from conftest import REPO

PACKAGE = REPO / "extensions" / "annotated_edition"


def test_no_setting_is_registered_outside_the_declaration() -> None:
    elsewhere = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "configuration.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "add_config_value(" in line
    ]
    assert elsewhere == []


def test_every_setting_the_extension_reads_is_declared() -> None:
    """Every ``….edition_*`` attribute read is a declared setting or an environment attribute (core/environment.py)."""
    read = set()
    for path in PACKAGE.rglob("*.py"):
        read |= set(re.findall(r"\.(edition_[a-z_]+)\b", path.read_text(encoding="utf-8")))
    assert read - {"edition_registries"} - set(ATTRIBUTES) - set(declared()) == set()


def test_readme_lists_every_setting_with_its_line_of_docs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `(edition_\w+)` \| (.+) \|$", readme, re.MULTILINE))
    assert table == {name: doc for name, (_, _, doc) in declared().items()}


def test_defaults_are_fresh_for_every_build() -> None:
    first, second = EditionConfig(), EditionConfig()
    assert first.verdicts == second.verdicts and first.verdicts is not second.verdicts


@pytest.mark.parametrize(("setting", "value"), [("edition_data_page", 5), ("edition_corrections", ["a"])])
def test_every_setting_is_type_checked_at_its_line(build, setting: str, value) -> None:
    result = build("essay", **{setting: value})
    (line,) = [line for line in result.warning_lines() if "[edition.config]" in line]
    assert f"{setting} is {value!r}" in line and "the default is used instead" in line
