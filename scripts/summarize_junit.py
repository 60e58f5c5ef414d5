"""Prints the closing line of the test command from the JUnit reports."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def count(report_dir):
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for report in sorted(Path(report_dir).glob("*.xml")):
        root = ET.parse(report).getroot()
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        for suite in suites:
            for key in totals:
                totals[key] += int(suite.get(key, 0))
    return totals


def main():
    report_dir, odoo_ran = sys.argv[1], sys.argv[2]
    totals = count(report_dir)
    failed = totals["failures"] + totals["errors"]
    passed = totals["tests"] - failed - totals["skipped"]
    # odoo_ran is "yes" or the reason why the suite did not run.
    suite = "ran" if odoo_ran == "yes" else f"did not run ({odoo_ran})"
    print(f"\nOdoo suite {suite}; {totals['tests']} tests in all.")
    print(f"summary: {passed} passed, {failed} failed, {totals['skipped']} skipped")
    return 1 if failed or not totals["tests"] else 0


if __name__ == "__main__":
    sys.exit(main())
