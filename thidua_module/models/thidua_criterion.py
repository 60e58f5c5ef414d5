from odoo import api, fields, models
from odoo.exceptions import UserError

METHODS = [
    ("min", "Reach or exceed the target"),
    ("max", "Do not exceed the target"),
    ("bool", "Yes / No"),
]


class ThiduaCriterion(models.Model):
    """A quantitative criterion (tiêu chí) a pledge sets a target for."""

    _name = "thidua.criterion"
    _description = "Emulation Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(string="What It Measures")
    uom = fields.Char(string="Unit of Measure", help="e.g. %, products, initiatives")
    method = fields.Selection(
        METHODS,
        string="Met When",
        required=True,
        default="min",
    )
    weight = fields.Float(default=1.0, digits=(16, 2))
    target_default = fields.Float(string="Default Target", digits=(16, 2))
    applies_to = fields.Selection(
        [
            ("individual", "Individuals"),
            ("collective", "Collectives"),
            ("both", "Individuals and collectives"),
        ],
        required=True,
        default="individual",
    )
    block_ids = fields.Many2many(
        "thidua.block",
        string="Blocks",
        help="Pledges of units in these blocks get this criterion; none means every block.",
    )
    programme_ids = fields.Many2many(
        "thidua.programme",
        string="Programmes",
        help="Pledges joining one of these programmes get this criterion; none means every pledge.",
    )
    goal_definition_id = fields.Many2one(
        "gamification.goal.definition",
        string="Measured By",
        ondelete="set null",
        domain="[('computation_mode', 'in', ('count', 'sum'))]",
        help="Odoo measures the result from its own records: those of the measure's model "
        "matching its filter, counted or summed over the phase (or the movement, for a yearly "
        "pledge), for the employee, or for the members of the collective. Empty: results "
        "are entered by hand.",
    )
    collective_aggregation = fields.Selection(
        [("sum", "Sum of the members"), ("avg", "Average of the members")],
        string="Collective Result",
        required=True,
        default="sum",
        help="How the members' measured values make the result of a collective (sub-units "
        "included).",
    )
    measure_warning = fields.Char(compute="_compute_measure_warning")
    company_id = fields.Many2one("res.company", string="Company")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("weight_positive", "CHECK(weight > 0)", "The weight of a criterion must be positive."),
        (
            "target_default_positive",
            "CHECK(target_default >= 0)",
            "The default target of a criterion cannot be negative.",
        ),
    ]

    def write(self, vals):
        if {"goal_definition_id", "collective_aggregation"} & set(vals):
            self._check_not_measuring_confirmed()
        return super().write(vals)

    def _check_not_measuring_confirmed(self):
        """A measure set or changed under confirmed pledges would replace, with no
        reason kept, the results entered by hand or measured before."""
        used = (
            self.env["thidua.pledge.line"]
            .sudo()
            .search(
                [
                    ("criterion_id", "in", self.ids),
                    ("pledge_id.state", "in", ("confirmed", "evaluated", "closed")),
                ],
                limit=1,
            )
        )
        if used:
            raise UserError(
                self.env._(
                    "The criterion “%(name)s” is a target of confirmed pledges: its measure "
                    "stays as it is until they close. Make a new criterion for the next "
                    "phase.",
                    name=used.criterion_id.name,
                )
            )

    @api.depends("goal_definition_id")
    def _compute_measure_warning(self):
        for criterion in self:
            definition = criterion.goal_definition_id.sudo()
            criterion.measure_warning = definition and definition._thidua_measure_problem()

    def _for_participant(self, target, block, programmes):
        """The criteria for a participant of this kind (individual or collective),
        whose unit competes in `block` and who joins `programmes`. A criterion
        with no block applies in every block; with no programme, to every
        participant."""
        # In a form, the programmes are new records standing for the real ones.
        programmes = programmes._origin
        return self.filtered(
            lambda c: (
                c.applies_to in (target, "both")
                and (not c.block_ids or block in c.block_ids)
                and (not c.programme_ids or bool(c.programme_ids & programmes))
            )
        )

    def _prepare_pledge_line_values(self):
        return [
            {
                "criterion_id": criterion.id,
                "weight": criterion.weight,
                "target": criterion.target_default,
            }
            for criterion in self
        ]
