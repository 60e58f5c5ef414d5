from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged, warmup

from .common import ThiduaCase


@tagged("post_install", "-at_install")
class TestMassRegistration(ThiduaCase):
    def _wizard(self, user=None, **values):
        Wizard = self.env["thidua.pledge.mass.wizard"]
        if user:
            Wizard = Wizard.with_user(user)
        return Wizard.create(
            dict(
                {
                    "movement_id": self.movement.id,
                    "phase_id": self.phase_1.id,
                    "department_ids": [Command.set(self.unit.ids)],
                    "award_type_ids": [Command.set(self.award_ldtt.ids)],
                    "date": date(2021, 1, 10),
                },
                **values,
            )
        )

    def test_registers_everyone_not_yet_registered(self):
        self._pledge()
        result = self._wizard().action_register()
        self.assertIn("1 draft pledges created, 1 employees skipped", result["params"]["message"])
        pledge = self.env["thidua.pledge"].search([("employee_id", "=", self.manager_employee.id)])
        self.assertEqual(pledge.state, "draft")
        self.assertEqual(pledge.award_type_ids, self.award_ldtt)
        # individual criteria of the movement, with their default targets
        self.assertEqual(
            pledge.line_ids.criterion_id,
            self.criterion_productivity | self.criterion_absence | self.criterion_duties,
        )
        self.assertEqual(self.movement._registration_stats()[self.unit.id]["rate"], 100.0)

    def test_phase_criteria_replace_the_movement_criteria(self):
        self.phase_1.criterion_ids = self.criterion_duties
        self._wizard().action_register()
        lines = self.env["thidua.pledge"].search([("phase_id", "=", self.phase_1.id)]).line_ids
        self.assertEqual(lines.criterion_id, self.criterion_duties)

    def test_running_twice_creates_nothing_more(self):
        self._wizard().action_register()
        result = self._wizard().action_register()
        self.assertIn("0 draft pledges created, 2 employees skipped", result["params"]["message"])

    def test_archived_employees_are_left_out(self):
        self.employee.action_archive()
        self._wizard().action_register()
        self.assertFalse(self.env["thidua.pledge"].search([("employee_id", "=", self.employee.id)]))

    def test_no_chatter_message_per_pledge(self):
        self._wizard().action_register()
        pledges = self.env["thidua.pledge"].search([("movement_id", "=", self.movement.id)])
        self.assertFalse(pledges.message_ids)

    @warmup
    def test_query_count_does_not_grow_with_employees(self):
        """One batched create: 30 employees take no more queries than 3."""
        for size in (3, 30):
            unit = self.env["hr.department"].create({"name": f"Đơn vị {size}"})
            self.env["hr.employee"].create(
                [{"name": f"NV {size}-{i}", "department_id": unit.id} for i in range(size)]
            )
            wizard = self._wizard(department_ids=[Command.set(unit.ids)])
            self.env.invalidate_all()
            # Budget measured for both sizes: the wizard's reads (units, their employees,
            # those already registered, titles, the criteria with the blocks and programmes
            # they apply to), one INSERT per table for the whole batch, the recomputations of
            # the batch (unit, targets, score) and the movement's one chatter message. A query
            # per employee would exceed it at 30.
            with self.assertQueryCount(32):
                wizard.action_register()
            pledges = self.env["thidua.pledge"].search([("unit_id", "=", unit.id)])
            self.assertEqual(len(pledges), size)

    def test_employee_cannot_use_mass_registration(self):
        with self.assertRaises(AccessError):
            self._wizard(user=self.user_employee)
        with self.assertRaises(AccessError):
            self._wizard(user=self.user_manager)

    def test_officer_uses_mass_registration(self):
        self._wizard(user=self.user_officer).action_register()
        self.assertEqual(self.movement.pledge_count, 2)
