from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import create_index

from ..tools import vn_order
from ..tools.dates import format_vn_date


class ThiduaCommendation(models.Model):
    """A title or form of commendation granted by a decision, as on the decision."""

    _name = "thidua.commendation"
    _description = "Commendation"
    _inherit = ["thidua.unit.mixin", "thidua.workflow.mixin", "thidua.nominee.mixin"]
    _order = "date desc, id desc"
    _rec_name = "award_type_id"

    decision_id = fields.Many2one(
        "thidua.decision", required=True, index=True, ondelete="restrict", readonly=True
    )
    is_external = fields.Boolean(
        related="decision_id.is_external", store=True, string="Issued Elsewhere"
    )
    nomination_id = fields.Many2one(
        "thidua.nomination", required=True, index=True, ondelete="restrict", readonly=True
    )
    award_type_id = fields.Many2one(
        "thidua.award.type",
        string="Award",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    award_kind = fields.Selection(
        [("yearly", "Yearly"), ("thematic", "Thematic"), ("adhoc", "Ad hoc")],
        string="Achievement",
        required=True,
        readonly=True,
    )
    target = fields.Selection(readonly=True)
    # The mixin restricts deleting them: a holder stays on record (archive, not delete).
    employee_id = fields.Many2one(readonly=True)
    department_id = fields.Many2one(readonly=True)
    unit_id = fields.Many2one(
        "hr.department", string="Unit", index=True, readonly=True, ondelete="restrict"
    )
    block_id = fields.Many2one(
        related="unit_id.thidua_block_id", store=True, index="btree_not_null", string="Block"
    )
    level_id = fields.Many2one(
        related="award_type_id.level_id", store=True, index="btree_not_null", string="Level"
    )
    date = fields.Date(required=True, readonly=True)
    year = fields.Integer(required=True, readonly=True, aggregator=False, index=True)
    amount = fields.Monetary(readonly=True)
    # Award amounts are set by law in đồng, whatever the company's currency.
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    movement_id = fields.Many2one(
        "thidua.movement", readonly=True, string="Movement", index="btree_not_null"
    )
    phase_id = fields.Many2one(
        "thidua.phase", readonly=True, string="Phase", index="btree_not_null"
    )
    achievements = fields.Html(readonly=True)
    state = fields.Selection(
        [("valid", "Valid"), ("revoked", "Revoked")],
        string="Status",
        required=True,
        default="valid",
        readonly=True,
        index=True,
    )
    # What the decision said, so that lists printed later read as on the decision.
    nominee_name = fields.Char(string="Name", readonly=True)
    birthday = fields.Date(string="Date of Birth", readonly=True)
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female"), ("other", "Other")], readonly=True
    )
    job_title = fields.Char(string="Position", readonly=True)
    department_name = fields.Char(string="Unit Name", readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)

    _sql_constraints = [
        (
            "nomination_uniq",
            "unique(nomination_id)",
            "A nomination gives one commendation only.",
        ),
        ("amount_positive", "CHECK(amount >= 0)", "An amount cannot be negative."),
    ]
    _thidua_initial_values = {"state": "valid"}
    _thidua_unique_fields = ("nomination_id",)

    def init(self):
        super().init()
        # Where the duplicate and prerequisite rules look a nominee's titles up.
        create_index(
            self.env.cr,
            "thidua_commendation_nominee_award_year_idx",
            self._table,
            ["employee_id", "department_id", "award_type_id", "year"],
        )

    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        # The name as on the decision, in Vietnamese order (tools/vn_order.py);
        # a collective by its whole name.
        if field_name == "nominee_name" and not query.groupby:
            return vn_order.person_order(
                self.env.cr,
                self._field_to_sql(alias, "nominee_name", query),
                direction,
                nulls,
                person=SQL("%s = 'individual'", self._field_to_sql(alias, "target", query)),
            )
        return super()._order_field_to_sql(alias, field_name, direction, nulls, query)

    def _compute_currency_id(self):
        self.currency_id = self.env.ref("base.VND")

    @api.depends("award_type_id", "nominee_name", "year")
    def _compute_display_name(self):
        for commendation in self:
            commendation.display_name = (
                f"{commendation.award_type_id.name} - {commendation.nominee_name} "
                f"({commendation.year})"
            )

    def write(self, vals):
        self.check_access("write")
        if not self._thidua_in_workflow_path() or set(vals) != {"state"}:
            raise UserError(
                self.env._(
                    "A commendation stands as its decision granted it. To undo it, revoke "
                    "the decision."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("A commendation cannot be deleted. Revoke its decision instead.")
        )

    def _certificate_layout(self):
        """The blank layout these commendations print on (one for all of them)."""
        return self.env["thidua.certificate.layout"]._layout_of(self)

    def _blank_values(self):
        """The texts a certificate blank is filled with, by field kind."""
        self.ensure_one()
        decision = self.decision_id
        day = decision.date
        return {
            "name": self.nominee_name or "",
            "job_title": self.job_title or "",
            "unit": self.department_name or self.unit_id.name or "",
            "award": self.award_type_id.name or "",
            "year": str(self.year or ""),
            "decision_number": decision.name or "",
            "decision_date": format_vn_date(day),
            "decision_day": "%02d" % day.day if day else "",
            "decision_month": "%02d" % day.month if day else "",
            "decision_year": str(day.year) if day else "",
            "signer_title": decision.signer_title or "",
            "signer_name": decision.signer_name or "",
        }

    def _certificate_values(self):
        self.ensure_one()
        return {
            "position": ", ".join(p for p in (self.job_title, self.department_name) if p),
            "format_date": format_vn_date,
        }
