from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestForecast(CommendationCase):
    """Who is close to qualifying, and what they miss."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.award = cls.award_giay_khen

    def _conditions(self, *values):
        self.award.condition_ids = [Command.clear()] + [Command.create(v) for v in values]

    def _forecast(self, user=None, **values):
        Forecast = self.env["thidua.forecast"]
        if user:
            Forecast = Forecast.with_user(user)
        forecast = Forecast.create(dict({"year": 2021, "award_type_id": self.award.id}, **values))
        forecast.action_compute()
        return {
            (line.employee_id or line.department_id): (line.status, line.missing)
            for line in forecast.line_ids
            if line.award_type_id == self.award
        }

    def test_meets_the_conditions(self):
        self._conditions({"kind": "rating", "rating_level": "excellent"})
        self.assertEqual(self._forecast()[self.employee][0], "eligible")

    def test_one_more_year_of_the_same_results(self):
        self._conditions({"required_type_id": self.award_ldtt.id, "count": 2})
        self._grant(year=2021)
        status, missing = self._forecast()[self.employee]
        self.assertEqual(status, "one_more_year")
        self.assertIn("2020", missing)

    def test_one_condition_missing_says_which(self):
        self._conditions(
            {"kind": "rating", "rating_level": "excellent"},
            {"kind": "initiative", "count": 1},
        )
        status, missing = self._forecast()[self.employee]
        self.assertEqual(status, "one_condition")
        self.assertIn("Missing: 1 recognised initiative", missing)

    def test_a_free_initiative_of_the_nominee_counts(self):
        self._conditions({"kind": "initiative", "count": 1})
        self.env["thidua.initiative"].create(
            {
                "name": "Sáng kiến",
                "author_ids": [Command.set(self.employee.ids)],
                "date_recognised": date(2021, 3, 1),
            }
        )
        self.assertEqual(self._forecast()[self.employee][0], "eligible")

    def test_far_from_it_is_not_listed(self):
        self._conditions(
            {"kind": "initiative", "count": 3},
            {"required_type_id": self.award_ldtt.id, "count": 5},
        )
        self.assertNotIn(self.employee, self._forecast())

    def test_collectives_are_forecast_too(self):
        self._conditions(
            {
                "applies_to": "collective",
                "kind": "member_title_count",
                "required_type_id": self.award_ldtt.id,
                "count": 1,
            }
        )
        status, _missing = self._forecast()[self.unit]
        self.assertEqual(status, "one_condition")

    def test_unit_manager_sees_his_units_only(self):
        self._conditions({"kind": "rating", "rating_level": "excellent"})
        seen = self._forecast(self.user_manager)
        self.assertIn(self.employee, seen)
        self.assertNotIn(self.other_employee, seen)
        self.assertIn(self.other_employee, self._forecast(self.user_officer))

    def test_unit_manager_cannot_look_at_someone_outside(self):
        with self.assertRaisesRegex(UserError, "outside the units you manage"):
            self._forecast(self.user_manager, employee_id=self.other_employee.id)

    def test_employees_have_no_forecast(self):
        with self.assertRaises(AccessError):
            self._forecast(self.user_employee)

    def test_every_award_for_an_employee(self):
        self._conditions({"kind": "rating", "rating_level": "excellent"})
        forecast = self.env["thidua.forecast"].create(
            {"year": 2021, "employee_id": self.employee.id}
        )
        forecast.action_compute()
        awards = forecast.line_ids.award_type_id
        self.assertIn(self.award, awards)
        self.assertEqual(forecast.line_ids.employee_id, self.employee)

    def test_from_the_award_form(self):
        action = self.award.action_forecast()
        form = Form(self.env["thidua.forecast"].with_context(**action["context"]))
        self.assertEqual(form.award_type_id, self.award)

    def test_an_award_or_an_employee_is_needed(self):
        with self.assertRaisesRegex(UserError, "Choose an award"):
            self.env["thidua.forecast"].create({"year": 2021}).action_compute()

    def test_from_the_employee_form(self):
        action = self.employee.action_thidua_forecast()
        form = Form(self.env["thidua.forecast"].with_context(**action["context"]))
        self.assertEqual(form.employee_id, self.employee)

    def test_those_already_nominated_or_holding_it_are_left_out(self):
        self._conditions({"kind": "rating", "rating_level": "excellent"})
        self._nomination(award=self.award).action_submit()
        seen = self._forecast()
        self.assertNotIn(self.employee, seen)
        self.assertIn(self.manager_employee, seen)
