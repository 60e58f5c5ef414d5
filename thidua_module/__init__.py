from . import models
from . import report
from . import wizard

from .models.gamification_goal_definition import MADE_PARAMETER


def uninstall_hook(env):
    """Forget which optional measures were made: installed again, the addon
    makes them again, as their definitions went with it."""
    env["ir.config_parameter"].sudo().search([("key", "=", MADE_PARAMETER)]).unlink()
