import math

from odoo import api, fields, models
from odoo.exceptions import UserError


class ThiduaBaseSalary(models.Model):
    """The base salary (mức lương cơ sở) in force from a date: dated data."""

    _name = "thidua.base.salary"
    _description = "Base Salary"
    _order = "date_from desc"

    date_from = fields.Date(string="In Force From", required=True)
    amount = fields.Monetary(required=True)
    rounding = fields.Integer(
        string="Round Awards Up To",
        default=10000,
        help="Award amounts are rounded up to a multiple of this figure (in dong).",
    )
    legal_basis = fields.Char()
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.ref("base.VND")
    )

    _sql_constraints = [
        ("date_uniq", "unique(date_from)", "Only one base salary comes into force on a date."),
        ("amount_positive", "CHECK(amount > 0)", "The base salary must be positive."),
        ("rounding_positive", "CHECK(rounding > 0)", "The rounding must be positive."),
    ]

    @api.depends("amount", "date_from")
    def _compute_display_name(self):
        for salary in self:
            salary.display_name = f"{salary.amount:,.0f} ({salary.date_from})"

    @api.model
    def _in_force(self, on_date):
        salary = self.search([("date_from", "<=", on_date)], limit=1)
        if not salary:
            raise UserError(
                self.env._(
                    "No base salary is in force on %(date)s. Add it under Configuration > "
                    "Base Salary before computing award amounts.",
                    date=on_date,
                )
            )
        return salary

    def _award_amount(self, coefficient):
        """Coefficient × base salary, rounded up to the rounding of its time."""
        self.ensure_one()
        raw = coefficient * self.amount
        return math.ceil(raw / self.rounding) * self.rounding if raw > 0 else 0.0
