"""18.0.1.2.0: the level at which an award's initiatives must be recognised.

The award catalogue and the levels are installed once (noupdate), so
databases made before this version get here the new setting of the two titles
whose articles name it (unless the council already set it) and the rank of the
shipped levels; the nominations in progress whose initiatives now fall short
are named in the log, for the officers to complete them.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

# Law 06/2022/QH15, Art. 21(2) and 22(2): the initiative's effect and reach are
# recognised by the head of the ministry, sector or province.
INITIATIVE_LEVELS = {
    "thidua_module.award_chien_si_thi_dua_tinh": "thidua_module.level_state_ministry_province",
    "thidua_module.award_chien_si_thi_dua_toan_quoc": (
        "thidua_module.level_state_ministry_province"
    ),
}


# Both systems compared: the law puts the central mass organisations with the
# ministries and provinces.
LEVEL_RANKS = {
    "thidua_module.level_state_central": 1,
    "thidua_module.level_state_ministry_province": 2,
    "thidua_module.level_union_central": 2,
    "thidua_module.level_union_province": 3,
    "thidua_module.level_union_upper_grassroots": 4,
    "thidua_module.level_state_grassroots": 5,
    "thidua_module.level_union_grassroots": 5,
}


def rank_levels(env):
    for xmlid, rank in LEVEL_RANKS.items():
        level = env.ref(xmlid, raise_if_not_found=False)
        if level and not level.rank:
            level.rank = rank


def warn_in_progress(env, awards):
    live = env["thidua.nomination"].search(
        [("award_type_id", "in", awards.ids), ("state", "in", ("submitted", "unit_approved"))]
    )
    for nomination in live:
        level = nomination.award_type_id.initiative_level_id
        if not nomination.initiative_ids.filtered(
            lambda i, level=level: i.level_id and i.level_id._is_at_or_above(level)
        ):
            _logger.warning(
                "Nomination %s (%s): no initiative recognised at %s or above yet",
                nomination.id,
                nomination.display_name,
                level.name,
            )


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    if "rank" in env["thidua.level"]._fields:
        rank_levels(env)
    if "initiative_level_id" not in env["thidua.award.type"]._fields:
        # Upgrading straight to 18.0.2.0.0 or later: its conditions carry the level.
        return
    awards = env["thidua.award.type"]
    for award_xmlid, level_xmlid in INITIATIVE_LEVELS.items():
        award = env.ref(award_xmlid, raise_if_not_found=False)
        level = env.ref(level_xmlid, raise_if_not_found=False)
        if award and level and award.requires_initiative and not award.initiative_level_id:
            award.initiative_level_id = level
            awards |= award
            _logger.info("%s: initiatives recognised at %s", award.name, level.name)
    warn_in_progress(env, awards)
