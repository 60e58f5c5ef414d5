from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged, warmup

from .common import ThiduaCase


@tagged("post_install", "-at_install")
class TestRegistrationRate(ThiduaCase):
    def _stats(self, phase=None):
        return self.movement._registration_stats(phase=phase)

    def test_rate_counts_sub_departments(self):
        # unit: its manager, and the employee of its sub-unit
        self._pledge()
        stats = self._stats()
        self.assertEqual(len(stats[self.unit.id]["employees"]), 2)
        self.assertEqual(stats[self.unit.id]["registered"], [self.employee.id])
        self.assertEqual(stats[self.unit.id]["rate"], 50.0)
        self.assertEqual(stats[self.other_unit.id]["rate"], 0.0)

    def test_rate_reaches_one_hundred(self):
        self._pledge()
        self._pledge(self.manager_employee)
        self.assertEqual(self._stats()[self.unit.id]["rate"], 100.0)

    def test_rate_follows_an_employee_who_moves(self):
        self._pledge()
        self.employee.department_id = self.other_unit
        stats = self._stats()
        self.assertEqual(stats[self.unit.id]["rate"], 0.0)
        self.assertEqual(stats[self.other_unit.id]["rate"], 50.0)

    def test_archived_employee_leaves_the_count(self):
        self._pledge(self.manager_employee)
        self.employee.action_archive()
        self.assertEqual(self._stats()[self.unit.id]["rate"], 100.0)

    def test_cancelled_pledge_does_not_count(self):
        self._pledge().action_cancel()
        self.assertEqual(self._stats()[self.unit.id]["registered"], [])

    def test_phase_rate_counts_phase_and_movement_pledges(self):
        self._pledge(phase_id=self.phase_2.id, date=date(2021, 7, 2))
        self._pledge(self.manager_employee, phase_id=False)
        self.assertEqual(self._stats(self.phase_1)[self.unit.id]["rate"], 50.0)
        self.assertEqual(self._stats(self.phase_2)[self.unit.id]["rate"], 100.0)

    def test_movement_total_counts_each_employee_once(self):
        self.movement.department_ids = [Command.link(self.sub_unit.id)]
        self._pledge()
        total = self.movement._registration_total()
        self.assertEqual(total, {"employees": 3, "registered": 1, "rate": 100 / 3})
        self.assertAlmostEqual(self.movement.registration_rate, 100 / 3)

    def test_registration_view_lists_those_not_registered(self):
        self._pledge()
        action = self.movement.action_view_registration()
        rows = self.env["thidua.registration.rate"].search(action["domain"])
        row = rows.filtered(lambda r: r.department_id == self.unit)
        self.assertEqual(row.unregistered_employee_ids, self.manager_employee)
        self.assertIn("1 of 3", action["name"])

    def test_department_shows_its_rate_in_running_movements(self):
        self.movement.action_launch()
        self._pledge()
        self.assertEqual(self.unit.thidua_registration_rate, 50.0)

    @warmup
    def test_rate_query_count_does_not_grow_with_employees(self):
        expected = len(self._stats()[self.unit.id]["employees"])
        for size in (2, 40):
            self.env["hr.employee"].create(
                [{"name": f"NV {size}-{i}", "department_id": self.sub_unit.id} for i in range(size)]
            )
            expected += size
            self.env.invalidate_all()
            # Budget measured for both sizes: the movement's units and their sub-units, the
            # employees of all of them grouped in one query, the registered ones in another.
            # A query per unit or per employee would exceed it.
            with self.assertQueryCount(5):
                stats = self._stats()
            self.assertEqual(len(stats[self.unit.id]["employees"]), expected)


@tagged("post_install", "-at_install")
class TestRegistrationAccess(ThiduaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._pledge()

    def _rows(self, action, user):
        return self.env["thidua.registration.rate"].with_user(user).search(action["domain"])

    def test_manager_sees_the_registration_of_his_units_only(self):
        action = self.movement.with_user(self.user_manager).action_view_registration()
        rows = self._rows(action, self.user_manager)
        self.assertEqual(rows.department_id, self.unit)
        self.assertEqual(rows.unregistered_employee_ids.ids, self.manager_employee.ids)
        self.assertIn("1 of 2", action["name"])

    def test_manager_sees_the_phase_registration_of_his_units_only(self):
        action = self.phase_2.with_user(self.user_manager).action_view_registration()
        rows = self._rows(action, self.user_manager)
        self.assertEqual(rows.department_id, self.unit)
        self.assertEqual(rows.registered_count, 0)

    def test_officer_and_council_see_every_unit(self):
        for user in (self.user_officer, self.user_council):
            action = self.movement.with_user(user).action_view_registration()
            rows = self._rows(action, user)
            self.assertEqual(rows.department_id, self.unit | self.other_unit, user.login)
            self.assertIn(self.other_employee, rows.unregistered_employee_ids, user.login)
            self.assertIn("1 of 3", action["name"], user.login)

    def test_employee_cannot_see_the_registration(self):
        for record in (self.movement, self.phase_1):
            with self.assertRaisesRegex(AccessError, "You manage none of the units"):
                record.with_user(self.user_employee).action_view_registration()
