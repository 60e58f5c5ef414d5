"""Lists of people in Vietnamese order.

Vietnamese lists order people by their given name, the last word of the full
name ("Nguyễn Văn Ân" under "Ân"), then by the rest of the name, with the
Vietnamese alphabet: a ă â b c d đ e ê ... o ô ơ ... u ư ... y, tones after
the bare letter. So "Trần Thị An" < "Nguyễn Văn Ân" < "Phạm Văn Dũng" <
"Lê Đức" < "Vũ Ông" < "Hoàng Ơn".

No collation is written here: PostgreSQL sorts with the ICU collation
`vi-x-icu` (built into Debian's and most distributions' PostgreSQL). Where a
server lacks it, the lists are still ordered by given name then the rest, but
with the database's default collation, and a warning says so in the log once.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

COLLATION = "vi-x-icu"

# {database name: whether its server has the collation}; a server does not
# gain or lose a collation while Odoo runs.
_AVAILABLE = {}


def has_vi_collation(cr):
    """Does the database server know the Vietnamese ICU collation?"""
    dbname = cr.dbname
    if dbname not in _AVAILABLE:
        cr.execute(SQL("SELECT 1 FROM pg_collation WHERE collname = %s", COLLATION))
        _AVAILABLE[dbname] = bool(cr.fetchone())
        if not _AVAILABLE[dbname]:
            _logger.warning(
                "The PostgreSQL server of database %s has no collation %r (an ICU "
                "collation): lists of people are ordered by given name with the "
                "database's default collation, which puts Đ, Ơ, Ư and the other "
                "Vietnamese letters out of their Vietnamese places.",
                dbname,
                COLLATION,
            )
    return _AVAILABLE[dbname]


def collate(cr, expression):
    """`expression` with the Vietnamese collation, where the server has it."""
    if has_vi_collation(cr):
        return SQL("%s COLLATE %s", expression, SQL.identifier(COLLATION))
    return expression


def given_name(expression):
    """SQL: the last word of a name (the given name)."""
    return SQL(r"regexp_replace(btrim(%s), '^.*\s', '')", expression)


def name_rest(expression):
    """SQL: the name without its last word (family and middle names)."""
    return SQL(r"regexp_replace(btrim(%s), '\s*\S+$', '')", expression)


def person_order(cr, expression, direction=None, nulls=None, person=None):
    """SQL ORDER BY terms for a column of names, in Vietnamese order.

    The names are people's, unless `person` (an SQL boolean) says a row holds
    a unit's name, which is then ordered by the whole name.
    """
    direction = direction or SQL()
    nulls = nulls or SQL()
    first, rest = given_name(expression), name_rest(expression)
    if person is not None:
        first = SQL("CASE WHEN %s THEN %s ELSE btrim(%s) END", person, first, expression)
        rest = SQL("CASE WHEN %s THEN %s ELSE '' END", person, rest)
    return SQL(
        "%s %s %s, %s %s %s",
        collate(cr, first),
        direction,
        nulls,
        collate(cr, rest),
        direction,
        nulls,
    )


def sort_people(cr, items, name, unit=None, person=None):
    """`items` ordered by unit (the whole unit name), then by name in Vietnamese order.

    `name`, `unit` and `person` are functions of an item: its name, its unit's
    name (optional), and whether the name is a person's (optional, a person by
    default) rather than a unit's, which is ordered by the whole name. Items of
    the same unit and name keep their order. One query, whatever the number of
    items.
    """
    items = list(items)
    if not items:
        return []
    cr.execute(
        SQL(
            """SELECT t.i
                 FROM unnest(%s::text[], %s::bool[], %s::text[])
                      WITH ORDINALITY AS t(name, person, unit, i)
             ORDER BY %s, %s, t.i""",
            [name(item) or "" for item in items],
            [bool(person(item)) if person else True for item in items],
            [(unit(item) or "") if unit else "" for item in items],
            collate(cr, SQL("btrim(t.unit)")),
            person_order(cr, SQL("t.name"), person=SQL("t.person")),
        )
    )
    return [items[ordinal - 1] for (ordinal,) in cr.fetchall()]


def sorted_records(records, name_field="name"):
    """`records` ordered by the people's names in `name_field`, in Vietnamese order."""
    ordered = sort_people(records.env.cr, records, lambda record: record[name_field])
    return records.browse([record.id for record in ordered])
