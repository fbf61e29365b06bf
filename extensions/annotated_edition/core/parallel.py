"""A parallel build that fails ends: the writers it forked are stopped when the build stops on an error.

Under ``-j`` Sphinx resolves each chunk of pages in the main process and forks a writer for it.  When
resolving a later chunk raises, the main process unwinds while earlier writers are still alive; at exit
Python joins them, and a writer whose result does not fit in its pipe waits for a reader that is gone:
the build prints the error and never exits.  On ``build-finished`` with an error, the writers this
process forked are terminated, so the error is the build's last word and its exit status is kept.
"""

from __future__ import annotations

import multiprocessing

from sphinx.application import Sphinx

from . import priorities


def stop_writers(app: Sphinx, error: Exception | None) -> None:
    if error is None:
        return
    for child in multiprocessing.active_children():  # only the children of this process
        child.terminate()
    for child in multiprocessing.active_children():
        child.join(timeout=5)


def setup_parallel(app: Sphinx) -> None:
    app.connect("build-finished", stop_writers, priority=priorities.STOP_WRITERS)
