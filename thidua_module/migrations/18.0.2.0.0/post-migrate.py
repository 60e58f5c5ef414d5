"""18.0.2.0.0: an award type's rules become conditions, common or by route,
and its amounts are dated.

Conditions. The catalogue shipped with the addon comes with its new
conditions (from the data file, loaded before this script). For the award
types a federation made itself, their former prerequisites and their
initiative and member settings become conditions with no route, so that they
ask what they asked before.

Base salary. The row of 2,530,000 đ from 01/07/2026 named a decree that no
published text shows; it is removed (see remove_unpublished_base_salary).

Amounts. Until this version an award type held one coefficient and one
collective multiplier, applied to decisions of every date. They now live in
dated rows (`thidua.award.amount`), and a decision takes the row in force on
its date. A database made before gets, for each award type without an amount
row, one row carrying the figures it had, in force from the earliest base
salary: no amount could be computed before that date (issuing was refused),
and from it on these figures applied to every decision, so no amount that
could be computed changes. The columns of the former fields stay in the table
(Odoo drops no column of a field that still exists), so they are read here,
after the module's data loaded. The rows of the decrees
(data/thidua_award_amount_data.xml) are created for new databases only
(forcecreate="0"): here the council, who may have changed or deleted those
award types, adds the dated rows of the law where it needs them.
"""

import logging

from odoo import SUPERUSER_ID, api, fields
from odoo.tools import sql
from odoo.tools.sql import column_exists

_logger = logging.getLogger(__name__)

PREREQUISITES = """
    INSERT INTO thidua_award_condition (award_type_id, sequence, applies_to, kind,
        required_type_id, count_mode, count, within_years, year_offset, percent,
        strictly_more, create_uid, write_uid, create_date, write_date)
    SELECT p.award_type_id, 10, p.applies_to, 'title', p.required_type_id,
        CASE WHEN p.count_mode = 'times' THEN 'times' ELSE 'consecutive' END,
        CASE WHEN p.count_mode = 'times' THEN p.times ELSE p.consecutive_years END,
        GREATEST(p.within_years, 1), p.year_offset, 0, false, 1, 1, now(), now()
    FROM thidua_award_prerequisite p
    WHERE p.award_type_id IN %s
"""

# (kind, the column of the award it comes from, the columns it reads)
SETTINGS = (
    (
        "initiative",
        "requires_initiative",
        "GREATEST(COALESCE(initiative_count, 1), 1), NULL::int, 0, {level}",
    ),
    (
        "member_title_share",
        "member_award_type_id",
        "1, member_award_type_id, COALESCE(member_share_min, 0), NULL::int",
    ),
    (
        "member_title_count",
        "member_count_type_id",
        "GREATEST(COALESCE(member_count_min, 1), 1), member_count_type_id, 0, NULL::int",
    ),
)
SETTING = """
    INSERT INTO thidua_award_condition (award_type_id, sequence, applies_to, kind,
        count, required_type_id, percent, level_id, count_mode, within_years,
        year_offset, strictly_more, create_uid, write_uid, create_date, write_date)
    SELECT id, 20, 'both', %s, {values}, 'consecutive', 1, '0', false, 1, 1, now(), now()
    FROM thidua_award_type
    WHERE {source} IS NOT NULL AND {source}::text NOT IN ('false', '0') AND id IN %s
"""


def awards_without_conditions(cr):
    cr.execute(
        """SELECT id FROM thidua_award_type t
           WHERE NOT EXISTS (SELECT 1 FROM thidua_award_condition c WHERE c.award_type_id = t.id)"""
    )
    return tuple(row[0] for row in cr.fetchall())


def log_replaced_settings(cr):
    """The shipped award types take the conditions of the law: say which former
    settings of theirs are no longer read, for the council to review."""
    if not sql.table_exists(cr, "thidua_award_prerequisite"):
        return
    cr.execute(
        """SELECT t.code, count(p.id) FROM thidua_award_prerequisite p
           JOIN thidua_award_type t ON t.id = p.award_type_id
           WHERE EXISTS (SELECT 1 FROM thidua_award_condition c WHERE c.award_type_id = t.id)
           GROUP BY t.code"""
    )
    for code, count in cr.fetchall():
        _logger.warning(
            "Award %s: %s former prerequisite(s) replaced by the conditions of the law; "
            "review its conditions (Configuration > Award Types)",
            code,
            count,
        )


def log_nominations_in_progress(cr):
    """Nominations submitted before the upgrade and now short of a condition (a
    rating not entered yet, say): named, for the officers to complete them."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    live = env["thidua.nomination"].search([("state", "in", ("submitted", "unit_approved"))])
    eligibility = env["thidua.eligibility"]
    for nomination_id, rows in eligibility._evaluate(live, stage="submit").items():
        for row in eligibility._failures(rows):
            _logger.warning("Nomination %s: %s", nomination_id, row.detail or row.label)


def carry_over_conditions(cr):
    log_replaced_settings(cr)
    awards = awards_without_conditions(cr)
    if not awards:
        return
    if sql.table_exists(cr, "thidua_award_prerequisite"):
        cr.execute(PREREQUISITES, (awards,))
        _logger.info("%s prerequisites carried over as conditions", cr.rowcount)
    for kind, source, values in SETTINGS:
        if not sql.column_exists(cr, "thidua_award_type", source):
            continue
        has_level = sql.column_exists(cr, "thidua_award_type", "initiative_level_id")
        values = values.format(level="initiative_level_id" if has_level else "NULL::int")
        cr.execute(SETTING.format(values=values, source=source), (kind, awards))  # noqa: S608
        _logger.info("%s %s settings carried over as conditions", cr.rowcount, kind)


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


def carry_over_amounts(cr):
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


def remove_unpublished_base_salary(cr):
    """The base salary of 2,530,000 from 01/07/2026 was shipped citing a decree
    no published text shows: it goes, unless someone changed it since."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    salary = env.ref("thidua_module.base_salary_2026", raise_if_not_found=False)
    if salary and salary.amount == 2530000 and "161/2026" in (salary.legal_basis or ""):
        _logger.warning(
            "Base salary of %s from %s removed: no published decree sets it. Enter the "
            "figure of the decree in force under Configuration > Base Salary.",
            salary.amount,
            salary.date_from,
        )
        salary.unlink()


def migrate(cr, version):
    if not version:
        return
    carry_over_conditions(cr)
    carry_over_amounts(cr)
    remove_unpublished_base_salary(cr)
    log_nominations_in_progress(cr)
