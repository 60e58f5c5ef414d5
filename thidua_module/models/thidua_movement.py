from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.dates import format_vn_date

YEAR_MIN, YEAR_MAX = 1945, 2100


class ThiduaMovement(models.Model):
    """An emulation movement (phong trào thi đua) launched by a plan."""

    _name = "thidua.movement"
    _description = "Emulation Movement"
    _inherit = ["mail.thread", "mail.activity.mixin", "thidua.workflow.mixin"]
    _order = "year desc, date_start desc, id desc"
    _check_company_auto = True
    _thidua_workflow_fields = ("state",)

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        string="Plan Number",
        tracking=True,
        help="Reference number of the plan launching the movement.",
    )
    date_issue = fields.Date(string="Plan Date", tracking=True)
    authority_id = fields.Many2one(
        "thidua.authority",
        string="Issuing Organisation",
        tracking=True,
        ondelete="restrict",
    )
    year = fields.Integer(
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
        aggregator=False,
    )
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    parent_id = fields.Many2one(
        "thidua.movement",
        string="Implements",
        index=True,
        ondelete="restrict",
        help="The higher-level movement this plan implements.",
    )
    child_ids = fields.One2many("thidua.movement", "parent_id", string="Implementing Movements")
    themes = fields.Text(string="Themes of the Year")
    objectives = fields.Html(string="Objectives")
    legal_basis = fields.Text(string="Legal Basis")
    department_ids = fields.Many2many(
        "hr.department",
        "thidua_movement_department_rel",
        "movement_id",
        "department_id",
        string="Participating Units",
        check_company=True,
    )
    block_ids = fields.Many2many(
        "thidua.block",
        "thidua_movement_block_rel",
        "movement_id",
        "block_id",
        string="Blocks",
    )
    programme_ids = fields.Many2many(
        "thidua.programme",
        "thidua_movement_programme_rel",
        "movement_id",
        "programme_id",
        string="Programmes",
    )
    phase_ids = fields.One2many("thidua.phase", "movement_id", string="Phases", copy=True)
    criterion_ids = fields.Many2many(
        "thidua.criterion",
        "thidua_movement_criterion_rel",
        "movement_id",
        "criterion_id",
        string="Criteria",
        help="The criteria pledges set targets for, unless the phase has its own.",
    )
    pledge_ids = fields.One2many("thidua.pledge", "movement_id", string="Pledges")
    pledge_count = fields.Integer(compute="_compute_pledge_count")
    registration_rate = fields.Float(
        compute="_compute_registration_rate",
        groups="thidua_module.group_thidua_unit_manager",
        help="Share of the active employees of the participating units who registered.",
    )
    milestone_ids = fields.One2many("thidua.milestone", "movement_id", string="Milestones")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Officer",
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
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
    plan_file = fields.Binary(string="Signed Plan", attachment=True, copy=False)
    plan_filename = fields.Char(copy=False)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    phase_count = fields.Integer(compute="_compute_counts")
    milestone_count = fields.Integer(compute="_compute_counts")
    department_count = fields.Integer(compute="_compute_counts")
    child_count = fields.Integer(compute="_compute_counts")
    period_display = fields.Char(compute="_compute_period_display", string="Period")

    @api.depends("phase_ids", "milestone_ids", "department_ids", "child_ids")
    def _compute_counts(self):
        for movement in self:
            movement.phase_count = len(movement.phase_ids)
            movement.milestone_count = len(movement.milestone_ids)
            movement.department_count = len(movement.department_ids)
            movement.child_count = len(movement.child_ids)

    def _compute_pledge_count(self):
        counts = dict(
            self.env["thidua.pledge"]._read_group(
                [("movement_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["movement_id"],
                ["__count"],
            )
        )
        for movement in self:
            movement.pledge_count = counts.get(movement, 0)

    def _compute_registration_rate(self):
        # Over the units within the user's reach: figures are their managers'.
        for movement in self:
            units = movement._units_within_reach()
            stats = movement._registration_stats(units) if units else {}
            movement.registration_rate = movement._registration_total(stats=stats)["rate"]

    @api.depends("date_start", "date_end")
    def _compute_period_display(self):
        for movement in self:
            movement.period_display = "{} - {}".format(
                format_vn_date(movement.date_start), format_vn_date(movement.date_end)
            )

    @api.onchange("date_start")
    def _onchange_date_start(self):
        if self.date_start:
            self.year = self.date_start.year

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for movement in self:
            if movement.date_end < movement.date_start:
                raise ValidationError(
                    self.env._(
                        "Movement “%(name)s”: the end date %(end)s is before the start "
                        "date %(start)s. Correct one of the two dates.",
                        name=movement.name,
                        end=format_vn_date(movement.date_end),
                        start=format_vn_date(movement.date_start),
                    )
                )
        self.phase_ids._check_dates_in_movement()

    @api.constrains("year", "date_start", "date_end")
    def _check_year(self):
        dates = self.mapped("date_start") + self.mapped("date_end")
        self._check_year_range(self.mapped("year") + [day.year for day in dates if day])

    @api.model_create_multi
    def create(self, vals_list):
        # Before the database sees a year too large for its column.
        self._check_year_range([vals["year"] for vals in vals_list if "year" in vals])
        return super().create(vals_list)

    def write(self, vals):
        if "year" in vals:
            self._check_year_range([vals["year"]])
        return super().write(vals)

    @api.model
    def _check_year_range(self, years):
        """Refuse years that no record of emulation can bear (a typo, a two-digit year)."""
        wrong = [year for year in years if not YEAR_MIN <= (year or 0) <= YEAR_MAX]
        if wrong:
            raise ValidationError(
                self.env._(
                    "The year %(year)s is not valid: enter a year between %(first)s and "
                    "%(last)s, in four digits.",
                    year=wrong[0],
                    first=YEAR_MIN,
                    last=YEAR_MAX,
                )
            )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A movement cannot implement itself, directly or through others.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        started = self.filtered(lambda m: m.state not in ("draft", "cancelled"))
        if started:
            raise UserError(
                self.env._(
                    "Movement “%(name)s” has been launched and cannot be deleted. "
                    "Cancel it or archive it instead.",
                    name=started[0].name,
                )
            )

    def action_launch(self):
        self._thidua_check_state(("draft",))
        without_phase = self.filtered(lambda m: not m.phase_ids)
        if without_phase:
            raise UserError(
                self.env._(
                    "Movement “%(name)s” has no phase yet. Add at least one phase with "
                    "its dates before launching it.",
                    name=without_phase[0].name,
                )
            )
        self._thidua_workflow_write(self._prepare_state_values("running"))
        return True

    def action_close(self):
        self._thidua_check_state(("running",))
        open_phases = self.phase_ids.filtered(lambda p: p.state != "closed")
        open_phases._thidua_workflow_write({"state": "closed"})
        self._thidua_workflow_write(self._prepare_state_values("closed"))
        return True

    def action_cancel(self):
        self._thidua_check_state(("draft", "running"))
        self._thidua_workflow_write(self._prepare_state_values("cancelled"))
        return True

    def action_draft(self):
        self._thidua_check_state(("cancelled",))
        self._thidua_workflow_write(self._prepare_state_values("draft"))
        return True

    def _prepare_state_values(self, state):
        return {"state": state}

    def _action_related(self, model, name, domain, context=None):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": domain,
            "context": context or {},
        }

    def action_view_phases(self):
        self.ensure_one()
        return self._action_related(
            "thidua.phase",
            self.env._("Phases"),
            [("movement_id", "=", self.id)],
            {"default_movement_id": self.id},
        )

    def action_view_milestones(self):
        self.ensure_one()
        action = self._action_related(
            "thidua.milestone", self.env._("Milestones"), [("movement_id", "=", self.id)]
        )
        action["view_mode"] = "calendar,list,form"
        return action

    def action_view_departments(self):
        self.ensure_one()
        return self._action_related(
            "hr.department",
            self.env._("Participating Units"),
            [("id", "in", self.department_ids.ids)],
        )

    def action_view_pledges(self):
        self.ensure_one()
        return self._action_related(
            "thidua.pledge",
            self.env._("Pledges"),
            [("movement_id", "=", self.id)],
            {"default_movement_id": self.id, "search_default_group_unit": 1},
        )

    def action_view_registration(self):
        self.ensure_one()
        return self.env["thidua.registration.rate"]._open_for(self)

    def action_mass_register(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mass Registration"),
            "res_model": "thidua.pledge.mass.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_movement_id": self.id},
        }

    # Registration rate

    def _units_in_reach(self):
        """The units whose figures the current user may see in this movement.

        An emulation officer sees every participating unit; a unit manager the
        top-most units he manages within the participating units (each with its
        sub-units). Anyone else is refused.
        """
        units = self._units_within_reach()
        if not units:
            raise AccessError(
                self.env._(
                    "You manage none of the units taking part in the movement “%(name)s”. "
                    "Its figures are shown to the managers of its units, for their own "
                    "units, and to the emulation officers.",
                    name=self.name,
                )
            )
        return units

    def _units_within_reach(self):
        """The units of `_units_in_reach`, or none."""
        self.ensure_one()
        if self.env.su or self.env.user.has_group("thidua_module.group_thidua_officer"):
            return self.department_ids
        paths = tuple(self.department_ids.mapped("parent_path"))
        managed = self.env["hr.department"]._thidua_managed_by()
        inside = managed.filtered(lambda d: d.parent_path.startswith(paths))
        return inside.filtered(lambda d: d.parent_id not in inside)

    def _registration_stats(self, units=None, phase=None, as_user=False):
        """Registration of each unit (its sub-units included) in this movement.

        Returns {unit id: {"employees": [ids], "registered": [ids], "rate": %}}
        from three queries whatever the number of employees: active employees
        grouped by department, the departments' paths, and the pledges. The
        employees are counted whoever asks, for the given units only; with
        as_user, the registered are those whose pledges the user may read.
        """
        self.ensure_one()
        units = (units if units is not None else self.department_ids).sudo()
        if not units:
            return {}
        by_department = dict(
            self.env["hr.employee"]
            .sudo()
            ._read_group(
                [("department_id", "child_of", units.ids)],
                ["department_id"],
                ["id:array_agg"],
            )
        )
        registered = self._registered_employee_ids(phase, as_user)
        paths = {unit.id: unit.parent_path for unit in units}
        stats = {}
        for unit_id, path in paths.items():
            employees = [
                employee_id
                for department, employee_ids in by_department.items()
                if department.parent_path.startswith(path)
                for employee_id in employee_ids
            ]
            done = [employee_id for employee_id in employees if employee_id in registered]
            stats[unit_id] = {
                "employees": employees,
                "registered": done,
                "rate": 100.0 * len(done) / len(employees) if employees else 0.0,
            }
        return stats

    def _registered_employee_ids(self, phase=None, as_user=False):
        domain = [
            ("movement_id", "=", self.id),
            ("target", "=", "individual"),
            ("state", "!=", "cancelled"),
        ]
        if phase:
            domain.append(("phase_id", "in", (phase.id, False)))
        pledges = self.env["thidua.pledge"] if as_user else self.env["thidua.pledge"].sudo()
        groups = pledges._read_group(domain, ["employee_id"])
        return {employee.id for (employee,) in groups}

    def _registration_total(self, phase=None, stats=None):
        """Figures of all the units of `stats` (default: the whole movement), each
        employee counted once."""
        if stats is None:
            stats = self._registration_stats(phase=phase)
        employees = {e for row in stats.values() for e in row["employees"]}
        registered = {e for row in stats.values() for e in row["registered"]}
        return {
            "employees": len(employees),
            "registered": len(registered),
            "rate": 100.0 * len(registered) / len(employees) if employees else 0.0,
        }

    def action_view_children(self):
        self.ensure_one()
        return self._action_related(
            "thidua.movement",
            self.env._("Implementing Movements"),
            [("parent_id", "=", self.id)],
            {"default_parent_id": self.id},
        )
