"""18.0.2.0.0: an award type's rules become conditions, common or by route.

The catalogue shipped with the addon comes with its new conditions (from the
data file, loaded before this script). For the award types a federation made
itself, their former prerequisites and their initiative and member settings
become conditions with no route, so that they ask what they asked before.
"""

import logging

from odoo.tools import sql

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


def migrate(cr, version):
    if not version:
        return
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
