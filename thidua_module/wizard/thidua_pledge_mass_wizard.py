from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class ThiduaPledgeMassWizard(models.TransientModel):
    """Registers every active employee of the chosen units in one batch."""

    _name = "thidua.pledge.mass.wizard"
    _description = "Mass Registration"

    movement_id = fields.Many2one("thidua.movement", string="Movement", required=True)
    phase_id = fields.Many2one(
        "thidua.phase", string="Phase", domain="[('movement_id', '=', movement_id)]"
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Units",
        required=True,
        help="Employees of these units and of their sub-units are registered.",
    )
    award_type_ids = fields.Many2many(
        "thidua.award.type",
        string="Titles Registered",
        domain="[('target', 'in', ('individual', 'both'))]",
    )
    programme_ids = fields.Many2many("thidua.programme", string="Programmes Joined")
    date = fields.Date(string="Registration Date", required=True, default=fields.Date.context_today)

    @api.onchange("movement_id")
    def _onchange_movement_id(self):
        movement = self.movement_id
        if movement:
            if not self.department_ids:
                self.department_ids = movement.department_ids
            if not movement.date_start <= self.date <= movement.date_end:
                self.date = movement.date_start

    def _employees_to_register(self):
        employees = self.env["hr.employee"].search(
            [
                ("department_id", "child_of", self.department_ids.ids),
                ("company_id", "=", self.movement_id.company_id.id),
            ]
        )
        registered = self.movement_id._registered_employee_ids(self.phase_id)
        return employees.filtered(lambda e: e.id not in registered), employees

    def _prepare_pledge_values(self, employees):
        phase, movement = self.phase_id, self.movement_id
        criteria = phase.criterion_ids or movement.criterion_ids
        # The lines depend on the block of the employee's unit: worked out once per unit.
        lines_of = {}
        for department in {employee.department_id for employee in employees}:
            applicable = criteria._for_participant(
                "individual", department._thidua_block(), self.programme_ids
            )
            lines_of[department] = [
                Command.create(values) for values in applicable._prepare_pledge_line_values()
            ]
        common = {
            "movement_id": movement.id,
            "phase_id": phase.id,
            "target": "individual",
            "date": self.date,
            "award_type_ids": [Command.set(self.award_type_ids.ids)],
            "programme_ids": [Command.set(self.programme_ids.ids)],
            "company_id": movement.company_id.id,
        }
        return [
            dict(common, employee_id=employee.id, line_ids=lines_of[employee.department_id])
            for employee in employees
        ]

    def action_register(self):
        self.ensure_one()
        if self.movement_id.state not in ("draft", "running"):
            raise UserError(
                self.env._(
                    "The movement “%(name)s” is closed or cancelled: it takes no more pledges.",
                    name=self.movement_id.name,
                )
            )
        to_register, employees = self._employees_to_register()
        pledges = (
            self.env["thidua.pledge"]
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
            )
            .create(self._prepare_pledge_values(to_register))
        )
        message = self.env._(
            "%(created)s draft pledges created, %(skipped)s employees skipped (already "
            "registered).",
            created=len(pledges),
            skipped=len(employees) - len(to_register),
        )
        self.movement_id.message_post(body=message)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Mass Registration"),
                "message": message,
                "type": "success",
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
