from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CommendationCase

# The reads of `_evaluate` for a batch of Lao động tiên tiến nominations.
QUERIES = 10


@tagged("post_install", "-at_install")
class TestConditions(CommendationCase):
    """Each kind of condition and each route, a passing and a failing case.

    The award "Giấy khen" ships without conditions: each test gives it the
    conditions it checks.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.award = cls.award_giay_khen
        cls.level_grassroots = cls.env.ref("thidua_module.level_state_grassroots")

    def _conditions(self, *values):
        self.award.condition_ids = [Command.clear()] + [Command.create(v) for v in values]

    def _rows(self, nomination, stage="submit"):
        return self.env["thidua.eligibility"]._evaluate(nomination, stage=stage)[nomination.id]

    def _eligible(self, nomination, stage="submit"):
        return self.env["thidua.eligibility"]._is_eligible(self._rows(nomination, stage))

    def _person(self, **values):
        return self._nomination(award=self.award, **values)

    def _unit(self, **values):
        return self._nomination(
            award=self.award,
            target="collective",
            employee_id=False,
            department_id=self.unit.id,
            **values,
        )

    def _initiative(self, employee=None, level=None):
        return self.env["thidua.initiative"].create(
            {
                "name": "Sáng kiến",
                "author_ids": [Command.set((employee or self.employee).ids)],
                "date_recognised": date(2021, 3, 1),
                "level_id": (level or self.level_grassroots).id,
            }
        )

    # A title held: consecutive years, times within a period, before a period

    def test_title_consecutive_years(self):
        self._conditions({"required_type_id": self.award_ldtt.id, "count": 2})
        self._grant(year=2021)
        self.assertFalse(self._eligible(self._person()))
        self._grant(year=2020)
        self.assertTrue(self._eligible(self._person()))

    def test_title_before_the_period(self):
        self._conditions(
            {"required_type_id": self.award_ldtt.id, "count_mode": "before", "within_years": 3}
        )
        self._grant(year=2020)  # inside the period 2019-2021: not before it
        self.assertFalse(self._eligible(self._person()))
        self._grant(year=2018)
        self.assertTrue(self._eligible(self._person()))

    # Yearly rating

    def test_rating_for_consecutive_years(self):
        self._conditions({"kind": "rating", "rating_level": "excellent", "count": 3})
        self.assertTrue(self._eligible(self._person()))
        self.env["thidua.rating"].search(
            [("employee_id", "=", self.employee.id), ("year", "=", 2020)]
        ).level = "good"
        nomination = self._person()
        self.assertFalse(self._eligible(nomination))
        with self.assertRaisesRegex(UserError, "Missing: a rating of .* in 2020"):
            nomination.action_submit()

    def test_a_better_rating_meets_a_lower_level(self):
        self._conditions({"kind": "rating", "rating_level": "complete"})
        self.assertTrue(self._eligible(self._person()))

    def test_no_rating_does_not_meet_it(self):
        newcomer = self.env["hr.employee"].create(
            {"name": "Người mới", "department_id": self.unit.id}
        )
        self._conditions({"kind": "rating", "rating_level": "complete"})
        self.assertFalse(self._eligible(self._person(employee_id=newcomer.id)))

    # Initiatives at a level

    def test_initiatives_counted(self):
        self._conditions({"kind": "initiative", "count": 2})
        first, second = self._initiative(), self._initiative()
        one = self._person(initiative_ids=[Command.set(first.ids)])
        self.assertFalse(self._eligible(one))
        one.unlink()
        both = self._person(initiative_ids=[Command.set((first | second).ids)])
        self.assertTrue(self._eligible(both))

    # Members of a collective

    def test_share_of_members_holding_a_title(self):
        self._conditions(
            {
                "applies_to": "collective",
                "kind": "member_title_share",
                "required_type_id": self.award_ldtt.id,
                "percent": 50,
            }
        )
        self.assertFalse(self._eligible(self._unit()))
        self._grant()  # 1 of the 2 members of the unit: 50%
        self.assertTrue(self._eligible(self._unit()))

    def test_more_than_a_share_is_strict(self):
        self._conditions(
            {
                "applies_to": "collective",
                "kind": "member_title_share",
                "required_type_id": self.award_ldtt.id,
                "percent": 50,
                "strictly_more": True,
            }
        )
        self._grant()
        self.assertFalse(self._eligible(self._unit()))
        self._grant(self.manager_employee)
        self.assertTrue(self._eligible(self._unit()))

    def test_members_holding_a_title(self):
        self._conditions(
            {
                "applies_to": "collective",
                "kind": "member_title_count",
                "required_type_id": self.award_ldtt.id,
                "count": 2,
            }
        )
        self._grant()
        with self.assertRaisesRegex(UserError, "Missing: 1 member"):
            self._unit().action_submit()
        self._grant(self.manager_employee)
        self.assertTrue(self._eligible(self._unit()))

    def test_share_of_members_with_a_rating(self):
        self._conditions(
            {
                "applies_to": "collective",
                "kind": "member_rating_share",
                "rating_level": "complete",
                "percent": 100,
            }
        )
        self.assertTrue(self._eligible(self._unit()))
        self.env["thidua.rating"].search(
            [("employee_id", "=", self.employee.id), ("year", "=", 2021)]
        ).level = "incomplete"
        self.assertFalse(self._eligible(self._unit()))

    def test_no_member_disciplined(self):
        self._conditions(
            {"applies_to": "collective", "kind": "member_discipline", "sanction": "warning"}
        )
        case = self.env["thidua.discipline"].create(
            {
                "name": "Vi phạm",
                "employee_id": self.employee.id,
                "state": "disciplined",
                "sanction": "reprimand",
                "date": date(2021, 5, 1),
            }
        )
        self.assertTrue(self._eligible(self._unit()), "a reprimand is lighter than a warning")
        case.sanction = "warning"
        self.assertFalse(self._eligible(self._unit()))
        case.date = date(2019, 5, 1)
        self.assertTrue(self._eligible(self._unit()), "a sanction of another year")

    def test_member_conditions_do_not_apply_to_a_person(self):
        self._conditions(
            {"kind": "member_title_count", "required_type_id": self.award_ldtt.id, "count": 5}
        )
        self.assertNotIn("member_count", [row.code for row in self._rows(self._person())])

    # Routes: every common condition and all of one route

    def _two_routes(self):
        self._conditions(
            {"kind": "rating", "rating_level": "good"},
            {"route": "a", "required_type_id": self.award_ldtt.id, "count": 2},
            {"route": "b", "kind": "rating", "rating_level": "excellent", "count": 2},
            {"route": "b", "kind": "initiative", "count": 1},
        )

    def test_one_route_suffices(self):
        self._two_routes()
        self._grant(year=2020)
        self._grant(year=2021)
        self.assertTrue(self._eligible(self._person()))

    def test_the_other_route_suffices(self):
        self._two_routes()
        nomination = self._person(initiative_ids=[Command.set(self._initiative().ids)])
        self.assertTrue(self._eligible(nomination))

    def test_no_route_held_is_refused_with_what_each_misses(self):
        self._two_routes()
        nomination = self._person()
        with self.assertRaisesRegex(UserError, "(?s)Missing: “Lao động tiên tiến”.*Missing: 1"):
            nomination.action_submit()

    def test_a_failing_common_condition_is_refused_whatever_the_route(self):
        self._two_routes()
        self.env["thidua.rating"].search(
            [("employee_id", "=", self.employee.id), ("year", "=", 2021)]
        ).level = "complete"
        nomination = self._person(initiative_ids=[Command.set(self._initiative().ids)])
        self.assertFalse(self._eligible(nomination))

    def test_panel_shows_each_route(self):
        self._two_routes()
        html = self._person().eligibility_html
        self.assertIn("Case a: does not hold", html)
        self.assertIn("Case b: does not hold", html)
        self.assertIn("Missing", html)

    # Judged by the council: the case the nomination relies on

    def test_judged_route_is_met_by_the_case_relied_on(self):
        self._conditions(
            {"route": "a", "kind": "judged", "name": "Thành tích xuất sắc tiêu biểu"},
            {"route": "b", "kind": "rating", "rating_level": "excellent", "count": 30},
        )
        self.assertFalse(self._eligible(self._person()))
        self.assertTrue(self._eligible(self._person(route_claimed="a")))


@tagged("post_install", "-at_install")
class TestCatalogue(CommendationCase):
    """The conditions shipped for the titles and forms of the law."""

    def _conditions(self, xmlid):
        return self.env.ref(f"thidua_module.{xmlid}").condition_ids

    def test_every_shipped_condition_cites_its_article(self):
        conditions = self.env["thidua.award.condition"].search([])
        self.assertTrue(conditions)
        for condition in conditions:
            self.assertIn("Điều", condition.legal_basis or "", condition.award_type_id.name)

    def test_cstd_toan_quoc_asks_two_consecutive_cstd_tinh(self):
        title = self._conditions("award_chien_si_thi_dua_toan_quoc").filtered(
            lambda c: c.kind == "title"
        )
        self.assertEqual(
            (title.required_type_id.code, title.count_mode, title.count),
            ("CSTD-T", "consecutive", 2),
        )

    def test_cstd_co_so_on_an_excellent_rating_or_an_initiative(self):
        conditions = self._conditions("award_chien_si_thi_dua_co_so")
        self.assertEqual(
            sorted((c.route or "", c.kind) for c in conditions),
            [("", "title"), ("a", "rating"), ("b", "initiative")],
        )

    def test_bang_khen_needs_no_initiative_on_its_first_route(self):
        conditions = self._conditions("award_bang_khen_tld")
        route_a = conditions.filtered(lambda c: c.route == "a")
        self.assertEqual(route_a.mapped("kind"), ["title"])
        self.assertIn("initiative", conditions.filtered(lambda c: c.route == "b").mapped("kind"))

    def test_bang_khen_thu_tuong_has_three_routes(self):
        conditions = self._conditions("award_bang_khen_thu_tuong")
        self.assertEqual(sorted(set(conditions.mapped("route"))), ["a", "b", "c"])
        route_b = conditions.filtered(lambda c: c.route == "b")
        self.assertEqual(
            sorted((c.kind, c.count_mode, c.count, c.within_years) for c in route_b),
            [
                ("rating", "consecutive", 5, 1),
                ("title", "before", 1, 5),
                ("title", "times", 3, 5),
            ],
        )

    def test_person_on_route_b_of_the_bang_khen_thu_tuong(self):
        award = self.env.ref("thidua_module.award_bang_khen_thu_tuong")
        bang_khen = self.env.ref("thidua_module.award_bang_khen_tld")
        for year in (2019, 2020):
            self._grant(year=year)
            self._grant(award=self.award_cstd, year=year)
        self._grant(award=bang_khen, year=2020)
        for year in (2021, 2023, 2025):
            self._grant(year=year)
            self._grant(award=self.award_cstd, year=year)
        nomination = self._nomination(award=award, year=2025)
        self.assertTrue(nomination.is_eligible)

    def test_no_vote_share_nor_quota_shipped(self):
        awards = self.env["thidua.award.type"].search([])
        self.assertFalse(any(awards.mapped("vote_share")))
        self.assertFalse(any(awards.mapped("quota_percent")))


@tagged("post_install", "-at_install")
class TestBatches(CommendationCase):
    """The quota counts the database, and a batch reads what it needs at once."""

    def _people(self, count, unit=None):
        people = self.env["hr.employee"].create(
            [
                {"name": f"Người {i}", "department_id": (unit or self.sub_unit).id}
                for i in range(count)
            ]
        )
        self._rate(people, years=[2021])
        return people

    def test_quota_is_not_got_round_by_submitting_one_by_one(self):
        self.award_cstd.write({"quota_base_type_id": self.award_ldtt.id, "quota_percent": 50})
        colleague = self._people(1)
        self._grant()
        self._grant(colleague)
        self._nomination(award=self.award_cstd).action_submit()
        with self.assertRaisesRegex(UserError, "only 1 are allowed"):
            self._nomination(colleague, award=self.award_cstd).action_submit()

    def _batch(self, count):
        people = self._people(count)
        return self.env["thidua.nomination"].create(
            [
                {"year": 2021, "award_type_id": self.award_ldtt.id, "employee_id": p.id}
                for p in people
            ]
        )

    def test_queries_do_not_grow_with_the_batch(self):
        evaluate = self.env["thidua.eligibility"]._evaluate
        for size in (3, 30):
            batch = self._batch(size)
            self.env.invalidate_all()
            # The nominations, their nominees and awards, titles, nominations
            # live, ratings, discipline cases: the same reads for any batch.
            with self.assertQueryCount(__system__=QUERIES):
                results = evaluate(batch, stage="council")
            self.assertEqual(len(results), size)
