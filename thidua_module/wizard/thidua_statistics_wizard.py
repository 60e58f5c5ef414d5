from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.dates import format_vn_date


class ThiduaStatisticsWizard(models.TransientModel):
    """Yearly statistics on emulation and commendation for the authority above.

    The statistics year of emulation and commendation runs from 1 December of
    the previous year to 30 November of the year reported (circular
    02/2023/TT-BNV); the other fields of that circular use the calendar year.
    """

    _name = "thidua.statistics.wizard"
    _description = "Yearly Statistics"

    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        help="The statistics year: from 1 December of the year before to 30 November.",
    )
    unit_id = fields.Many2one(
        "hr.department",
        string="Unit",
        check_company=True,
        help="Count only the commendations and movements of this unit and its sub-units. "
        "Leave empty for the whole company.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(compute="_compute_period", string="From")
    date_to = fields.Date(compute="_compute_period", string="To")

    @api.depends("year")
    def _compute_period(self):
        for wizard in self:
            if 1900 < wizard.year < 3000:
                wizard.date_from, wizard.date_to = wizard._period()
            else:
                wizard.date_from = wizard.date_to = False

    def _period(self):
        self.ensure_one()
        return date(self.year - 1, 12, 1), date(self.year, 11, 30)

    def _period_display(self):
        date_from, date_to = self._period()
        return f"{format_vn_date(date_from)} - {format_vn_date(date_to)}"

    def action_print(self):
        self.ensure_one()
        if not 1900 < self.year < 3000:
            raise UserError(self.env._("Enter the statistics year, e.g. 2025."))
        return self.env.ref("thidua_module.thidua_statistics_report_xlsx").report_action(self)

    def _commendations(self):
        """The valid commendations dated in the statistics year, as the user may read them."""
        self.ensure_one()
        date_from, date_to = self._period()
        domain = [
            ("state", "=", "valid"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("company_id", "=", self.company_id.id),
        ]
        if self.unit_id:
            domain.append(("unit_id", "child_of", self.unit_id.id))
        return self.env["thidua.commendation"].search(domain)

    def _movements(self):
        """The movements launched in the statistics year (by their start date)."""
        self.ensure_one()
        date_from, date_to = self._period()
        domain = [
            ("state", "!=", "cancelled"),
            ("date_start", ">=", date_from),
            ("date_start", "<=", date_to),
            ("company_id", "=", self.company_id.id),
        ]
        if self.unit_id:
            domain.append(("department_ids", "child_of", self.unit_id.id))
        return self.env["thidua.movement"].search(domain)
