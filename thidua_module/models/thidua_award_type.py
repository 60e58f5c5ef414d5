from odoo import fields, models


class ThiduaAwardType(models.Model):
    """A title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng)."""

    _name = "thidua.award.type"
    _description = "Award Type"
    _order = "sequence, id"

    name = fields.Char(required=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("title", "Emulation title"), ("form", "Form of commendation")],
        required=True,
        default="title",
        help="An emulation title (danh hiệu thi đua) or a form of commendation "
        "(hình thức khen thưởng).",
    )
    target = fields.Selection(
        [
            ("individual", "Individuals"),
            ("collective", "Collectives"),
            ("both", "Individuals and collectives"),
        ],
        string="Awarded To",
        required=True,
        default="individual",
    )
    level_id = fields.Many2one("thidua.level", string="Level", ondelete="restrict")
    authority_id = fields.Many2one(
        "thidua.authority", string="Issuing Authority", ondelete="restrict"
    )
    is_movement_title = fields.Boolean(
        string="Movement Title",
        help="A title of a movement's own programme (e.g. Người tốt, việc tốt), "
        "awarded by the union rather than under the law's yearly titles.",
    )
    legal_basis = fields.Text(help="The article of law or regulation this award rests on.")
    description = fields.Html()
    company_id = fields.Many2one("res.company", string="Company")
    active = fields.Boolean(default=True)
    color = fields.Integer()

    _sql_constraints = [
        ("code_uniq", "unique(code, company_id)", "The code of an award type must be unique."),
    ]

    def _allows(self, target):
        """True when every award type here may be given to that kind of nominee."""
        return all(award.target in (target, "both") for award in self)
