#!/usr/bin/env bash
# Exports the addon's terms to i18n/thidua_module.pot from a fresh database
# without demo data, then merges them into i18n/vi.po.
set -euo pipefail
source "$(dirname "$0")/odoo-env.sh"
find_odoo_python || { odoo_missing_help >&2; exit 1; }
postgres_reachable || { postgres_missing_help >&2; exit 1; }

DB="thidua_pot_$$"
ADDONS="$(odoo_addons_path)"
read -r -a DB_ARGS <<<"$(odoo_db_args)"
trap 'drop_database "$DB"' EXIT
odoo_cli -d "$DB" "${DB_ARGS[@]}" --addons-path="$ADDONS" -i thidua_module \
    --without-demo=all --stop-after-init --log-level=warn
odoo_cli -d "$DB" "${DB_ARGS[@]}" --addons-path="$ADDONS" --modules=thidua_module \
    --i18n-export="$ROOT/thidua_module/i18n/thidua_module.pot" --stop-after-init --log-level=warn
"$ODOO_PYTHON" "$ROOT/scripts/update_translations.py"
