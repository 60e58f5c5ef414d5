from odoo import fields, models

from .thidua_reminder import DEFAULT_REMINDER_DAYS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    thidua_authority_id = fields.Many2one(related="company_id.thidua_authority_id", readonly=False)
    thidua_cover_form = fields.Char(related="company_id.thidua_cover_form", readonly=False)
    thidua_report_form_individual = fields.Char(
        related="company_id.thidua_report_form_individual", readonly=False
    )
    thidua_report_form_collective = fields.Char(
        related="company_id.thidua_report_form_collective", readonly=False
    )
    thidua_reminder_days = fields.Integer(
        string="Remind Before a Deadline (Days)",
        config_parameter="thidua_module.reminder_days",
        default=DEFAULT_REMINDER_DAYS,
        help="Unit managers are reminded of a registration or nomination deadline this "
        "many days ahead.",
    )
