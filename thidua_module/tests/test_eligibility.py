from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestEligibility(CommendationCase):
    """Each rule of the award catalogue, with a passing and a failing case."""

    def _results(self, nomination, stage="submit"):
        rows = self.env["thidua.eligibility"]._evaluate(nomination, stage=stage)[nomination.id]
        results = {}
        for row in rows:
            # Several conditions of a kind: the kind holds when each of them does.
            results[row.code] = results.get(row.code, True) and row.ok
        return results

    # Nominee active

    def test_active_nominee_passes(self):
        self.assertTrue(self._results(self._nomination())["active"])

    def test_archived_nominee_is_refused(self):
        nomination = self._nomination()
        self.employee.action_archive()
        with self.assertRaisesRegex(UserError, "archived"):
            nomination.action_submit()

    # Kind of nominee

    def test_collective_award_for_a_person_is_refused(self):
        nomination = self._nomination(award=self.award_collective)
        with self.assertRaisesRegex(UserError, "not awarded to this kind"):
            nomination.action_submit()

    def test_award_for_both_passes_for_a_collective(self):
        nomination = self._nomination(
            award=self.award_giay_khen,
            target="collective",
            employee_id=False,
            department_id=self.unit.id,
        )
        self.assertTrue(self._results(nomination)["target"])

    # No second nomination

    def test_second_nomination_same_award_and_year_is_refused(self):
        self._nomination().action_submit()
        with self.assertRaisesRegex(UserError, "already nominated"):
            self._nomination().action_submit()

    def test_same_award_another_year_passes(self):
        self._nomination().action_submit()
        next_year = self._nomination(year=2022)
        self.assertTrue(self._results(next_year)["duplicate"])
        next_year.action_submit()
        self.assertEqual(next_year.state, "submitted")

    def test_refused_nomination_does_not_block_a_new_one(self):
        first = self._nomination()
        first.action_submit()
        first.refuse_reason = "Thiếu hồ sơ"
        first.action_refuse()
        self.assertEqual(first.state, "refused")
        second = self._nomination()
        self.assertTrue(self._results(second)["duplicate"])
        second.action_submit()
        self.assertEqual(second.state, "submitted")

    # Discipline

    def test_pending_discipline_case_is_refused(self):
        self.env["thidua.discipline"].create(
            {"name": "Đơn khiếu nại", "employee_id": self.employee.id, "date": date(2021, 3, 1)}
        )
        with self.assertRaisesRegex(UserError, "discipline case"):
            self._nomination().action_submit()

    def test_sanction_running_into_the_year_is_refused(self):
        self.env["thidua.discipline"].create(
            {
                "name": "Vi phạm nội quy",
                "employee_id": self.employee.id,
                "state": "disciplined",
                "sanction": "reprimand",
                "date": date(2020, 6, 1),
                "date_end": date(2021, 5, 31),
            }
        )
        with self.assertRaisesRegex(UserError, "discipline case"):
            self._nomination().action_submit()

    def test_sanction_ended_before_the_year_passes(self):
        self.env["thidua.discipline"].create(
            {
                "name": "Vi phạm cũ",
                "employee_id": self.employee.id,
                "state": "disciplined",
                "date": date(2019, 6, 1),
                "date_end": date(2020, 5, 31),
            }
        )
        self.assertTrue(self._results(self._nomination())["discipline"])

    def test_dismissed_case_passes(self):
        self.env["thidua.discipline"].create(
            {"name": "Đơn không có cơ sở", "employee_id": self.employee.id, "state": "dismissed"}
        )
        self.assertTrue(self._results(self._nomination())["discipline"])

    # Prerequisite of the same year (Chiến sĩ thi đua cơ sở needs Lao động tiên tiến)

    def test_prerequisite_missing_is_refused(self):
        with self.assertRaisesRegex(UserError, "Missing: “Lao động tiên tiến” for .* in 2021"):
            self._nomination(award=self.award_cstd).action_submit()

    def test_prerequisite_nominated_in_the_same_round_passes_submission(self):
        both = self._nomination() | self._nomination(award=self.award_cstd)
        both.action_submit()
        self.assertEqual(set(both.mapped("state")), {"submitted"})

    def test_council_needs_the_prerequisite_approved_first(self):
        ldtt, cstd = self._nomination(), self._nomination(award=self.award_cstd)
        (ldtt | cstd).action_submit()
        (ldtt | cstd).action_unit_approve()
        with self.assertRaisesRegex(UserError, "Missing: “Lao động tiên tiến”"):
            cstd.action_council_approve()
        ldtt.action_council_approve()
        cstd.action_council_approve()
        self.assertEqual(cstd.state, "council_approved")

    # Consecutive years (Chiến sĩ thi đua cấp tỉnh: 3 years of Chiến sĩ thi đua cơ sở)

    def _cstd_for(self, years, kind="yearly"):
        initiative = self.env["thidua.initiative"].create(
            {
                "name": "Sáng kiến cấp tỉnh",
                "author_ids": [Command.set(self.employee.ids)],
                "date_recognised": date(2021, 3, 1),
                "level_id": self.env.ref("thidua_module.level_state_ministry_province").id,
            }
        )
        for year in years:
            self._grant(year=year)
            self._grant(award=self.award_cstd, year=year, award_kind=kind)
        return self._nomination(
            award=self.award_cstd_tinh, initiative_ids=[Command.set(initiative.ids)]
        )

    def test_three_consecutive_years_pass(self):
        nomination = self._cstd_for([2019, 2020, 2021])
        nomination.action_submit()
        self.assertEqual(nomination.state, "submitted")

    def test_a_gap_in_the_years_is_refused(self):
        nomination = self._cstd_for([2018, 2020, 2021])
        with self.assertRaisesRegex(UserError, "in 2019"):
            nomination.action_submit()

    def test_thematic_commendations_do_not_count(self):
        nomination = self._cstd_for([2019, 2020, 2021], kind="thematic")
        with self.assertRaisesRegex(UserError, "Missing"):
            nomination.action_submit()

    def test_revoked_commendation_does_not_count(self):
        decision = self._grant().decision_id
        decision.revoke_reason = "Thành tích không đúng sự thật"
        decision.action_revoke()
        with self.assertRaisesRegex(UserError, "Missing: “Lao động tiên tiến”"):
            self._nomination(award=self.award_cstd).action_submit()

    # Times within a period

    def _twice_in_four_years(self):
        self.award_giay_khen.condition_ids = [
            Command.create(
                {
                    "required_type_id": self.award_ldtt.id,
                    "count_mode": "times",
                    "count": 2,
                    "within_years": 4,
                }
            )
        ]

    def test_enough_times_within_the_period_pass(self):
        self._twice_in_four_years()
        self._grant(year=2018)
        self._grant(year=2021)
        nomination = self._nomination(award=self.award_giay_khen)
        self.assertTrue(self._results(nomination)["title"])

    def test_times_outside_the_period_are_refused(self):
        self._twice_in_four_years()
        self._grant(year=2017)
        self._grant(year=2021)
        with self.assertRaisesRegex(UserError, r"holds it 1 time\(s\) from 2018 to 2021"):
            self._nomination(award=self.award_giay_khen).action_submit()

    def test_a_period_shorter_than_the_times_is_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["thidua.award.condition"].create(
                {
                    "award_type_id": self.award_giay_khen.id,
                    "required_type_id": self.award_ldtt.id,
                    "count_mode": "times",
                    "count": 3,
                    "within_years": 2,
                }
            )
            self.env.flush_all()

    # Initiative

    def _require_initiative(self):
        self.award_giay_khen.condition_ids = [Command.create({"kind": "initiative"})]

    def test_initiative_required_and_missing_is_refused(self):
        self._require_initiative()
        with self.assertRaisesRegex(UserError, "initiative"):
            self._nomination(award=self.award_giay_khen).action_submit()

    def test_own_recognised_initiative_passes(self):
        self._require_initiative()
        initiative = self.env["thidua.initiative"].create(
            {
                "name": "Cải tiến",
                "author_ids": [Command.set(self.employee.ids)],
                "date_recognised": date(2021, 4, 1),
            }
        )
        nomination = self._nomination(
            award=self.award_giay_khen, initiative_ids=[Command.set(initiative.ids)]
        )
        self.assertTrue(self._results(nomination)["initiative"])

    def test_unrecognised_or_foreign_initiative_is_refused(self):
        self._require_initiative()
        initiative = self.env["thidua.initiative"].create(
            {
                "name": "Của người khác",
                "author_ids": [Command.set(self.other_employee.ids)],
                "date_recognised": date(2021, 4, 1),
            }
        )
        nomination = self._nomination(
            award=self.award_giay_khen, initiative_ids=[Command.set(initiative.ids)]
        )
        self.assertFalse(self._results(nomination)["initiative"])

    def test_one_initiative_grounds_one_award_only(self):
        initiative = self.env["thidua.initiative"].create(
            {
                "name": "Một sáng kiến",
                "author_ids": [Command.set(self.employee.ids)],
                "date_recognised": date(2021, 4, 1),
            }
        )
        self._nomination(initiative_ids=[Command.set(initiative.ids)])
        with self.assertRaisesRegex(ValidationError, "one award only"):
            self._nomination(award=self.award_cstd, initiative_ids=[Command.set(initiative.ids)])

    # Members' share for collectives

    def _collective_nomination(self):
        return self._nomination(
            award=self.award_collective,
            target="collective",
            employee_id=False,
            department_id=self.unit.id,
        )

    def test_too_few_members_with_the_title_is_refused(self):
        self._grant()  # 1 of the 2 members of the unit: 50%, "more than 50%" needed
        with self.assertRaisesRegex(UserError, "members"):
            self._collective_nomination().action_submit()

    def test_enough_members_with_the_title_passes(self):
        self._grant()
        self._grant(self.manager_employee)
        nomination = self._collective_nomination()
        self.assertTrue(self._results(nomination)["member_share"])
        nomination.action_submit()
        self.assertEqual(nomination.state, "submitted")

    # Some members must hold a title (Tập thể lao động xuất sắc: a Chiến sĩ thi đua cơ sở)

    def _excellent_collective_nomination(self, with_cstd):
        self._grant()
        self._grant(self.manager_employee)
        if with_cstd:
            self._grant(award=self.award_cstd)
        return self._nomination(
            award=self.env.ref("thidua_module.award_tap_the_lao_dong_xuat_sac"),
            target="collective",
            employee_id=False,
            department_id=self.unit.id,
        )

    def test_no_member_with_the_title_is_refused(self):
        nomination = self._excellent_collective_nomination(with_cstd=False)
        with self.assertRaisesRegex(UserError, "Missing: 1 member\\(s\\) of Đơn vị A holding"):
            nomination.action_submit()

    def test_a_member_with_the_title_passes(self):
        nomination = self._excellent_collective_nomination(with_cstd=True)
        nomination.action_submit()
        self.assertEqual(nomination.state, "submitted")

    # Quota against another title

    def _colleague(self):
        colleague = self.env["hr.employee"].create(
            {"name": "Đồng nghiệp", "department_id": self.sub_unit.id}
        )
        self._rate(colleague)
        return colleague

    def test_quota_exceeded_in_a_batch_is_refused(self):
        self.award_cstd.write({"quota_base_type_id": self.award_ldtt.id, "quota_percent": 50})
        colleague = self._colleague()
        self._grant()
        self._grant(colleague)
        employees = self.employee | colleague
        batch = self.env["thidua.nomination"].browse(
            [self._nomination(e, award=self.award_cstd).id for e in employees]
        )
        with self.assertRaisesRegex(UserError, "only 1 are allowed"):
            batch.action_submit()

    def test_within_quota_passes(self):
        self.award_cstd.write({"quota_base_type_id": self.award_ldtt.id, "quota_percent": 50})
        self._grant()
        self._grant(self._colleague())
        nomination = self._nomination(award=self.award_cstd)
        self.assertTrue(self._results(nomination)["quota"])
        nomination.action_submit()
        self.assertEqual(nomination.state, "submitted")

    # Council vote

    def test_vote_below_the_share_is_refused(self):
        self.award_ldtt.vote_share = 90
        nomination = self._nomination(vote_members=10, vote_for=8)
        nomination.action_submit()
        nomination.action_unit_approve()
        with self.assertRaisesRegex(UserError, "90"):
            nomination.action_council_approve()

    def test_vote_reaching_the_share_passes(self):
        self.award_ldtt.vote_share = 90
        nomination = self._nomination(vote_members=10, vote_for=9)
        self._approve(nomination)
        self.assertEqual(nomination.state, "council_approved")

    def test_votes_cannot_exceed_members(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._nomination(vote_members=5, vote_for=6)

    # The panel

    def test_eligibility_panel_explains_each_rule(self):
        nomination = self._nomination(award=self.award_cstd)
        self.assertFalse(nomination.is_eligible)
        self.assertIn("fa-times", nomination.eligibility_html)
        self.assertIn("Lao động tiên tiến", nomination.eligibility_html)
        self.assertTrue(self._nomination().is_eligible)
