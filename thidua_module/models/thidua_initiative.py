from odoo import api, fields, models
from odoo.exceptions import UserError


class ThiduaInitiative(models.Model):
    """An initiative (sáng kiến), or a work or product a unit registered."""

    _name = "thidua.initiative"
    _description = "Initiative"
    # The workflow mixin for its check that a write leaves the record within reach.
    _inherit = ["mail.thread", "thidua.unit.mixin", "thidua.workflow.mixin"]
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
    unit_id = fields.Many2one(related="department_id", string="Unit of the Initiative")
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

    def write(self, vals):
        if not self.env.su:
            self._check_editable(vals)
        return super().write(vals)

    def _check_editable(self, vals):
        # The link is made from the nomination, where its rules are checked.
        if "nomination_ids" in vals:
            raise UserError(
                self.env._(
                    "An initiative is linked to a nomination from the nomination, where "
                    "the rules of one initiative for one award are checked."
                )
            )
        # Every nomination counts, those of units the writer does not see too.
        grounding = self.filtered(
            lambda i: any(
                n.state in ("council_approved", "awarded") for n in i.sudo().nomination_ids
            )
        )
        if grounding and self._thidua_changed_content(vals):
            raise UserError(
                self.env._(
                    "The initiative “%(name)s” grounds an approved nomination: it stands "
                    "as the council approved it.",
                    name=grounding[0].name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self.filtered("is_used")
        if used:
            raise UserError(
                self.env._(
                    "The initiative “%(name)s” grounds a nomination and cannot be deleted. "
                    "Archive it once the nomination is settled.",
                    name=used[0].name,
                )
            )
