import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import escape_psql

from ..tools import vn_order
from ..tools.dates import format_vn_amount, format_vn_date
from ..tools.sql import create_partial_unique_index


class ThiduaDecision(models.Model):
    """A commendation decision (quyết định khen thưởng) and its list."""

    _name = "thidua.decision"
    _description = "Commendation Decision"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "thidua.workflow.mixin",
        "thidua.phase.mixin",
        "thidua.text.limit.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _thidua_workflow_fields = ("state", "date_revoked", "year")
    _thidua_unique_fields = ("name", "authority_id", "date", "company_id")
    _thidua_text_limits = {"name": 64}
    # Once issued, only these may still change outside the workflow.
    _issued_writable_fields = frozenset({"revoke_reason"})

    name = fields.Char(
        string="Number", required=True, tracking=True, help="The number as written on the decision."
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    year = fields.Integer(compute="_compute_year", store=True, aggregator=False)
    authority_id = fields.Many2one(
        "thidua.authority", string="Issuing Authority", required=True, ondelete="restrict"
    )
    is_external = fields.Boolean(
        string="Issued Elsewhere",
        tracking=True,
        help="Issued by another authority, or before this database was used: its "
        "commendations are imported from a spreadsheet, not listed from nominations.",
    )
    signer_name = fields.Char(string="Signed By")
    signer_title = fields.Char(string="Signer's Position", help="As printed above the signature.")
    place = fields.Char(help="Where the decision is signed, as printed before its date.")
    legal_basis = fields.Text(
        string="Legal Bases", help="The legal bases the decision rests on, one a line."
    )
    fund = fields.Char(string="Paid From", help="The fund the amounts are paid from.")
    recipients = fields.Text(help="Those who receive the decision, one a line.")
    movement_id = fields.Many2one("thidua.movement", string="Movement", check_company=True)
    phase_id = fields.Many2one(
        "thidua.phase", string="Phase", domain="[('movement_id', '=', movement_id)]"
    )
    nomination_ids = fields.One2many(
        "thidua.nomination",
        "decision_id",
        string="Nominations",
        domain=[("state", "in", ("council_approved", "awarded"))],
    )
    commendation_ids = fields.One2many("thidua.commendation", "decision_id", string="Commendations")
    commendation_count = fields.Integer(compute="_compute_totals")
    amount_total = fields.Monetary(compute="_compute_totals", string="Total Amount")
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("revoked", "Revoked")],
        string="Status",
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    revoke_reason = fields.Text(tracking=True, copy=False)
    date_revoked = fields.Date(readonly=True, copy=False)
    # The signed scan lists everyone: it is the officers' and the council's.
    document = fields.Binary(
        string="Signed Decision",
        attachment=True,
        copy=False,
        groups="thidua_module.group_thidua_officer",
    )
    document_filename = fields.Char(copy=False, groups="thidua_module.group_thidua_officer")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        # The index itself is made in init(): numbers compare trimmed and case-folded.
        (
            "number_uniq",
            "",
            "This number is already used by a decision of the same authority that year.",
        ),
    ]

    def init(self):
        super().init()
        create_partial_unique_index(
            self.env.cr,
            "thidua_decision_number_uniq",
            self._table,
            "company_id, authority_id, year, lower(btrim(name))",
            "name IS NOT NULL",
        )

    @api.depends("date")
    def _compute_year(self):
        for decision in self:
            decision.year = decision.date.year if decision.date else 0

    def _compute_currency_id(self):
        self.currency_id = self.env.ref("base.VND")

    @api.depends("commendation_ids.amount", "commendation_ids.state", "nomination_ids")
    def _compute_totals(self):
        for decision in self:
            valid = decision.commendation_ids.filtered(lambda c: c.state == "valid")
            decision.commendation_count = len(decision.commendation_ids)
            decision.amount_total = sum(valid.mapped("amount"))

    @api.constrains("date")
    def _check_date(self):
        self.env["thidua.movement"]._check_year_range([d.date.year for d in self if d.date])

    @api.constrains("name", "authority_id", "date", "company_id")
    def _check_number(self):
        for decision in self:
            same = self.search_count(
                [
                    ("id", "!=", decision.id),
                    ("company_id", "=", decision.company_id.id),
                    ("authority_id", "=", decision.authority_id.id),
                    ("year", "=", decision.year),
                    ("name", "=ilike", escape_psql(decision.name)),
                ]
            )
            if same:
                raise ValidationError(
                    self.env._(
                        "The number %(number)s is already used by a decision of %(authority)s "
                        "in %(year)s. Check the number of the decision.",
                        number=decision.name,
                        authority=decision.authority_id.name,
                        year=decision.year,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_number(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_number(vals)
        if not self._thidua_in_workflow_path():
            self._check_editable(vals)
        return super().write(vals)

    @api.model
    def _normalize_number(self, vals):
        if isinstance(vals.get("name"), str):
            vals["name"] = " ".join(vals["name"].split())

    def _check_editable(self, vals):
        changed = self._thidua_changed_content(vals, self._issued_writable_fields)
        issued = self.filtered(lambda d: d.state != "draft")
        if issued and "revoke_reason" in vals and issued.filtered(lambda d: d.state == "revoked"):
            changed.add("revoke_reason")
        if changed and issued:
            raise UserError(
                self.env._(
                    "The decision “%(name)s” is issued: it cannot be changed. Revoke it and "
                    "issue a new one.",
                    name=issued[0].name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        issued = self.filtered(lambda d: d.state != "draft")
        if issued:
            raise UserError(
                self.env._(
                    "The decision “%(name)s” has been issued and cannot be deleted.",
                    name=issued[0].name,
                )
            )

    def _lock(self):
        """Lock the decisions so that two people cannot issue one twice."""
        try:
            self.env.cr.execute(
                "SELECT id FROM thidua_decision WHERE id IN %s FOR UPDATE NOWAIT",
                (tuple(self.ids),),
            )
        except psycopg2.errors.LockNotAvailable:
            raise UserError(
                self.env._(
                    "Someone else is issuing this decision right now. Try again in a moment."
                )
            ) from None
        self.invalidate_recordset(["state"])

    def action_issue(self):
        self._thidua_check_council()
        self._lock()
        self._thidua_check_state(("draft",))
        for decision in self:
            if decision.is_external:
                raise UserError(
                    self.env._(
                        "The decision “%(name)s” was issued elsewhere: import its list of "
                        "commendations instead (Import Commendations).",
                        name=decision.name,
                    )
                )
            if not decision.nomination_ids:
                raise UserError(
                    self.env._(
                        "The decision “%(name)s” lists nobody. Add council-approved "
                        "nominations first.",
                        name=decision.name,
                    )
                )
            decision.nomination_ids._thidua_check_state(("council_approved",))
        commendations = (
            self.env["thidua.commendation"]
            .sudo()
            .create([vals for decision in self for vals in decision._prepare_commendation_values()])
        )
        for commendation in commendations:
            commendation.nomination_id._thidua_workflow_write({"commendation_id": commendation.id})
        commendations.nomination_id._thidua_workflow_write({"state": "awarded"})
        self._thidua_workflow_write({"state": "issued"})
        self._notify_units()
        return True

    def _prepare_commendation_values(self):
        self.ensure_one()
        salary = self.env["thidua.base.salary"].sudo()._in_force(self.date)
        amounts = self._award_amounts()
        return [
            nomination._prepare_commendation_values(
                self,
                salary._award_amount(
                    amounts[nomination.award_type_id]._coefficient_for(nomination.target)
                ),
            )
            for nomination in self.nomination_ids
        ]

    def _award_amounts(self):
        """The amount row in force on the decision's date of each award it lists,
        read for all of them at once; refused when an award has none, rather
        than paying nothing."""
        self.ensure_one()
        awards = self.nomination_ids.award_type_id.sudo()
        amounts = {amount.award_type_id: amount for amount in awards._amount_in_force(self.date)}
        missing = awards.filtered(lambda award: award not in amounts)
        if missing:
            raise UserError(
                self.env._(
                    "No amount is in force on %(date)s for %(awards)s, listed by the decision "
                    "“%(name)s”. Add the amount of that date on the Amounts tab of the award "
                    "(Configuration > Award Types), with its legal basis; an award given "
                    "without money has an amount of coefficient 0.",
                    date=format_vn_date(self.date),
                    awards=", ".join(f"“{name}”" for name in missing.mapped("name")),
                    name=self.name,
                )
            )
        return amounts

    def _issue_external(self, rows):
        """Record a decision issued elsewhere with its list, all or nothing.

        `rows` are the matched lines of its list: dicts with `target`,
        `employee_id` or `department_id`, `award_type_id`, `year`, `award_kind`
        and `amount`. Each becomes a nomination awarded by this decision and its
        commendation, so that the rules count it like any other title held."""
        self.ensure_one()
        self._check_external_recorder()
        self._lock()
        self._thidua_check_state(("draft",))
        if not self.is_external:
            raise UserError(
                self.env._(
                    "The decision “%(name)s” is not marked as issued elsewhere: its list comes "
                    "from the council-approved nominations.",
                    name=self.name,
                )
            )
        if self.nomination_ids or not rows:
            raise UserError(
                self.env._(
                    "The decision “%(name)s” must list nobody yet and the file at least one "
                    "commendation: remove the nominations listed, or check the file.",
                    name=self.name,
                )
            )
        nominations = (
            self.env["thidua.nomination"]
            .sudo()
            .create([self._prepare_external_nomination_values(row) for row in rows])
        )
        commendations = (
            self.env["thidua.commendation"]
            .sudo()
            .create(
                [
                    self._prepare_external_commendation_values(nomination, row["amount"])
                    for nomination, row in zip(nominations, rows, strict=True)
                ]
            )
        )
        with nominations._thidua_unique_guard():
            for commendation in commendations:
                commendation.nomination_id._thidua_workflow_write(
                    {"commendation_id": commendation.id, "state": "awarded"}
                )
        self._thidua_workflow_write({"state": "issued"})
        self.sudo().message_post(
            author_id=self.env.user.partner_id.id,
            body=self.env._(
                "Decision %(name)s recorded as issued elsewhere: %(count)s commendations imported.",
                name=self.name,
                count=len(commendations),
            ),
        )
        return True

    def _issue_granted(self, granted):
        """Record a decision issued elsewhere on nominations of a dossier sent
        up: `granted`, [(nomination, amount)], become its commendations, paid
        what the higher authority's decision gives."""
        self.ensure_one()
        self._check_external_recorder()
        self._lock()
        self._thidua_check_state(("draft",))
        nominations = self.env["thidua.nomination"].concat(*(n for n, _a in granted))
        nominations._thidua_check_state(("council_approved",))
        commendations = (
            self.env["thidua.commendation"]
            .sudo()
            .create(
                [
                    self._prepare_external_commendation_values(nomination, amount)
                    for nomination, amount in granted
                ]
            )
        )
        for commendation in commendations:
            commendation.nomination_id._thidua_workflow_write(
                {"decision_id": self.id, "commendation_id": commendation.id, "state": "awarded"}
            )
        self._thidua_workflow_write({"state": "issued"})
        self._notify_units()
        return True

    def _check_external_recorder(self):
        """Emulation officers and the council record decisions issued elsewhere."""
        self.check_access("write")
        if not (self.env.su or self.env.user.has_group("thidua_module.group_thidua_officer")):
            raise UserError(
                self.env._(
                    "Only an emulation officer or the council records the decision "
                    "“%(name)s” issued elsewhere.",
                    name=self.name,
                )
            )

    def _prepare_external_nomination_values(self, row):
        """A nomination this decision awarded elsewhere: it went through no workflow
        of this database, and stands awarded from the start."""
        self.ensure_one()
        return {
            "target": row["target"],
            "employee_id": row.get("employee_id", False),
            "department_id": row.get("department_id", False),
            "award_type_id": row["award_type_id"],
            "award_kind": row.get("award_kind") or "yearly",
            "year": row["year"],
            "decision_id": self.id,
            "company_id": self.company_id.id,
            "state": "awarded",
        }

    def _prepare_external_commendation_values(self, nomination, amount):
        """The commendation as the other authority granted it, with the amount
        its list gives (paid by that authority), or none."""
        self.ensure_one()
        return nomination._prepare_commendation_values(self, amount or 0.0)

    def _notify_units(self):
        for decision in self:
            managers = self.env["hr.employee"].concat(
                *(unit._thidua_nearest_manager() for unit in decision.nomination_ids.unit_id)
            )
            partners = managers.work_contact_id
            # Posted as the issuer even without an e-mail address: a notification
            # must not stop a decision from being issued.
            decision.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=self.env._(
                    "Decision %(name)s issued: %(count)s commendations.",
                    name=decision.name,
                    count=len(decision.nomination_ids),
                ),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def action_revoke(self):
        self._thidua_check_council()
        self._thidua_check_state(("issued",))
        for decision in self:
            if not (decision.revoke_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason for revoking the decision “%(name)s” first.",
                        name=decision.name,
                    )
                )
        self._thidua_workflow_write(
            {"state": "revoked", "date_revoked": fields.Date.context_today(self)}
        )
        self.commendation_ids.sudo()._thidua_workflow_write({"state": "revoked"})
        return True

    def action_view_commendations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Commendations"),
            "res_model": "thidua.commendation",
            "view_mode": "list,form",
            "domain": [("decision_id", "=", self.id)],
        }

    # Printing

    def _listed_people(self):
        """Its commendations once issued, else its nominations, for a user who may
        read every one of them: a list of people is not shown in part."""
        self.ensure_one()
        whole = self.sudo()
        people = (whole.commendation_ids or whole.nomination_ids).with_env(self.env)
        if not people.has_access("read"):
            raise AccessError(
                self.env._(
                    "Decision “%(name)s” lists people outside the units you manage: "
                    "only those who may see all of them can print its list. To print "
                    "the people of your own units, select them in the Commendations "
                    "list (in the Nominations list while the decision is a draft) and "
                    "use the Print menu there.",
                    name=self.name,
                )
            )
        return people

    def _report_lines(self):
        """The list as printed: the commendations once issued, else the nominations."""
        self.ensure_one()
        people = self._listed_people()
        if people._name == "thidua.commendation":
            return [
                {
                    "name": c.nominee_name,
                    "gender": c.gender,
                    "born": c.birthday.year if c.birthday else "",
                    "position": ", ".join(p for p in (c.job_title, c.department_name) if p),
                    "unit": c.department_name or c.unit_id.name or "",
                    "award": c.award_type_id.name,
                    "amount": c.amount,
                    "target": c.target,
                }
                for c in people
            ]
        return [
            {
                "name": n._nominee_name(),
                "gender": n.employee_id.gender,
                "born": n.employee_id.birthday.year if n.employee_id.birthday else "",
                "position": ", ".join(p for p in (n.employee_id.job_title, n.unit_id.name) if p),
                "unit": n.unit_id.name or "",
                "award": n.award_type_id.name,
                "amount": 0.0,
                "target": n.target,
            }
            for n in people
        ]

    def _report_values(self):
        self.ensure_one()
        lines = self._report_lines()
        groups = {}
        ordered = vn_order.sort_people(
            self.env.cr,
            lines,
            name=lambda line: line["name"],
            unit=lambda line: line["unit"],
            person=lambda line: line["target"] == "individual",
        )
        for line in ordered:
            groups.setdefault(line["unit"], []).append(line)
        people = sum(1 for line in lines if line["target"] == "individual")
        return {
            "people": people,
            "collectives": len(lines) - people,
            "format_date": format_vn_date,
            "bases": [line for line in (self.legal_basis or "").splitlines() if line.strip()],
            "recipients": [
                line.strip(" -") for line in (self.recipients or "").splitlines() if line.strip()
            ],
            "groups": list(groups.items()),
            "total": sum(line["amount"] for line in lines),
            "format_amount": format_vn_amount,
        }
