from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .thidua_discipline import SANCTIONS
from .thidua_rating import RATING_SELECTION

KINDS = [
    ("title", "Holds a title or form"),
    ("rating", "Yearly rating"),
    ("initiative", "Initiatives"),
    ("member_title_share", "Share of members holding a title"),
    ("member_title_count", "Members holding a title"),
    ("member_rating_share", "Share of members with a rating"),
    ("member_discipline", "No member disciplined"),
    ("judged", "Judged by the council"),
]

# What each kind of condition reads: the fields a row of that kind must fill.
KIND_FIELDS = {
    "title": ("required_type_id",),
    "rating": ("rating_level",),
    "initiative": (),
    "member_title_share": ("required_type_id",),
    "member_title_count": ("required_type_id",),
    "member_rating_share": ("rating_level",),
    "member_discipline": ("sanction",),
    "judged": ("name",),
}
MEMBER_KINDS = ("member_title_share", "member_title_count", "member_rating_share")


class ThiduaAwardCondition(models.Model):
    """A condition of an award type, as the law states it.

    Conditions with no route must all hold. Conditions sharing a route (a, b,
    c, as the article's points) make one alternative: the award needs every
    common condition and every condition of at least one route.
    """

    _name = "thidua.award.condition"
    _description = "Award Condition"
    _order = "award_type_id, route, sequence, id"

    award_type_id = fields.Many2one(
        "thidua.award.type", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Description",
        help="What the council judges, for a condition the records cannot show "
        "(e.g. outstanding achievements in a movement).",
    )
    route = fields.Char(
        size=8,
        help="Empty: required in every case. Conditions with the same route (a, b, c, "
        "as the points of the article) are one alternative: at least one route must "
        "hold in full.",
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
        "different things.",
    )
    kind = fields.Selection(KINDS, required=True, default="title")
    required_type_id = fields.Many2one(
        "thidua.award.type", string="Title or Form", ondelete="restrict"
    )
    count_mode = fields.Selection(
        [
            ("consecutive", "Consecutive years"),
            ("times", "Times within a period"),
            ("before", "Before the period"),
        ],
        string="Held As",
        required=True,
        default="consecutive",
        help="Before the period: held at least once before the years counted by the "
        "other conditions of the route (the period, in years).",
    )
    count = fields.Integer(
        default=1,
        required=True,
        help="Consecutive years, times, initiatives or members, as the kind asks.",
    )
    within_years = fields.Integer(
        string="Period (Years)",
        default=1,
        required=True,
        help="The years counted back from the nomination's year, for times within a "
        "period and for a title held before the period.",
    )
    year_offset = fields.Selection(
        [("0", "Up to the year of the nomination"), ("1", "Up to the year before")],
        string="Counted",
        required=True,
        default="0",
    )
    rating_level = fields.Selection(
        RATING_SELECTION, string="Rating At Least", help="This rating or a better one."
    )
    level_id = fields.Many2one(
        "thidua.level",
        string="Recognised At",
        ondelete="restrict",
        help="Initiatives recognised at this level or above (levels of the same system); "
        "empty means any recognised initiative.",
    )
    percent = fields.Float(string="Share (%)")
    strictly_more = fields.Boolean(
        string="More Than the Share",
        help="The law says “more than” (trên) rather than “at least” (từ).",
    )
    sanction = fields.Selection(
        SANCTIONS,
        string="Sanction At Least",
        help="No member disciplined in the year with this sanction or a heavier one.",
    )
    legal_basis = fields.Char(help="The article and point of the text this condition rests on.")

    _sql_constraints = [
        ("count_positive", "CHECK(count > 0)", "A condition counts at least one."),
        (
            "period_holds_times",
            "CHECK(within_years > 0 AND (count_mode != 'times' OR within_years >= count))",
            "A period holds at least one year, and at least as many years as the times required.",
        ),
        (
            "percent_range",
            "CHECK(percent BETWEEN 0 AND 100)",
            "A share is a percentage between 0 and 100.",
        ),
    ]

    @api.constrains("kind", "required_type_id", "rating_level", "sanction")
    def _check_kind_fields(self):
        for condition in self:
            missing = [name for name in KIND_FIELDS[condition.kind] if not condition[name]]
            if missing:
                raise ValidationError(
                    self.env._(
                        "A condition “%(kind)s” of “%(award)s” needs: %(fields)s.",
                        kind=condition._kind_label(),
                        award=condition.award_type_id.name,
                        fields=", ".join(
                            condition._fields[name]._description_string(self.env)
                            for name in missing
                        ),
                    )
                )

    @api.constrains("award_type_id", "required_type_id")
    def _check_not_self(self):
        for condition in self:
            if condition.required_type_id == condition.award_type_id:
                raise ValidationError(
                    self.env._(
                        "“%(name)s” cannot be a condition of itself.",
                        name=condition.award_type_id.name,
                    )
                )

    def _kind_label(self):
        return dict(self._fields["kind"]._description_selection(self.env))[self.kind]

    def _applies(self, target):
        if self.applies_to not in (target, "both"):
            return False
        return self.kind not in (*MEMBER_KINDS, "member_discipline") or target == "collective"

    def _years(self, year):
        """The years a condition looks at for a nomination of that year: the
        consecutive years, or the period of the times."""
        last = year - int(self.year_offset)
        by_period = self.kind == "title" and self.count_mode in ("times", "before")
        span = self.within_years if by_period else self.count
        return list(range(last - span + 1, last + 1))
