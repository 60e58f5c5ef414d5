#!/usr/bin/env bash
# Load check: 20+ people at once over JSON-RPC against Odoo with HTTP workers,
# on a fresh database dropped afterwards. Options are passed to
# bench_load.py (e.g. --departments 10). See README.md.
set -euo pipefail
source "$(dirname "$0")/odoo-env.sh"
find_odoo_python || { odoo_missing_help >&2; exit 1; }
postgres_reachable || { postgres_missing_help >&2; exit 1; }

DB="thidua_load_$$"
ADDONS="$(odoo_addons_path)"
read -r -a DB_ARGS <<<"$(odoo_db_args)"
# bench_load.py stops the server it starts; should it be killed outright, the
# server's own pid file lets this script stop it.
PIDFILE="$(mktemp)"
stop_server() {
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
    rm -f "$PIDFILE"
}
trap 'stop_server; drop_database "$DB"' EXIT
echo "Installing the addon in $DB (no demo data)..."
odoo_cli -d "$DB" "${DB_ARGS[@]}" --addons-path="$ADDONS" -i thidua_module \
    --without-demo=all --stop-after-init --log-level=warn
"$ODOO_PYTHON" "$ROOT/scripts/bench_load.py" -d "$DB" "${DB_ARGS[@]}" \
    --addons-path="$ADDONS" --pidfile="$PIDFILE" "$@"
