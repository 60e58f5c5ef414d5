import xmlrpc.client
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestInputIsChecked(CommendationCase):
    """Bad input gets a message a person can act on, never a raw error."""

    def test_phase_of_another_movement_is_refused_on_nominations(self):
        other = self.env["thidua.movement"].create(self._movement_values(name="Phong trào khác"))
        with self.assertRaisesRegex(ValidationError, "belongs to the movement"):
            self._nomination(movement_id=other.id, phase_id=self.phase_1.id)

    def test_phase_of_another_movement_is_refused_on_decisions(self):
        other = self.env["thidua.movement"].create(self._movement_values(name="Phong trào khác"))
        with self.assertRaisesRegex(ValidationError, "belongs to the movement"):
            self.env["thidua.decision"].create(
                {
                    "name": "3/QĐ-TN",
                    "authority_id": self.authority.id,
                    "movement_id": other.id,
                    "phase_id": self.phase_1.id,
                }
            )

    def test_decision_number_is_stored_trimmed(self):
        decision = self.env["thidua.decision"].create(
            {"name": "  12/QĐ-LĐLĐ \n", "authority_id": self.authority.id}
        )
        self.assertEqual(decision.name, "12/QĐ-LĐLĐ")

    def test_years_out_of_range_are_refused(self):
        for year in (0, -1, 21, 3000):
            with self.subTest(year=year), self.assertRaisesRegex(ValidationError, "four digits"):
                self.env["thidua.movement"].create(self._movement_values(year=year))
            with self.subTest(year=year), self.assertRaisesRegex(ValidationError, "four digits"):
                self._nomination(year=year)

    def test_decision_date_out_of_range_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "four digits"):
            self.env["thidua.decision"].create(
                {"name": "4/QĐ-TN", "authority_id": self.authority.id, "date": date(1, 1, 1)}
            )

    def test_huge_texts_in_indexed_fields_are_refused_clearly(self):
        huge = "x" * 100_000
        with self.assertRaisesRegex(ValidationError, "limited to 64 characters"):
            self.env["thidua.decision"].create({"name": huge, "authority_id": self.authority.id})
        with self.assertRaisesRegex(ValidationError, "limited to 32 characters"):
            self.block.code = huge
        with self.assertRaisesRegex(ValidationError, "limited to 32 characters"):
            self.award_ldtt.copy({"code": huge})


@tagged("post_install", "-at_install")
class TestActionsAnswerEveryClient(CommendationCase):
    """An action that succeeded answers something XML-RPC can send back."""

    def _assert_marshals(self, result):
        self.assertTrue(result)
        xmlrpc.client.dumps((result,), methodresponse=True, allow_none=False)

    def test_pledge_actions(self):
        pledge = self._pledge()
        for action in ("action_submit", "action_confirm", "action_evaluate", "action_close"):
            with self.subTest(action=action):
                self._assert_marshals(getattr(pledge, action)())
        other = self._pledge(self.manager_employee)
        for action in ("action_cancel", "action_draft"):
            with self.subTest(action=action):
                self._assert_marshals(getattr(other, action)())

    def test_nomination_and_decision_actions(self):
        nomination = self._nomination()
        for action in ("action_submit", "action_unit_approve", "action_council_approve"):
            with self.subTest(action=action):
                self._assert_marshals(getattr(nomination, action)())
        decision = self._decision(nomination)
        self._assert_marshals(decision.action_issue())
        decision.revoke_reason = "Nhầm đối tượng"
        self._assert_marshals(decision.action_revoke())
        other = self._nomination(self.manager_employee)
        self._assert_marshals(other.action_cancel())
        self._assert_marshals(other.action_draft())
        other.action_submit()
        other.refuse_reason = "Chưa đủ điều kiện"
        self._assert_marshals(other.action_refuse())

    def test_movement_and_phase_actions(self):
        movement = self.env["thidua.movement"].create(self._movement_values(name="Năm sau"))
        phase = self.env["thidua.phase"].create(
            {
                "movement_id": movement.id,
                "name": "Đợt",
                "date_start": date(2021, 1, 1),
                "date_end": date(2021, 12, 31),
            }
        )
        self._assert_marshals(movement.action_launch())
        self._assert_marshals(phase.action_start())
        self._assert_marshals(phase.action_close())
        self._assert_marshals(movement.action_close())
        draft = self.env["thidua.movement"].create(self._movement_values(name="Hủy"))
        self._assert_marshals(draft.action_cancel())
        self._assert_marshals(draft.action_draft())


@tagged("post_install", "-at_install")
class TestApprovalActivities(CommendationCase):
    """The approval steps close their own activities and leave the others."""

    def _activities(self, nomination, xmlid):
        return nomination.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(xmlid))

    def test_a_to_do_planned_by_hand_survives_the_workflow(self):
        nomination = self._nomination()
        todo = nomination.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_officer.id, summary="Gọi điện"
        )
        self._approve(nomination)
        self.assertTrue(todo.exists())
        self.assertEqual(nomination.activity_ids, todo)

    def test_each_step_closes_the_one_before_with_feedback(self):
        nomination = self._nomination()
        nomination.action_submit()
        unit = "thidua_module.mail_activity_data_thidua_unit_approval"
        council = "thidua_module.mail_activity_data_thidua_council_review"
        self.assertEqual(self._activities(nomination, unit).user_id, self.user_manager)
        nomination.with_user(self.user_manager).action_unit_approve()
        self.assertFalse(self._activities(nomination, unit))
        self.assertTrue(self._activities(nomination, council))
        done = nomination.message_ids.filtered(lambda m: m.mail_activity_type_id)
        self.assertEqual(
            done.mail_activity_type_id, self.env.ref(unit), "the unit's step is recorded as done"
        )
        nomination.with_user(self.user_council).action_council_approve()
        self.assertFalse(nomination.activity_ids)


@tagged("post_install", "-at_install")
class TestNotificationsNeverBlock(CommendationCase):
    """A user without an e-mail address still goes through the workflow."""

    def test_council_member_without_email_issues_and_revokes(self):
        council = new_test_user(
            self.env, "thidua_council_noemail", groups="thidua_module.group_thidua_council"
        )
        council.partner_id.email = False
        nomination = self._nomination()
        nomination.action_submit()
        nomination.with_user(self.user_manager).action_unit_approve()
        nomination.with_user(council).action_council_approve()
        decision = self._decision(nomination).with_user(council)
        decision.action_issue()
        self.assertEqual(decision.state, "issued")
        decision.revoke_reason = "Sai sót"
        decision.action_revoke()
        self.assertEqual(decision.state, "revoked")

    def test_manager_without_email_approves(self):
        self.user_manager.partner_id.email = False
        self.user_employee.partner_id.email = False
        nomination = self._nomination()
        nomination.with_user(self.user_manager).action_submit()
        nomination.with_user(self.user_manager).action_unit_approve()
        self.assertEqual(nomination.state, "unit_approved")


@tagged("post_install", "-at_install")
class TestEligibilityPanel(CommendationCase):
    def test_an_awarded_nomination_is_not_its_own_duplicate(self):
        nomination = self._grant().nomination_id
        nomination.invalidate_recordset(["eligibility_html", "is_eligible"])
        self.assertNotIn("already nominated", nomination.eligibility_html)
        self.assertTrue(nomination.is_eligible)


@tagged("post_install", "-at_install")
class TestWhatOthersMayLearn(CommendationCase):
    """Nothing is read as superuser on behalf of someone who may not read it."""

    def test_eligibility_panel_of_someone_else_is_empty_for_an_employee(self):
        draft = (
            self.env["thidua.nomination"]
            .with_user(self.user_employee)
            .new(
                {
                    "year": 2021,
                    "award_type_id": self.award_ldtt.id,
                    "employee_id": self.other_employee.id,
                }
            )
        )
        self.assertFalse(draft.eligibility_html)

    def test_discipline_subject_is_for_officers_only(self):
        self.env["thidua.discipline"].create(
            {"name": "Vụ việc mật", "employee_id": self.employee.id, "state": "pending"}
        )
        nomination = self._nomination()
        as_manager = nomination.with_user(self.user_manager).eligibility_html
        self.assertIn("discipline case under review", as_manager)
        self.assertNotIn("Vụ việc mật", as_manager)
        nomination.invalidate_recordset(["eligibility_html"])
        self.assertIn("Vụ việc mật", nomination.with_user(self.user_officer).eligibility_html)

    def test_lines_tell_nothing_of_a_pledge_one_may_not_read(self):
        pledge = self._pledge(self.other_employee)
        self.env.invalidate_all()  # as a fresh request would: nothing read yet
        spec = {"pledge_id": {}, "employee_id": {}, "state": {}, "unit_id": {}}
        result = (
            self.env["thidua.pledge.line"]
            .with_user(self.user_employee)
            .onchange({"pledge_id": pledge.id}, [], spec)
        )
        self.assertFalse(any(result["value"].get(name) for name in spec))

    def test_registration_figures_belong_to_whoever_asked(self):
        self.movement.action_launch()
        action = self.movement.with_user(self.user_officer).action_view_registration()
        rows = self.env["thidua.registration.rate"].search(action["domain"])
        with self.assertRaises(AccessError):
            rows.with_user(self.user_manager).read(["rate"])
        with self.assertRaises(AccessError):
            rows.with_user(self.user_manager).write({"rate": 1.0})


@tagged("post_install", "-at_install")
class TestUnitTree(CommendationCase):
    """Unit managers' rights follow the unit tree: only HR officers reshape it."""

    def test_employee_and_manager_cannot_reshape_the_tree(self):
        for user in (self.user_employee, self.user_manager):
            unit = self.other_unit.with_user(user)
            for values in (
                {"manager_id": self.manager_employee.id},
                {"parent_id": self.unit.id},
                {"active": False},
            ):
                with self.subTest(user=user.name, values=values), self.assertRaises(AccessError):
                    unit.write(values)

    def test_officer_reshapes_the_tree(self):
        self.other_unit.with_user(self.user_officer).parent_id = self.unit
        self.assertEqual(self.other_unit.parent_id, self.unit)

    def test_employees_still_rename_departments_as_odoo_allows(self):
        self.other_unit.with_user(self.user_employee).name = "Đơn vị B mới"
        self.assertEqual(self.other_unit.name, "Đơn vị B mới")


@tagged("post_install", "-at_install")
class TestSeparationOfDuties(CommendationCase):
    def test_nobody_confirms_or_evaluates_own_pledge(self):
        officer_employee = self.env["hr.employee"].create(
            {"name": "Cán bộ", "department_id": self.unit.id, "user_id": self.user_officer.id}
        )
        pledge = self._pledge(officer_employee)
        pledge.action_submit()
        with self.assertRaisesRegex(UserError, "your own pledge"):
            pledge.with_user(self.user_officer).action_confirm()
        pledge.with_user(self.user_manager).action_confirm()
        with self.assertRaisesRegex(UserError, "your own pledge"):
            pledge.with_user(self.user_officer).action_evaluate()

    def test_manager_cannot_evaluate_his_own_pledge(self):
        pledge = self._pledge(self.manager_employee)
        pledge.action_submit()
        pledge.with_user(self.user_officer).action_confirm()
        with self.assertRaisesRegex(UserError, "your own pledge"):
            pledge.with_user(self.user_manager).action_evaluate()

    def test_unit_and_council_approvals_are_two_peoples(self):
        other_council = new_test_user(
            self.env, "thidua_council_2", groups="thidua_module.group_thidua_council"
        )
        nomination = self._nomination(self.other_employee)
        nomination.action_submit()
        nomination.with_user(self.user_council).action_unit_approve()
        self.assertEqual(nomination.unit_approver_id, self.user_council)
        with self.assertRaisesRegex(UserError, "another member of the council"):
            nomination.with_user(self.user_council).action_council_approve()
        nomination.with_user(other_council).action_council_approve()
        self.assertEqual(nomination.state, "council_approved")

    def test_refusal_reason_is_frozen_once_awarded(self):
        nomination = self._grant().nomination_id
        for user in (self.user_manager, self.user_council):
            with self.subTest(user=user.name), self.assertRaisesRegex(UserError, "refus"):
                nomination.with_user(user).refuse_reason = "Sửa sau khi khen"


@tagged("post_install", "-at_install")
class TestMoreInput(CommendationCase):
    def test_years_too_large_for_the_database_are_refused_clearly(self):
        with self.assertRaisesRegex(ValidationError, "four digits"):
            self._nomination(year=99_999_999_999)
        with self.assertRaisesRegex(ValidationError, "four digits"):
            self.movement.year = 99_999_999_999

    def test_movement_dates_within_the_years(self):
        with self.assertRaisesRegex(ValidationError, "four digits"):
            self.env["thidua.movement"].create(
                self._movement_values(date_start=date(1, 1, 1), date_end=date(9999, 12, 31))
            )

    def test_a_revoked_award_can_be_nominated_again(self):
        commendation = self._grant()
        decision = commendation.decision_id
        decision.revoke_reason = "Sai số quyết định"
        decision.action_revoke()
        again = self._nomination()
        again.action_submit()
        self.assertEqual(again.state, "submitted")


@tagged("post_install", "-at_install")
class TestSecondProbe(CommendationCase):
    """Holes found by probing the addon over RPC as each role."""

    def _confirmed(self, employee, confirmer, **values):
        pledge = self._pledge(employee, **values)
        pledge.action_submit()
        pledge.with_user(confirmer).action_confirm()
        return pledge

    def test_nobody_enters_the_results_of_their_own_pledge(self):
        pledge = self._confirmed(self.manager_employee, self.user_officer)
        with self.assertRaisesRegex(UserError, "results of your own pledge"):
            pledge.line_ids[:1].with_user(self.user_manager).actual = 999

    def test_manager_does_not_run_the_collective_pledge_of_his_own_unit(self):
        pledge = self._pledge(
            self.env["hr.employee"],
            target="collective",
            department_id=self.unit.id,
            award_type_ids=[Command.set(self.award_collective.ids)],
            line_ids=[Command.create({"criterion_id": self.criterion_duties.id, "target": 1})],
        )
        pledge.action_submit()
        with self.assertRaisesRegex(UserError, "your own pledge"):
            pledge.with_user(self.user_manager).action_confirm()

    def test_results_are_not_written_in_advance(self):
        pledge = self._pledge()
        with self.assertRaisesRegex(UserError, "confirmed pledges only"):
            pledge.with_user(self.user_employee).write(
                {
                    "line_ids": [
                        Command.create({"criterion_id": self.criterion_duties.id, "actual": 1})
                    ]
                }
            )
        done = self._confirmed(self.employee, self.user_manager, phase_id=self.phase_2.id)
        done.line_ids.write({"actual": 120})
        copied = done.copy({"phase_id": False})
        self.assertFalse(any(copied.line_ids.mapped("actual")))

    def test_a_forged_unit_opens_no_eligibility_panel(self):
        self.env["thidua.discipline"].create(
            {"name": "Vụ việc", "employee_id": self.other_employee.id, "state": "pending"}
        )
        spec = {"eligibility_html": {}}
        values = {
            "year": 2021,
            "award_type_id": self.award_ldtt.id,
            "target": "individual",
            "employee_id": self.other_employee.id,
            "unit_id": self.unit.id,
        }
        result = (
            self.env["thidua.nomination"]
            .with_user(self.user_manager)
            .onchange(values, ["year"], spec)
        )
        self.assertFalse(result["value"].get("eligibility_html"))

    def test_initiatives_of_another_unit_are_not_the_managers(self):
        initiative = self.env["thidua.initiative"].create(
            {"name": "Sáng kiến B", "department_id": self.other_unit.id}
        )
        with self.assertRaises(AccessError):
            initiative.with_user(self.user_manager).effect = "Sửa"

    def test_initiative_grounding_an_approved_nomination_stands(self):
        initiative = self.env["thidua.initiative"].create(
            {"name": "Sáng kiến A", "department_id": self.unit.id}
        )
        nomination = self._nomination(initiative_ids=[Command.set(initiative.ids)])
        with self.assertRaisesRegex(UserError, "from the nomination"):
            initiative.with_user(self.user_officer).nomination_ids = [Command.unlink(nomination.id)]
        self._approve(nomination)
        with self.assertRaisesRegex(UserError, "stands"):
            initiative.with_user(self.user_officer).recognition_ref = "Giả"
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            initiative.with_user(self.user_officer).unlink()

    def test_signed_decision_is_for_officers(self):
        decision = self._decision(self._approve(self._nomination()))
        decision.document = b"JVBERi0xLjQK"
        for user in (self.user_employee, self.user_manager):
            with self.subTest(user=user.name), self.assertRaises(AccessError):
                decision.with_user(user).read(["document"])
        self.assertTrue(decision.with_user(self.user_officer).read(["document"])[0]["document"])

    def test_registration_rates_are_for_managers_of_their_units(self):
        self.movement.action_launch()
        self._pledge()
        with self.assertRaises(AccessError):
            self.movement.with_user(self.user_employee).read(["registration_rate"])
        with self.assertRaises(AccessError):
            self.other_unit.with_user(self.user_employee).read(["thidua_registration_rate"])
        rates = {
            unit: unit.with_user(self.user_manager).thidua_registration_rate
            for unit in (self.unit, self.other_unit)
        }
        self.assertEqual(rates[self.unit], 50.0)
        self.assertEqual(rates[self.other_unit], 0.0, "not his unit: no figure")

    def test_only_hr_moves_a_unit_to_another_block(self):
        other_block = self.env["thidua.block"].create({"name": "Khối khác"})
        with self.assertRaises(AccessError):
            self.unit.with_user(self.user_employee).block_id = other_block

    def test_people_do_not_move_themselves_to_another_unit(self):
        self.assertNotIn("department_id", self.env["res.users"].SELF_WRITEABLE_FIELDS)

    def test_only_the_council_rewrites_the_reason_of_an_approved_nomination(self):
        nomination = self._approve(self._nomination())
        with self.assertRaisesRegex(UserError, "council"):
            nomination.with_user(self.user_officer).refuse_reason = "Không đủ"
        nomination.with_user(self.user_council).refuse_reason = "Không đủ"
        self.assertEqual(nomination.refuse_reason, "Không đủ")


@tagged("post_install", "-at_install")
class TestReview(CommendationCase):
    """What a review of the change found."""

    def test_defaults_in_the_context_are_no_way_around_the_guard(self):
        Pledge = self.env["thidua.pledge"].with_user(self.user_employee)
        pledge = Pledge.with_context(default_state="closed", default_rank=1).create(
            self._pledge_values()
        )
        self.assertEqual((pledge.state, pledge.rank), ("draft", 0))
        Nomination = self.env["thidua.nomination"].with_user(self.user_manager)
        nomination = Nomination.with_context(
            default_state="council_approved", default_unit_approver_id=self.user_council.id
        ).create(
            {"year": 2021, "award_type_id": self.award_ldtt.id, "employee_id": self.employee.id}
        )
        self.assertEqual(nomination.state, "draft")
        self.assertFalse(nomination.unit_approver_id)
        Decision = self.env["thidua.decision"].with_user(self.user_council)
        decision = Decision.with_context(default_state="issued").create(
            {"name": "8/QĐ-TN", "authority_id": self.authority.id}
        )
        self.assertEqual(decision.state, "draft")

    def test_evaluated_results_stay_when_a_criterion_changes(self):
        pledge = self._pledge()
        pledge.action_submit()
        pledge.action_confirm()
        productivity = pledge.line_ids.filtered(
            lambda line: line.criterion_id == self.criterion_productivity
        )
        productivity.actual = 120
        pledge.action_evaluate()
        score = pledge.score
        self.criterion_productivity.method = "max"
        self.assertEqual(pledge.score, score)

    def test_a_submitted_pledge_and_nomination_stay_with_their_unit(self):
        pledge = self._pledge()
        pledge.action_submit()
        nomination = self._grant().nomination_id
        self.employee.department_id = self.other_unit
        self.assertEqual(pledge.unit_id, self.sub_unit)
        self.assertEqual(nomination.unit_id, self.sub_unit)
        draft = self._pledge(phase_id=self.phase_2.id)
        self.assertEqual(draft.unit_id, self.other_unit)

    def test_the_holder_of_a_commendation_is_archived_not_deleted(self):
        commendation = self._grant()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            commendation.employee_id.unlink()

    def test_manager_cannot_move_an_initiative_out_of_his_units(self):
        initiative = self.env["thidua.initiative"].create(
            {"name": "Sáng kiến A", "department_id": self.unit.id}
        )
        with self.assertRaises(AccessError):
            initiative.with_user(self.user_manager).department_id = self.other_unit
