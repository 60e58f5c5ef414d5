from odoo import fields, models

# From the lightest to the heaviest.
SANCTIONS = [
    ("reprimand", "Reprimand"),
    ("warning", "Warning"),
    ("demotion", "Demotion or removal"),
    ("dismissal", "Dismissal"),
]


class ThiduaDiscipline(models.Model):
    """A discipline case, inspection or complaint that bars commendation."""

    _name = "thidua.discipline"
    _description = "Discipline Case"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, check_company=True, tracking=True
    )
    date = fields.Date(string="Opened On", required=True, default=fields.Date.context_today)
    state = fields.Selection(
        [
            ("pending", "Under review"),
            ("disciplined", "Disciplined"),
            ("dismissed", "Dismissed"),
        ],
        string="Status",
        required=True,
        default="pending",
        tracking=True,
    )
    sanction = fields.Selection(SANCTIONS, tracking=True)
    date_end = fields.Date(
        string="Effect Ends On",
        tracking=True,
        help="Achievements count again from the day after this date.",
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
