from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestNominationWorkflow(CommendationCase):
    def test_activity_for_the_unit_manager_then_the_council(self):
        nomination = self._nomination()
        nomination.action_submit()
        self.assertEqual(nomination.activity_ids.user_id, self.user_manager)
        nomination.action_unit_approve()
        self.assertTrue(
            nomination.activity_ids.user_id.has_group("thidua_module.group_thidua_council")
        )
        nomination.action_council_approve()
        self.assertFalse(nomination.activity_ids)

    def test_a_managers_own_nomination_goes_to_the_manager_above(self):
        self.unit.parent_id = self.env["hr.department"].create(
            {"name": "Liên đoàn cấp trên", "manager_id": self.other_employee.id}
        )
        self.other_employee.user_id = self.user_officer
        nomination = self._nomination(self.manager_employee)
        nomination.action_submit()
        self.assertEqual(nomination.activity_ids.user_id, self.user_officer)

    def test_a_managers_own_nomination_goes_to_the_movement_officer_at_the_top(self):
        self.movement.user_id = self.user_council
        nomination = self._nomination(self.manager_employee, movement_id=self.movement.id)
        nomination.action_submit()
        self.assertEqual(nomination.activity_ids.user_id, self.user_council)

    def test_refusal_needs_a_reason(self):
        nomination = self._nomination()
        nomination.action_submit()
        with self.assertRaisesRegex(UserError, "reason"):
            nomination.action_refuse()
        nomination.refuse_reason = "Chưa đủ thành tích"
        nomination.action_refuse()
        self.assertEqual(nomination.state, "refused")
        nomination.action_draft()
        self.assertEqual(nomination.state, "draft")

    def test_council_approves_many_at_once(self):
        nominations = self._nomination() | self._nomination(self.manager_employee)
        self._approve(nominations)
        self.assertEqual(set(nominations.mapped("state")), {"council_approved"})

    def test_steps_out_of_order_are_refused(self):
        nomination = self._nomination()
        with self.assertRaises(UserError):
            nomination.action_council_approve()
        with self.assertRaises(UserError):
            nomination.action_unit_approve()

    def test_submitted_nomination_cannot_be_deleted(self):
        nomination = self._nomination()
        nomination.action_submit()
        with self.assertRaises(UserError):
            nomination.unlink()

    def test_unit_is_the_employee_department(self):
        self.assertEqual(self._nomination().unit_id, self.sub_unit)

    def test_nominee_must_be_one_person_or_one_unit(self):
        with self.assertRaises(ValidationError):
            self._nomination(department_id=self.unit.id)

    def test_propose_from_the_best_evaluated_pledges(self):
        colleague = self.env["hr.employee"].create(
            {"name": "Đồng nghiệp", "department_id": self.sub_unit.id}
        )
        for employee, result in ((self.employee, 120), (colleague, 100)):
            pledge = self._pledge(employee)
            pledge.action_submit()
            pledge.action_confirm()
            pledge.line_ids.write({"actual": 0})
            pledge.line_ids.filtered(
                lambda line: line.criterion_id == self.criterion_productivity
            ).actual = result
            pledge.action_evaluate()
        wizard = self.env["thidua.nomination.propose.wizard"].create(
            {
                "movement_id": self.movement.id,
                "phase_id": self.phase_1.id,
                "department_id": self.unit.id,
                "award_type_id": self.award_ldtt.id,
                "quota": 1,
                "min_score": 50,
            }
        )
        action = wizard.action_propose()
        nominations = self.env["thidua.nomination"].search(action["domain"])
        self.assertEqual(len(nominations), 2 - 1)
        self.assertEqual(nominations.employee_id, self.employee)
        self.assertEqual(nominations.year, 2021)


@tagged("post_install", "-at_install")
class TestNominationAccess(CommendationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_other_manager = new_test_user(
            cls.env, "thidua_manager_b", groups="thidua_module.group_thidua_unit_manager"
        )
        cls.other_unit.manager_id = cls.env["hr.employee"].create(
            {
                "name": "Trưởng B",
                "department_id": cls.other_unit.id,
                "user_id": cls.user_other_manager.id,
            }
        )

    def test_manager_nominates_and_approves_for_own_units(self):
        nomination = (
            self.env["thidua.nomination"]
            .with_user(self.user_manager)
            .create(
                {"year": 2021, "award_type_id": self.award_ldtt.id, "employee_id": self.employee.id}
            )
        )
        nomination.action_submit()
        nomination.action_unit_approve()
        self.assertEqual(nomination.state, "unit_approved")

    def test_manager_cannot_nominate_in_another_unit(self):
        with self.assertRaises(AccessError):
            self.env["thidua.nomination"].with_user(self.user_manager).create(
                {
                    "year": 2021,
                    "award_type_id": self.award_ldtt.id,
                    "employee_id": self.other_employee.id,
                }
            )

    def test_manager_cannot_approve_another_units_nomination(self):
        nomination = self._nomination(self.other_employee)
        nomination.action_submit()
        with self.assertRaises(AccessError):
            nomination.with_user(self.user_manager).action_unit_approve()

    def test_manager_cannot_approve_his_own_nomination(self):
        nomination = self._nomination(self.manager_employee)
        nomination.action_submit()
        with self.assertRaisesRegex(UserError, "your own"):
            nomination.with_user(self.user_manager).action_unit_approve()

    def test_manager_cannot_approve_at_council_level(self):
        nomination = self._nomination()
        nomination.action_submit()
        nomination.action_unit_approve()
        with self.assertRaisesRegex(UserError, "council"):
            nomination.with_user(self.user_manager).action_council_approve()

    def test_officer_cannot_approve_at_council_level(self):
        nomination = self._nomination()
        nomination.action_submit()
        nomination.action_unit_approve()
        with self.assertRaisesRegex(UserError, "council"):
            nomination.with_user(self.user_officer).action_council_approve()

    def test_officer_prepares_but_council_issues(self):
        nomination = self._approve(self._nomination())
        decision = (
            self.env["thidua.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "name": "5/QĐ",
                    "authority_id": self.authority.id,
                    "date": date(2021, 12, 1),
                    "nomination_ids": [Command.set(nomination.ids)],
                }
            )
        )
        with self.assertRaisesRegex(UserError, "council"):
            decision.action_issue()
        decision.with_user(self.user_council).action_issue()
        self.assertEqual(decision.state, "issued")

    def test_council_member_cannot_approve_own_nomination(self):
        council_employee = self.env["hr.employee"].create(
            {
                "name": "Thành viên HĐ",
                "department_id": self.unit.id,
                "user_id": self.user_council.id,
            }
        )
        self._rate(council_employee)
        nomination = self._nomination(council_employee)
        nomination.action_submit()
        nomination.action_unit_approve()
        with self.assertRaisesRegex(UserError, "your own"):
            nomination.with_user(self.user_council).action_council_approve()

    def test_employee_reads_own_nominations_and_commendations_only(self):
        mine = self._grant()
        other = self._grant(self.other_employee)
        Commendation = self.env["thidua.commendation"].with_user(self.user_employee)
        self.assertEqual(Commendation.search([]), mine)
        self.assertEqual(
            self.env["thidua.nomination"].with_user(self.user_employee).search([]),
            mine.nomination_id,
        )
        with self.assertRaises(AccessError):
            other.with_user(self.user_employee).read(["amount"])

    def test_employee_cannot_nominate(self):
        with self.assertRaises(AccessError):
            self.env["thidua.nomination"].with_user(self.user_employee).create(
                {"year": 2021, "award_type_id": self.award_ldtt.id, "employee_id": self.employee.id}
            )

    def test_nobody_edits_a_commendation_directly(self):
        commendation = self._grant()
        with self.assertRaises(AccessError):
            commendation.with_user(self.user_council).write({"amount": 1})

    def test_other_company_sees_no_nomination(self):
        nomination = self._nomination()
        visible = self.env["thidua.nomination"].with_user(self.user_other_company).search([])
        self.assertNotIn(nomination, visible)
