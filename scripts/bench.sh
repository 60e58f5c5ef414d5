#!/usr/bin/env bash
# Speed figures on a fresh database (dropped afterwards). See README.md.
set -euo pipefail
source "$(dirname "$0")/odoo-env.sh"
find_odoo_python || { odoo_missing_help >&2; exit 1; }
postgres_reachable || { postgres_missing_help >&2; exit 1; }

DB="thidua_bench_$$"
ADDONS="$(odoo_addons_path)"
read -r -a DB_ARGS <<<"$(odoo_db_args)"
trap 'drop_database "$DB"' EXIT
echo "Installing the addon in $DB (no demo data)..."
odoo_cli -d "$DB" "${DB_ARGS[@]}" --addons-path="$ADDONS" -i thidua_module \
    --without-demo=all --stop-after-init --log-level=warn
echo
echo "== Mass registration"
"$ODOO_PYTHON" "$ROOT/scripts/bench_registration.py" -d "$DB" "${DB_ARGS[@]}" \
    --addons-path="$ADDONS"
echo
echo "== Award list (XLSX)"
"$ODOO_PYTHON" "$ROOT/scripts/bench_reports.py" -d "$DB" "${DB_ARGS[@]}" \
    --addons-path="$ADDONS"
echo
echo "== Council batch (eligibility rules, approval, decision)"
"$ODOO_PYTHON" "$ROOT/scripts/bench_council.py" -d "$DB" "${DB_ARGS[@]}" \
    --addons-path="$ADDONS"
echo
echo "== Measuring a phase (results of 10,000 employees from their initiatives)"
"$ODOO_PYTHON" "$ROOT/scripts/bench_measure.py" -d "$DB" "${DB_ARGS[@]}" \
    --addons-path="$ADDONS"
