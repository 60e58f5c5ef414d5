from datetime import date

import psycopg2

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestCouncilMeeting(CommendationCase):
    """A meeting of 7 council members, 5 present, on Lao động tiên tiến (80% needed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.award_ldtt.vote_share = 80
        cls.nomination, cls.other_nomination = cls._unit_approved(cls.employee | cls.other_employee)

    @classmethod
    def _unit_approved(cls, employees):
        nominations = cls.env["thidua.nomination"].browse()
        for employee in employees:
            nominations |= cls._nomination(employee)
        nominations.action_submit()
        nominations.action_unit_approve()
        return nominations

    def _meeting(self, user=None, votes=(6, 3), **values):
        Meeting = self.env["thidua.council.meeting"]
        if user:
            Meeting = Meeting.with_user(user)
        vals = {
            "name": "01/BB-HĐTĐKT",
            "date": date(2021, 12, 10),
            "place": "Long Biên",
            "chair_id": self.user_council.id,
            "secretary_id": self.user_officer.id,
            "member_ids": [Command.set((self.user_council | self.user_officer).ids)],
            "guest_names": "Nguyễn Văn An\nTrần Thị Bình\n\nLê Văn Cường\nPhạm Thị Dung",
            "member_count": 7,
            "line_ids": [
                Command.create({"nomination_id": nomination.id, "vote_for": vote})
                for nomination, vote in zip(
                    self.nomination | self.other_nomination, votes, strict=False
                )
            ],
        }
        vals.update(values)
        return Meeting.create(vals)

    def test_members_present_are_the_users_and_the_other_names(self):
        self.assertEqual(self._meeting().present_count, 6)

    def test_meeting_approves_the_nominations_whose_votes_reach_the_share(self):
        meeting = self._meeting(self.user_officer)
        line_passed, line_failed = meeting.line_ids
        self.assertTrue(line_passed.passed)
        self.assertFalse(line_failed.passed)
        meeting.with_user(self.user_council).action_hold()
        self.assertEqual(meeting.state, "held")
        self.assertEqual(self.nomination.state, "council_approved")
        self.assertEqual((self.nomination.vote_members, self.nomination.vote_for), (7, 6))
        self.assertEqual(self.other_nomination.state, "unit_approved")
        self.assertFalse(self.other_nomination.vote_for)
        self.assertEqual(meeting.line_ids.mapped("result"), ["approved", "not_passed"])

    def test_no_share_required_passes_without_votes(self):
        self.award_ldtt.vote_share = 0
        meeting = self._meeting(votes=(0, 0))
        self.assertTrue(all(meeting.line_ids.mapped("passed")))

    def test_vote_above_the_members_present_is_refused(self):
        with self.assertRaises(ValidationError):
            self._meeting(votes=(7, 0))

    @mute_logger("odoo.sql_db")
    def test_negative_vote_is_refused_by_the_database(self):
        with self.assertRaises(psycopg2.errors.CheckViolation):
            self._meeting(votes=(-1, 0))

    def test_members_present_cannot_outnumber_the_council(self):
        with self.assertRaises(ValidationError):
            self._meeting(member_count=5)

    def test_officer_prepares_but_cannot_hold_the_meeting(self):
        meeting = self._meeting(self.user_officer)
        with self.assertRaisesRegex(UserError, "council"):
            meeting.with_user(self.user_officer).action_hold()
        self.assertEqual(meeting.state, "draft")
        self.assertEqual(self.nomination.state, "unit_approved")

    def test_unit_manager_cannot_hold_the_meeting(self):
        meeting = self._meeting()
        with self.assertRaises(UserError):
            meeting.with_user(self.user_manager).action_hold()
        self.assertEqual(self.nomination.state, "unit_approved")

    def test_nomination_not_approved_by_its_unit_cannot_be_considered(self):
        draft = self._nomination(self.manager_employee)
        with self.assertRaisesRegex(ValidationError, "not approved by its unit"):
            self._meeting(line_ids=[Command.create({"nomination_id": draft.id, "vote_for": 5})])

    def test_held_meeting_stands_as_it_is(self):
        meeting = self._meeting()
        meeting.with_user(self.user_council).action_hold()
        with self.assertRaises(UserError):
            meeting.with_user(self.user_council).write({"member_count": 9})
        with self.assertRaises(UserError):
            meeting.line_ids[1].with_user(self.user_council).write({"vote_for": 6})
        with self.assertRaises(UserError):
            meeting.with_user(self.user_council).unlink()

    def test_meeting_of_another_company_is_not_seen(self):
        meeting = self._meeting()
        Meeting = self.env["thidua.council.meeting"].with_user(self.user_other_company)
        self.assertFalse(Meeting.search([("id", "=", meeting.id)]))

    def test_minutes_render_in_vietnamese_with_the_votes(self):
        meeting = self._meeting()
        meeting.with_user(self.user_council).action_hold()
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "thidua_module.thidua_council_meeting_report", meeting.ids
        )
        html = html.decode()
        for text in (
            "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Long Biên, ngày 10 tháng 12 năm 2021",
            "có mặt 6/7 thành viên Hội đồng",
            "Trần Thị Bình",
            "Nhân viên A1",
            "6/7",
            "85,7",
            "3/7",
            "Không thông qua",
            "Hội đồng thông qua 1/2",
            "THƯ KÝ",
            "CHỦ TRÌ",
        ):
            self.assertIn(text, html)

    def test_employee_neither_reads_nor_prints_the_minutes(self):
        meeting = self._meeting()
        with self.assertRaises(AccessError):
            meeting.with_user(self.user_employee).read(["name"])
        # QWeb wraps the access error of the template in its own exception.
        with self.assertRaisesRegex(Exception, "not allowed to access 'Council Meeting'"):
            self.env["ir.actions.report"].with_user(self.user_employee)._render_qweb_html(
                "thidua_module.thidua_council_meeting_report", meeting.ids
            )

    def test_minutes_print_as_pdf_when_wkhtmltopdf_is_installed(self):
        reports = self.env["ir.actions.report"]
        if reports.get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not installed: the HTML rendering is tested above")
        # No web server runs during the tests: the minutes carry their own styles.
        self.env["ir.config_parameter"].sudo().set_param("report.url", "file:///nonexistent")
        pdf, kind = reports.with_context(force_report_rendering=True)._render_qweb_pdf(
            "thidua_module.thidua_council_meeting_report", self._meeting().ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
