from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ThiduaCase


@tagged("post_install", "-at_install")
class TestPledgeAccess(ThiduaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_other_manager = new_test_user(
            cls.env,
            "thidua_other_manager",
            groups="thidua_module.group_thidua_unit_manager",
            name="Trưởng đơn vị B",
        )
        cls.other_unit.manager_id = cls.env["hr.employee"].create(
            {
                "name": "Trưởng B",
                "department_id": cls.other_unit.id,
                "user_id": cls.user_other_manager.id,
            }
        )
        cls.pledge = cls._pledge()
        cls.other_pledge = cls._pledge(cls.other_employee)

    def test_employee_creates_and_submits_own_pledge(self):
        self.pledge.unlink()
        pledge = (
            self.env["thidua.pledge"].with_user(self.user_employee).create(self._pledge_values())
        )
        pledge.action_submit()
        self.assertEqual(pledge.state, "submitted")

    def test_employee_cannot_pledge_for_someone_else(self):
        self.other_pledge.unlink()
        with self.assertRaises(AccessError):
            self.env["thidua.pledge"].with_user(self.user_employee).create(
                self._pledge_values(self.other_employee)
            )

    def test_employee_sees_only_own_pledges(self):
        visible = self.env["thidua.pledge"].with_user(self.user_employee).search([])
        self.assertEqual(visible, self.pledge)
        with self.assertRaises(AccessError):
            self.other_pledge.with_user(self.user_employee).read(["state"])

    def test_employee_cannot_edit_after_submission(self):
        self.pledge.action_submit()
        with self.assertRaises(AccessError):
            self.pledge.with_user(self.user_employee).write({"commitment": "<p>Sửa</p>"})
        with self.assertRaises(AccessError):
            self.pledge.line_ids[0].with_user(self.user_employee).target = 1

    def test_employee_cannot_confirm_own_pledge(self):
        self.pledge.action_submit()
        with self.assertRaisesRegex(UserError, "Only the manager"):
            self.pledge.with_user(self.user_employee).action_confirm()

    def test_manager_confirms_and_evaluates_sub_unit_pledges(self):
        self.pledge.action_submit()
        pledge = self.pledge.with_user(self.user_manager)
        pledge.action_confirm()
        pledge.line_ids.write({"actual": 100})
        pledge.action_evaluate()
        self.assertEqual(pledge.state, "evaluated")

    def test_manager_sees_only_own_units(self):
        visible = self.env["thidua.pledge"].with_user(self.user_manager).search([])
        self.assertIn(self.pledge, visible)
        self.assertNotIn(self.other_pledge, visible)

    def test_manager_cannot_confirm_another_units_pledge(self):
        self.other_pledge.action_submit()
        with self.assertRaises(AccessError):
            self.other_pledge.with_user(self.user_manager).action_confirm()

    def test_manager_cannot_evaluate_without_managing_the_unit(self):
        """Even with read access through another path, the unit check refuses."""
        self.other_pledge.action_submit()
        self.other_pledge.action_confirm()
        with self.assertRaises(UserError):
            self.other_pledge.with_user(self.user_manager).sudo(False)._thidua_check_unit_manager()

    def test_manager_cannot_confirm_own_pledge(self):
        own = self._pledge(self.manager_employee)
        own.action_submit()
        with self.assertRaisesRegex(UserError, "your own"):
            own.with_user(self.user_manager).action_confirm()

    def test_officer_sees_all_pledges_of_the_company(self):
        visible = self.env["thidua.pledge"].with_user(self.user_officer).search([])
        self.assertIn(self.pledge, visible)
        self.assertIn(self.other_pledge, visible)

    def test_council_reads_all_pledges(self):
        visible = self.env["thidua.pledge"].with_user(self.user_council).search([])
        self.assertGreaterEqual(len(visible), 2)

    def test_other_company_sees_no_pledge(self):
        visible = self.env["thidua.pledge"].with_user(self.user_other_company).search([])
        self.assertFalse(visible & (self.pledge | self.other_pledge))
        with self.assertRaises(AccessError):
            self.pledge.with_user(self.user_other_company).read(["state"])

    def test_only_officers_close_pledges(self):
        self.pledge.action_submit()
        self.pledge.action_confirm()
        self.pledge.action_evaluate()
        with self.assertRaises(UserError):
            self.pledge.with_user(self.user_manager).action_close()
        self.pledge.with_user(self.user_officer).action_close()
        self.assertEqual(self.pledge.state, "closed")

    def test_only_council_edits_award_catalogue(self):
        with self.assertRaises(AccessError):
            self.award_ldtt.with_user(self.user_officer).name = "Đổi"
        self.award_ldtt.with_user(self.user_council).legal_basis = "Điều 24"
