"""The adopters' guide (docs/extension/): it builds, and it documents every setting, directive, role and option."""

from __future__ import annotations

import re
import subprocess
import sys

from docutils.parsers.rst import directives as docutils_directives

from annotated_edition.core.configuration import declared
from conftest import REPO

GUIDE = REPO / "docs/extension"  # the extension's guide, not this edition's pages
PACKAGE = REPO / "extensions" / "annotated_edition"
OVERRIDDEN = {"include", "literalinclude"}  # Sphinx's own, confined by the content policy


def test_the_guide_builds_with_warnings_as_errors(tmp_path) -> None:
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html"]
    result = subprocess.run([*command, str(GUIDE), str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_settings_page_lists_every_setting_with_its_line_of_docs() -> None:
    page = (GUIDE / "settings.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `(edition_\w+)` \| (.+) \|$", page, re.MULTILINE))
    assert table == {name: doc for name, (_, _, doc) in declared().items()}


def registered_directives() -> set[str]:
    names = set()
    for path in PACKAGE.rglob("*.py"):
        names |= set(re.findall(r'add_directive\("([\w-]+)"', path.read_text(encoding="utf-8")))
    return names - OVERRIDDEN


def test_every_directive_and_its_options_are_documented(build) -> None:
    build("essay")  # registers the extension's directives with docutils
    page = (GUIDE / "directives.md").read_text(encoding="utf-8")
    names = registered_directives() | {"event", "person"}  # the registries' directives
    for name in sorted(names):
        assert f"`{{{name}}}" in page, name
        directive = docutils_directives._directives.get(name)
        for option in getattr(directive, "option_spec", None) or {}:
            assert f"`:{option}:`" in page, (name, option)


def test_the_registries_roles_are_documented() -> None:
    page = (GUIDE / "directives.md").read_text(encoding="utf-8")
    assert "{event}`id`" in page and "{person}`id`" in page
