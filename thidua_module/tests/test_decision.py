from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestDecision(CommendationCase):
    def test_issue_grants_one_commendation_per_line(self):
        nominations = self._approve(self._nomination() | self._nomination(self.manager_employee))
        decision = self._decision(nominations, day=date(2025, 3, 1))
        decision.action_issue()
        self.assertEqual(decision.state, "issued")
        self.assertEqual(set(nominations.mapped("state")), {"awarded"})
        self.assertEqual(len(decision.commendation_ids), 2)
        self.assertEqual(nominations.commendation_id, decision.commendation_ids)
        self.assertEqual(self.employee.thidua_commendation_count, 1)

    def test_amount_uses_the_base_salary_in_force_rounded_up(self):
        # 0.3 x 2,340,000 = 702,000, rounded up to the ten thousand
        commendation = self._decision(self._approve(self._nomination()), day=date(2025, 3, 1))
        commendation.action_issue()
        self.assertEqual(commendation.commendation_ids.amount, 710000)

    def test_amounts_are_in_dong_whatever_the_company_currency(self):
        decision = self._decision(self._approve(self._nomination()), day=date(2025, 3, 1))
        decision.action_issue()
        vnd = self.env.ref("base.VND")
        self.assertTrue(vnd.active)
        self.assertEqual(decision.currency_id, vnd)
        self.assertEqual(decision.commendation_ids.currency_id, vnd)

    def test_amount_changes_with_the_base_salary_date(self):
        before = self._decision(self._approve(self._nomination(year=2024)), day=date(2024, 6, 30))
        after = self._decision(
            self._approve(self._nomination(self.manager_employee, year=2024)),
            day=date(2024, 7, 1),
        )
        (before | after).action_issue()
        self.assertEqual(before.commendation_ids.amount, 540000)  # 0.3 x 1,800,000
        self.assertEqual(after.commendation_ids.amount, 710000)  # 0.3 x 2,340,000

    def test_collectives_receive_the_multiplied_amount(self):
        nomination = self._approve(
            self._nomination(
                award=self.award_giay_khen,
                target="collective",
                employee_id=False,
                department_id=self.unit.id,
            )
        )
        decision = self._decision(nomination, day=date(2021, 12, 20))
        decision.action_issue()
        # Decree 91/2017, Art. 73: 0.3 x 2 x 1,490,000 = 894,000, rounded up
        self.assertEqual(decision.commendation_ids.amount, 900000)

    def test_no_base_salary_in_force_is_a_clear_error(self):
        decision = self._decision(self._approve(self._nomination(year=2010)), day=date(2010, 5, 1))
        with self.assertRaisesRegex(UserError, "No base salary"):
            decision.action_issue()

    def test_snapshot_keeps_the_data_of_the_decision(self):
        self.employee.write(
            {"job_title": "Công nhân", "gender": "female", "birthday": date(1990, 1, 2)}
        )
        commendation = self._grant()
        self.employee.write(
            {"name": "Tên mới", "job_title": "Tổ trưởng", "department_id": self.other_unit.id}
        )
        self.assertEqual(commendation.nominee_name, "Nhân viên A1")
        self.assertEqual(commendation.job_title, "Công nhân")
        self.assertEqual(commendation.department_name, "Tổ A1")
        self.assertEqual(commendation.birthday, date(1990, 1, 2))

    def test_only_council_approved_nominations_are_listed(self):
        nomination = self._nomination()
        with self.assertRaisesRegex(ValidationError, "not approved by the council"):
            self._decision(nomination)

    def test_empty_decision_cannot_be_issued(self):
        decision = self.env["thidua.decision"].create(
            {"name": "99/QĐ-TN", "authority_id": self.authority.id}
        )
        with self.assertRaisesRegex(UserError, "lists nobody"):
            decision.action_issue()

    def test_issuing_twice_is_refused(self):
        decision = self._decision(self._approve(self._nomination()))
        decision.action_issue()
        with self.assertRaisesRegex(UserError, "this step is not possible now"):
            decision.action_issue()
        self.assertEqual(len(decision.commendation_ids), 1)

    def test_issued_decision_cannot_be_changed_or_deleted(self):
        decision = self._decision(self._approve(self._nomination()))
        decision.action_issue()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            decision.date = date(2021, 1, 1)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            decision.unlink()

    def test_commendation_cannot_be_changed_or_deleted(self):
        commendation = self._grant()
        with self.assertRaises(UserError):
            commendation.sudo().amount = 1
        with self.assertRaises(UserError):
            commendation.sudo().unlink()

    def test_awarded_nomination_keeps_its_nominee_and_award(self):
        commendation = self._grant()
        with self.assertRaisesRegex(UserError, "can no longer change"):
            commendation.nomination_id.award_type_id = self.award_cstd

    def test_revocation_needs_a_reason(self):
        decision = self._decision(self._approve(self._nomination()))
        decision.action_issue()
        with self.assertRaisesRegex(UserError, "reason"):
            decision.action_revoke()

    def test_revocation_revokes_the_commendations(self):
        decision = self._decision(self._approve(self._nomination()))
        decision.action_issue()
        decision.revoke_reason = "Hồ sơ không trung thực"
        decision.action_revoke()
        self.assertEqual(decision.state, "revoked")
        self.assertEqual(decision.commendation_ids.state, "revoked")
        self.assertEqual(self.employee.thidua_commendation_count, 0)
        self.assertEqual(decision.amount_total, 0)

    def test_decision_number_is_unique_per_authority_and_year(self):
        self.env["thidua.decision"].create(
            {"name": "1/QĐ", "authority_id": self.authority.id, "date": date(2021, 3, 1)}
        )
        self.env["thidua.decision"].create(
            {"name": "1/QĐ", "authority_id": self.authority.id, "date": date(2022, 3, 1)}
        )
        with self.assertRaisesRegex(ValidationError, "already used"):
            self.env["thidua.decision"].create(
                {"name": " 1/qđ ", "authority_id": self.authority.id, "date": date(2021, 9, 1)}
            )

    def test_amount_is_never_negative(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            amount = self.award_ldtt.amount_ids[:1]
            amount.coefficient = -1
            amount.flush_recordset()

    def test_units_are_notified(self):
        decision = self._decision(self._approve(self._nomination()))
        decision.action_issue()
        message = decision.message_ids[:1]
        self.assertIn("1 commendations", message.body)
        self.assertIn(self.manager_employee.work_contact_id, message.partner_ids)

    def test_award_type_lists_its_holders(self):
        before = self.award_ldtt.commendation_count
        self._grant()
        self.award_ldtt.invalidate_recordset(["commendation_count"])
        self.assertEqual(self.award_ldtt.commendation_count, before + 1)
        action = self.award_ldtt.action_view_holders()
        self.assertEqual(action["domain"], [("award_type_id", "=", self.award_ldtt.id)])
