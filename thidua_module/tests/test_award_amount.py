from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged, warmup
from odoo.tools import mute_logger

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestAwardAmount(CommendationCase):
    """A decision pays the coefficient in force on its date, as it pays the
    base salary in force on its date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A Bằng khen whose amount changed: 1.0 under one decree, 1.5 under the next.
        cls.award = cls.env["thidua.award.type"].create(
            {
                "name": "Bằng khen thử nghiệm",
                "code": "BK-TN",
                "kind": "form",
                "target": "both",
                "amount_ids": [
                    Command.create(
                        {
                            "date_from": date(2017, 10, 1),
                            "coefficient": 1.0,
                            "collective_multiplier": 2.0,
                            "legal_basis": "Nghị định 91/2017/NĐ-CP, Điều 73",
                        }
                    ),
                    Command.create(
                        {
                            "date_from": date(2024, 1, 1),
                            "coefficient": 1.5,
                            "collective_multiplier": 2.0,
                            "legal_basis": "Nghị định 98/2023/NĐ-CP, Điều 58",
                        }
                    ),
                ],
            }
        )

    def _issue(self, day, employee=None, award=None, **values):
        nomination = self._approve(
            self._nomination(employee, award or self.award, year=day.year, **values)
        )
        decision = self._decision(nomination, day=day)
        decision.action_issue()
        return decision.commendation_ids

    def _amount(self, award, day, coefficient, **values):
        return self.env["thidua.award.amount"].create(
            dict(
                award_type_id=award.id,
                date_from=day,
                coefficient=coefficient,
                legal_basis="Quy định thử nghiệm",
                **values,
            )
        )

    def test_decision_of_each_period_pays_the_coefficient_of_its_date(self):
        self.assertEqual(self._issue(date(2021, 12, 20)).amount, 1490000)  # 1.0 x 1,490,000
        self.assertEqual(
            self._issue(date(2024, 3, 1), self.manager_employee).amount, 2700000
        )  # 1.5 x 1,800,000
        self.assertEqual(
            self._issue(date(2025, 3, 1), self.other_employee).amount, 3510000
        )  # 1.5 x 2,340,000

    def test_amount_coming_into_force_on_the_decision_date_applies(self):
        self.assertEqual(self._issue(date(2024, 1, 1)).amount, 2700000)
        self.assertEqual(self._issue(date(2023, 12, 31), self.manager_employee).amount, 1800000)

    def test_collectives_receive_the_multiplier_of_the_period(self):
        commendation = self._issue(
            date(2021, 12, 20),
            target="collective",
            employee_id=False,
            department_id=self.unit.id,
        )
        self.assertEqual(commendation.amount, 2980000)  # 1.0 x 2 x 1,490,000

    def test_issue_without_an_amount_in_force_is_refused_with_award_and_date(self):
        nomination = self._approve(self._nomination(award=self.award, year=2017))
        decision = self._decision(nomination, day=date(2017, 8, 1))
        with self.assertRaisesRegex(UserError, r"01/08/2017.*“Bằng khen thử nghiệm”"):
            decision.action_issue()
        self.assertEqual(decision.state, "draft")
        self.assertEqual(nomination.state, "council_approved")
        self.assertFalse(decision.commendation_ids)

    def test_amount_ended_is_no_longer_in_force(self):
        self.award.amount_ids.filtered(lambda a: a.date_from.year == 2024).unlink()
        self.award.amount_ids.date_to = date(2023, 12, 31)
        self.assertEqual(self._issue(date(2023, 12, 31)).amount, 1800000)
        nomination = self._approve(self._nomination(self.manager_employee, self.award, 2024))
        with self.assertRaisesRegex(UserError, "No amount is in force on 01/03/2024"):
            self._decision(nomination, day=date(2024, 3, 1)).action_issue()

    def test_award_without_money_has_an_amount_of_coefficient_zero(self):
        self._amount(self.award, date(2025, 1, 1), 0.0)
        commendation = self._issue(date(2025, 3, 1))
        self.assertEqual(commendation.state, "valid")
        self.assertEqual(commendation.amount, 0)

    def test_one_amount_per_award_and_date(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._amount(self.award, date(2024, 1, 1), 2.0)

    def test_the_same_date_is_free_for_another_award(self):
        self.assertTrue(self._amount(self.award_giay_khen, date(2024, 1, 1), 0.3))

    def test_coefficient_multiplier_and_dates_are_checked(self):
        for coefficient, values in (
            (-1.0, {}),
            (1.0, {"collective_multiplier": 0}),
            (1.0, {"date_to": date(2030, 12, 31)}),
        ):
            with (
                self.subTest(coefficient=coefficient, **values),
                mute_logger("odoo.sql_db"),
                self.assertRaises(IntegrityError),
                self.cr.savepoint(),
            ):
                self._amount(self.award, date(2031, 1, 1), coefficient, **values)

    @freeze_time("2025-03-01")
    def test_award_type_shows_the_amount_in_force_today(self):
        self.assertEqual(self.award.coefficient, 1.5)
        self.assertEqual(self.award.collective_multiplier, 2.0)

    def test_amount_in_force_gives_one_row_per_award(self):
        awards = self.award | self.award_ldtt | self.award_giay_khen
        amounts = awards._amount_in_force(date(2021, 12, 20))
        self.assertEqual(amounts.award_type_id, awards)
        self.assertEqual(
            {a.award_type_id: a.coefficient for a in amounts},
            {self.award: 1.0, self.award_ldtt: 0.3, self.award_giay_khen: 0.3},
        )
        self.assertEqual(
            awards._amount_in_force(date(2024, 3, 1)).award_type_id, self.award | self.award_ldtt
        )

    def test_only_the_council_edits_amounts(self):
        amount = self.award.amount_ids[:1]
        for user in (self.user_employee, self.user_manager, self.user_officer):
            self.assertTrue(amount.with_user(user).coefficient)
            with self.assertRaises(AccessError):
                amount.with_user(user).coefficient = 9
        amount.with_user(self.user_council).coefficient = 1.2
        self.assertEqual(amount.coefficient, 1.2)

    @warmup
    def test_issue_reads_the_amounts_of_all_awards_at_once(self):
        awards = self.award | self.award_ldtt | self.award_giay_khen
        for size in (2, 20):
            employees = self.env["hr.employee"].create(
                [{"name": f"NV {size}-{i}", "department_id": self.sub_unit.id} for i in range(size)]
            )
            self._rate(employees)
            nominations = self._approve(
                self.env["thidua.nomination"].create(
                    [
                        {
                            "year": 2021,
                            "award_type_id": awards[i % len(awards)].id,
                            "target": "individual",
                            "employee_id": employee.id,
                        }
                        for i, employee in enumerate(employees)
                    ]
                )
            )
            decision = self._decision(nominations, day=date(2021, 12, 20))
            self.env.invalidate_all()
            # Budget measured for both sizes: the decision and its list, the base
            # salary, the awards and their amounts, the nominees and their data, each
            # read once for all nominations. A query per nomination would exceed it at 20.
            with self.assertQueryCount(9):
                values = decision._prepare_commendation_values()
            self.assertEqual(len(values), size)
            # 0.3 x 1,490,000 rounded up for the titles and the Giấy khen, 1.0 x 1,490,000
            self.assertEqual({vals["amount"] for vals in values}, {450000, 1490000})
