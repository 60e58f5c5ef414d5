"""18.0.1.1.0: uniqueness moves into PostgreSQL.

Before the unique indexes are made, existing rows are brought in line with
them: decision numbers are trimmed (numbers that then differ only by case get
their id appended, and are logged), the new `is_live` column of nominations
is filled as the model computes it, and duplicates that slipped past the
former Python checks (two requests at the same instant) are cancelled,
keeping the one furthest in the workflow, then the oldest. Nothing is
deleted. Two commendations in force for one nominee, award and year cannot be
settled here: the upgrade stops and names them, so that the council revokes
one of the decisions first.
"""

import logging

from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

LIVE = (
    "state IN ('submitted', 'unit_approved', 'council_approved') "
    "OR (state = 'awarded' AND EXISTS (SELECT 1 FROM thidua_commendation c "
    "WHERE c.id = n.commendation_id AND c.state = 'valid'))"
)


def trim_decision_numbers(cr):
    # The former constraint compared numbers as typed; the new index replaces it.
    cr.execute("ALTER TABLE thidua_decision DROP CONSTRAINT IF EXISTS thidua_decision_number_uniq")
    cr.execute(
        "UPDATE thidua_decision SET name = regexp_replace(btrim(name), '\\s+', ' ', 'g') "
        "WHERE name <> regexp_replace(btrim(name), '\\s+', ' ', 'g')"
    )
    if cr.rowcount:
        _logger.info("Trimmed %s decision numbers", cr.rowcount)


def tell_apart_decision_numbers(cr):
    cr.execute(
        """
        UPDATE thidua_decision SET name = name || ' (' || id || ')'
        WHERE id IN (
            SELECT id FROM (
                SELECT id, row_number() OVER (
                    PARTITION BY authority_id, year, lower(btrim(name)) ORDER BY id
                ) AS position
                FROM thidua_decision
            ) ranked
            WHERE position > 1
        )
        RETURNING id, name
        """
    )
    renamed = cr.fetchall()
    if renamed:
        _logger.warning("Decision numbers differing only by case, told apart: %s", renamed)


def cancel_duplicate_pledges(cr):
    cr.execute(
        """
        UPDATE thidua_pledge SET state = 'cancelled'
        WHERE id IN (
            SELECT id FROM (
                SELECT id, row_number() OVER (
                    PARTITION BY movement_id, COALESCE(phase_id, 0),
                        COALESCE(employee_id, 0), COALESCE(department_id, 0)
                    ORDER BY array_position(
                        ARRAY['closed', 'evaluated', 'confirmed', 'submitted', 'draft'],
                        state::text
                    ), id
                ) AS position
                FROM thidua_pledge WHERE state != 'cancelled'
            ) ranked
            WHERE position > 1
        )
        RETURNING id
        """
    )
    cancelled = [row[0] for row in cr.fetchall()]
    if cancelled:
        _logger.warning("Cancelled duplicate pledges %s", cancelled)


def fill_live_nominations(cr):
    cr.execute("ALTER TABLE thidua_nomination ADD COLUMN IF NOT EXISTS is_live boolean")
    cr.execute(f"UPDATE thidua_nomination n SET is_live = ({LIVE})")  # noqa: S608


def cancel_duplicate_nominations(cr):
    cr.execute(
        """
        UPDATE thidua_nomination SET state = 'cancelled', is_live = false
        WHERE id IN (
            SELECT id FROM (
                SELECT id, state, row_number() OVER (
                    PARTITION BY award_type_id, year,
                        COALESCE(employee_id, 0), COALESCE(department_id, 0)
                    ORDER BY (state = 'awarded') DESC, (state = 'council_approved') DESC,
                        (state = 'unit_approved') DESC, id
                ) AS position
                FROM thidua_nomination WHERE is_live
            ) ranked
            WHERE position > 1 AND state != 'awarded'
        )
        RETURNING id
        """
    )
    cancelled = [row[0] for row in cr.fetchall()]
    if cancelled:
        _logger.warning("Cancelled duplicate nominations %s", cancelled)


def refuse_twice_awarded(cr):
    cr.execute(
        """
        SELECT array_agg(id ORDER BY id) FROM thidua_nomination
        WHERE is_live
        GROUP BY award_type_id, year, COALESCE(employee_id, 0), COALESCE(department_id, 0)
        HAVING count(*) > 1
        """
    )
    twice = [row[0] for row in cr.fetchall()]
    if twice:
        raise UserError(
            "These nominations were awarded twice for the same nominee, award and year, "
            f"by decisions still in force: {twice}. Revoke one of the two decisions of "
            "each pair with the version installed now, then upgrade again."
        )


def migrate(cr, version):
    if not version:
        return
    trim_decision_numbers(cr)
    tell_apart_decision_numbers(cr)
    cancel_duplicate_pledges(cr)
    fill_live_nominations(cr)
    cancel_duplicate_nominations(cr)
    refuse_twice_awarded(cr)
