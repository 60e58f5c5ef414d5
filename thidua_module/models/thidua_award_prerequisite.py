from odoo import fields, models


class ThiduaAwardPrerequisite(models.Model):
    """An award the nominee must already hold: for N consecutive years, or N
    times within a period (for titles awarded every few years)."""

    _name = "thidua.award.prerequisite"
    _description = "Award Prerequisite"

    award_type_id = fields.Many2one(
        "thidua.award.type", required=True, ondelete="cascade", index=True
    )
    required_type_id = fields.Many2one(
        "thidua.award.type", string="Must Hold", required=True, ondelete="restrict"
    )
    applies_to = fields.Selection(
        [
            ("individual", "Individuals"),
            ("collective", "Collectives"),
            ("both", "Individuals and collectives"),
        ],
        string="For",
        required=True,
        default="both",
        help="An award given to both individuals and collectives may ask each for "
        "different titles.",
    )
    count_mode = fields.Selection(
        [("consecutive", "Consecutive years"), ("times", "Times within a period")],
        string="Held As",
        required=True,
        default="consecutive",
    )
    consecutive_years = fields.Integer(default=1, required=True)
    times = fields.Integer(default=1, required=True)
    within_years = fields.Integer(string="Within (Years)", default=1, required=True)
    year_offset = fields.Selection(
        [("0", "Up to the year of the nomination"), ("1", "Up to the year before")],
        string="Counted",
        required=True,
        default="0",
    )

    _sql_constraints = [
        (
            "years_positive",
            "CHECK(consecutive_years > 0)",
            "A prerequisite is held for at least one year.",
        ),
        (
            "times_within_period",
            "CHECK(times > 0 AND within_years >= times)",
            "A prerequisite is held at least once, and a period holds at least as many "
            "years as the times required.",
        ),
    ]

    def _years(self, year):
        """The years that count for a nomination of that year: each of them for
        consecutive years, any `times` of them for a period."""
        last = year - int(self.year_offset)
        span = self.consecutive_years if self.count_mode == "consecutive" else self.within_years
        return list(range(last - span + 1, last + 1))
