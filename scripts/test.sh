#!/usr/bin/env bash
# The project's test command: static checks and the tests that need no Odoo,
# then, when Odoo 18 and PostgreSQL are reachable, the Odoo suite in two fresh
# databases (with and without demo data) that are dropped afterwards.
set -uo pipefail
source "$(dirname "$0")/odoo-env.sh"
cd "$ROOT"

PYTHON="${TEST_PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PYTHON" ] || PYTHON=python3
REPORTS="$(mktemp -d)"
trap 'rm -rf "$REPORTS"' EXIT
status=0
# "yes", or why the Odoo suite did not run (printed by summarize_junit.py).
odoo_ran="no Odoo 18 here"
# The static checks that failed, said again before the summary.
static_failed=""

step() { printf '\n== %s\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

step "Static checks (ruff, pylint-odoo)"
t0=$(date +%s)
if "$PYTHON" -m ruff --version >/dev/null 2>&1; then
    "$PYTHON" -m ruff check . || static_failed+=" ruff"
    "$PYTHON" -m ruff format --check . || static_failed+=" ruff-format"
else
    echo "ruff is not installed: pip install -r requirements-test.txt" >&2
    status=1
fi
# The OCA's checks of Odoo addons (.pylintrc); any finding fails the command.
if "$PYTHON" -c 'import pylint_odoo' >/dev/null 2>&1; then
    if "$PYTHON" -m pylint --rcfile=.pylintrc thidua_module; then
        echo "pylint-odoo: no finding"
    else
        echo "pylint-odoo: findings above (.pylintrc says which checks run)" >&2
        static_failed+=" pylint-odoo"
    fi
else
    echo "pylint-odoo is not installed: pip install -r requirements-test.txt" >&2
    status=1
fi

step "Tests that need no Odoo (the wheel built by whool included)"
"$PYTHON" -m pytest -q -p no:odoo -p no:cacheprovider tests \
    --junitxml="$REPORTS/static.xml" || status=1
echo "(no-Odoo part: $(elapsed "$t0"))"

demo_loaded() {
    "$ODOO_PYTHON" - "$1" <<'PY'
import sys
import psycopg2
with psycopg2.connect(dbname=sys.argv[1]) as conn, conn.cursor() as cr:
    cr.execute("SELECT demo FROM ir_module_module WHERE name = 'thidua_module'")
    sys.exit(0 if cr.fetchone()[0] else 1)
PY
}

# Installs the addon in a fresh database; when Odoo fails, says why from its
# output (and which dependency to install) and returns 1.
install_addon() {
    local db="$1" log="$REPORTS/install_$1.log" rc
    shift
    odoo_cli -d "$db" "${db_args[@]}" --addons-path="$addons" -i thidua_module \
        --stop-after-init --log-level=warn "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    [ "$rc" -eq 0 ] && return 0
    "$PYTHON" "$ROOT/scripts/explain_install_failure.py" "$log" "$db" "$rc" "$ODOO_PYTHON" >&2
    odoo_ran="the addon could not be installed"
    return 1
}

# Builds the wheel, installs it into a folder of its own and installs the
# addon from there in a fresh database, the repository off the addons path.
install_from_wheel() {
    local db="thidua_test_$$_wheel" wheels="$REPORTS/wheel" target="$REPORTS/site" log rc
    log="$REPORTS/install_wheel.log"
    "$PYTHON" -m pip wheel -q --disable-pip-version-check --no-deps --no-build-isolation \
        --no-index --wheel-dir "$wheels" "$ROOT/thidua_module" || return 1
    "$ODOO_PYTHON" -m pip install -q --disable-pip-version-check --no-deps --no-index \
        --target "$target" "$wheels"/odoo_addon_thidua_module-*.whl || return 1
    odoo_cli -d "$db" "${db_args[@]}" --addons-path="$target/odoo/addons,$(odoo_own_addons_path)" \
        -i thidua_module --without-demo=all --stop-after-init --log-level=warn >"$log" 2>&1
    rc=$?
    "$ODOO_PYTHON" - "$db" "$target" <<'PY'
import sys
import psycopg2
with psycopg2.connect(dbname=sys.argv[1]) as conn, conn.cursor() as cr:
    cr.execute("SELECT state, latest_version FROM ir_module_module WHERE name = 'thidua_module'")
    state, version = cr.fetchone()
print(f"installed from the wheel alone ({sys.argv[2]}/odoo/addons): {state} {version}")
sys.exit(state != "installed")
PY
    [ $? -eq 0 ] && [ "$rc" -eq 0 ] || { cat "$log" >&2; rc=1; }
    drop_database "$db"
    return "$rc"
}

run_odoo_suite() {
    local addons t1
    addons="$(odoo_addons_path)"
    read -r -a db_args <<<"$(odoo_db_args)"
    db_demo="thidua_test_$$_demo"
    db_plain="thidua_test_$$_nodemo"
    drop_databases() { drop_database "$db_demo"; drop_database "$db_plain"; }
    trap 'drop_databases; rm -rf "$REPORTS"' EXIT
    t1=$(date +%s)
    step "Installing the addon with demo data ($db_demo) and without ($db_plain)"
    install_addon "$db_demo" || return 1
    if ! demo_loaded "$db_demo"; then
        # Odoo only warns when demo data fail, and the demo tests would skip.
        echo "The demo data failed to install in $db_demo: see the log above." >&2
        status=1
    fi
    install_addon "$db_plain" --without-demo=all || return 1
    step "Installing the addon from its wheel in a fresh database"
    install_from_wheel || { echo "The addon does not install from its wheel." >&2; status=1; }
    echo "(installs: $(elapsed "$t1"))"
    odoo_ran="yes"
    local db
    for db in "$db_plain" "$db_demo"; do
        t1=$(date +%s)
        step "Odoo suite on $db"
        "$ODOO_PYTHON" -m pytest -q -p no:cacheprovider thidua_module/tests \
            --odoo-database="$db" --odoo-addons-path="$addons" \
            --odoo-log-level=critical --junitxml="$REPORTS/odoo_$db.xml" || status=1
        echo "(Odoo suite on $db: $(elapsed "$t1"))"
    done
    drop_databases
}

if ! find_odoo_python; then
    step "Odoo suite: skipped"
    odoo_missing_help
    if [ -n "${REQUIRE_ODOO:-}" ]; then
        echo "REQUIRE_ODOO is set: a missing Odoo fails the test command." >&2
        status=1
    fi
elif ! "$ODOO_PYTHON" -c 'import pytest_odoo' >/dev/null 2>&1; then
    step "Odoo suite: skipped"
    echo "pytest-odoo is not installed for $ODOO_PYTHON: pip install -r requirements-test.txt"
    odoo_ran="pytest-odoo is not installed"
    status=1
elif ! postgres_reachable; then
    step "Odoo suite: skipped"
    postgres_missing_help
    odoo_ran="PostgreSQL does not answer"
    status=1
else
    run_odoo_suite || status=1
fi

if [ -n "$static_failed" ]; then
    printf '\nStatic checks failed:%s (see the first step).\n' "$static_failed"
    status=1
fi
"$PYTHON" "$ROOT/scripts/summarize_junit.py" "$REPORTS" "$odoo_ran" || status=1
exit "$status"
