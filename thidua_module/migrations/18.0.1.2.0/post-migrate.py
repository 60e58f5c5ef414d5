"""18.0.1.2.0: the level at which an award's initiatives must be recognised.

The award catalogue is installed once (noupdate), so databases made before
this version get the new setting here, on the two titles whose articles name
it, unless the council already set it.
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


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    if "initiative_level_id" not in env["thidua.award.type"]._fields:
        # Upgrading straight to 18.0.2.0.0 or later: its conditions carry the level.
        return
    for award_xmlid, level_xmlid in INITIATIVE_LEVELS.items():
        award = env.ref(award_xmlid, raise_if_not_found=False)
        level = env.ref(level_xmlid, raise_if_not_found=False)
        if award and level and award.requires_initiative and not award.initiative_level_id:
            award.initiative_level_id = level
            _logger.info("%s: initiatives recognised at %s", award.name, level.name)
