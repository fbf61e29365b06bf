"""The edition's settings in ``conf.py``: declared with the types they must have, checked before use.

Sphinx only notes a setting of the wrong type and uses it anyway, so the extension would fail later
with a traceback.  Here a wrong type is reported at its line in ``conf.py`` and the default is used
instead.  :func:`conf_location` also gives the other checks of settings (the vocabularies) a line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from . import priorities
from .messages import EntryError, at, warn

#: name -> (default, accepted types), filled by :func:`add_setting`.
SETTINGS: dict[str, tuple[Any, tuple[type, ...]]] = {}


def add_setting(app: Sphinx, name: str, default: Any, *types: type) -> None:
    """Declare an ``edition_*`` setting (rebuilding the environment when it changes) and the types it accepts."""
    SETTINGS[name] = (default, types or (type(default),))
    app.add_config_value(name, default, "env", types or type(default))


def conf_location(confdir: str | Path, name: str, key: str = "") -> str:
    """``conf.py:LINE`` where *name* is set, or where *key* first appears after it; line 1 if it is not there
    (a value given on the command line, for instance)."""
    path = Path(confdir, "conf.py")
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    start = next((n for n, line in enumerate(lines) if re.match(rf"{re.escape(name)}\s*=", line)), None)
    if start is None:
        return at(path, 1)
    quoted = (f'"{key}"', f"'{key}'")
    found = next((n for n in range(start, len(lines)) if key and any(q in lines[n] for q in quoted)), start)
    return at(path, found + 1)


def check_types(app: Sphinx, config: Config) -> None:
    for name, (default, types) in SETTINGS.items():
        value = getattr(config, name)
        if not isinstance(value, types):
            expected = " or ".join(t.__name__ for t in types)
            error = EntryError(
                f"{name} is {value!r} (of type {type(value).__name__}), but must be of type {expected}; the default is used instead.",
                f"give {name} a value of type {expected} (see README.md), or remove it to use the default.",
            )
            warn("config", error.problem, error.fix, conf_location(app.confdir, name))
            setattr(config, name, default)


def setup_configuration(app: Sphinx) -> None:
    app.connect("config-inited", check_types, priority=priorities.CONFIG_TYPES)
