#!/usr/bin/env python3
"""Print how many tests a pytest JUnit report skipped; under CI=true any skip is a failure (exit 1)."""

from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET


def main(report: str) -> int:
    skipped = [case for case in ET.parse(report).iter("testcase") if case.find("skipped") is not None]
    print(f"skipped tests: {len(skipped)}")
    for case in skipped:
        print(f"  {case.get('classname')}::{case.get('name')}: {case.find('skipped').get('message')}")
    return 1 if skipped and os.environ.get("CI", "").lower() == "true" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
