#!/usr/bin/env bash
# The project's virtualenv (.venv): it sees the packages of the python3 that
# creates it, so that an Odoo 18 installed for python3 is importable from it.
# Installs the test tools and, when Odoo 18 is importable there, the Odoo
# addons of requirements-odoo.txt; says which, or why not.
set -euo pipefail
source "$(dirname "$0")/odoo-env.sh"
cd "$ROOT"

VENV_PYTHON="$ROOT/.venv/bin/python"
pip_install() { "$VENV_PYTHON" -m pip install -q --disable-pip-version-check "$@"; }

# "name version" for each requirement of requirements-odoo.txt, "-" when absent.
odoo_requirement_versions() {
    "$VENV_PYTHON" - requirements-odoo.txt <<'PY'
import re
import sys
from importlib import metadata

for line in open(sys.argv[1], encoding="utf-8"):
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line.split("#")[0])
    if name:
        try:
            version = metadata.version(name[1])
        except metadata.PackageNotFoundError:
            version = "-"
        print(name[1], version)
PY
}

install_odoo_requirements() {
    local before after name version old log
    if ! imports_odoo18 "$VENV_PYTHON"; then
        echo "requirements-odoo.txt: not installed, since no Odoo 18 is importable in .venv."
        echo "    $(odoo_requirement_versions | cut -d' ' -f1 | paste -sd' ' -)"
        cat <<MSG
Their wheels require the odoo package 18.0, which pip cannot get from PyPI.
Where Odoo 18 runs, install them into its Python: pip install -r requirements-odoo.txt
MSG
        return 0
    fi
    before="$(odoo_requirement_versions)"
    log="$(mktemp)"
    if ! pip_install -r requirements-odoo.txt >"$log" 2>&1; then
        echo "requirements-odoo.txt: pip could not install it into .venv, which imports Odoo 18:"
        tail -n 15 "$log" | sed 's/^/    /'
        cat <<MSG
If pip cannot satisfy odoo==18.0.*, the Odoo here was not installed by pip (a
source tree on the path): install that tree with pip install -e <source tree>,
or give the addons' directories in ODOO_ADDONS_PATH. The Odoo suite fails if
the addon needs them.
MSG
        rm -f "$log"
        return 0
    fi
    rm -f "$log"
    after="$(odoo_requirement_versions)"
    echo "requirements-odoo.txt: Odoo 18 is importable in .venv; its addons from PyPI:"
    while read -r name version; do
        old="$(awk -v n="$name" '$1 == n {print $2}' <<<"$before")"
        if [ "$old" = "$version" ]; then
            echo "    $name $version (already installed)"
        else
            echo "    $name $version (installed)"
        fi
    done <<<"$after"
}

if [ ! -x "$VENV_PYTHON" ]; then
    python3 -m venv --system-site-packages .venv
fi
pip_install -r requirements-test.txt
install_odoo_requirements
