import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.dates import format_vn_date, ranges_overlap

_logger = logging.getLogger(__name__)


class ThiduaPhase(models.Model):
    """A phase (đợt thi đua) of a movement, with its own theme and milestones."""

    _name = "thidua.phase"
    _description = "Emulation Phase"
    _inherit = ["mail.thread", "mail.activity.mixin", "thidua.workflow.mixin"]
    _order = "movement_id, sequence, date_start, id"
    _check_company_auto = True
    _thidua_workflow_fields = ("state",)

    movement_id = fields.Many2one(
        "thidua.movement",
        string="Movement",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    sequence = fields.Integer(default=1)
    name = fields.Char(required=True, tracking=True)
    theme = fields.Text(tracking=True)
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    milestone_ids = fields.One2many("thidua.milestone", "phase_id", string="Milestones", copy=True)
    milestone_count = fields.Integer(compute="_compute_milestone_count")
    criterion_ids = fields.Many2many(
        "thidua.criterion",
        "thidua_phase_criterion_rel",
        "phase_id",
        "criterion_id",
        string="Criteria",
        help="Criteria of this phase; when empty, the movement's criteria apply.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("closed", "Closed")],
        string="Status",
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="movement_id.company_id", store=True, index=True, precompute=True
    )
    year = fields.Integer(related="movement_id.year", store=True, aggregator=False)
    color = fields.Integer()
    date_registration_deadline = fields.Date(
        string="Registration Deadline",
        tracking=True,
        help="Pledges of this phase created or submitted after this day need the consent "
        "of an emulation officer. Empty: no deadline.",
    )
    date_nomination_deadline = fields.Date(
        string="Nomination Deadline",
        tracking=True,
        help="Nominations of this phase submitted after this day need the consent of an "
        "emulation officer. Empty: no deadline.",
    )
    reminder_ids = fields.One2many("thidua.reminder", "phase_id", string="Reminders")

    @api.depends("milestone_ids")
    def _compute_milestone_count(self):
        for phase in self:
            phase.milestone_count = len(phase.milestone_ids)

    @api.depends("name", "movement_id.name")
    def _compute_display_name(self):
        for phase in self:
            if self.env.context.get("thidua_phase_short_name") or not phase.movement_id:
                phase.display_name = phase.name
            else:
                phase.display_name = f"{phase.name} - {phase.movement_id.name}"

    @api.constrains("date_start", "date_end", "movement_id")
    def _check_dates_in_movement(self):
        for phase in self:
            if phase.date_end < phase.date_start:
                raise ValidationError(
                    self.env._(
                        "Phase “%(name)s”: the end date %(end)s is before the start date "
                        "%(start)s.",
                        name=phase.name,
                        end=format_vn_date(phase.date_end),
                        start=format_vn_date(phase.date_start),
                    )
                )
            movement = phase.movement_id
            if phase.date_start < movement.date_start or phase.date_end > movement.date_end:
                raise ValidationError(
                    self.env._(
                        "Phase “%(name)s” (%(start)s - %(end)s) must lie within its "
                        "movement “%(movement)s” (%(m_start)s - %(m_end)s).",
                        name=phase.name,
                        start=format_vn_date(phase.date_start),
                        end=format_vn_date(phase.date_end),
                        movement=movement.name,
                        m_start=format_vn_date(movement.date_start),
                        m_end=format_vn_date(movement.date_end),
                    )
                )
            for other in movement.phase_ids - phase:
                if ranges_overlap(
                    phase.date_start, phase.date_end, other.date_start, other.date_end
                ):
                    raise ValidationError(
                        self.env._(
                            "Phase “%(name)s” overlaps phase “%(other)s” (%(start)s - "
                            "%(end)s) of the same movement. Phases of a movement must "
                            "not overlap.",
                            name=phase.name,
                            other=other.name,
                            start=format_vn_date(other.date_start),
                            end=format_vn_date(other.date_end),
                        )
                    )
        self.milestone_ids._check_date_in_phase()

    @api.constrains(
        "date_start", "date_end", "date_registration_deadline", "date_nomination_deadline"
    )
    def _check_deadlines(self):
        for phase in self:
            for name in ("date_registration_deadline", "date_nomination_deadline"):
                deadline = phase[name]
                if deadline and not phase.date_start <= deadline <= phase.date_end:
                    raise ValidationError(
                        self.env._(
                            "Phase “%(name)s”: the %(deadline)s %(date)s must lie within the "
                            "phase (%(start)s - %(end)s).",
                            name=phase.name,
                            deadline=self._fields[name]._description_string(self.env).lower(),
                            date=format_vn_date(deadline),
                            start=format_vn_date(phase.date_start),
                            end=format_vn_date(phase.date_end),
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        started = self.filtered(lambda p: p.state != "draft")
        if started:
            raise UserError(
                self.env._(
                    "Phase “%(name)s” has started and cannot be deleted.",
                    name=started[0].name,
                )
            )

    def action_start(self):
        self._thidua_check_state(("draft",))
        not_running = self.movement_id.filtered(lambda m: m.state != "running")
        if not_running:
            raise UserError(
                self.env._(
                    "Launch the movement “%(name)s” before starting its phases.",
                    name=not_running[0].name,
                )
            )
        self._thidua_workflow_write({"state": "running"})
        return True

    def action_close(self):
        self._thidua_check_state(("running",))
        self._thidua_workflow_write({"state": "closed"})
        return True

    def action_view_registration(self):
        self.ensure_one()
        return self.env["thidua.registration.rate"]._open_for(self.movement_id, self)

    def action_mass_register(self):
        self.ensure_one()
        action = self.movement_id.action_mass_register()
        action["context"] = dict(action["context"], default_phase_id=self.id)
        return action

    def action_evaluate_pledges(self):
        """The unit managers' sheet: results of the confirmed pledges, line by line."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Evaluation of %(phase)s", phase=self.display_name),
            "res_model": "thidua.pledge.line",
            "view_mode": "list",
            "views": [
                (self.env.ref("thidua_module.thidua_pledge_line_view_list_evaluate").id, "list")
            ],
            "domain": [("pledge_id.phase_id", "=", self.id), ("pledge_id.state", "=", "confirmed")],
            "context": {"search_default_group_pledge": 1},
        }

    def action_measure(self):
        """Measure the results of the phase's confirmed pledges that Odoo
        measures: all of them for an officer, those of his units for a unit
        manager."""
        domain = [
            ("pledge_id.phase_id", "in", self.ids),
            ("pledge_id.state", "=", "confirmed"),
            ("criterion_id.goal_definition_id", "!=", False),
        ]
        if not self.env.user.has_group("thidua_module.group_thidua_officer"):
            domain.append(("pledge_id.is_in_my_units", "=", True))
        lines = self.env["thidua.pledge.line"].search(domain)
        if not lines:
            raise UserError(
                self.env._(
                    "No confirmed pledge of “%(phase)s” that you may evaluate has a criterion "
                    "measured by Odoo.",
                    phase=self[:1].display_name,
                )
            )
        lines.pledge_id._thidua_check_unit_manager()
        measured, problems = lines._thidua_measure()
        return lines._thidua_measure_notification(measured, problems)

    @api.model
    def _cron_measure(self):
        """Daily: measure the confirmed pledges of the running phases (and the
        yearly pledges of the running movements), so that people see their
        progress."""
        self.env["gamification.goal.definition"]._thidua_sync_optional_definitions()
        lines = (
            self.env["thidua.pledge.line"]
            .sudo()
            .search(
                [
                    ("pledge_id.state", "=", "confirmed"),
                    ("criterion_id.goal_definition_id", "!=", False),
                    "|",
                    ("pledge_id.phase_id.state", "=", "running"),
                    "&",
                    ("pledge_id.phase_id", "=", False),
                    ("pledge_id.movement_id.state", "=", "running"),
                ]
            )
        )
        measured, problems = lines._thidua_measure()
        for problem in problems:
            _logger.warning("Measurement skipped: %s", problem)
        _logger.info("Measured %s results of pledges", measured)

    def action_view_milestones(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Milestones"),
            "res_model": "thidua.milestone",
            "view_mode": "calendar,list,form",
            "domain": [("phase_id", "=", self.id)],
            "context": {"default_phase_id": self.id},
        }

    def _thidua_waiting(self, kind):
        """What waits before a deadline: [(unit, user to remind, count)].

        Registration: the participating units whose employees (sub-units
        included) have not all registered, with each unit's manager. Nomination:
        the units with nominations submitted and not yet approved, with whoever
        approves them for the unit."""
        self.ensure_one()
        movement = self.movement_id
        if kind == "registration":
            units = movement.department_ids
            stats = movement._registration_stats(units, phase=self)
            return [
                (unit, unit.manager_id.user_id, count)
                for unit in units
                if (count := len(stats[unit.id]["employees"]) - len(stats[unit.id]["registered"]))
            ]
        nominations = self.env["thidua.nomination"].search(
            [("phase_id", "=", self.id), ("state", "=", "submitted"), ("unit_id", "!=", False)]
        )
        counts = defaultdict(int)
        for nomination in nominations:
            counts[nomination.unit_id, nomination._unit_approver()] += 1
        return [(unit, user, count) for (unit, user), count in counts.items()]

    @api.model
    def _cron_send_reminders(self):
        """Daily: remind unit managers and officers of the deadlines drawing near."""
        self.env["thidua.reminder"]._send_due()
