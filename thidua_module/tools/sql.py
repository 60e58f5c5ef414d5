from odoo.tools.sql import SQL, index_exists


def create_partial_unique_index(cr, indexname, tablename, expressions, where):
    """Create a unique index over `expressions` for the rows matching `where`.

    Odoo's own helper knows no predicate. The index is created once; its name
    is declared in the model's `_sql_constraints` with an empty definition, so
    that Odoo turns a violation into that constraint's message.
    """
    if index_exists(cr, indexname):
        return
    cr.execute(
        SQL(
            "CREATE UNIQUE INDEX %s ON %s (%s) WHERE %s",
            SQL.identifier(indexname),
            SQL.identifier(tablename),
            SQL(expressions),
            SQL(where),
        )
    )
