from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ThiduaCase


@tagged("post_install", "-at_install")
class TestPhase(ThiduaCase):
    def _phase(self, start, end, **values):
        return self.env["thidua.phase"].create(
            dict(
                {
                    "movement_id": self.movement.id,
                    "name": "Đợt bổ sung",
                    "date_start": start,
                    "date_end": end,
                },
                **values,
            )
        )

    def test_phase_outside_movement_is_refused(self):
        self.phase_2.unlink()
        with self.assertRaisesRegex(ValidationError, "within"):
            self._phase(date(2021, 7, 1), date(2022, 1, 31))

    def test_overlapping_phases_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self._phase(date(2021, 6, 1), date(2021, 7, 15))

    def test_phase_end_before_start_is_refused(self):
        with self.assertRaises(ValidationError):
            self.phase_1.write({"date_start": date(2021, 6, 1), "date_end": date(2021, 5, 1)})

    def test_adjacent_phases_are_accepted(self):
        self.phase_2.date_start = date(2021, 7, 1)
        self.assertEqual(self.movement.phase_count, 2)

    def test_start_requires_a_launched_movement(self):
        with self.assertRaisesRegex(UserError, "Launch"):
            self.phase_1.action_start()

    def test_start_and_close(self):
        self.movement.action_launch()
        self.phase_1.action_start()
        self.assertEqual(self.phase_1.state, "running")
        self.phase_1.action_close()
        self.assertEqual(self.phase_1.state, "closed")

    def test_close_a_draft_phase_is_refused(self):
        with self.assertRaises(UserError):
            self.phase_1.action_close()

    def test_started_phase_cannot_be_deleted(self):
        self.movement.action_launch()
        self.phase_1.action_start()
        with self.assertRaises(UserError):
            self.phase_1.unlink()

    def test_company_follows_the_movement(self):
        self.assertEqual(self.phase_1.company_id, self.movement.company_id)

    def test_display_name_names_the_movement(self):
        self.assertEqual(self.phase_1.display_name, "Đợt 1 - Phong trào thi đua năm 2021")
