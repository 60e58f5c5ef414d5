from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ThiduaCase


@tagged("post_install", "-at_install")
class TestMovement(ThiduaCase):
    def test_end_before_start_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["thidua.movement"].create(
                self._movement_values(date_start=date(2021, 12, 31), date_end=date(2021, 1, 1))
            )

    def test_launch_without_phase_is_refused(self):
        movement = self.env["thidua.movement"].create(self._movement_values())
        with self.assertRaisesRegex(UserError, "phase"):
            movement.action_launch()

    def test_workflow_draft_running_closed(self):
        self.movement.action_launch()
        self.assertEqual(self.movement.state, "running")
        self.phase_1.action_start()
        self.movement.action_close()
        self.assertEqual(self.movement.state, "closed")
        self.assertEqual(set(self.movement.phase_ids.mapped("state")), {"closed"})

    def test_close_a_draft_is_refused(self):
        with self.assertRaises(UserError):
            self.movement.action_close()

    def test_cancel_and_reset_to_draft(self):
        self.movement.action_launch()
        self.movement.action_cancel()
        self.assertEqual(self.movement.state, "cancelled")
        self.movement.action_draft()
        self.assertEqual(self.movement.state, "draft")

    def test_launched_movement_cannot_be_deleted(self):
        self.movement.action_launch()
        with self.assertRaises(UserError):
            self.movement.unlink()

    def test_draft_movement_can_be_deleted(self):
        movement = self.env["thidua.movement"].create(self._movement_values())
        movement.unlink()
        self.assertFalse(movement.exists())

    def test_parent_cycle_is_refused(self):
        child = self.env["thidua.movement"].create(
            self._movement_values(parent_id=self.movement.id)
        )
        with self.assertRaises(ValidationError):
            self.movement.parent_id = child

    def test_shrinking_movement_outside_its_phases_is_refused(self):
        with self.assertRaises(ValidationError):
            self.movement.date_end = date(2021, 10, 31)

    def test_smart_button_counts(self):
        self.assertEqual(self.movement.phase_count, 2)
        self.assertEqual(self.movement.department_count, 2)
        action = self.movement.action_view_phases()
        self.assertEqual(action["domain"], [("movement_id", "=", self.movement.id)])

    def test_period_is_written_day_month_year(self):
        self.assertEqual(self.movement.period_display, "01/01/2021 - 31/12/2021")
