from odoo import fields, models, tools
from odoo.tools import SQL


class ThiduaRegistrationReport(models.Model):
    """Who registered in each movement: one row per active employee of a
    participating unit (its sub-units included), read from the database.

    The average of `rate` over any grouping is the registration rate of that
    group, as `thidua.movement._registration_stats` counts it: individual
    pledges that are not cancelled, each employee counted once per movement.
    """

    _name = "thidua.registration.report"
    _description = "Registration Analysis"
    _inherit = ["thidua.unit.mixin"]
    _auto = False
    _order = "movement_id desc, unit_id"
    _rec_name = "employee_id"

    movement_id = fields.Many2one("thidua.movement", string="Movement", readonly=True)
    movement_state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        string="Movement Status",
        readonly=True,
    )
    year = fields.Integer(readonly=True, aggregator=False)
    employee_id = fields.Many2one("hr.employee", string="Employee", readonly=True)
    unit_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    block_id = fields.Many2one("thidua.block", string="Block", readonly=True)
    employee_count = fields.Integer(string="Employees", readonly=True)
    registered = fields.Integer(readonly=True)
    rate = fields.Float(
        string="Registration Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 for an employee who registered, 0 otherwise: averaged over a group, "
        "the share of its employees who registered.",
    )
    company_id = fields.Many2one("res.company", string="Company", readonly=True)

    def _query(self):
        # An employee belongs to a movement when his department is one of its
        # participating units or below one (parent_path); DISTINCT ON counts him
        # once when a unit and one of its sub-units both take part.
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY r.movement_id, r.employee_id) AS id, r.*
              FROM (
                SELECT DISTINCT ON (m.id, e.id)
                       m.id AS movement_id,
                       m.state AS movement_state,
                       m.year AS year,
                       m.company_id AS company_id,
                       e.id AS employee_id,
                       d.id AS unit_id,
                       d.thidua_block_id AS block_id,
                       1 AS employee_count,
                       CASE WHEN p.employee_id IS NULL THEN 0 ELSE 1 END AS registered,
                       CASE WHEN p.employee_id IS NULL THEN 0.0 ELSE 100.0 END AS rate
                  FROM thidua_movement m
                  JOIN thidua_movement_department_rel rel ON rel.movement_id = m.id
                  JOIN hr_department top ON top.id = rel.department_id
                  JOIN hr_department d ON starts_with(d.parent_path, top.parent_path)
                  JOIN hr_employee e ON e.department_id = d.id AND e.active
                                     AND e.company_id = m.company_id
                  LEFT JOIN (
                        SELECT DISTINCT movement_id, employee_id
                          FROM thidua_pledge
                         WHERE target = 'individual' AND state != 'cancelled'
                       ) p ON p.movement_id = m.id AND p.employee_id = e.id
                 WHERE m.active
                 ORDER BY m.id, e.id
              ) r
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
