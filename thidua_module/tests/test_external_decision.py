import base64
import io
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import CommendationCase

SAMPLE = "thidua_module/tests/data/external_decision.csv"


@tagged("post_install", "-at_install")
class TestExternalDecision(CommendationCase):
    """Decisions issued elsewhere, recorded with their list imported from a file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.barcode = "NVA1"
        cls.other_employee.birthday = date(1985, 5, 12)
        cls.award_bk = cls.env.ref("thidua_module.award_bang_khen_ldld_tinh")
        cls.award_unit = cls.env.ref("thidua_module.award_tap_the_lao_dong_tien_tien")
        cls.city = cls.env["thidua.authority"].create({"name": "LĐLĐ thành phố Hà Nội"})
        with open(file_path(SAMPLE), "rb") as sample:
            cls.sample = sample.read()

    def _external(self, user=None):
        decision = (
            self.env["thidua.decision"]
            .with_user(user or self.user_officer)
            .create(
                {
                    "name": "125/QĐ-LĐLĐ",
                    "date": date(2020, 12, 28),
                    "authority_id": self.city.id,
                    "is_external": True,
                }
            )
        )
        return decision.with_env(self.env)

    def _import(self, decision, content=None, filename="list.csv", user=None):
        wizard = (
            self.env["thidua.decision.import"]
            .with_user(user or self.user_officer)
            .create(
                {
                    "decision_id": decision.id,
                    "file": base64.b64encode(content or self.sample),
                    "filename": filename,
                }
            )
        )
        return wizard.action_import()

    def _csv(self, *rows):
        lines = ["code,name,birthday,unit,award,year,kind,amount", *rows]
        return "\n".join(lines).encode()

    # Importing

    def test_sample_file_issues_the_decision(self):
        decision = self._external()
        self._import(decision)
        self.assertEqual(decision.state, "issued")
        commendations = decision.commendation_ids
        self.assertEqual(len(commendations), 3)
        self.assertTrue(all(commendations.mapped("is_external")))
        self.assertEqual(
            set(commendations.mapped("nominee_name")), {"Nhân viên A1", "Nhân viên B", "Đơn vị A"}
        )
        self.assertEqual(set(commendations.nomination_id.mapped("state")), {"awarded"})
        self.assertEqual(decision.nomination_ids, commendations.nomination_id)

    def test_amounts_are_those_of_the_file_or_zero(self):
        decision = self._external()
        self._import(decision)
        amounts = {c.nominee_name: c.amount for c in decision.commendation_ids}
        self.assertEqual(amounts["Nhân viên B"], 1490000)
        self.assertEqual(amounts["Nhân viên A1"], 0)
        self.assertEqual(amounts["Đơn vị A"], 0)

    def test_xlsx_file_is_read(self):
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["code", "name", "birthday", "unit", "award", "year", "kind", "amount"])
        sheet.append([None, "Nhân viên B", date(1985, 5, 12), None, "BK-LDLD", 2020, None, 0])
        stream = io.BytesIO()
        book.save(stream)
        decision = self._external()
        self._import(decision, stream.getvalue(), "list.xlsx")
        self.assertEqual(decision.commendation_ids.employee_id, self.other_employee)

    def test_imported_title_counts_for_the_rules(self):
        self.award_giay_khen.condition_ids = [
            Command.clear(),
            Command.create({"required_type_id": self.award_ldtt.id, "count": 1}),
        ]
        eligibility = self.env["thidua.eligibility"]
        nomination = self._nomination(award=self.award_giay_khen, year=2020)
        rows = eligibility._evaluate(nomination)[nomination.id]
        self.assertFalse(eligibility._is_eligible(rows))
        self._import(self._external())
        rows = eligibility._evaluate(nomination)[nomination.id]
        self.assertTrue(eligibility._is_eligible(rows))

    def test_imported_title_is_not_nominated_again(self):
        self._import(self._external())
        with self.assertRaises(UserError):
            self._approve(self._nomination(year=2020))

    # Rows not matched: nothing imported

    def _assert_refused(self, content, *fragments):
        decision = self._external()
        with self.assertRaises(UserError) as caught:
            self._import(decision, content)
        for fragment in fragments:
            self.assertIn(fragment, str(caught.exception))
        self.assertEqual(decision.state, "draft")
        self.assertFalse(decision.commendation_ids)
        self.assertFalse(self.env["thidua.nomination"].search([("decision_id", "=", decision.id)]))

    def test_unknown_code_is_reported_and_nothing_imported(self):
        self._assert_refused(
            self._csv("NVA1,,,,LDTT,2020,,", "NVX9,,,,LDTT,2020,,"), "row 3", "NVX9"
        )

    def test_two_employees_with_the_same_name_and_birth_date_are_reported(self):
        self.env["hr.employee"].create(
            {"name": "Nhân viên B", "birthday": date(1985, 5, 12), "department_id": self.unit.id}
        )
        self._assert_refused(self._csv(",Nhân viên B,12/05/1985,,LDTT,2020,,"), "row 2", "2")

    def test_unknown_award_code_is_reported(self):
        self._assert_refused(self._csv("NVA1,,,,XYZ,2020,,"), "row 2", "XYZ")

    def test_every_unmatched_row_is_listed(self):
        self._assert_refused(
            self._csv("NVX1,,,,LDTT,2020,,", "NVA1,,,,XYZ,2020,,", ",,,Không có,TTLDTT,2020,,"),
            "row 2",
            "row 3",
            "row 4",
        )

    def test_row_listed_twice_is_reported(self):
        self._assert_refused(self._csv("NVA1,,,,LDTT,2020,,", "NVA1,,,,LDTT,2020,,"), "row 3")

    def test_title_already_held_is_reported(self):
        self._grant(year=2020)
        self._assert_refused(self._csv("NVA1,,,,LDTT,2020,,"), "row 2")

    def test_internal_decision_cannot_be_imported_into(self):
        decision = self._external()
        decision.is_external = False
        with self.assertRaises(UserError):
            self._import(decision)

    def test_external_decision_is_not_issued_from_nominations(self):
        decision = self._external()
        with self.assertRaises(UserError):
            decision.with_user(self.user_council).action_issue()

    # Access

    def test_employee_cannot_import(self):
        decision = self._external()
        with self.assertRaises(AccessError):
            self._import(decision, user=self.user_employee)

    def test_unit_manager_cannot_import(self):
        decision = self._external()
        with self.assertRaises(AccessError):
            self._import(decision, user=self.user_manager)

    def test_council_can_import(self):
        decision = self._external(self.user_council)
        self._import(decision, user=self.user_council)
        self.assertEqual(decision.state, "issued")

    def test_commendations_cannot_be_created_by_the_standard_import(self):
        result = (
            self.env["thidua.commendation"]
            .with_user(self.user_officer)
            .load(
                ["decision_id/.id", "award_type_id/.id", "employee_id/.id", "year", "date"],
                [["1", str(self.award_ldtt.id), str(self.employee.id), "2020", "2020-12-28"]],
            )
        )
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])

    # Locked like any other

    def test_external_commendations_cannot_be_written(self):
        decision = self._external()
        self._import(decision)
        commendation = decision.commendation_ids[:1]
        for user in (self.user_officer, self.user_council):
            with self.assertRaises(UserError):
                commendation.with_user(user).write({"amount": 1})
        with self.assertRaises(UserError):
            commendation.sudo().write({"amount": 1})

    def test_external_commendations_cannot_be_deleted(self):
        decision = self._external()
        self._import(decision)
        with self.assertRaises(AccessError):
            decision.commendation_ids.with_user(self.user_council).unlink()
        with self.assertRaises(UserError):
            decision.commendation_ids.sudo().unlink()

    def test_imported_decision_cannot_be_imported_again(self):
        decision = self._external()
        self._import(decision)
        with self.assertRaises(UserError):
            self._import(decision)

    def test_revoking_revokes_the_imported_commendations(self):
        decision = self._external()
        self._import(decision)
        council = decision.with_user(self.user_council)
        council.revoke_reason = "Nhập nhầm danh sách"
        council.action_revoke()
        self.assertEqual(set(decision.commendation_ids.mapped("state")), {"revoked"})
        self.assertFalse(any(decision.commendation_ids.nomination_id.mapped("is_live")))
