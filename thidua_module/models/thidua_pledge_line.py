from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .thidua_criterion import METHODS


class ThiduaPledgeLine(models.Model):
    """The target a pledge sets for one criterion, and the result reached."""

    _name = "thidua.pledge.line"
    _description = "Pledge Target"
    _inherit = ["thidua.workflow.mixin"]
    _order = "pledge_id, sequence, id"
    _thidua_workflow_fields = ("is_met", "method", "state", "unit_id", "company_id")
    _thidua_initial_values = {}
    _thidua_unique_fields = ("pledge_id", "criterion_id")

    pledge_id = fields.Many2one(
        "thidua.pledge", required=True, index=True, ondelete="cascade", string="Pledge"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    criterion_id = fields.Many2one(
        "thidua.criterion", required=True, ondelete="restrict", string="Criterion"
    )
    # The criterion's method as the target was set: a later change of the
    # criterion does not rewrite evaluated results.
    method = fields.Selection(
        METHODS,
        string="Met When",
        compute="_compute_method",
        store=True,
    )
    uom = fields.Char(related="criterion_id.uom", string="Unit of Measure")
    weight = fields.Float(default=1.0, digits=(16, 2))
    target = fields.Float(digits=(16, 2))
    actual = fields.Float(string="Result", digits=(16, 2), copy=False)
    is_met = fields.Boolean(string="Met", compute="_compute_is_met", store=True)
    # Read as the user: a pledge one may not read tells nothing through its lines.
    state = fields.Selection(related="pledge_id.state", compute_sudo=False)
    unit_id = fields.Many2one(
        related="pledge_id.unit_id", store=True, string="Unit", compute_sudo=False
    )
    employee_id = fields.Many2one(related="pledge_id.employee_id", compute_sudo=False)
    company_id = fields.Many2one(related="pledge_id.company_id", store=True, compute_sudo=False)

    _sql_constraints = [
        ("criterion_uniq", "unique(pledge_id, criterion_id)", "A criterion appears once a pledge."),
        ("weight_positive", "CHECK(weight > 0)", "The weight of a target must be positive."),
    ]

    @api.depends("criterion_id")
    def _compute_method(self):
        for line in self:
            line.method = line.criterion_id.method

    @api.depends("target", "actual", "method", "pledge_id.state")
    def _compute_is_met(self):
        for line in self:
            if line.pledge_id.state not in ("evaluated", "closed"):
                line.is_met = False
            elif line.method == "max":
                line.is_met = line.actual <= line.target
            elif line.method == "bool":
                line.is_met = bool(line.actual)
            else:
                line.is_met = line.actual >= line.target

    @api.constrains("target", "actual")
    def _check_not_negative(self):
        for line in self:
            if line.target < 0 or line.actual < 0:
                raise ValidationError(
                    self.env._(
                        "The target and the result of “%(criterion)s” cannot be negative.",
                        criterion=line.criterion_id.name,
                    )
                )

    def _is_as_proposed(self):
        """Still the criterion's default target and weight, with no result."""
        criterion = self.criterion_id
        return (
            self.target == criterion.target_default
            and self.weight == criterion.weight
            and not self.actual
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.pledge_id._check_lines_editable({"target"})
        with_results = lines.filtered("actual")
        with_results.pledge_id._check_lines_editable({"actual"})
        return lines

    def write(self, vals):
        if "pledge_id" in vals and not self.env.su:
            raise UserError(self.env._("A target stays on its pledge: add a new target instead."))
        self.pledge_id._check_lines_editable(set(vals))
        return super().write(vals)

    def unlink(self):
        self.pledge_id._check_lines_editable({"target"})
        return super().unlink()
