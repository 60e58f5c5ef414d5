from odoo.exceptions import ValidationError
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


def check_text_lengths(model, vals, limits):
    """Refuse texts longer than `limits` ({field: max length}) before they reach
    an index, where PostgreSQL would reject them with an unreadable error."""
    for name, limit in limits.items():
        value = vals.get(name)
        if isinstance(value, str) and len(value) > limit:
            raise ValidationError(
                model.env._(
                    "“%(field)s” is limited to %(limit)s characters (%(length)s given). "
                    "Shorten it.",
                    field=model._fields[name]._description_string(model.env),
                    limit=limit,
                    length=len(value),
                )
            )
