"""Says why Odoo could not install the addon, from the output of the install.

Usage: explain_install_failure.py LOG DATABASE EXIT_CODE ODOO_PYTHON
Prints the lines of Odoo's output that give the reason (errors, the final
exception, an abort message) and, when a dependency addon is missing, the pip
command that installs it.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) ")
EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Denied|Interrupt)\b[^:]*:")
MISSING = re.compile(r'depends on module "(?P<name>[^"]+)"')
MAX_LINES = 15


def relevant_lines(lines):
    """Error records, abort messages and each final exception with its message."""
    kept, in_exception = [], False
    for line in lines:
        record = RECORD.match(line)
        if record:
            in_exception = False
            keep = record["level"] in ("ERROR", "CRITICAL")
        else:
            # An exception's message goes on until a blank line or a log record.
            continued = in_exception and line.strip() and not line.startswith((" ", "Traceback"))
            in_exception = bool(EXCEPTION.match(line) or continued)
            keep = in_exception or "aborting" in line.lower()
        if keep:
            kept.append(line)
    return list(dict.fromkeys(kept))[:MAX_LINES]


def requirement_names():
    path = ROOT / "requirements-odoo.txt"
    if not path.exists():
        return set()
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line.split("#")[0])
        if match:
            names.add(match[1].lower().replace("_", "-"))
    return names


def missing_addon_help(text, odoo_python):
    names = list(dict.fromkeys(m["name"] for m in MISSING.finditer(text)))
    if not names:
        return []
    listed = requirement_names()
    help_lines = []
    for name in names:
        package = f"odoo-addon-{name}"
        if package.replace("_", "-") in listed:
            command = f"{odoo_python} -m pip install -r requirements-odoo.txt"
        else:
            command = f"{odoo_python} -m pip install {package}  (if it is published on PyPI)"
        help_lines.append(
            f"The addon depends on {name}, which this Odoo does not find. Install it for "
            f"the Python that runs Odoo:\n    {command}\nor add the directory that holds "
            f"{name} to ODOO_ADDONS_PATH."
        )
    return help_lines


def other_help(text):
    if "database user 'postgres'" in text:
        return [
            "Odoo refuses to work as the PostgreSQL superuser postgres: set PGUSER (and "
            "PGPASSWORD) to another role that may create databases."
        ]
    return []


def main():
    log, database, code, odoo_python = sys.argv[1:5]
    lines = Path(log).read_text(encoding="utf-8", errors="replace").splitlines()
    text = "\n".join(lines)
    shown = relevant_lines(lines) or lines[-MAX_LINES:]
    print(f"\nThe addon could not be installed in {database}: Odoo stopped with exit code {code}.")
    if shown:
        print("From Odoo's output:")
        print("\n".join(f"    {line}" for line in shown))
    for paragraph in missing_addon_help(text, odoo_python) + other_help(text):
        print(paragraph)
    print("The Odoo suite did not run.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
