from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..tools.dates import format_vn_date
from ..tools.sql import create_partial_unique_index


class ThiduaPledge(models.Model):
    """A registration for emulation (đăng ký thi đua) by a person or a unit."""

    _name = "thidua.pledge"
    _description = "Emulation Pledge"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "thidua.unit.mixin",
        "thidua.workflow.mixin",
        "thidua.phase.mixin",
        "thidua.nominee.mixin",
        "thidua.deadline.mixin",
    ]
    _order = "movement_id desc, phase_id, unit_id, rank, id"
    _check_company_auto = True
    _thidua_workflow_fields = (
        "state",
        "date_submitted",
        "date_confirmed",
        "date_evaluated",
        "evaluated_by_id",
        "rank",
        "score",
        "met_count",
        "progress",
        "unit_id",
        "late_consent_by_id",
        "late_consent_date",
    )
    _thidua_deadline_field = "date_registration_deadline"
    _thidua_deadline_on_create = True
    _thidua_unique_fields = (
        "movement_id",
        "phase_id",
        "employee_id",
        "department_id",
        "target",
        "state",
    )
    # Who registers, for what: fixed once submitted.
    _participant_fields = frozenset(
        {"target", "employee_id", "department_id", "movement_id", "phase_id", "company_id"}
    )
    # What is registered: fixed once confirmed by the unit.
    _content_fields = frozenset(
        {
            "date",
            "award_type_ids",
            "programme_ids",
            "commitment",
            "is_agreement",
            "partner_department_ids",
        }
    )

    movement_id = fields.Many2one(
        "thidua.movement",
        string="Movement",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
        domain="[('state', 'in', ('draft', 'running'))]",
        default=lambda self: self._default_movement_id(),
    )
    phase_id = fields.Many2one(
        "thidua.phase",
        string="Phase",
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('movement_id', '=', movement_id)]",
    )
    date = fields.Date(
        string="Registration Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    target = fields.Selection(string="Registers")
    employee_id = fields.Many2one(
        tracking=True, check_company=True, default=lambda self: self._default_employee_id()
    )
    department_id = fields.Many2one(tracking=True, check_company=True)
    user_id = fields.Many2one(string="User")
    unit_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_unit_id",
        store=True,
        index=True,
        help="The unit the pledge belongs to: the collective itself, or the employee's department.",
    )
    block_id = fields.Many2one(
        related="unit_id.thidua_block_id", store=True, index="btree_not_null", string="Block"
    )
    award_type_ids = fields.Many2many(
        "thidua.award.type",
        string="Titles Registered",
        tracking=True,
        domain="[('target', 'in', (target, 'both'))]",
    )
    programme_ids = fields.Many2many("thidua.programme", string="Programmes Joined")
    commitment = fields.Html(string="Commitments")
    is_agreement = fields.Boolean(
        string="Joint Agreement",
        help="A joint emulation agreement signed with other units.",
    )
    partner_department_ids = fields.Many2many(
        "hr.department",
        "thidua_pledge_partner_department_rel",
        "pledge_id",
        "department_id",
        string="Signed With",
    )
    line_ids = fields.One2many("thidua.pledge.line", "pledge_id", string="Targets", copy=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("confirmed", "Confirmed"),
            ("evaluated", "Evaluated"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    date_submitted = fields.Date(string="Submitted On", copy=False, readonly=True)
    date_confirmed = fields.Date(string="Confirmed On", copy=False, readonly=True)
    date_evaluated = fields.Date(string="Evaluated On", copy=False, readonly=True)
    evaluated_by_id = fields.Many2one("res.users", string="Evaluated By", copy=False, readonly=True)
    evaluation_note = fields.Text(string="Evaluation")
    score = fields.Float(
        compute="_compute_score",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Share of the weights of the criteria met, out of 100.",
    )
    met_count = fields.Integer(string="Criteria Met", compute="_compute_score", store=True)
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        digits=(16, 1),
        aggregator="avg",
        help="How far the results are towards the targets, weighted by the criteria, out of 100.",
    )
    rank = fields.Integer(
        copy=False,
        readonly=True,
        aggregator=False,
        help="Rank by score among the evaluated pledges of the same unit, movement and phase.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        # The index itself is made in init(): it counts the live pledges only.
        (
            "participant_uniq",
            "",
            "This employee or unit has already registered for this movement and phase. "
            "Open the existing pledge instead of making a second one.",
        ),
    ]

    @api.depends("employee_id", "department_id", "movement_id", "phase_id")
    def _compute_display_name(self):
        for pledge in self:
            who = pledge._nominee_name()
            when = pledge.phase_id.name or pledge.movement_id.name or ""
            pledge.display_name = f"{who} - {when}" if when else who

    @api.depends("line_ids.is_met", "line_ids.weight")
    def _compute_score(self):
        for pledge in self:
            total = sum(pledge.line_ids.mapped("weight"))
            met = pledge.line_ids.filtered("is_met")
            pledge.met_count = len(met)
            pledge.score = 100.0 * sum(met.mapped("weight")) / total if total else 0.0

    @api.depends("line_ids.progress", "line_ids.weight")
    def _compute_progress(self):
        for pledge in self:
            lines = pledge.line_ids
            total = sum(lines.mapped("weight"))
            done = sum(line.progress * line.weight for line in lines)
            pledge.progress = done / total if total else 0.0

    @api.model
    def _default_movement_id(self):
        # Most of the year a company runs one movement: register for it.
        running = self.env["thidua.movement"].search(
            [("state", "=", "running"), ("company_id", "=", self.env.company.id)], limit=2
        )
        return running if len(running) == 1 else False

    @api.model
    def _default_employee_id(self):
        # From "My pledges" people register for themselves.
        if self.env.context.get("thidua_my_pledges"):
            return self.env.user.employee_id
        return False

    @api.onchange("movement_id")
    def _onchange_movement_id(self):
        movement = self.movement_id
        if movement and not movement.date_start <= self.date <= movement.date_end:
            self.date = movement.date_start

    @api.onchange(
        "movement_id", "phase_id", "target", "employee_id", "department_id", "programme_ids"
    )
    def _onchange_fill_lines(self):
        # Targets someone already set stay; untouched lines follow the participant.
        if not self.movement_id or not all(line._is_as_proposed() for line in self.line_ids):
            return
        self.line_ids = [Command.clear()] + [
            Command.create(values) for values in self._criteria()._prepare_pledge_line_values()
        ]

    def _criteria(self):
        """The criteria of the phase (else of the movement) that apply to this
        participant: its kind, its unit's block and the programmes it joins."""
        criteria = self.phase_id.criterion_ids or self.movement_id.criterion_ids
        block = self._nominee_unit()._thidua_block()
        return criteria._for_participant(self.target, block, self.programme_ids)

    @api.constrains("employee_id")
    def _check_employee_active(self):
        archived = self.employee_id.filtered(lambda e: not e.active)
        if archived:
            raise ValidationError(
                self.env._(
                    "%(name)s is archived and cannot register. Restore the employee first.",
                    name=archived[0].name,
                )
            )

    @api.constrains("movement_id")
    def _check_movement_open(self):
        closed = self.movement_id.filtered(lambda m: m.state in ("closed", "cancelled"))
        if closed:
            raise ValidationError(
                self.env._(
                    "The movement “%(name)s” is closed or cancelled: it takes no more pledges.",
                    name=closed[0].name,
                )
            )

    @api.constrains("date", "movement_id")
    def _check_date(self):
        for pledge in self:
            movement = pledge.movement_id
            if not movement.date_start <= pledge.date <= movement.date_end:
                raise ValidationError(
                    self.env._(
                        "The registration date %(date)s is outside the movement “%(name)s” "
                        "(%(start)s - %(end)s).",
                        date=format_vn_date(pledge.date),
                        name=movement.name,
                        start=format_vn_date(movement.date_start),
                        end=format_vn_date(movement.date_end),
                    )
                )

    @api.constrains("award_type_ids", "target")
    def _check_award_types(self):
        for pledge in self:
            target = pledge.target
            wrong = pledge.award_type_ids.filtered(lambda a, t=target: a.target not in (t, "both"))
            if wrong and target == "individual":
                raise ValidationError(
                    self.env._(
                        "“%(award)s” is not awarded to individuals. Choose titles for individuals.",
                        award=wrong[0].name,
                    )
                )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "“%(award)s” is not awarded to collectives. Choose titles for collectives.",
                        award=wrong[0].name,
                    )
                )

    @api.constrains("movement_id", "phase_id", "employee_id", "department_id", "state")
    def _check_unique_participant(self):
        """One pledge per participant per movement and phase, checked in one query."""
        active = self.filtered(lambda p: p.state != "cancelled")
        if not active:
            return
        others = self.search(
            [
                ("movement_id", "in", active.movement_id.ids),
                ("state", "!=", "cancelled"),
                "|",
                ("employee_id", "in", active.employee_id.ids),
                ("department_id", "in", active.department_id.ids),
            ]
        )
        seen = defaultdict(list)
        for pledge in others:
            seen[pledge._participant_key()].append(pledge)
        for pledge in active:
            if len(seen[pledge._participant_key()]) > 1:
                raise ValidationError(
                    self.env._(
                        "%(who)s has already registered for “%(when)s”. Open the existing "
                        "pledge instead of making a second one.",
                        who=pledge._nominee_name(),
                        when=pledge.phase_id.name or pledge.movement_id.name,
                    )
                )

    def _participant_key(self):
        return (
            self.movement_id.id,
            self.phase_id.id,
            self.employee_id.id,
            self.department_id.id,
        )

    def init(self):
        super().init()
        create_partial_unique_index(
            self.env.cr,
            "thidua_pledge_participant_uniq",
            self._table,
            "movement_id, COALESCE(phase_id, 0), COALESCE(employee_id, 0), "
            "COALESCE(department_id, 0)",
            "state != 'cancelled'",
        )

    def write(self, vals):
        self._check_editable(vals)
        return super().write(vals)

    def _check_editable(self, vals):
        if self._thidua_in_workflow_path():
            return
        submitted = self.filtered(lambda p: p.state != "draft")
        if submitted and self._participant_fields & set(vals):
            raise UserError(
                self.env._(
                    "The pledge “%(name)s” has been submitted: who registers, for which "
                    "movement and phase, can no longer change. Cancel it and register again.",
                    name=submitted[0].display_name,
                )
            )
        confirmed = self.filtered(lambda p: p.state not in ("draft", "submitted"))
        if confirmed and self._content_fields & set(vals):
            raise UserError(
                self.env._(
                    "The pledge “%(name)s” has been confirmed: its titles, programmes and "
                    "commitments can no longer change.",
                    name=confirmed[0].display_name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(pledge.state not in ("draft", "cancelled") for pledge in self):
            raise UserError(
                self.env._("Only draft or cancelled pledges can be deleted. Cancel it first.")
            )

    # Workflow

    def _check_not_own(self, message):
        """Nobody confirms, evaluates or enters the results of their own pledge,
        whatever their role: an individual's own, or the collective one of a unit
        they manage."""
        own = self.filtered(lambda p: p._is_own())
        if own and not self.env.su:
            raise UserError(message % {"name": own[0].display_name})

    def action_submit(self):
        self._thidua_check_state(("draft",))
        empty = self.filtered(lambda p: not p.award_type_ids and not p.line_ids)
        if empty:
            raise UserError(
                self.env._(
                    "The pledge “%(name)s” registers no title and no target. Add at least one.",
                    name=empty[0].display_name,
                )
            )
        self._thidua_check_deadline()
        self._thidua_workflow_write(self._prepare_state_values("submitted"))
        return True

    def action_confirm(self):
        self._thidua_check_state(("submitted",))
        self._thidua_check_unit_manager()
        self._check_not_own(
            self.env._(
                "You cannot confirm your own pledge “%(name)s”: the manager above you "
                "or an emulation officer does."
            )
        )
        self._thidua_workflow_write(self._prepare_state_values("confirmed"))
        return True

    def action_evaluate(self):
        self._thidua_check_state(("confirmed",))
        self._thidua_check_unit_manager()
        self._check_not_own(
            self.env._(
                "You cannot evaluate your own pledge “%(name)s”: the manager above you "
                "or an emulation officer does."
            )
        )
        # The results start from what Odoo measures; corrected ones stay.
        self.line_ids._thidua_measure()
        self._thidua_workflow_write(self._prepare_state_values("evaluated"))
        self._update_ranks()
        return True

    def action_close(self):
        self._thidua_check_state(("evaluated",))
        if not self.env.user.has_group("thidua_module.group_thidua_officer"):
            raise UserError(self.env._("Only an emulation officer closes evaluated pledges."))
        self._thidua_workflow_write(self._prepare_state_values("closed"))
        return True

    def action_cancel(self):
        self._thidua_check_state(("draft", "submitted", "confirmed"))
        if self.filtered(lambda p: p.state != "draft"):
            self._thidua_check_unit_manager()
        self._thidua_workflow_write(self._prepare_state_values("cancelled"))
        return True

    def action_draft(self):
        self._thidua_check_state(("submitted", "cancelled"))
        self._thidua_workflow_write(self._prepare_state_values("draft"))
        return True

    def action_measure(self):
        """Measure now the results of the criteria Odoo measures."""
        self._thidua_check_state(("confirmed",))
        self._thidua_check_unit_manager()
        measured, problems = self.line_ids._thidua_measure()
        return self.env["thidua.pledge.line"]._thidua_measure_notification(measured, problems)

    def action_propose_rating(self):
        """The year's rating of the participant, grounded on this evaluated pledge:
        the one already made, or a new one whose level the evaluator chooses. The
        rating's record rules decide who may save it."""
        self.ensure_one()
        self._thidua_check_state(("evaluated", "closed"))
        ratings = self.env["thidua.rating"]
        ratings.check_access("create")
        year = self.movement_id.year
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Yearly Rating"),
            "res_model": "thidua.rating",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
        existing = ratings.search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("department_id", "=", self.department_id.id),
                ("year", "=", year),
            ],
            limit=1,
        )
        if existing:
            action["res_id"] = existing.id
            return action
        action["context"] = {
            "default_target": self.target,
            "default_employee_id": self.employee_id.id,
            "default_department_id": self.department_id.id,
            "default_year": year,
            "default_source": "pledge",
            "default_pledge_id": self.id,
            "default_company_id": self.company_id.id,
        }
        return action

    def _prepare_state_values(self, state):
        values = {"state": state}
        today = fields.Date.context_today(self)
        if state == "submitted":
            values["date_submitted"] = today
        elif state == "confirmed":
            values["date_confirmed"] = today
        elif state == "evaluated":
            values.update(date_evaluated=today, evaluated_by_id=self.env.uid)
        return values

    def _update_ranks(self):
        """Rank the evaluated pledges of each unit, movement and phase by score."""
        domain = expression.OR(
            [
                [
                    ("movement_id", "=", movement.id),
                    ("phase_id", "=", phase.id),
                    ("unit_id", "=", unit.id),
                    ("target", "=", target),
                ]
                for movement, phase, unit, target in {
                    (p.movement_id, p.phase_id, p.unit_id, p.target) for p in self
                }
            ]
        )
        evaluated = self.sudo().search(
            expression.AND([domain, [("state", "in", ("evaluated", "closed"))]]),
            order="score desc, id",
        )
        groups = defaultdict(lambda: self.sudo().browse())
        for pledge in evaluated:
            key = (pledge.movement_id, pledge.phase_id, pledge.unit_id, pledge.target)
            groups[key] |= pledge
        by_rank = defaultdict(lambda: self.sudo().browse())
        for pledges in groups.values():
            rank, previous = 0, None
            for position, pledge in enumerate(pledges, start=1):
                if pledge.score != previous:
                    rank, previous = position, pledge.score
                if pledge.rank != rank:
                    by_rank[rank] |= pledge
        for rank, pledges in by_rank.items():
            pledges.write({"rank": rank})

    def _check_lines_editable(self, fields_written):
        """Targets are fixed once confirmed; results are entered while confirmed,
        by someone else than the participant."""
        target_fields = {"target", "weight", "criterion_id"}
        if fields_written & target_fields:
            locked = self.filtered(lambda p: p.state not in ("draft", "submitted"))
            if locked:
                raise UserError(
                    self.env._(
                        "The targets of “%(name)s” were confirmed and cannot change.",
                        name=locked[0].display_name,
                    )
                )
        if fields_written & {"actual", "override_reason"}:
            wrong = self.filtered(lambda p: p.state != "confirmed")
            if wrong:
                raise UserError(
                    self.env._(
                        "Results are entered on confirmed pledges only; “%(name)s” is not "
                        "confirmed.",
                        name=wrong[0].display_name,
                    )
                )
            self._check_not_own(
                self.env._(
                    "You cannot enter the results of your own pledge “%(name)s”: the "
                    "manager above you or an emulation officer does."
                )
            )
