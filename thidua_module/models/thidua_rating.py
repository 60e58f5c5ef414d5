from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.sql import create_unique_index

# From the highest level; `tools.rating.RATING_LEVELS` orders them from the lowest.
RATING_SELECTION = [
    ("excellent", "Excellent"),
    ("good", "Good"),
    ("complete", "Complete"),
    ("incomplete", "Incomplete"),
]


class ThiduaRating(models.Model):
    """The yearly rating of task completion of an employee or a unit
    (đánh giá, xếp loại mức độ hoàn thành nhiệm vụ). The order of its levels,
    from the lowest, is `tools.rating.RATING_LEVELS`."""

    _name = "thidua.rating"
    _description = "Task Completion Rating"
    _inherit = [
        "mail.thread",
        "thidua.unit.mixin",
        "thidua.workflow.mixin",
        "thidua.nominee.mixin",
    ]
    _order = "year desc, unit_id, id"
    _check_company_auto = True
    # No workflow: only the unit, which follows the rated person, is guarded, so
    # that nobody brings a rating within their reach by naming their own unit.
    _thidua_workflow_fields = ("unit_id",)
    _thidua_initial_values = {}
    _thidua_unique_fields = ("target", "employee_id", "department_id", "year")

    target = fields.Selection(string="Rated")
    employee_id = fields.Many2one(check_company=True)
    department_id = fields.Many2one(check_company=True)
    unit_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_rating_unit_id",
        store=True,
        index=True,
        help="Follows the rated person: the employee's department, or the unit itself.",
    )
    year = fields.Integer(
        required=True,
        aggregator=False,
        default=lambda self: fields.Date.context_today(self).year,
    )
    level = fields.Selection(
        RATING_SELECTION,
        string="Rating",
        required=True,
        tracking=True,
        help="The level of task completion over the year.",
    )
    source = fields.Selection(
        [
            ("unit", "Unit's Evaluation"),
            ("document", "Document"),
            ("pledge", "Evaluated Pledge"),
        ],
        string="Based On",
        required=True,
        default="unit",
        tracking=True,
    )
    document_ref = fields.Char(
        tracking=True,
        string="Document Reference",
        help="Number and date of the document that records the rating.",
    )
    pledge_id = fields.Many2one(
        "thidua.pledge",
        string="Evaluated Pledge",
        ondelete="restrict",
        check_company=True,
        domain="[('state', 'in', ('evaluated', 'closed')), ('employee_id', '=', employee_id), "
        "('department_id', '=', department_id)]",
    )
    note = fields.Text(string="Assessment")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        # The index itself is made in init(): it reads a missing employee or unit as 0.
        (
            "nominee_year_uniq",
            "",
            "This employee or unit already has a rating for this year. Open the existing "
            "rating and change it instead of adding a second one.",
        ),
    ]

    def init(self):
        super().init()
        create_unique_index(
            self.env.cr,
            "thidua_rating_nominee_year_uniq",
            self._table,
            ["year", "COALESCE(employee_id, 0)", "COALESCE(department_id, 0)"],
        )

    @api.depends("target", "employee_id", "department_id")
    def _compute_rating_unit_id(self):
        # The unit of the year rated: a transfer does not hand past ratings to
        # the manager of the new unit.
        for rating in self:
            rating.unit_id = rating._nominee_unit()

    @api.depends("employee_id", "department_id", "year")
    def _compute_display_name(self):
        for rating in self:
            who = rating._nominee_name()
            rating.display_name = f"{who} - {rating.year}" if rating.year else who

    @api.onchange("pledge_id")
    def _onchange_pledge_id(self):
        pledge = self.pledge_id
        if pledge:
            self.target = pledge.target
            self.employee_id = pledge.employee_id
            self.department_id = pledge.department_id
            self.year = pledge.movement_id.year

    @api.onchange("source")
    def _onchange_source(self):
        if self.source != "pledge":
            self.pledge_id = False
        if self.source != "document":
            self.document_ref = False

    @api.constrains("source", "document_ref", "pledge_id", "employee_id", "department_id", "year")
    def _check_source(self):
        for rating in self:
            if rating.source == "document" and not (rating.document_ref or "").strip():
                raise ValidationError(
                    self.env._(
                        "The rating “%(name)s” rests on a document: enter its number and date.",
                        name=rating.display_name,
                    )
                )
            if rating.source == "pledge":
                rating._check_pledge()

    def _check_pledge(self):
        # Compared as superuser: the rating's own rules decide who may write it.
        pledge = self.pledge_id.sudo()
        if not pledge:
            raise ValidationError(
                self.env._(
                    "The rating “%(name)s” rests on a pledge: choose the evaluated pledge.",
                    name=self.display_name,
                )
            )
        if (pledge.employee_id, pledge.department_id) != (
            self.employee_id.sudo(),
            self.department_id.sudo(),
        ):
            raise ValidationError(
                self.env._(
                    "The rating “%(name)s” can rest only on a pledge of the same employee or unit.",
                    name=self.display_name,
                )
            )
        if pledge.state not in ("evaluated", "closed"):
            raise ValidationError(
                self.env._(
                    "The pledge of the rating “%(name)s” has not been evaluated yet: a rating "
                    "rests on an evaluated pledge.",
                    name=self.display_name,
                )
            )
        if pledge.movement_id.year != self.year:
            raise ValidationError(
                self.env._(
                    "The rating “%(name)s” is for %(year)s, but its pledge belongs to a "
                    "movement of %(pledge_year)s.",
                    name=self.display_name,
                    year=self.year,
                    pledge_year=pledge.movement_id.year,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Before the database sees a year too large for its column.
        self.env["thidua.movement"]._check_year_range(
            [vals["year"] for vals in vals_list if "year" in vals]
        )
        ratings = super().create(vals_list)
        ratings._check_not_own()
        return ratings

    def write(self, vals):
        if "year" in vals:
            self.env["thidua.movement"]._check_year_range([vals["year"]])
        self._check_not_own()
        self._check_past_years()
        result = super().write(vals)
        self._check_not_own()
        return result

    def _check_past_years(self):
        """Ratings of the years before ground the titles of several years: only
        an emulation officer changes them."""
        if self.env.su or self.env.user.has_group("thidua_module.group_thidua_officer"):
            return
        this_year = fields.Date.context_today(self).year
        past = self.filtered(lambda rating: rating.year < this_year)
        if past:
            raise UserError(
                self.env._(
                    "The rating “%(name)s” is of a past year: only an emulation officer "
                    "changes it.",
                    name=past[0].display_name,
                )
            )

    def _check_not_own(self):
        """Nobody rates themselves, whatever their role: neither their own work
        nor that of a unit they manage."""
        if self.env.su:
            return
        own = self.filtered(lambda rating: rating._is_own())
        if own:
            raise UserError(
                self.env._(
                    "You cannot rate yourself: “%(name)s” is rated by the manager above you "
                    "or by an emulation officer.",
                    name=own[0].display_name,
                )
            )
