"""Tests that need TeX or Chromium skip on a laptop without them, but fail under CI=true."""

from __future__ import annotations

import pytest

from conftest import require_module, require_tools


def test_missing_tool_skips_on_a_laptop(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-tool"):
        require_tools("no-such-tool")


def test_missing_tool_fails_under_ci(monkeypatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true but needs no-such-tool"):
        require_tools("no-such-tool")
    with pytest.raises(pytest.fail.Exception, match="no_such_package"):
        require_module("no_such_package")


def test_present_tool_passes(monkeypatch) -> None:
    monkeypatch.setenv("CI", "true")
    require_tools("python3")
    assert require_module("json").dumps([]) == "[]"
