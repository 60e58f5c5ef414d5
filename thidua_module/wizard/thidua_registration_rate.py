from odoo import Command, api, fields, models


class ThiduaRegistrationRate(models.TransientModel):
    """Registration of one unit in a movement or phase, computed on demand."""

    _name = "thidua.registration.rate"
    _description = "Registration Rate"
    _order = "rate, department_id"

    movement_id = fields.Many2one("thidua.movement", string="Movement", readonly=True)
    phase_id = fields.Many2one("thidua.phase", string="Phase", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    block_id = fields.Many2one(related="department_id.block_id")
    employee_count = fields.Integer(string="Employees", readonly=True)
    registered_count = fields.Integer(string="Registered", readonly=True)
    unregistered_count = fields.Integer(string="Not Registered", readonly=True)
    rate = fields.Float(string="Rate (%)", digits=(16, 1), readonly=True, aggregator="avg")
    unregistered_employee_ids = fields.Many2many(
        "hr.employee", string="Not Yet Registered", readonly=True
    )

    @api.model
    def _prepare_rows(self, movement, stats, phase=None):
        rows = []
        for department_id, row in stats.items():
            missing = sorted(set(row["employees"]) - set(row["registered"]))
            rows.append(
                {
                    "movement_id": movement.id,
                    "phase_id": phase.id if phase else False,
                    "department_id": department_id,
                    "employee_count": len(row["employees"]),
                    "registered_count": len(row["registered"]),
                    "unregistered_count": len(missing),
                    "rate": row["rate"],
                    "unregistered_employee_ids": [Command.set(missing)],
                }
            )
        return rows

    @api.model
    def _open_for(self, movement, phase=None):
        """The rows of the units within the user's reach, from the pledges he may read."""
        stats = movement._registration_stats(movement._units_in_reach(), phase, as_user=True)
        rows = self.create(self._prepare_rows(movement, stats, phase))
        total = movement._registration_total(phase, stats)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Registration: %(registered)s of %(employees)s employees (%(rate)s%%)",
                registered=total["registered"],
                employees=total["employees"],
                rate=round(total["rate"], 1),
            ),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("id", "in", rows.ids)],
            "target": "current",
        }

    def action_register_missing(self):
        """Open mass registration for the units whose staff is not all registered."""
        wizard_action = self[:1].movement_id.action_mass_register()
        wizard_action["context"] = dict(
            wizard_action["context"],
            default_phase_id=self[:1].phase_id.id,
            default_department_ids=[Command.set(self.department_id.ids)],
        )
        return wizard_action
