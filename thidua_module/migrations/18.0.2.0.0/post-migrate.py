"""18.0.2.0.0: award amounts are dated.

Until this version an award type held one coefficient and one collective
multiplier, applied to decisions of every date. They now live in dated rows
(`thidua.award.amount`), and a decision takes the row in force on its date.

A database made before gets, for each award type without an amount row, one
row carrying the figures it had, in force from the earliest base salary: no
amount could be computed before that date (issuing was refused), and from it
on these figures applied to every decision, so no amount that could be
computed changes. The columns of the former fields stay in the table (the
fields are now computed, not stored, and Odoo drops no column of a field that
still exists), so they are read here, after the module's data loaded.

The rows of the decrees (data/thidua_award_amount_data.xml) are created for
new databases only (forcecreate="0"): here the council, who may have changed
or deleted those award types, adds the dated rows of the law where it needs
them.
"""

import logging

from odoo import SUPERUSER_ID, api, fields
from odoo.tools.sql import column_exists

_logger = logging.getLogger(__name__)

LEGAL_BASIS = "Hệ số của loại khen thưởng trước khi nâng cấp (18.0.2.0.0)"


def carried_over_date(cr):
    """The earliest base salary, from which the stored figures applied."""
    cr.execute("SELECT min(date_from) FROM thidua_base_salary")
    return cr.fetchone()[0] or fields.Date.today()


def stored_amounts(cr):
    """The former figures of the award types that have no amount row yet."""
    cr.execute(
        """
        SELECT t.id, COALESCE(t.coefficient, 0), COALESCE(t.collective_multiplier, 1)
        FROM thidua_award_type t
        WHERE NOT EXISTS (SELECT 1 FROM thidua_award_amount a WHERE a.award_type_id = t.id)
        ORDER BY t.id
        """
    )
    return cr.fetchall()


def migrate(cr, version):
    if not version:
        return
    if not (
        column_exists(cr, "thidua_award_type", "coefficient")
        and column_exists(cr, "thidua_award_type", "collective_multiplier")
    ):
        _logger.warning("No former coefficients on the award types: no amount carried over")
        return
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    date_from = carried_over_date(cr)
    rows = stored_amounts(cr)
    env["thidua.award.amount"].create(
        [
            {
                "award_type_id": award_id,
                "date_from": date_from,
                "coefficient": coefficient,
                "collective_multiplier": multiplier if multiplier > 0 else 1.0,
                "legal_basis": LEGAL_BASIS,
            }
            for award_id, coefficient, multiplier in rows
        ]
    )
    _logger.info("Carried over the amounts of %s award types from %s", len(rows), date_from)
