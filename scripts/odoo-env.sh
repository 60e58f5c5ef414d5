# Sourced by the project's scripts: finds the Odoo 18 to work with.
#
# ODOO_PYTHON       interpreter that imports odoo (default: .venv/bin/python,
#                   then python3)
# ODOO_ADDONS_PATH  extra comma-separated addons paths (e.g. the addons/ of an
#                   Odoo source tree); Odoo's own addons directories are added
# PGHOST, PGPORT, PGUSER, PGPASSWORD reach PostgreSQL as libpq reads them.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

imports_odoo18() {
    "$1" -c 'import odoo.release as r, sys; sys.exit(r.version_info[0] != 18)' >/dev/null 2>&1
}

find_odoo_python() {
    if [ -n "${ODOO_PYTHON:-}" ]; then
        imports_odoo18 "$ODOO_PYTHON" && return 0
        ODOO_MISSING="ODOO_PYTHON=$ODOO_PYTHON cannot import Odoo 18."
        return 1
    fi
    local candidate
    for candidate in "$ROOT/.venv/bin/python" python3; do
        if command -v "$candidate" >/dev/null 2>&1 && imports_odoo18 "$candidate"; then
            ODOO_PYTHON="$candidate"
            return 0
        fi
    done
    ODOO_MISSING="No Odoo 18 is importable (tried $ROOT/.venv/bin/python and python3)."
    return 1
}

odoo_missing_help() {
    cat <<MSG
$ODOO_MISSING
Install Odoo 18.0 (Community or Enterprise) and its Python requirements, then
either make it importable by python3 or the project's .venv, or point
ODOO_PYTHON at the interpreter that imports it; add the addons directory of the
Odoo source tree with ODOO_ADDONS_PATH if odoo cannot find its own addons.
MSG
}

# Comma-separated addons path of Odoo itself: the user's extra paths and the
# addons directories shipped with the odoo package.
odoo_own_addons_path() {
    local own
    own=$("$ODOO_PYTHON" - <<'PY'
import os
import odoo
root = os.path.dirname(os.path.abspath(odoo.__file__))
paths = [os.path.join(root, "addons"), os.path.normpath(os.path.join(root, "..", "addons"))]
print(",".join(p for p in paths if os.path.isdir(p)))
PY
)
    local path="${ODOO_ADDONS_PATH:-}"
    [ -n "$own" ] && path="${path:+$path,}$own"
    echo "$path"
}

# The same, with this repository first.
odoo_addons_path() {
    local own
    own="$(odoo_own_addons_path)"
    echo "$ROOT${own:+,$own}"
}

postgres_reachable() {
    "$ODOO_PYTHON" - <<'PY' >/dev/null 2>&1
import psycopg2
psycopg2.connect(dbname="postgres", connect_timeout=5).close()
PY
}

postgres_missing_help() {
    cat <<MSG
PostgreSQL does not answer (host ${PGHOST:-local socket}, port ${PGPORT:-5432},
user ${PGUSER:-$(id -un)}). Install and start PostgreSQL, create a role that may
create databases, and set PGHOST, PGPORT, PGUSER and PGPASSWORD to reach it.
MSG
}

# Runs odoo's command line with the interpreter found above.
odoo_cli() {
    "$ODOO_PYTHON" -c 'import sys, odoo.cli; sys.argv[0] = "odoo"; odoo.cli.main()' "$@"
}

# Odoo's options for the database connection, taken from the PG* variables.
odoo_db_args() {
    local args=()
    [ -n "${PGHOST:-}" ] && args+=("--db_host=$PGHOST")
    [ -n "${PGPORT:-}" ] && args+=("--db_port=$PGPORT")
    [ -n "${PGUSER:-}" ] && args+=("--db_user=$PGUSER")
    # No --db_password: libpq reads PGPASSWORD itself, and a command line shows in ps.
    echo "${args[@]}"
}

drop_database() {
    "$ODOO_PYTHON" - "$1" <<'PY' >/dev/null 2>&1
import sys
import psycopg2
conn = psycopg2.connect(dbname="postgres")
conn.autocommit = True
conn.cursor().execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % sys.argv[1])
PY
}
