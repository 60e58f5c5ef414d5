from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestDeadlines(CommendationCase):
    """Registration and nomination deadlines of a phase: late records need an
    officer's consent, and the daily job reminds those who have something waiting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_manager_c = new_test_user(
            cls.env,
            "thidua_manager_c",
            groups="thidua_module.group_thidua_unit_manager",
            name="Trưởng đơn vị C",
        )
        cls.unit_c = cls.env["hr.department"].create({"name": "Đơn vị C"})
        cls.unit_c.manager_id = cls.env["hr.employee"].create(
            {
                "name": "Trưởng C",
                "department_id": cls.unit_c.id,
                "user_id": cls.user_manager_c.id,
            }
        )
        cls.movement.write(
            {
                "department_ids": [Command.link(cls.unit_c.id)],
                "user_id": cls.user_officer.id,
            }
        )
        cls.movement.action_launch()
        cls.phase_1.write(
            {
                "date_registration_deadline": date(2021, 1, 31),
                "date_nomination_deadline": date(2021, 6, 15),
            }
        )
        # Everyone of unit C has registered; unit A has its manager unregistered,
        # unit B (no manager) its only employee.
        cls._pledge(cls.unit_c.manager_id)
        cls._pledge(cls.employee)
        cls.Mail = cls.env["mail.mail"]
        cls.Activity = cls.env["mail.activity"]

    def _mails(self, user):
        return self.Mail.search(
            [
                ("model", "=", "thidua.phase"),
                ("res_id", "=", self.phase_1.id),
                ("recipient_ids", "in", user.partner_id.ids),
            ]
        )

    def _activities(self, user):
        return self.Activity.search(
            [
                ("res_model", "=", "thidua.phase"),
                ("res_id", "=", self.phase_1.id),
                ("user_id", "=", user.id),
            ]
        )

    def _run_reminders(self, day):
        with freeze_time(day):
            self.env["thidua.phase"]._cron_send_reminders()

    # Deadlines of the phase

    def test_deadline_outside_phase_refused(self):
        with self.assertRaises(ValidationError):
            self.phase_1.date_registration_deadline = date(2021, 7, 15)

    # Reminders

    def test_manager_with_unregistered_staff_gets_one_activity_and_one_mail(self):
        self._run_reminders("2021-01-26")
        self.assertEqual(len(self._activities(self.user_manager)), 1)
        mail = self._mails(self.user_manager)
        self.assertEqual(len(mail), 1)
        self.assertIn("Đơn vị A", mail.body_html)
        self.assertIn("31/01/2021", mail.subject)
        reminder = self.env["thidua.reminder"].search(
            [("phase_id", "=", self.phase_1.id), ("department_id", "=", self.unit.id)]
        )
        self.assertEqual(reminder.user_id, self.user_manager)
        self.assertEqual(reminder.kind, "registration")
        self.assertEqual(reminder.waiting_count, 1)

    def test_manager_with_everyone_registered_gets_nothing(self):
        self._run_reminders("2021-01-26")
        self.assertFalse(self._activities(self.user_manager_c))
        self.assertFalse(self._mails(self.user_manager_c))

    def test_nothing_before_the_reminder_window(self):
        self._run_reminders("2021-01-20")
        self.assertFalse(self._mails(self.user_manager))
        self.assertFalse(self._mails(self.user_officer))

    def test_reminder_days_parameter(self):
        self.env["ir.config_parameter"].set_param("thidua_module.reminder_days", "15")
        self._run_reminders("2021-01-20")
        self.assertEqual(len(self._mails(self.user_manager)), 1)

    def test_nothing_sent_twice_for_the_same_deadline(self):
        self._run_reminders("2021-01-26")
        self._run_reminders("2021-01-26")
        self._run_reminders("2021-01-27")
        self.assertEqual(len(self._activities(self.user_manager)), 1)
        self.assertEqual(len(self._mails(self.user_manager)), 1)
        self.assertEqual(len(self._mails(self.user_officer)), 1)

    def test_officer_gets_one_digest_of_the_movement(self):
        self._run_reminders("2021-01-26")
        digest = self._mails(self.user_officer)
        self.assertEqual(len(digest), 1)
        self.assertIn("Đơn vị A", digest.body_html)
        self.assertIn("Đơn vị B", digest.body_html)
        self.assertNotIn("Đơn vị C", digest.body_html)

    def test_manager_reminded_of_nominations_waiting_for_him(self):
        nominations = self._nomination(phase_id=self.phase_1.id, movement_id=self.movement.id)
        nominations |= self._nomination(
            self.manager_employee, phase_id=self.phase_1.id, movement_id=self.movement.id
        )
        nominations.action_submit()
        self._run_reminders("2021-06-10")
        mails = self._mails(self.user_manager)
        self.assertEqual(len(mails), 1)
        self.assertIn("hồ sơ chờ duyệt", mails.body_html)
        self.assertEqual(len(self._activities(self.user_manager)), 1)

    # Late pledges and nominations

    def test_late_pledge_without_consent_refused(self):
        pledge = self._pledge(self.manager_employee)
        with freeze_time("2021-02-05"), self.assertRaises(UserError) as caught:
            pledge.with_user(self.user_manager).action_submit()
        self.assertIn("31/01/2021", str(caught.exception))
        self.assertIn(self.user_officer.name, str(caught.exception))

    def test_late_pledge_with_consent_accepted(self):
        pledge = self._pledge(self.manager_employee)
        with freeze_time("2021-02-05"):
            pledge.with_user(self.user_officer).action_consent_late()
            pledge.with_user(self.user_manager).action_submit()
        self.assertEqual(pledge.state, "submitted")
        self.assertEqual(pledge.late_consent_by_id, self.user_officer)
        self.assertEqual(pledge.late_consent_date, date(2021, 2, 5))

    def test_late_pledge_created_by_employee_refused(self):
        with freeze_time("2021-02-05"), self.assertRaises(UserError):
            self.env["thidua.pledge"].with_user(self.user_employee).create(
                self._pledge_values(self.employee, phase_id=self.phase_1.id)
                | {"employee_id": self.employee.id}
            )

    def test_late_pledge_created_by_officer_is_consented(self):
        with freeze_time("2021-02-05"):
            pledge = (
                self.env["thidua.pledge"]
                .with_user(self.user_officer)
                .create(self._pledge_values(self.other_employee))
            )
        self.assertEqual(pledge.late_consent_by_id, self.user_officer)

    def test_only_officers_consent(self):
        pledge = self._pledge(self.manager_employee)
        with freeze_time("2021-02-05"):
            for user in (self.user_employee, self.user_manager):
                with self.subTest(user=user.login), self.assertRaises(UserError):
                    pledge.with_user(user).action_consent_late()
        self.assertFalse(pledge.late_consent_by_id)

    def test_consent_not_written_directly(self):
        pledge = self._pledge(self.manager_employee)
        with self.assertRaises(UserError):
            pledge.with_user(self.user_officer).write({"late_consent_by_id": self.user_officer.id})

    def test_pledge_before_deadline_needs_no_consent(self):
        pledge = self._pledge(self.manager_employee)
        with freeze_time("2021-01-31"):
            pledge.with_user(self.user_manager).action_submit()
        self.assertEqual(pledge.state, "submitted")

    def test_late_nomination_needs_consent(self):
        nomination = self._nomination(phase_id=self.phase_1.id, movement_id=self.movement.id)
        with freeze_time("2021-06-20"):
            with self.assertRaises(UserError):
                nomination.with_user(self.user_manager).action_submit()
            with self.assertRaises(UserError):
                nomination.with_user(self.user_manager).action_consent_late()
            nomination.with_user(self.user_officer).action_consent_late()
            nomination.with_user(self.user_manager).action_submit()
        self.assertEqual(nomination.state, "submitted")
