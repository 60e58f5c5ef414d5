from datetime import date

from odoo import api, fields, models


class ThiduaAwardAmount(models.Model):
    """The amount of an award from a date: its coefficient of the base salary
    and what collectives receive, as a decree set them (dated data, like the
    base salary). A row is in force from its date until the next row of the
    award, or until its own end date when the text that set it was replaced
    and the figures of the next one are not known."""

    _name = "thidua.award.amount"
    _description = "Award Amount"
    _order = "award_type_id, date_from desc, id desc"

    award_type_id = fields.Many2one(
        "thidua.award.type", string="Award", required=True, ondelete="cascade", index=True
    )
    date_from = fields.Date(string="In Force From", required=True)
    date_to = fields.Date(
        string="In Force Until",
        help="Leave empty while the row stays in force until the next one. Set it when "
        "the text that sets this amount ended and no later amount is known: decisions "
        "dated after it are refused until one is added.",
    )
    coefficient = fields.Float(
        digits=(16, 2),
        help="The amount is this coefficient times the base salary in force on the decision "
        "date. 0 for an award given without money.",
    )
    collective_multiplier = fields.Float(
        default=1.0,
        digits=(16, 2),
        help="Collectives receive the individual amount times this figure.",
    )
    legal_basis = fields.Char(
        required=True, help="The decree and article that set this amount, or why it is set."
    )

    _sql_constraints = [
        (
            "award_date_uniq",
            "unique(award_type_id, date_from)",
            "An award has only one amount coming into force on a date.",
        ),
        ("coefficient_positive", "CHECK(coefficient >= 0)", "The coefficient cannot be negative."),
        (
            "multiplier_positive",
            "CHECK(collective_multiplier > 0)",
            "The collective multiplier must be positive.",
        ),
        (
            "dates_ordered",
            "CHECK(date_to IS NULL OR date_to >= date_from)",
            "An amount cannot end before it comes into force.",
        ),
    ]

    @api.depends("award_type_id.name", "coefficient", "date_from")
    def _compute_display_name(self):
        for amount in self:
            amount.display_name = (
                f"{amount.award_type_id.name}: {amount.coefficient:.2f} ({amount.date_from})"
            )

    def _in_force(self, on_date):
        """Among these rows, the one in force on a date for each award: the
        latest that came into force on or before that date, unless it ended
        before it."""
        latest = {}
        for amount in self.sorted(lambda a: a.date_from or date.max, reverse=True):
            if amount.date_from and amount.date_from <= on_date:
                latest.setdefault(amount.award_type_id, amount)
        return self.browse().concat(
            *(a for a in latest.values() if not a.date_to or a.date_to >= on_date)
        )

    def _coefficient_for(self, target):
        """The coefficient of the base salary paid to an individual or a collective."""
        self.ensure_one()
        if target == "collective":
            return self.coefficient * self.collective_multiplier
        return self.coefficient
