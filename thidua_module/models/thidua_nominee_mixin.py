from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ThiduaNomineeMixin(models.AbstractModel):
    """Records about one participant: an employee (individual) or a unit
    (collective). Pledges, nominations and commendations share it.

    Models that follow the nominee's unit declare `unit_id` computed by
    `_compute_unit_id`: the unit of a submitted record no longer moves when
    its person changes department.
    """

    _name = "thidua.nominee.mixin"
    _description = "Record of an Employee or a Unit"

    target = fields.Selection(
        [("individual", "Individual"), ("collective", "Collective")],
        string="Nominee Kind",
        required=True,
        default="individual",
    )
    employee_id = fields.Many2one("hr.employee", string="Employee", index=True, ondelete="restrict")
    department_id = fields.Many2one(
        "hr.department", string="Collective", index=True, ondelete="restrict"
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="Nominee User")

    @api.constrains("target", "employee_id", "department_id")
    def _check_nominee(self):
        for record in self:
            if record.target == "individual" and (not record.employee_id or record.department_id):
                raise ValidationError(
                    self.env._("Choose one employee, and no collective, for an individual.")
                )
            if record.target == "collective" and (not record.department_id or record.employee_id):
                raise ValidationError(
                    self.env._("Choose one unit, and no employee, for a collective.")
                )

    @api.onchange("target")
    def _onchange_target(self):
        if self.target == "individual":
            self.department_id = False
        else:
            self.employee_id = False

    @api.depends("target", "employee_id.department_id", "department_id.parent_id")
    def _compute_unit_id(self):
        for record in self:
            if record.state not in ("draft", False) and record.unit_id:
                # Once submitted, it stays with the unit it was submitted in.
                record.unit_id = record.unit_id
            else:
                record.unit_id = record._nominee_unit()

    def _nominee_unit(self):
        """The unit a record belongs to: the employee's department, or the collective."""
        if self.target == "collective":
            return self.department_id
        return self.employee_id.department_id

    def _is_own(self):
        """Is the current user the nominee: the employee, or the manager of the collective."""
        self.ensure_one()
        if self.target == "collective":
            return self.department_id.manager_id.user_id == self.env.user
        return bool(self.user_id) and self.user_id == self.env.user

    def _nominee_key(self):
        return (self.employee_id.id, self.department_id.id)

    def _nominee_name(self):
        return self.employee_id.name or self.department_id.name or ""

    def _nominee_domain(self):
        """The records of the same nominee, in another model of the mixin."""
        self.ensure_one()
        if self.target == "collective":
            return [("target", "=", "collective"), ("department_id", "=", self.department_id.id)]
        return [("target", "=", "individual"), ("employee_id", "=", self.employee_id.id)]
