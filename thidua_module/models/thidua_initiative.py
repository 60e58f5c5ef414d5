from odoo import api, fields, models


class ThiduaInitiative(models.Model):
    """An initiative (sáng kiến), or a work or product a unit registered."""

    _name = "thidua.initiative"
    _description = "Initiative"
    _inherit = ["mail.thread"]
    _order = "date_recognised desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    kind = fields.Selection(
        [
            ("initiative", "Initiative"),
            ("research", "Research topic or scheme"),
            ("work", "Work or product"),
        ],
        required=True,
        default="initiative",
    )
    author_ids = fields.Many2many("hr.employee", string="Authors", check_company=True)
    department_id = fields.Many2one("hr.department", string="Unit", check_company=True)
    description = fields.Html()
    effect = fields.Text(help="The benefit the initiative brought, in words and in figures.")
    benefit_amount = fields.Monetary(string="Benefit")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_recognised = fields.Date(string="Recognised On", tracking=True)
    level_id = fields.Many2one("thidua.level", string="Recognised At Level")
    recognition_ref = fields.Char(string="Recognition Decision")
    milestone_id = fields.Many2one("thidua.milestone", string="Dedicated To")
    nomination_ids = fields.Many2many(
        "thidua.nomination", string="Nominations", readonly=True, copy=False
    )
    is_used = fields.Boolean(
        compute="_compute_is_used",
        store=True,
        help="An initiative grounds one award only.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.depends("nomination_ids.state")
    def _compute_is_used(self):
        for initiative in self:
            initiative.is_used = bool(initiative._live_nominations())

    def _live_nominations(self):
        return self.nomination_ids.filtered(lambda n: n.state not in ("refused", "cancelled"))
