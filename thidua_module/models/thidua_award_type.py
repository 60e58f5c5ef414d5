from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Code prefixes of the award types shipped with the addon, and their column.
_STATISTICS_PREFIXES = (
    ("CTD", "flag"),
    ("CSTD", "fighter"),
    ("BK", "certificate"),
    ("HCLD", "order"),
    ("HC", "order"),
    ("KNC", "badge"),
    ("HH", "badge"),
)


class ThiduaAwardType(models.Model):
    """A title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng)."""

    _name = "thidua.award.type"
    _description = "Award Type"
    _inherit = ["thidua.text.limit.mixin"]
    _thidua_text_limits = {"code": 32}
    _order = "sequence, id"

    name = fields.Char(required=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("title", "Emulation title"), ("form", "Form of commendation")],
        required=True,
        default="title",
        help="An emulation title, awarded for a year or a movement, or a form of commendation.",
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
        help="A title of a movement's own programme (e.g. Good people, good deeds), "
        "awarded by the union rather than under the law's yearly titles.",
    )
    certificate_layout_id = fields.Many2one(
        "thidua.certificate.layout",
        string="Blank Layout",
        check_company=True,
        ondelete="set null",
        help="Where the certificates of this award are printed on the blank forms bought "
        "for it: the paper, and the place and size of each field.",
    )
    legal_basis = fields.Text(help="The article of law or regulation this award rests on.")
    statistics_column = fields.Selection(
        [
            ("order", "Order or medal"),
            ("flag", "Emulation flag"),
            ("certificate", "Certificate of merit"),
            ("fighter", "Emulation fighter"),
            ("badge", "Commemorative medal or badge"),
            ("other", "Other"),
        ],
        compute="_compute_statistics_column",
        store=True,
        readonly=False,
        precompute=True,
        help="The column of the yearly statistics forms of the Ministry of Home Affairs "
        "in which this award is counted. Guessed from the code; correct it if needed.",
    )
    amount_ids = fields.One2many("thidua.award.amount", "award_type_id", string="Amounts")
    coefficient = fields.Float(
        compute="_compute_amount_today",
        string="Coefficient Today",
        digits=(16, 2),
        help="The coefficient of the base salary in force today (see the Amounts tab); a "
        "decision uses the one in force on its date.",
    )
    collective_multiplier = fields.Float(
        compute="_compute_amount_today",
        string="Collective Multiplier Today",
        digits=(16, 2),
        help="What collectives receive today: the individual amount times this figure.",
    )
    condition_ids = fields.One2many(
        "thidua.award.condition",
        "award_type_id",
        string="Conditions",
        help="Conditions without a route must all hold; of those with a route (a, b, c), "
        "all the conditions of at least one route must hold.",
    )
    quota_base_type_id = fields.Many2one(
        "thidua.award.type",
        string="Quota Against",
        help="The award whose holders in the same unit and year the quota is counted on.",
    )
    quota_percent = fields.Float(
        string="Quota (%)",
        help="At most this share of the holders of the other award; 0 means no quota.",
    )
    vote_share = fields.Float(
        string="Council Vote Needed (%)",
        help="Share of the council members' votes needed at council approval; 0 means "
        "no vote is recorded.",
    )
    commendation_ids = fields.One2many("thidua.commendation", "award_type_id", string="Holders")
    commendation_count = fields.Integer(compute="_compute_commendation_count", string="Held")
    description = fields.Html()
    company_id = fields.Many2one("res.company", string="Company")
    active = fields.Boolean(default=True)
    color = fields.Integer()

    _sql_constraints = [
        ("code_uniq", "unique(code, company_id)", "The code of an award type must be unique."),
        (
            "percent_range",
            "CHECK(quota_percent BETWEEN 0 AND 100 AND vote_share BETWEEN 0 AND 100)",
            "Quotas and vote shares are percentages between 0 and 100.",
        ),
    ]

    @api.depends("code")
    def _compute_statistics_column(self):
        for award in self:
            if not award.statistics_column:
                award.statistics_column = award._guess_statistics_column()

    def _guess_statistics_column(self):
        code = (self.code or "").upper()
        for prefix, column in _STATISTICS_PREFIXES:
            if code.startswith(prefix):
                return column
        return "other"

    @api.depends(
        "amount_ids.date_from",
        "amount_ids.date_to",
        "amount_ids.coefficient",
        "amount_ids.collective_multiplier",
    )
    def _compute_amount_today(self):
        today = fields.Date.context_today(self)
        for award in self:
            amount = award.amount_ids._in_force(today)
            award.coefficient = amount.coefficient
            award.collective_multiplier = amount.collective_multiplier

    def _compute_commendation_count(self):
        counts = dict(
            self.env["thidua.commendation"]._read_group(
                [("award_type_id", "in", self.ids), ("state", "=", "valid")],
                ["award_type_id"],
                ["__count"],
            )
        )
        for award in self:
            award.commendation_count = counts.get(award, 0)

    @api.constrains("quota_base_type_id")
    def _check_not_self_referring(self):
        for award in self:
            if award.quota_base_type_id == award:
                raise ValidationError(
                    self.env._("“%(name)s” cannot be its own quota base.", name=award.name)
                )

    def action_forecast(self):
        """Who is close to qualifying for this award."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "thidua_module.thidua_forecast_action"
        )
        action["context"] = {"default_award_type_id": self.id}
        return action

    def action_view_holders(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Holders of %(award)s", award=self.name),
            "res_model": "thidua.commendation",
            "view_mode": "list,form,pivot",
            "domain": [("award_type_id", "=", self.id)],
        }

    def _is_granted_above(self, own_authority):
        """Is this award granted by an authority above `own_authority`, on a
        dossier sent up to it, rather than by its own council? By the award's
        level, or its authority's, against the level of `own_authority`."""
        self.ensure_one()
        if self.authority_id == own_authority:
            return False
        level, own_level = self.level_id or self.authority_id.level_id, own_authority.level_id
        if level and own_level:
            return level != own_level and not own_level._is_at_or_above(level)
        return bool(self.authority_id)

    def _amount_in_force(self, on_date):
        """The amount row of each of these awards in force on a date; awards
        without one have none in the result."""
        return self.amount_ids._in_force(on_date)
