from odoo import fields, models


def _compute_initiatives(employees):
    """Set the initiatives each employee authored, as the current user may read them.

    Shared by hr.employee and hr.employee.public (their ids are the same); the
    search runs in the reader's environment, so record rules apply.
    """
    initiatives = employees.env["thidua.initiative"].search([("author_ids", "in", employees.ids)])
    for employee in employees:
        employee.thidua_initiative_ids = initiatives.filtered(
            lambda initiative, employee_id=employee.id: employee_id in initiative.author_ids.ids
        )


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    thidua_pledge_ids = fields.One2many("thidua.pledge", "employee_id", string="Pledges")
    thidua_pledge_count = fields.Integer(
        compute="_compute_thidua_pledge_count", string="Pledges Count"
    )
    thidua_commendation_ids = fields.One2many(
        "thidua.commendation", "employee_id", string="Commendations"
    )
    thidua_commendation_count = fields.Integer(
        compute="_compute_thidua_commendation_count", string="Commendations Count"
    )
    # Also on hr.employee.public: the record rules of the ratings decide which
    # lines a reader sees (his own, his units', or all of them for officers).
    thidua_rating_ids = fields.One2many("thidua.rating", "employee_id", string="Ratings")
    thidua_initiative_ids = fields.Many2many(
        "thidua.initiative",
        compute="_compute_thidua_initiative_ids",
        string="Initiatives",
    )

    def _compute_thidua_initiative_ids(self):
        _compute_initiatives(self)

    def _compute_thidua_pledge_count(self):
        counts = dict(
            self.env["thidua.pledge"]._read_group(
                [("employee_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["employee_id"],
                ["__count"],
            )
        )
        for employee in self:
            employee.thidua_pledge_count = counts.get(employee, 0)

    def action_view_thidua_pledges(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Pledges"),
            "res_model": "thidua.pledge",
            "view_mode": "list,form",
            "domain": [("employee_id", "=", self.id)],
            "context": {"default_target": "individual", "default_employee_id": self.id},
        }

    def _compute_thidua_commendation_count(self):
        counts = dict(
            self.env["thidua.commendation"]._read_group(
                [("employee_id", "in", self.ids), ("state", "=", "valid")],
                ["employee_id"],
                ["__count"],
            )
        )
        for employee in self:
            employee.thidua_commendation_count = counts.get(employee, 0)

    def action_view_thidua_commendations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Commendations"),
            "res_model": "thidua.commendation",
            "view_mode": "list,form",
            "domain": [("employee_id", "=", self.id)],
        }

    def action_thidua_forecast(self):
        """The awards this employee meets or is close to, this year."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "thidua_module.thidua_forecast_action"
        )
        action["context"] = {"default_employee_id": self.id}
        return action
