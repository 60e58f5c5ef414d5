from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ThiduaCase


@tagged("post_install", "-at_install")
class TestMilestone(ThiduaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Labels read in the reader's language: as plans write them in Vietnamese.
        cls.env["res.lang"]._activate_lang("vi_VN")

    def _milestone(self, **values):
        return self.env["thidua.milestone"].create(
            dict(
                {
                    "phase_id": self.phase_2.id,
                    "name": "Ngày thành lập Công đoàn Việt Nam",
                    "date_origin": date(1929, 7, 28),
                    "date_celebration": date(2021, 7, 28),
                },
                **values,
            )
        )

    def test_anniversary_label_and_count(self):
        milestone = self._milestone().with_context(lang="vi_VN")
        self.assertEqual(milestone.anniversary, 92)
        self.assertEqual(
            milestone.label,
            "kỷ niệm 92 năm Ngày thành lập Công đoàn Việt Nam (28/07/1929 - 28/07/2021)",
        )
        self.assertEqual(milestone.display_name, milestone.label)
        english = milestone.with_context(lang="en_US").label
        self.assertEqual(
            english, "92 years of Ngày thành lập Công đoàn Việt Nam (28/07/1929 - 28/07/2021)"
        )

    def test_label_follows_a_new_date(self):
        milestone = self._milestone()
        milestone.date_origin = date(1930, 7, 28)
        self.assertEqual(milestone.anniversary, 91)

    def test_event_label(self):
        milestone = self._milestone(kind="event", name="Đại hội Công đoàn", date_origin=False)
        milestone = milestone.with_context(lang="vi_VN")
        self.assertEqual(milestone.label, "chào mừng Đại hội Công đoàn")
        self.assertEqual(milestone.anniversary, 0)

    def test_anniversary_needs_origin_date(self):
        with self.assertRaisesRegex(ValidationError, "origin date"):
            self._milestone(date_origin=False)

    def test_origin_after_celebration_is_refused(self):
        with self.assertRaises(ValidationError):
            self._milestone(date_origin=date(2022, 1, 1))

    def test_celebration_outside_the_phase_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "outside"):
            self._milestone(phase_id=self.phase_1.id)

    def test_moving_the_phase_away_from_its_milestone_is_refused(self):
        self._milestone()
        with self.assertRaises(ValidationError):
            self.phase_2.date_start = date(2021, 8, 1)

    def test_movement_lists_milestones_of_its_phases(self):
        milestone = self._milestone()
        self.assertEqual(milestone.movement_id, self.movement)
        self.assertIn(milestone, self.movement.milestone_ids)
