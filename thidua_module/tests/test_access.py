from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ThiduaCase


@tagged("post_install", "-at_install")
class TestAccess(ThiduaCase):
    def _new_movement(self, user):
        return (
            self.env["thidua.movement"]
            .with_user(user)
            .create(self._movement_values(department_ids=False))
        )

    def test_every_internal_user_is_an_emulation_user(self):
        user = self.env["res.users"].create({"name": "Mới", "login": "thidua_new_user"})
        self.assertTrue(user.has_group("thidua_module.group_thidua_user"))

    def test_roles_imply_the_one_before(self):
        self.assertTrue(self.user_council.has_group("thidua_module.group_thidua_officer"))
        self.assertTrue(self.user_officer.has_group("thidua_module.group_thidua_unit_manager"))
        self.assertTrue(self.user_manager.has_group("thidua_module.group_thidua_user"))
        self.assertFalse(self.user_manager.has_group("thidua_module.group_thidua_officer"))

    def test_discipline_cases_and_wizards_are_not_for_every_role(self):
        """A role with no access row on a model has no right on it at all."""
        refused = {
            "thidua.discipline": (self.user_employee, self.user_manager),
            "thidua.pledge.mass.wizard": (self.user_employee, self.user_manager),
            "thidua.nomination.propose.wizard": (self.user_employee,),
        }
        for model, users in refused.items():
            for user in users:
                for operation in ("read", "write", "create", "unlink"):
                    self.assertFalse(
                        self.env[model].with_user(user).has_access(operation),
                        f"{user.login} may {operation} {model}",
                    )
        self.assertTrue(
            self.env["thidua.discipline"].with_user(self.user_officer).has_access("read")
        )
        wizard = self.env["thidua.nomination.propose.wizard"].with_user(self.user_manager)
        self.assertTrue(wizard.has_access("create"))

    def test_employee_reads_movements_phases_and_milestones(self):
        movement = self.movement.with_user(self.user_employee)
        self.assertEqual(movement.name, "Phong trào thi đua năm 2021")
        self.assertEqual(len(movement.phase_ids), 2)
        self.assertTrue(self.env["thidua.block"].with_user(self.user_employee).search([]))

    def test_employee_cannot_create_movement(self):
        with self.assertRaises(AccessError):
            self._new_movement(self.user_employee)

    def test_employee_cannot_edit_movement(self):
        with self.assertRaises(AccessError):
            self.movement.with_user(self.user_employee).name = "Sửa"

    def test_employee_cannot_launch_movement(self):
        with self.assertRaises(AccessError):
            self.movement.with_user(self.user_employee).action_launch()

    def test_unit_manager_cannot_create_or_delete_movement(self):
        with self.assertRaises(AccessError):
            self._new_movement(self.user_manager)
        with self.assertRaises(AccessError):
            self.movement.with_user(self.user_manager).unlink()

    def test_unit_manager_cannot_add_phase(self):
        with self.assertRaises(AccessError):
            self.env["thidua.phase"].with_user(self.user_manager).create(
                {
                    "movement_id": self.movement.id,
                    "name": "Đợt 3",
                    "date_start": date(2021, 12, 1),
                    "date_end": date(2021, 12, 31),
                }
            )

    def test_employee_cannot_change_configuration(self):
        with self.assertRaises(AccessError):
            self.env["thidua.block"].with_user(self.user_employee).create({"name": "Khối mới"})
        with self.assertRaises(AccessError):
            self.programme.with_user(self.user_manager).write({"name": "Đổi tên"})

    def test_officer_manages_movement_phases_and_milestones(self):
        movement = self._new_movement(self.user_officer)
        phase = (
            self.env["thidua.phase"]
            .with_user(self.user_officer)
            .create(
                {
                    "movement_id": movement.id,
                    "name": "Đợt 1",
                    "date_start": date(2021, 1, 1),
                    "date_end": date(2021, 6, 30),
                }
            )
        )
        self.env["thidua.milestone"].with_user(self.user_officer).create(
            {
                "phase_id": phase.id,
                "name": "Ngày thành lập Đảng Cộng sản Việt Nam",
                "date_origin": date(1930, 2, 3),
                "date_celebration": date(2021, 2, 3),
            }
        )
        movement.action_launch()
        self.assertEqual(movement.state, "running")

    def test_officer_manages_configuration(self):
        block = self.env["thidua.block"].with_user(self.user_officer).create({"name": "Khối mới"})
        block.write({"programme_ids": [Command.link(self.programme.id)]})
        self.unit.with_user(self.user_officer).block_id = block
        self.assertEqual(block.department_count, 1)

    def test_council_manages_movements(self):
        movement = self._new_movement(self.user_council)
        movement.unlink()
        self.assertFalse(movement.exists())

    def test_other_company_cannot_read_movement(self):
        movements = self.env["thidua.movement"].with_user(self.user_other_company).search([])
        self.assertNotIn(self.movement, movements)
        with self.assertRaises(AccessError):
            self.movement.with_user(self.user_other_company).read(["name"])

    def test_other_company_cannot_read_phases(self):
        phases = self.env["thidua.phase"].with_user(self.user_other_company).search([])
        self.assertFalse(phases & self.movement.phase_ids)
