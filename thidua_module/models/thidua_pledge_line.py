from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .thidua_criterion import METHODS


class ThiduaPledgeLine(models.Model):
    """The target a pledge sets for one criterion, and the result reached."""

    _name = "thidua.pledge.line"
    _description = "Pledge Target"
    _inherit = ["thidua.workflow.mixin"]
    _order = "pledge_id, sequence, id"
    _thidua_workflow_fields = (
        "is_met",
        "method",
        "state",
        "unit_id",
        "company_id",
        "measured_value",
        "date_measured",
        "progress",
    )
    _thidua_initial_values = {}
    _thidua_unique_fields = ("pledge_id", "criterion_id")

    pledge_id = fields.Many2one(
        "thidua.pledge", required=True, index=True, ondelete="cascade", string="Pledge"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    criterion_id = fields.Many2one(
        "thidua.criterion", required=True, ondelete="restrict", string="Criterion"
    )
    # The criterion's method as the target was set: a later change of the
    # criterion does not rewrite evaluated results.
    method = fields.Selection(
        METHODS,
        string="Met When",
        compute="_compute_method",
        store=True,
    )
    uom = fields.Char(related="criterion_id.uom", string="Unit of Measure")
    weight = fields.Float(default=1.0, digits=(16, 2))
    target = fields.Float(digits=(16, 2))
    actual = fields.Float(string="Result", digits=(16, 2), copy=False)
    is_met = fields.Boolean(string="Met", compute="_compute_is_met", store=True)
    goal_definition_id = fields.Many2one(related="criterion_id.goal_definition_id")
    measured_value = fields.Float(
        string="Measured",
        digits=(16, 2),
        copy=False,
        readonly=True,
        help="The result Odoo measured from its records at the last measurement.",
    )
    date_measured = fields.Datetime(string="Measured On", copy=False, readonly=True)
    override_reason = fields.Text(
        string="Reason for Correction",
        copy=False,
        help="Why the result differs from the measured value. While a reason is given, "
        "measurements no longer change the result; clear it to follow them again.",
    )
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        digits=(16, 1),
        aggregator="avg",
        help="How far the result is towards meeting the target, out of 100.",
    )
    # Read as the user: a pledge one may not read tells nothing through its lines.
    state = fields.Selection(related="pledge_id.state", compute_sudo=False)
    unit_id = fields.Many2one(
        related="pledge_id.unit_id", store=True, string="Unit", compute_sudo=False
    )
    employee_id = fields.Many2one(related="pledge_id.employee_id", compute_sudo=False)
    company_id = fields.Many2one(related="pledge_id.company_id", store=True, compute_sudo=False)

    _sql_constraints = [
        ("criterion_uniq", "unique(pledge_id, criterion_id)", "A criterion appears once a pledge."),
        ("weight_positive", "CHECK(weight > 0)", "The weight of a target must be positive."),
    ]

    @api.depends("criterion_id")
    def _compute_method(self):
        for line in self:
            line.method = line.criterion_id.method

    @api.depends("target", "actual", "method", "pledge_id.state")
    def _compute_is_met(self):
        for line in self:
            if line.pledge_id.state not in ("evaluated", "closed"):
                line.is_met = False
            elif line.method == "max":
                line.is_met = line.actual <= line.target
            elif line.method == "bool":
                line.is_met = bool(line.actual)
            else:
                line.is_met = line.actual >= line.target

    @api.depends("target", "actual", "method")
    def _compute_progress(self):
        for line in self:
            actual, target = line.actual, line.target
            if line.method == "bool":
                progress = 100.0 if actual else 0.0
            elif line.method == "max":
                progress = 100.0 if actual <= target else 100.0 * target / actual
            else:
                progress = min(100.0, 100.0 * actual / target) if target else 100.0
            line.progress = progress

    @api.constrains("target", "actual")
    def _check_not_negative(self):
        for line in self:
            if line.target < 0 or line.actual < 0:
                raise ValidationError(
                    self.env._(
                        "The target and the result of “%(criterion)s” cannot be negative.",
                        criterion=line.criterion_id.name,
                    )
                )

    def _is_as_proposed(self):
        """Still the criterion's default target and weight, with no result."""
        criterion = self.criterion_id
        return (
            self.target == criterion.target_default
            and self.weight == criterion.weight
            and not self.actual
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.pledge_id._check_lines_editable({"target"})
        with_results = lines.filtered(lambda line: line.actual or line.override_reason)
        with_results.pledge_id._check_lines_editable({"actual", "override_reason"})
        return lines

    def write(self, vals):
        if "pledge_id" in vals and not self.env.su:
            raise UserError(self.env._("A target stays on its pledge: add a new target instead."))
        self.pledge_id._check_lines_editable(set(vals))
        corrected = self.browse()
        if {"actual", "override_reason"} & set(vals) and not self._thidua_in_workflow_path():
            corrected = self._check_correction(vals)
        result = super().write(vals)
        corrected._post_correction()
        return result

    def unlink(self):
        self.pledge_id._check_lines_editable({"target"})
        return super().unlink()

    # Measurement

    def _check_correction(self, vals):
        """A measured result changes by hand only with a reason. The lines
        corrected, whose correction goes to their pledge's chatter."""
        measured = self.filtered("criterion_id.goal_definition_id")
        if not measured:
            return measured
        if "override_reason" in vals:
            reason = vals["override_reason"]
            without = measured if not reason and "actual" in vals else self.browse()
        else:
            without = measured.filtered(lambda line: not line.override_reason)
        if without:
            raise UserError(
                self.env._(
                    "The result of “%(criterion)s” on “%(pledge)s” is measured by Odoo. "
                    "To correct it, give the reason for the correction as well: it is kept "
                    "in the pledge's history.",
                    criterion=without[0].criterion_id.name,
                    pledge=without[0].pledge_id.display_name,
                )
            )
        return measured.filtered(lambda line: vals.get("override_reason", line.override_reason))

    def _post_correction(self):
        for line in self:
            line.pledge_id.sudo().message_post(
                body=self.env._(
                    "Result of “%(criterion)s” corrected to %(actual)s (measured: %(measured)s). "
                    "Reason: %(reason)s",
                    criterion=line.criterion_id.name,
                    actual=line.actual,
                    measured=line.measured_value,
                    reason=line.override_reason,
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )

    def _thidua_measure(self):
        """Measure the lines of confirmed pledges whose criterion has a measure,
        over the phase (or the movement, for a yearly pledge): one grouped query
        per measure and period, whatever the number of people. The result
        follows the measured value unless someone corrected it with a reason.

        Callers check who may measure: values are read and written as superuser.
        Returns the number of lines measured and the problems met, one message
        per measure that could not run."""
        lines = self.sudo().filtered(
            lambda line: (
                line.criterion_id.goal_definition_id and line.pledge_id.state == "confirmed"
            )
        )
        members = self._thidua_collective_members(lines)
        groups = defaultdict(list)
        for line in lines:
            pledge = line.pledge_id
            period = pledge.phase_id or pledge.movement_id
            groups[line.criterion_id.goal_definition_id, period.date_start, period.date_end].append(
                line.id
            )
        problems, writes = {}, defaultdict(list)
        for (definition, date_from, date_to), line_ids in groups.items():
            problem = definition._thidua_measure_problem()
            if problem:
                problems[definition] = problem
                continue
            group = lines.browse(line_ids)
            key_of = self._thidua_key_function(definition._thidua_link_model())
            employees = set(group.pledge_id.employee_id)
            for department in group.pledge_id.department_id:
                employees.update(members[department.id])
            keys = {key for employee in employees if (key := key_of(employee))}
            try:
                values = definition._thidua_read_values(keys, date_from, date_to)
            except ValueError as error:
                # A filter naming a field that is gone: said, not fatal.
                problems[definition] = self.env._(
                    "The filter of the measure “%(name)s” cannot be applied (%(error)s): "
                    "correct the measure.",
                    name=definition.name,
                    error=error,
                )
                continue
            for line in group:
                pledge = line.pledge_id
                if pledge.target == "collective":
                    found = [values.get(key_of(e), 0.0) for e in members[pledge.department_id.id]]
                    value = sum(found)
                    if found and line.criterion_id.collective_aggregation == "avg":
                        value /= len(found)
                else:
                    value = values.get(key_of(pledge.employee_id), 0.0)
                value = round(value, 2)
                writes[value, bool(line.override_reason)].append(line.id)
        now = fields.Datetime.now()
        for (value, corrected), line_ids in writes.items():
            vals = {"measured_value": value, "date_measured": now}
            if not corrected:
                vals["actual"] = value
            lines.browse(line_ids)._thidua_workflow_write(vals)
        measured = sum(len(ids) for ids in writes.values())
        return measured, list(problems.values())

    @api.model
    def _thidua_key_function(self, link_model):
        """How an employee is found in the records of a measure: by himself,
        his user or his contact."""
        if link_model == "hr.employee":
            return lambda employee: employee.id
        if link_model == "res.users":
            return lambda employee: employee.user_id.id
        return lambda employee: employee.work_contact_id.id

    @api.model
    def _thidua_collective_members(self, lines):
        """{unit id: its employees, sub-units included} for the collectives of the lines."""
        departments = lines.filtered(
            lambda line: line.pledge_id.target == "collective"
        ).pledge_id.department_id
        members = defaultdict(list)
        if not departments:
            return members
        employees = (
            self.env["hr.employee"].sudo().search([("department_id", "child_of", departments.ids)])
        )
        wanted = set(departments.ids)
        for employee in employees:
            for unit_id in employee.department_id.parent_path.split("/")[:-1]:
                if int(unit_id) in wanted:
                    members[int(unit_id)].append(employee)
        return members

    @api.model
    def _thidua_measure_notification(self, measured, problems):
        """What a measurement tells whoever asked for it."""
        message = self.env._("%(count)s results measured.", count=measured)
        if problems:
            message = "\n".join([message, *problems])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Measurement"),
                "message": message,
                "type": "warning" if problems else "success",
                "sticky": bool(problems),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
