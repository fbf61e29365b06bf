"""Which directives and roles the editors' files may use: an allow-list, checked where each name is looked up.

Docutils looks up every directive and role by name, for MyST, inside ``{eval-rst}`` and in
reStructuredText documents alike; while a document is parsed (:mod:`.parsers` switches it on) a name
that is not allowed gets a stand-in that reports it where it is written and drops its content.

The defaults (``edition_allowed_directives``, ``edition_allowed_roles``) are what the edition's pages
need: its own directives and roles, citations, cross-references, admonitions, tables and figures.
Every registry's directive and role are allowed by its declaration (:mod:`..core.registry`).
Left out on purpose, among others: ``raw`` and ``meta`` (script, redirects), ``include``,
``literalinclude``, ``csv-table`` and ``download`` (they read files; ``csv-table`` even URLs),
``eval-rst`` (all of reStructuredText), ``role`` and ``default-role`` (they make new roles, raw ones
too) and ``math`` (its TeX reaches the PDF as written).  A maintainers' page that truly needs one says
so in ``edition_policy_exceptions`` in conf.py, ``{"how-to-annotate": ["include"]}``, where every
reviewer sees it.  What such a page reads through ``include``, ``literalinclude``, a download or an image
is still confined to the project (:mod:`.rules`, :mod:`.confinement`); ``csv-table`` and ``raw`` read
files and URLs of their own, so allow them nowhere that editors write.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase
from types import ModuleType
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.utils import Reporter
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from ..core.compat import CustomReSTDispatcher
from ..core.messages import EntryError, warn
from ..core.registry import registries


def allowed(env: BuildEnvironment, names: Iterable[str]) -> list[str]:
    """*names* (patterns such as ``cite:*``) plus what ``edition_policy_exceptions`` allows the current document."""
    return [*names, *env.config.edition_policy_exceptions.get(env.docname, [])]


def permitted(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatchcase(name.lower(), pattern.lower()) for pattern in patterns)


def refusal(kind: str, name: str) -> EntryError:
    return EntryError(
        f"the {kind} {name!r} is not on the edition's allow-list: it could read files, run script or change the "
        "page outside the edition's markup.",
        f"write the text with the edition's own directives and plain MyST (CONTRIBUTING.md, “What the build "
        f"refuses”); a maintainers' page that needs the {kind} allows it in edition_policy_exceptions in conf.py.",
    )


class RefusedDirective(SphinxDirective):
    """Stands in for a directive that is not allowed: takes any argument, options and content, reports, returns nothing."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = None

    def run(self) -> list[nodes.Node]:
        error = refusal("directive", self.name)
        warn("policy", error.problem, error.fix, self.get_location())
        return []


def refused_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
):
    """Stands in for a role that is not allowed: reports it, and keeps its text as plain text."""
    error = refusal("role", name)
    warn("policy", error.problem, error.fix, (inliner.document.settings.env.docname, lineno))
    return [nodes.Text(text)], []


MAX_CITED = 40  # works one citation may name; sphinxcontrib-bibtex reads the list recursively, a key a level


def bounded_citation(role: Any) -> Any:
    """A citation role that keeps the first ``MAX_CITED`` keys of a longer list, saying so (1,500 keys exhaust
    Python's stack)."""

    def run(name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None):
        if text.count(",") >= MAX_CITED:
            warn(
                "citation",
                f"the citation names {text.count(',') + 1:,} works; one citation may name at most {MAX_CITED}.",
                "cite the works a sentence relies on, in one or a few citations (the first are kept meanwhile).",
                (inliner.document.settings.env.docname, lineno),
            )
            text = ",".join(text.split(",")[:MAX_CITED])
        return role(name, rawtext, text, lineno, inliner, options or {}, content or [])

    return run


class AllowList(CustomReSTDispatcher):
    """While a document is parsed, hands out stand-ins for the directives and roles it may not use."""

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__()
        declared = [registry.names for registry in registries(env).values()]
        self.directives = allowed(env, [*env.config.edition_allowed_directives, *(d for d, _ in declared)])
        self.roles = allowed(env, [*env.config.edition_allowed_roles, *(r for _, r in declared)])

    def directive(
        self, directive_name: str, language_module: ModuleType, document: nodes.document
    ) -> tuple[type[Directive] | None, list[nodes.system_message]]:
        found, messages = super().directive(directive_name, language_module, document)
        if found is None or permitted(directive_name, self.directives):
            return found, messages
        return RefusedDirective, messages

    def role(self, role_name: str, language_module: ModuleType, lineno: int, reporter: Reporter):
        found, messages = super().role(role_name, language_module, lineno, reporter)
        if found is not None and role_name.lower().startswith("cite") and permitted(role_name, self.roles):
            return bounded_citation(found), messages
        if found is None or not role_name or permitted(role_name, self.roles):  # "": the configured default role
            return found, messages
        return refused_role, messages
