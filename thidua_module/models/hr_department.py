from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    block_id = fields.Many2one(
        "thidua.block",
        string="Emulation Block",
        index=True,
        ondelete="restrict",
        help="The block (khối thi đua) in which this unit competes.",
    )
