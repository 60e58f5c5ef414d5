from odoo import fields, models


class ThiduaLevel(models.Model):
    """A level of the administration or of the trade union (cấp).

    Levels are data: district-level administration was abolished in 2025 and
    the union's levels are being reorganised, so users edit them.
    """

    _name = "thidua.level"
    _description = "Emulation Level"
    _order = "sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    system = fields.Selection(
        [("state", "State administration"), ("union", "Trade union")],
        required=True,
        default="union",
    )
    active = fields.Boolean(default=True)

    def _is_at_or_above(self, level):
        """Within the same system, a lower sequence is a higher level."""
        self.ensure_one()
        return self.system == level.system and self.sequence <= level.sequence
