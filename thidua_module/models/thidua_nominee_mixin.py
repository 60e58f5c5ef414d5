from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..tools import vn_order


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

    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        # Lists ordered by employee follow Vietnamese order: given name, then the
        # rest, with the Vietnamese alphabet (see tools/vn_order.py). Grouped
        # queries keep Odoo's order, which groups by the employee's id.
        if field_name == "employee_id" and not query.groupby:
            employee_alias = query.make_alias(alias, "employee_id")
            query.add_join(
                "LEFT JOIN",
                employee_alias,
                "hr_employee",
                SQL(
                    "%s = %s",
                    self._field_to_sql(alias, "employee_id", query),
                    SQL.identifier(employee_alias, "id"),
                ),
            )
            name = self.env["hr.employee"]._field_to_sql(employee_alias, "name", query)
            return vn_order.person_order(self.env.cr, name, direction, nulls)
        return super()._order_field_to_sql(alias, field_name, direction, nulls, query)

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
