from odoo import api, fields, models


class ThiduaBlock(models.Model):
    """A block (khối thi đua) groups the units that compete together."""

    _name = "thidua.block"
    _description = "Emulation Block"
    _inherit = ["thidua.text.limit.mixin"]
    _thidua_text_limits = {"code": 32}
    _order = "sequence, id"

    name = fields.Char(required=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    description = fields.Html()
    department_ids = fields.One2many("hr.department", "block_id", string="Units")
    department_count = fields.Integer(compute="_compute_department_count", string="Units Count")
    programme_ids = fields.Many2many(
        "thidua.programme",
        "thidua_block_programme_rel",
        "block_id",
        "programme_id",
        string="Programmes",
    )
    company_id = fields.Many2one("res.company", string="Company")
    active = fields.Boolean(default=True)
    color = fields.Integer()

    _sql_constraints = [
        ("code_uniq", "unique(code, company_id)", "The code of a block must be unique."),
    ]

    @api.depends("department_ids")
    def _compute_department_count(self):
        counts = dict(
            self.env["hr.department"]._read_group(
                [("block_id", "in", self.ids)], ["block_id"], ["__count"]
            )
        )
        for block in self:
            block.department_count = counts.get(block, 0)

    def action_view_departments(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Units of %(block)s", block=self.name),
            "res_model": "hr.department",
            "view_mode": "list,form",
            "domain": [("block_id", "=", self.id)],
            "context": {"default_block_id": self.id},
        }
