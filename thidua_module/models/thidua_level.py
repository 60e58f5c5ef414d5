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
    rank = fields.Integer(
        help="Compares the levels of both systems: 1 is the highest. The law puts the "
        "central mass organisations, such as the Vietnam General Confederation of "
        "Labour, with the ministries and provinces (rank 2).",
    )
    active = fields.Boolean(default=True)

    def _is_at_or_above(self, level):
        """By rank across the systems; without ranks, by sequence within one system."""
        self.ensure_one()
        if self.rank and level.rank:
            return self.rank <= level.rank
        return self.system == level.system and self.sequence <= level.sequence
