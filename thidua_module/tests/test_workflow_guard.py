from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestWorkflowFieldsGuarded(CommendationCase):
    """Fields the workflow owns change only through its actions, for every role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roles = {
            "employee": cls.user_employee,
            "unit manager": cls.user_manager,
            "officer": cls.user_officer,
            "council": cls.user_council,
        }
        cls.granted = cls._grant(cls.other_employee)

    def _assert_guarded(self, record, values):
        for role, user in self.roles.items():
            for name, value in values.items():
                with self.subTest(role=role, field=name), self.assertRaises(UserError) as caught:
                    record.with_user(user).write({name: value})
                if record.with_user(user).has_access("write"):
                    # The role may edit the record: the workflow guard refused the field.
                    self.assertIn("workflow", str(caught.exception))
                self.env.invalidate_all()

    def test_pledge_workflow_fields(self):
        pledge = self._pledge()
        self._assert_guarded(
            pledge,
            {
                "state": "closed",
                "date_submitted": date(2021, 2, 1),
                "date_confirmed": date(2021, 2, 1),
                "date_evaluated": date(2021, 2, 1),
                "evaluated_by_id": self.user_employee.id,
                "rank": 1,
                "score": 100.0,
                "met_count": 3,
                "unit_id": self.other_unit.id,
            },
        )
        self.assertEqual(pledge.state, "draft")

    def test_pledge_line_workflow_fields(self):
        line = self._pledge().line_ids[:1]
        self._assert_guarded(line, {"is_met": True, "state": "closed"})
        self.assertEqual(line.pledge_id.state, "draft")

    def test_nomination_workflow_fields(self):
        nomination = self._nomination()
        self._assert_guarded(
            nomination,
            {
                "state": "council_approved",
                "commendation_id": self.granted.id,
                "unit_id": self.other_unit.id,
                "is_live": True,
            },
        )
        self.assertEqual(nomination.state, "draft")
        self.assertFalse(nomination.commendation_id)

    def test_decision_workflow_fields(self):
        decision = self._decision(self._approve(self._nomination()))
        self._assert_guarded(decision, {"state": "issued", "date_revoked": date(2021, 12, 31)})
        self.assertEqual(decision.state, "draft")
        self.assertFalse(decision.commendation_ids)

    def test_commendation_fields(self):
        self._assert_guarded(
            self.granted, {"state": "revoked", "amount": 1.0, "nominee_name": "Người khác"}
        )
        self.assertEqual(self.granted.state, "valid")

    def test_the_superuser_cannot_change_a_commendation_either(self):
        with self.assertRaisesRegex(UserError, "revoke the decision"):
            self.granted.sudo().write({"state": "revoked"})

    def test_a_context_key_sent_by_a_client_opens_nothing(self):
        pledge = self._pledge().with_user(self.user_employee)
        for value in (True, 1, "1", "thidua_workflow"):
            with self.subTest(value=value), self.assertRaisesRegex(UserError, "workflow"):
                pledge.with_context(thidua_workflow=value).write({"state": "closed"})

    def test_created_records_start_at_the_beginning_of_the_workflow(self):
        with self.assertRaisesRegex(UserError, "workflow"):
            self.env["thidua.pledge"].with_user(self.user_employee).create(
                self._pledge_values(state="closed", rank=1)
            )
        with self.assertRaisesRegex(UserError, "workflow"):
            self.env["thidua.nomination"].with_user(self.user_manager).create(
                {
                    "year": 2021,
                    "award_type_id": self.award_ldtt.id,
                    "employee_id": self.employee.id,
                    "state": "council_approved",
                }
            )
        with self.assertRaisesRegex(UserError, "workflow"):
            self.env["thidua.decision"].with_user(self.user_council).create(
                {"name": "5/QĐ-TN", "authority_id": self.authority.id, "state": "issued"}
            )

    def test_actions_still_move_the_states(self):
        pledge = self._pledge()
        self.assertIs(pledge.with_user(self.user_employee).action_submit(), True)
        self.assertIs(pledge.with_user(self.user_manager).action_confirm(), True)
        self.assertEqual(pledge.state, "confirmed")
        self.assertEqual(pledge.date_confirmed, date.today())


@tagged("post_install", "-at_install")
class TestWorkflowFieldsInForms(CommendationCase):
    """What the web client offers: workflow fields are read-only in every form."""

    def test_pledge_form(self):
        pledge = self._pledge()
        with Form(pledge.with_user(self.user_employee)) as form:
            for name in ("state", "rank", "evaluated_by_id", "date_submitted"):
                with self.subTest(field=name), self.assertRaises(AssertionError):
                    setattr(form, name, False)
            form.commitment = "<p>Vượt năng suất</p>"
        self.assertEqual(pledge.state, "draft")
        self.assertIn("Vượt năng suất", pledge.commitment)

    def test_nomination_form(self):
        nomination = self._nomination()
        with Form(nomination.with_user(self.user_manager)) as form:
            for name in ("state", "unit_id", "commendation_id"):
                with self.subTest(field=name), self.assertRaises(AssertionError):
                    setattr(form, name, False)
            form.achievements = "<p>Năng suất 120%</p>"
        self.assertEqual(nomination.state, "draft")
        self.assertEqual(nomination.unit_id, self.sub_unit)

    def test_decision_form(self):
        decision = self._decision(self._approve(self._nomination()))
        with Form(decision.with_user(self.user_officer)) as form:
            for name in ("state", "date_revoked"):
                with self.subTest(field=name), self.assertRaises(AssertionError):
                    setattr(form, name, False)
            form.signer_name = "Nguyễn Thị Thu Hà"
        self.assertEqual(decision.state, "draft")

    def test_employee_registers_through_the_form_and_cannot_set_a_state(self):
        form = Form(self.env["thidua.pledge"].with_user(self.user_employee))
        form.employee_id = self.employee
        form.movement_id = self.movement
        form.phase_id = self.phase_1
        form.date = date(2021, 1, 15)
        with self.assertRaises(AssertionError):
            form.state = "closed"
        pledge = form.save()
        self.assertEqual(pledge.state, "draft")


@tagged("post_install", "-at_install")
class TestRecordsStayWithinReach(CommendationCase):
    """After a create or a write, the record rules hold on the new values."""

    def test_manager_cannot_nominate_someone_of_another_unit(self):
        with self.assertRaises(AccessError):
            self.env["thidua.nomination"].with_user(self.user_manager).create(
                {
                    "year": 2021,
                    "award_type_id": self.award_ldtt.id,
                    "employee_id": self.other_employee.id,
                }
            )

    def test_manager_cannot_move_a_draft_nomination_to_another_unit(self):
        nomination = self._nomination().with_user(self.user_manager)
        with self.assertRaises(AccessError):
            nomination.employee_id = self.other_employee
            nomination.flush_recordset()

    def test_unit_follows_the_nominee(self):
        nomination = self._nomination()
        with self.assertRaisesRegex(UserError, "workflow"):
            nomination.with_user(self.user_manager).unit_id = self.unit
        self.assertEqual(nomination.unit_id, self.sub_unit)
        nomination.employee_id = self.manager_employee
        self.assertEqual(nomination.unit_id, self.unit)

    def test_employee_cannot_give_her_draft_pledge_to_someone_else(self):
        pledge = self._pledge().with_user(self.user_employee)
        with self.assertRaises(AccessError):
            pledge.employee_id = self.other_employee
            pledge.flush_recordset()

    def test_a_target_stays_on_its_pledge(self):
        other = self._pledge(self.manager_employee, line_ids=[])
        line = self._pledge().line_ids[:1]
        for user in (self.user_employee, self.user_manager, self.user_officer):
            with self.subTest(user=user.name), self.assertRaisesRegex(UserError, "stays on"):
                line.with_user(user).pledge_id = other
        with self.assertRaisesRegex(UserError, "stays on"):
            other.with_user(self.user_manager).line_ids = [Command.link(line.id)]

    def test_submitted_pledge_keeps_its_participant(self):
        pledge = self._pledge()
        pledge.action_submit()
        with self.assertRaisesRegex(UserError, "can no longer change"):
            pledge.with_user(self.user_manager).employee_id = self.manager_employee


@tagged("post_install", "-at_install")
class TestDecidedRecordsStay(CommendationCase):
    """An issued decision cannot be changed from the nominations' side either."""

    def test_awarded_nomination_keeps_its_decision(self):
        nomination = self._grant().nomination_id
        draft = self._decision(self._approve(self._nomination(self.manager_employee)))
        for user in (self.user_officer, self.user_council):
            for value in (False, draft.id):
                with (
                    self.subTest(user=user.name, value=value),
                    self.assertRaisesRegex(UserError, "awarded"),
                ):
                    nomination.with_user(user).decision_id = value

    def test_approved_nomination_cannot_join_an_issued_decision(self):
        issued = self._grant().decision_id
        nomination = self._approve(self._nomination(self.manager_employee))
        with self.assertRaisesRegex(UserError, "has been issued"):
            nomination.with_user(self.user_officer).decision_id = issued

    def test_draft_decision_lists_approved_nominations(self):
        nomination = self._approve(self._nomination())
        decision = self._decision(nomination.browse(), day=date(2021, 12, 20))
        decision.with_user(self.user_officer).nomination_ids = [Command.link(nomination.id)]
        self.assertEqual(nomination.decision_id, decision)
        decision.with_user(self.user_officer).nomination_ids = [Command.unlink(nomination.id)]
        self.assertFalse(nomination.decision_id)

    def test_manager_cannot_list_a_nomination_in_a_decision(self):
        nomination = self._approve(self._nomination())
        decision = self._decision(nomination.browse(), day=date(2021, 12, 20))
        with self.assertRaisesRegex(UserError, "officer"):
            nomination.with_user(self.user_manager).decision_id = decision

    def test_votes_and_achievements_stand_once_approved(self):
        nomination = self._approve(self._nomination())
        for values in ({"vote_for": 0}, {"vote_members": 9}, {"achievements": "<p>Khác</p>"}):
            with self.subTest(values=values), self.assertRaisesRegex(UserError, "approved"):
                nomination.with_user(self.user_council).write(values)

    def test_only_the_council_records_votes(self):
        nomination = self._nomination()
        with self.assertRaisesRegex(UserError, "council"):
            nomination.with_user(self.user_officer).write({"vote_members": 9, "vote_for": 9})
        nomination.with_user(self.user_council).write({"vote_members": 9, "vote_for": 9})
        self.assertEqual(nomination.vote_for, 9)

    def test_a_superuser_environment_records_no_vote_for_someone_else(self):
        nomination = self._nomination()
        as_officer = nomination.with_user(self.user_officer).sudo()
        with self.assertRaisesRegex(UserError, "council"):
            as_officer.write({"vote_members": 9, "vote_for": 9})
        with self.assertRaisesRegex(UserError, "council"):
            self._nomination().with_user(self.user_officer).sudo().create(
                {
                    "year": 2022,
                    "award_type_id": self.award_ldtt.id,
                    "employee_id": self.employee.id,
                    "vote_members": 9,
                    "vote_for": 9,
                }
            )

    def test_revoking_goes_through_the_decision(self):
        commendation = self._grant()
        decision = commendation.decision_id.with_user(self.user_council)
        decision.revoke_reason = "Sai đối tượng"
        self.assertIs(decision.action_revoke(), True)
        self.assertEqual(commendation.state, "revoked")
        self.assertFalse(commendation.nomination_id.is_live)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            decision.revoke_reason = "Lý do khác"
