from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.sql import create_index

from ..tools.sql import create_partial_unique_index
from .thidua_dossier import DOSSIER_STATES
from .thidua_movement import YEAR_MAX, YEAR_MIN


class ThiduaNomination(models.Model):
    """A nomination for an award (đề nghị khen thưởng)."""

    _name = "thidua.nomination"
    _description = "Nomination"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "thidua.unit.mixin",
        "thidua.workflow.mixin",
        "thidua.phase.mixin",
        "thidua.nominee.mixin",
        "thidua.deadline.mixin",
    ]
    _order = "year desc, unit_id, award_type_id, id"
    _check_company_auto = True
    _thidua_workflow_fields = (
        "state",
        "commendation_id",
        "unit_id",
        "is_live",
        "unit_approver_id",
        "late_consent_by_id",
        "late_consent_date",
        "dossier_ids",
        "origin_dossier_id",
        "external_ref",
    )
    _thidua_deadline_field = "date_nomination_deadline"
    _thidua_unique_fields = (
        "state",
        "award_type_id",
        "year",
        "employee_id",
        "department_id",
        "target",
    )
    # What the unit approves: fixed once submitted.
    _nominee_fields = frozenset(
        {
            "award_type_id",
            "award_kind",
            "target",
            "employee_id",
            "department_id",
            "year",
            "movement_id",
            "phase_id",
            "company_id",
            "route_claimed",
        }
    )
    # Once the council approved, only these may still change outside the workflow.
    _approved_writable_fields = frozenset({"refuse_reason", "decision_id"})
    _vote_fields = frozenset({"vote_members", "vote_for"})

    movement_id = fields.Many2one(
        "thidua.movement", string="Movement", index=True, tracking=True, check_company=True
    )
    phase_id = fields.Many2one(
        "thidua.phase",
        string="Phase",
        index="btree_not_null",
        domain="[('movement_id', '=', movement_id)]",
    )
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        aggregator=False,
        default=lambda self: fields.Date.context_today(self).year,
    )
    award_type_id = fields.Many2one(
        "thidua.award.type",
        string="Award",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('target', 'in', (target, 'both'))]",
    )
    award_kind = fields.Selection(
        [("yearly", "Yearly"), ("thematic", "Thematic"), ("adhoc", "Ad hoc")],
        string="Achievement",
        required=True,
        default="yearly",
        help="Thematic and ad-hoc commendations do not count "
        "towards the yearly record later titles require.",
    )
    employee_id = fields.Many2one(tracking=True, check_company=True)
    department_id = fields.Many2one(tracking=True, check_company=True)
    unit_id = fields.Many2one(
        "hr.department",
        string="Proposing Unit",
        compute="_compute_unit_id",
        store=True,
        index=True,
        check_company=True,
        help="Follows the nominee: the employee's department, or the unit above a collective.",
    )
    block_id = fields.Many2one(
        related="unit_id.thidua_block_id", store=True, index="btree_not_null", string="Block"
    )
    # For the analysis by gender, as the list of a nomination prints it; like the
    # employee's own field, read by the HR officers (emulation officers) only.
    gender = fields.Selection(related="employee_id.gender", store=True, string="Gender")
    route_claimed = fields.Char(
        string="Case Relied On",
        size=8,
        tracking=True,
        help="For an award granted on one of several cases (a, b, c of the article), the "
        "case this nomination rests on when the council judges it from the achievements.",
    )
    pledge_id = fields.Many2one(
        "thidua.pledge",
        string="Evaluated Pledge",
        domain="[('state', 'in', ('evaluated', 'closed'))]",
        check_company=True,
    )
    score = fields.Float(related="pledge_id.score", compute_sudo=False)
    achievements = fields.Html(string="Achievements Summary")
    report_file = fields.Binary(string="Achievement Report", attachment=True)
    report_filename = fields.Char()
    initiative_ids = fields.Many2many("thidua.initiative", string="Initiatives", check_company=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("unit_approved", "Approved by Unit"),
            ("council_approved", "Approved by Council"),
            ("awarded", "Awarded"),
            ("refused", "Refused"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    is_live = fields.Boolean(
        compute="_compute_is_live",
        store=True,
        help="Submitted, approved, or awarded by a decision still in force: the nominee "
        "cannot be nominated again for the same award and year.",
    )
    unit_approver_id = fields.Many2one(
        "res.users",
        string="Approved for the Unit By",
        copy=False,
        readonly=True,
        tracking=True,
        help="Whoever approved at unit level does not approve again at the council.",
    )
    refuse_reason = fields.Text(tracking=True, copy=False)
    vote_members = fields.Integer(string="Council Members", copy=False)
    vote_for = fields.Integer(string="Votes For", copy=False)
    decision_id = fields.Many2one(
        "thidua.decision", string="Decision", copy=False, index=True, ondelete="restrict"
    )
    commendation_id = fields.Many2one(
        "thidua.commendation", string="Commendation", copy=False, readonly=True
    )
    dossier_ids = fields.Many2many(
        "thidua.dossier",
        "thidua_dossier_nomination_rel",
        "nomination_id",
        "dossier_id",
        string="Dossiers",
        copy=False,
        readonly=True,
    )
    dossier_state = fields.Selection(
        DOSSIER_STATES,
        string="Dossier",
        compute="_compute_dossier_state",
        compute_sudo=True,
        help="Where the dossier sent up to a higher authority stands.",
    )
    origin_dossier_id = fields.Many2one(
        "thidua.dossier",
        string="Received In",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="The dossier of a lower level this nomination was received in: its "
        "achievements were checked against the records there.",
    )
    external_ref = fields.Char(
        string="Reference at the Sender",
        copy=False,
        readonly=True,
        help="The nomination's reference in the database of the lower level that sent it.",
    )
    eligibility_html = fields.Html(
        string="Eligibility", compute="_compute_eligibility_html", sanitize=False
    )
    is_eligible = fields.Boolean(compute="_compute_eligibility_html")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "votes_valid",
            "CHECK(vote_for >= 0 AND vote_for <= vote_members)",
            "Votes for cannot be negative nor exceed the council members.",
        ),
        # The index itself is made in init(): it counts the live nominations only.
        (
            "live_nominee_uniq",
            "",
            "This employee or unit is already nominated for this award in this year. "
            "Open the existing nomination instead of submitting a second one.",
        ),
    ]

    def init(self):
        super().init()
        create_partial_unique_index(
            self.env.cr,
            "thidua_nomination_live_nominee_uniq",
            self._table,
            "award_type_id, year, COALESCE(employee_id, 0), COALESCE(department_id, 0)",
            "is_live",
        )
        # Where the duplicate and prerequisite rules look a nominee's nominations up.
        create_index(
            self.env.cr,
            "thidua_nomination_nominee_award_year_idx",
            self._table,
            ["employee_id", "department_id", "award_type_id", "year"],
        )

    @api.depends("dossier_ids.state")
    def _compute_dossier_state(self):
        for nomination in self:
            sent = nomination.dossier_ids.filtered(lambda d: d.direction == "out")
            nomination.dossier_state = sent.sorted("id")[-1:].state or False

    def _nominee_unit(self):
        """The employee's department, or the unit above a collective."""
        if self.target == "collective":
            return self.department_id.parent_id or self.department_id
        return super()._nominee_unit()

    @api.depends("state", "commendation_id.state")
    def _compute_is_live(self):
        for nomination in self:
            nomination.is_live = nomination._is_live()

    @api.depends("employee_id", "department_id", "award_type_id", "year")
    def _compute_display_name(self):
        for nomination in self:
            nomination.display_name = " - ".join(
                part
                for part in (
                    nomination._nominee_name(),
                    nomination.award_type_id.name,
                    str(nomination.year or ""),
                )
                if part
            )

    @api.depends(
        "award_type_id",
        "employee_id",
        "department_id",
        "year",
        "initiative_ids",
        "vote_members",
        "vote_for",
        "state",
    )
    def _compute_eligibility_html(self):
        managed = self.env["hr.department"]._thidua_managed_by()
        ready = self.filtered(lambda n: n._shows_eligibility(managed))
        eligibility = self.env["thidua.eligibility"]
        results = {}
        for stage in ("submit", "council"):
            batch = ready.filtered(lambda n, s=stage: (n.state == "draft") == (s == "submit"))
            if batch:
                results.update(eligibility._evaluate(batch, stage=stage))
        for nomination in self:
            rows = results.get(nomination.id, [])
            nomination.is_eligible = eligibility._is_eligible(rows)
            nomination.eligibility_html = eligibility._render(rows)

    def _shows_eligibility(self, managed_units):
        """The panel reads the nominee's record as superuser: it is shown only to
        those who may act on the nomination, or to the nominee."""
        if not (self.award_type_id and (self.employee_id or self.department_id)):
            return False
        if not YEAR_MIN <= self.year <= YEAR_MAX:
            return False
        user = self.env.user
        if self.env.su or user.has_group("thidua_module.group_thidua_officer"):
            return True
        if self.employee_id and self.employee_id.user_id == user:
            return True
        # Worked out from the nominee, not read from unit_id, which a client
        # sends as it likes in an onchange.
        return self._nominee_unit() in managed_units

    @api.onchange("pledge_id")
    def _onchange_pledge_id(self):
        pledge = self.pledge_id
        if pledge:
            self.movement_id = pledge.movement_id
            self.phase_id = pledge.phase_id
            self.target = pledge.target
            self.employee_id = pledge.employee_id
            self.department_id = pledge.department_id

    @api.onchange("movement_id")
    def _onchange_movement_id(self):
        if self.movement_id:
            self.year = self.movement_id.year

    @api.constrains("route_claimed", "award_type_id")
    def _check_route_claimed(self):
        for nomination in self.filtered("route_claimed"):
            routes = {
                (route or "").strip().lower()
                for route in nomination.award_type_id.condition_ids.mapped("route")
            }
            if nomination.route_claimed.strip().lower() not in routes - {""}:
                raise ValidationError(
                    self.env._(
                        "“%(award)s” has no case %(route)s: choose one of the cases of its "
                        "conditions, or none.",
                        award=nomination.award_type_id.name,
                        route=nomination.route_claimed,
                    )
                )

    @api.constrains("pledge_id", "employee_id", "department_id")
    def _check_pledge(self):
        for nomination in self.filtered("pledge_id"):
            pledge = nomination.pledge_id
            if (pledge.employee_id, pledge.department_id) != (
                nomination.employee_id,
                nomination.department_id,
            ):
                raise ValidationError(
                    self.env._("The evaluated pledge must be the nominee's own pledge.")
                )

    @api.constrains("initiative_ids", "state")
    def _check_initiatives_used_once(self):
        # Every nomination counts, those of units the writer does not see too.
        for initiative in self.initiative_ids.sudo():
            if len(initiative._live_nominations()) > 1:
                raise ValidationError(
                    self.env._(
                        "The initiative “%(name)s” already grounds another nomination: one "
                        "initiative is grounds for one award only.",
                        name=initiative.name,
                    )
                )

    @api.constrains("decision_id", "state")
    def _check_decision(self):
        wrong = self.filtered(
            lambda n: n.decision_id and n.state not in ("council_approved", "awarded")
        )
        if wrong:
            raise ValidationError(
                self.env._(
                    "“%(name)s” is not approved by the council and cannot be listed in a decision.",
                    name=wrong[0].display_name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(n.state not in ("draft", "cancelled") for n in self):
            raise UserError(
                self.env._("Only draft or cancelled nominations can be deleted. Cancel it first.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        years = [vals["year"] for vals in vals_list if "year" in vals]
        self.env["thidua.movement"]._check_year_range(years)
        if any(self._vote_fields & set(vals) for vals in vals_list):
            self._thidua_check_council(allow_superuser=False)
        return super().create(vals_list)

    def write(self, vals):
        if "year" in vals:
            self.env["thidua.movement"]._check_year_range([vals["year"]])
        if not self._thidua_in_workflow_path():
            self._check_editable(vals)
        return super().write(vals)

    def _check_editable(self, vals):
        written = set(vals)
        submitted = self.filtered(lambda n: n.state != "draft")
        if submitted and self._nominee_fields & written:
            raise UserError(
                self.env._(
                    "The nomination “%(name)s” has been submitted: its nominee, award, year "
                    "and movement can no longer change. Cancel it and make a new one.",
                    name=submitted[0].display_name,
                )
            )
        approved = self.filtered(lambda n: n.state in ("council_approved", "awarded"))
        frozen = self._thidua_changed_content(vals, self._approved_writable_fields)
        if approved and frozen:
            raise UserError(
                self.env._(
                    "The nomination “%(name)s” has been approved by the council: its "
                    "achievements, votes and documents stand as approved. Refuse it and "
                    "make a new one to change them.",
                    name=approved[0].display_name,
                )
            )
        refusable = ("submitted", "unit_approved", "council_approved")
        settled = self.filtered(lambda n: n.state not in refusable)
        if "refuse_reason" in written and settled:
            raise UserError(
                self.env._(
                    "The nomination “%(name)s” can no longer be refused: its reason for "
                    "refusal stays as it is.",
                    name=settled[0].display_name,
                )
            )
        if "refuse_reason" in written and self.filtered(lambda n: n.state == "council_approved"):
            self._thidua_check_council()
        if self._vote_fields & written:
            self._thidua_check_council(allow_superuser=False)
        if "decision_id" in vals:
            self._check_decision_change(vals["decision_id"])

    def _check_decision_change(self, decision_id):
        """Listing in or out of a draft decision; issued lists change only by revoking."""
        self._check_not_sent_up()
        if not self.env.user.has_group("thidua_module.group_thidua_officer"):
            raise UserError(
                self.env._("Only an emulation officer lists nominations in a decision.")
            )
        awarded = self.filtered(lambda n: n.state == "awarded")
        if awarded:
            raise UserError(
                self.env._(
                    "The nomination “%(name)s” has been awarded by the decision %(decision)s: "
                    "it stays on that decision. Revoke the decision to undo it.",
                    name=awarded[0].display_name,
                    decision=awarded[0].decision_id.name,
                )
            )
        decisions = self.decision_id | self.env["thidua.decision"].browse(decision_id or [])
        issued = decisions.filtered(lambda d: d.state != "draft")
        if issued:
            raise UserError(
                self.env._(
                    "The decision “%(name)s” has been issued: its list can no longer change.",
                    name=issued[0].name,
                )
            )

    # Helpers

    def _is_held(self):
        """Approved by the council, or awarded by a decision still in force."""
        return self.state == "council_approved" or (
            self.state == "awarded" and self.commendation_id.state == "valid"
        )

    def _is_live(self):
        return self.state in ("submitted", "unit_approved") or self._is_held()

    def _check_eligibility(self, stage="submit"):
        eligibility = self.env["thidua.eligibility"]
        results = eligibility._evaluate(self, stage=stage)
        failures = [
            (nomination, row)
            for nomination in self
            for row in eligibility._failures(results[nomination.id])
        ]
        if failures:
            lines = "\n".join(
                f"- {nomination.display_name}: {row.detail}" for nomination, row in failures[:20]
            )
            raise UserError(
                self.env._("These nominations do not meet the rules:\n%(lines)s", lines=lines)
            )

    def _check_not_own(self):
        own = self.filtered(lambda n: n.user_id and n.user_id == self.env.user)
        if own and not self.env.su:
            raise UserError(
                self.env._(
                    "You cannot approve your own nomination “%(name)s”.",
                    name=own[0].display_name,
                )
            )

    def _check_two_approvers(self):
        """The unit's approval and the council's are two people's."""
        twice = self.filtered(lambda n: n.unit_approver_id == self.env.user)
        if twice and not self.env.su:
            raise UserError(
                self.env._(
                    "You approved “%(name)s” for the unit: another member of the council "
                    "approves it at council level.",
                    name=twice[0].display_name,
                )
            )

    # Workflow

    def action_submit(self):
        self._thidua_check_state(("draft",))
        self._thidua_check_deadline()
        self._check_eligibility()
        self._thidua_workflow_write({"state": "submitted"})
        self._schedule_next_activity()
        return True

    def action_unit_approve(self):
        self._thidua_check_state(("submitted",))
        self._thidua_check_unit_manager()
        self._check_not_own()
        self._thidua_workflow_write({"state": "unit_approved", "unit_approver_id": self.env.uid})
        self._schedule_next_activity()
        return True

    def action_council_approve(self):
        self._thidua_check_state(("unit_approved",))
        self._thidua_check_council()
        self._check_not_own()
        self._check_two_approvers()
        self._check_eligibility(stage="council")
        self._thidua_workflow_write({"state": "council_approved"})
        # A year's batch is approved at once: like hr_holidays on validation, the
        # review to-dos go in one delete, and the tracked state tells the step.
        self.activity_unlink(list(self._APPROVAL_ACTIVITIES))
        return True

    def action_refuse(self):
        self._thidua_check_state(("submitted", "unit_approved", "council_approved"))
        self._check_not_sent_up()
        missing = self.filtered(lambda n: not (n.refuse_reason or "").strip())
        if missing:
            raise UserError(
                self.env._(
                    "Give the reason for refusing “%(name)s” before refusing it.",
                    name=missing[0].display_name,
                )
            )
        if self.filtered(lambda n: n.state == "council_approved"):
            self._thidua_check_council()
        else:
            self._thidua_check_unit_manager()
        self._thidua_workflow_write({"state": "refused"})
        self._close_approval_activities(self.env._("Refused"))
        return True

    def action_cancel(self):
        self._thidua_check_state(("draft", "submitted", "unit_approved"))
        self._check_not_received()
        self._thidua_workflow_write({"state": "cancelled"})
        self._close_approval_activities(self.env._("Cancelled"))
        return True

    def action_draft(self):
        self._thidua_check_state(("refused", "cancelled"))
        self._check_not_received()
        self._thidua_workflow_write(
            {"state": "draft", "refuse_reason": False, "unit_approver_id": False}
        )
        return True

    _APPROVAL_ACTIVITIES = (
        "thidua_module.mail_activity_data_thidua_unit_approval",
        "thidua_module.mail_activity_data_thidua_council_review",
    )

    def _close_approval_activities(self, feedback=None):
        """Close the approval steps' own to-dos; those people planned stay."""
        self.activity_feedback(list(self._APPROVAL_ACTIVITIES), feedback=feedback)

    def _schedule_next_activity(self):
        """An activity for whoever approves next: the unit's manager, then the council."""
        self._close_approval_activities()
        council = self.env.ref("thidua_module.group_thidua_council").users
        unit_type, council_type = self._APPROVAL_ACTIVITIES
        for nomination in self:
            if nomination.state == "submitted":
                users, activity_type = nomination._unit_approver(), unit_type
            else:
                users = council.filtered(lambda u, n=nomination: n.company_id in u.company_ids)[:1]
                activity_type = council_type
            for user in users:
                # As superuser, the notification of the assignee goes out even when
                # the approver has no e-mail address: it must not block the step.
                nomination.sudo().activity_schedule(activity_type, user_id=user.id)

    def _unit_approver(self):
        """The manager of the unit or of the nearest unit above it, passing over
        the nominee (nobody approves their own nomination); else the officer in
        charge of the movement."""
        self.ensure_one()
        unit = self.unit_id
        while unit:
            user = unit.manager_id.user_id
            if user and user != self.user_id:
                return user
            unit = unit.parent_id
        return self.movement_id.user_id

    # Dossiers between two levels

    def _check_not_sent_up(self):
        """A nomination on a dossier awaiting the higher authority's decision is
        that authority's to decide: the decision recorded, or the dossier returned."""
        for nomination in self:
            waiting = nomination.sudo().dossier_ids.filtered(
                lambda d: d.direction == "out" and d.state == "sent"
            )
            if waiting:
                raise UserError(
                    self.env._(
                        "“%(name)s” is on the dossier %(dossier)s sent to %(authority)s: record "
                        "its decision, or its return, on the dossier.",
                        name=nomination.display_name,
                        dossier=waiting[0].name,
                        authority=waiting[0].authority_id.name,
                    )
                )

    def _check_not_received(self):
        """A nomination received from a lower level is answered, not withdrawn: the
        council approves or refuses it, and the decision file tells the sender."""
        received = self.filtered("origin_dossier_id")
        if received:
            raise UserError(
                self.env._(
                    "“%(name)s” was received from %(sender)s: approve or refuse it, with the "
                    "reason, so that the decision sent back answers it.",
                    name=received[0].display_name,
                    sender=received[0].origin_dossier_id.sender_name,
                )
            )

    def _refuse_from_above(self, dossier, reason):
        """Not granted by the higher authority the dossier went to."""
        self.ensure_one()
        self._thidua_workflow_write(
            {
                "state": "refused",
                "refuse_reason": reason
                or self.env._(
                    "Not granted by %(authority)s (dossier %(dossier)s).",
                    authority=dossier.authority_id.name,
                    dossier=dossier.name,
                ),
            }
        )

    def _decision_result(self):
        """This nomination received from a lower level, as the decision file
        sends it back (README: `results`)."""
        self.ensure_one()
        granted = self.state == "awarded" and self.commendation_id.state == "valid"
        result = {"ref": self.external_ref, "granted": granted}
        if granted:
            result.update(
                decision=self.decision_id.name,
                amount=self.commendation_id.amount,
                award_code=self.award_type_id.code,
            )
        else:
            result["reason"] = self.refuse_reason or ""
        return result

    def _prepare_commendation_values(self, decision, amount):
        """The commendation this nomination becomes on the decision, paid
        `amount` (worked out by the decision from the rows in force on its date)."""
        self.ensure_one()
        award = self.award_type_id
        employee = self.employee_id
        return {
            "decision_id": decision.id,
            "nomination_id": self.id,
            "award_type_id": award.id,
            "award_kind": self.award_kind,
            "target": self.target,
            "employee_id": employee.id,
            "department_id": self.department_id.id,
            "unit_id": self.unit_id.id,
            "date": decision.date,
            "year": self.year,
            "amount": amount,
            "movement_id": self.movement_id.id,
            "phase_id": self.phase_id.id,
            "achievements": self.achievements,
            "nominee_name": self._nominee_name(),
            "birthday": employee.birthday,
            "gender": employee.gender,
            "job_title": employee.job_title or employee.job_id.name,
            "department_name": (employee.department_id or self.department_id).name,
            "company_id": decision.company_id.id,
        }
