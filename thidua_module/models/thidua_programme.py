from odoo import fields, models


class ThiduaProgramme(models.Model):
    """A named movement or campaign that a block runs (e.g. "Hai tốt")."""

    _name = "thidua.programme"
    _description = "Emulation Programme"
    _order = "sequence, id"

    name = fields.Char(required=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("movement", "Emulation movement"), ("campaign", "Campaign")],
        required=True,
        default="movement",
        help="An emulation movement or a campaign.",
    )
    launched_by = fields.Char(
        help="Who launched the programme, e.g. the Prime Minister or the Vietnam "
        "General Confederation of Labour."
    )
    description = fields.Html()
    block_ids = fields.Many2many(
        "thidua.block",
        "thidua_block_programme_rel",
        "programme_id",
        "block_id",
        string="Blocks",
    )
    company_id = fields.Many2one("res.company", string="Company")
    active = fields.Boolean(default=True)
    color = fields.Integer()
