"""The files that run the edition elsewhere (GitHub Actions, Read the Docs, pre-commit) are valid and agree
with the Makefile, since they cannot be run here."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import yaml

from conftest import REPO

SUPPORTED_PYTHONS = ["3.11", "3.12", "3.13"]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))


def workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job["steps"]]


def test_workflows_parse_and_run_on_pull_requests_and_main() -> None:
    assert WORKFLOWS
    for path in WORKFLOWS:
        data = workflow(path)
        if path.name == "ci.yml":
            assert "pull_request" in data["on"] and data["on"]["push"]["branches"] == ["main"], path.name
        else:
            assert "schedule" in data["on"] or "workflow_dispatch" in data["on"], path.name
        for name, job in data["jobs"].items():
            assert job["runs-on"] and job["steps"], name
            assert job.get("timeout-minutes", 360) <= 20, f"{name}: CI must stay under 20 minutes"


def test_every_command_in_a_workflow_exists() -> None:
    targets = make_targets()
    for path in WORKFLOWS:
        for step in steps(workflow(path)):
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]  # pinned to a major version
                continue
            for line in step["run"].splitlines():
                words = shlex.split(line)
                if words and words[0] == "make":
                    assert set(words[1:]) <= targets, f"{path.name}: `{line}` names a target the Makefile lacks"
                elif words and "/" in words[0]:  # a script of the repository, such as .ci/run
                    script = REPO / words[0]
                    assert script.is_file() and script.stat().st_mode & 0o111, f"{words[0]} is not an executable script"


def test_ci_workflow_tests_builds_and_uploads_both_editions() -> None:
    data = workflow(REPO / ".github" / "workflows" / "ci.yml")
    runs = " ".join(step.get("run", "") for step in steps(data))
    for command in ("make check", ".ci/run", "make html", "make pdf", "make epub"):
        assert command in runs, command
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    uploads = [
        step["with"]["path"] for step in steps(data) if step.get("uses", "").startswith("actions/upload-artifact")
    ]
    assert uploads == ["_build/html", "_build/pdf/*.pdf", "_build/epub/*.epub"]
    assert data["jobs"]["build"]["env"]["CI"] == "true"  # a missing TeX or Chromium fails, never skips
    pythons = [entry["python"] for entry in data["jobs"]["build"]["strategy"]["matrix"]["include"]]
    assert pythons == SUPPORTED_PYTHONS
    caches = [s for s in steps(data) if s.get("uses", "").startswith(("actions/cache", "actions/setup-python"))]
    assert any(s["with"].get("cache") == "pip" or "pip" in s["with"].get("path", "") for s in caches)


def test_read_the_docs_builds_html_pdf_and_epub_strictly() -> None:
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert (REPO / config["sphinx"]["configuration"]).is_file()
    assert config["sphinx"]["fail_on_warning"] is True
    assert set(config["formats"]) >= {"pdf", "epub"}
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    python = config["build"]["tools"]["python"]
    assert project["requires-python"] == f">={python}"
    assert config["python"]["install"] == [
        {"requirements": f"requirements/py{python}.txt"},
        {"method": "pip", "path": ".", "extra_requirements": ["edition"]},
    ]
    assert any(".doctrees" in command for command in config["build"]["jobs"]["post_build"])


def test_a_lock_file_per_supported_python() -> None:
    """make installs from requirements/py3.X.txt; each pins every package, the extension's own
    dependencies within pyproject's ranges; a scheduled workflow refreshes them with `make lock`."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    names = {
        re.split(r"[<>=!\[ ]", dep)[0].lower().replace("_", "-")
        for dep in project["dependencies"] + project["optional-dependencies"]["edition"] + project["optional-dependencies"]["test"]
    }
    for version in SUPPORTED_PYTHONS:
        lines = [
            line
            for line in (REPO / "requirements" / f"py{version}.txt").read_text().splitlines()
            if line and not line.startswith("#")
        ]
        pins = dict(line.split("==") for line in lines)
        assert all(re.fullmatch(r"[\w.]+", v) for v in pins.values()), version
        pinned = {name.lower().replace("_", "-") for name in pins}
        assert names <= pinned, names - pinned
    assert "--constraint $(LOCK)" in (REPO / "Makefile").read_text(encoding="utf-8")
    lock = workflow(REPO / ".github" / "workflows" / "lock.yml")
    assert "schedule" in lock["on"] and "make lock" in " ".join(s.get("run", "") for s in steps(lock))


def test_pre_commit_leaves_witnesses_and_paragraphs_alone() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert re.match(config["exclude"], "sources/manifest.toml")
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    ids = {hook["id"] for hook in hooks}
    assert {"ruff", "trailing-whitespace", "end-of-file-fixer"} <= ids
    assert not ids & {"mdformat", "prettier", "markdownlint-fix"}, "no hook may reflow the essays' Markdown"
    for hook in hooks:
        if hook["id"] in {"trailing-whitespace", "end-of-file-fixer", "mixed-line-ending"}:
            assert re.match(hook["exclude"], "sources/witness.txt"), hook["id"]
    for repo in config["repos"]:
        assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"]), repo["repo"]


def test_pull_request_template_has_the_checklist() -> None:
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 5 and "make check" in template and "unverified" in template


def test_readme_documents_the_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for target in ("html", "test", "pdf", "epub", "check", "clean"):
        assert f"make {target}" in readme and target in make_targets(), target
    assert "apt-get install" in readme and "texlive-xetex" in readme


def test_every_environment_attribute_is_declared() -> None:
    """The extension's attributes on Sphinx's environment are listed, with what they hold, in state.py."""
    from annotated_edition.core.environment import ATTRIBUTES

    used: set[str] = set()
    for path in (REPO / "extensions" / "annotated_edition").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"env\.(edition_\w+)", text))
        used |= set(re.findall(r"getattr\([\w.]*env, \"(edition_\w+)\"", text))
    assert used and used <= set(ATTRIBUTES), sorted(used - set(ATTRIBUTES))
