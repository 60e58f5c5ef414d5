#!/usr/bin/env bash
# Creates or updates a local database with the addon and its demo data, then
# serves Odoo on http://localhost:${ODOO_HTTP_PORT:-8069}.
set -euo pipefail
source "$(dirname "$0")/odoo-env.sh"

DB="${ODOO_DB:-thidua_demo}"
PORT="${ODOO_HTTP_PORT:-8069}"

if ! find_odoo_python; then
    odoo_missing_help >&2
    exit 1
fi
if ! postgres_reachable; then
    postgres_missing_help >&2
    exit 1
fi

ADDONS="$(odoo_addons_path)"
read -r -a DB_ARGS <<<"$(odoo_db_args)"
exists=$("$ODOO_PYTHON" - "$DB" <<'PY'
import sys
import psycopg2
with psycopg2.connect(dbname="postgres") as conn, conn.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (sys.argv[1],))
    print("yes" if cr.fetchone() else "no")
PY
)
if [ "$exists" = yes ]; then
    echo "Updating the addon in database $DB..."
    odoo_cli -d "$DB" "${DB_ARGS[@]}" --addons-path="$ADDONS" -u thidua_module \
        --stop-after-init --log-level=warn
else
    echo "Creating database $DB with the addon and its demo data (Vietnamese)..."
    odoo_cli -d "$DB" "${DB_ARGS[@]}" --addons-path="$ADDONS" -i thidua_module \
        --load-language=vi_VN --stop-after-init --log-level=warn
    "$ODOO_PYTHON" - "$DB" <<'PY'
import sys
import psycopg2
# The demo users read the interface in Vietnamese.
with psycopg2.connect(dbname=sys.argv[1]) as conn, conn.cursor() as cr:
    cr.execute("UPDATE res_partner SET lang = 'vi_VN' WHERE id IN "
               "(SELECT partner_id FROM res_users WHERE login IN "
               "('admin', 'hoa', 'hung', 'thuha'))")
PY
fi
cat <<MSG

Odoo is starting on http://localhost:$PORT (database $DB).
Log in as admin / admin and open "Thi đua - Khen thưởng"; the demo has
one user per role too: hoa / hoa (employee), hung / hung (unit manager) and
thuha / thuha (council). Stop with Ctrl+C.
MSG
exec "$ODOO_PYTHON" -c 'import sys, odoo.cli; sys.argv[0] = "odoo"; odoo.cli.main()' \
    -d "$DB" "${DB_ARGS[@]}" --addons-path="$ADDONS" --http-port="$PORT" \
    --db-filter="^$DB\$" --log-level=info
