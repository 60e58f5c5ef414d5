from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ThiduaCase


@tagged("post_install", "-at_install")
class TestPledge(ThiduaCase):
    def _evaluate(self, pledge, results):
        pledge.action_submit()
        pledge.action_confirm()
        for line, actual in zip(pledge.line_ids.sorted("id"), results, strict=True):
            line.actual = actual
        pledge.action_evaluate()

    def test_workflow_to_closed(self):
        pledge = self._pledge()
        pledge.action_submit()
        self.assertEqual(pledge.state, "submitted")
        self.assertTrue(pledge.date_submitted)
        pledge.action_confirm()
        self.assertEqual(pledge.state, "confirmed")
        pledge.line_ids.write({"actual": 0})
        pledge.action_evaluate()
        self.assertEqual(pledge.state, "evaluated")
        self.assertEqual(pledge.evaluated_by_id, self.env.user)
        pledge.action_close()
        self.assertEqual(pledge.state, "closed")

    def test_score_from_weights_of_met_lines(self):
        pledge = self._pledge()
        self._evaluate(pledge, [110, 2])  # productivity met (weight 2), absence not
        self.assertEqual(pledge.met_count, 1)
        self.assertAlmostEqual(pledge.score, 200 / 3, places=2)

    def test_max_and_bool_criteria(self):
        pledge = self._pledge(
            line_ids=[
                Command.create({"criterion_id": self.criterion_absence.id, "target": 1}),
                Command.create({"criterion_id": self.criterion_duties.id, "target": 1}),
            ]
        )
        self._evaluate(pledge, [1, 1])
        self.assertEqual(pledge.score, 100)

    def test_lines_are_not_met_before_evaluation(self):
        pledge = self._pledge()
        pledge.action_submit()
        pledge.action_confirm()
        pledge.line_ids.write({"actual": 500})
        self.assertFalse(any(pledge.line_ids.mapped("is_met")))
        self.assertEqual(pledge.score, 0)

    def test_ranking_within_the_unit(self):
        colleague = self.env["hr.employee"].create(
            {"name": "Đồng nghiệp", "department_id": self.sub_unit.id}
        )
        first, second = self._pledge(), self._pledge(colleague)
        self._evaluate(first, [90, 0])
        self._evaluate(second, [120, 0])
        self.assertEqual((second.rank, first.rank), (1, 2))

    def test_targets_cannot_change_after_confirmation(self):
        pledge = self._pledge()
        pledge.action_submit()
        pledge.action_confirm()
        with self.assertRaisesRegex(UserError, "confirmed"):
            pledge.line_ids[0].target = 50

    def test_results_only_on_confirmed_pledges(self):
        pledge = self._pledge()
        with self.assertRaises(UserError):
            pledge.line_ids[0].actual = 10

    def test_submit_without_title_or_target_is_refused(self):
        pledge = self._pledge(award_type_ids=[], line_ids=[])
        with self.assertRaisesRegex(UserError, "no title"):
            pledge.action_submit()

    def test_evaluate_before_confirmation_is_refused(self):
        pledge = self._pledge()
        with self.assertRaises(UserError):
            pledge.action_evaluate()

    def test_confirmed_pledge_cannot_be_deleted(self):
        pledge = self._pledge()
        pledge.action_submit()
        pledge.action_confirm()
        with self.assertRaises(UserError):
            pledge.unlink()

    def test_collective_pledge_as_joint_agreement(self):
        pledge = self.env["thidua.pledge"].create(
            {
                "movement_id": self.movement.id,
                "target": "collective",
                "department_id": self.unit.id,
                "date": date(2021, 1, 20),
                "award_type_ids": [Command.set(self.award_collective.ids)],
                "is_agreement": True,
                "partner_department_ids": [Command.set(self.other_unit.ids)],
            }
        )
        self.assertEqual(pledge.unit_id, self.unit)
        self.assertEqual(self.unit.thidua_pledge_count, 1)

    def test_unit_follows_the_employee(self):
        pledge = self._pledge()
        self.assertEqual(pledge.unit_id, self.sub_unit)
        self.employee.department_id = self.other_unit
        self.assertEqual(pledge.unit_id, self.other_unit)

    def test_employee_smart_button_counts_pledges(self):
        self._pledge()
        self.assertEqual(self.employee.thidua_pledge_count, 1)


@tagged("post_install", "-at_install")
class TestPledgeBadInput(ThiduaCase):
    def test_duplicate_pledge_is_refused(self):
        self._pledge()
        with self.assertRaisesRegex(ValidationError, "already registered"):
            self._pledge()

    def test_duplicate_in_one_batch_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "already registered"):
            self.env["thidua.pledge"].create([self._pledge_values(), self._pledge_values()])

    def test_cancelled_pledge_does_not_block_a_new_one(self):
        self._pledge().action_cancel()
        self.assertTrue(self._pledge())

    def test_same_person_may_pledge_for_each_phase(self):
        self._pledge()
        self.assertTrue(self._pledge(phase_id=self.phase_2.id, date=date(2021, 7, 2)))

    def test_both_employee_and_department_is_refused(self):
        with self.assertRaises(ValidationError):
            self._pledge(department_id=self.unit.id)

    def test_neither_employee_nor_department_is_refused(self):
        with self.assertRaises(ValidationError):
            self._pledge(employee_id=False)

    def test_collective_with_employee_is_refused(self):
        with self.assertRaises(ValidationError):
            self._pledge(target="collective")

    def test_archived_employee_is_refused(self):
        self.employee.action_archive()
        with self.assertRaisesRegex(ValidationError, "archived"):
            self._pledge()

    def test_phase_of_another_movement_is_refused(self):
        other = self.env["thidua.movement"].create(self._movement_values(name="Khác"))
        other_phase = self.env["thidua.phase"].create(
            {
                "movement_id": other.id,
                "name": "Đợt khác",
                "date_start": date(2021, 1, 1),
                "date_end": date(2021, 3, 31),
            }
        )
        with self.assertRaisesRegex(ValidationError, "belongs to the movement"):
            self._pledge(phase_id=other_phase.id)

    def test_date_outside_the_movement_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "outside the movement"):
            self._pledge(date=date(2022, 2, 1))

    def test_negative_target_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "negative"):
            self._pledge(
                line_ids=[
                    Command.create({"criterion_id": self.criterion_productivity.id, "target": -5})
                ]
            )

    def test_refused_pledge_leaves_nothing_behind(self):
        before = self.env["thidua.pledge.line"].search_count([])
        with self.assertRaises(ValidationError):
            self._pledge(
                line_ids=[
                    Command.create({"criterion_id": self.criterion_productivity.id, "target": -5})
                ]
            )
        self.assertEqual(self.env["thidua.pledge.line"].search_count([]), before)
        self.assertFalse(self.env["thidua.pledge"].search([("employee_id", "=", self.employee.id)]))

    def test_collective_title_for_an_individual_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "not awarded"):
            self._pledge(award_type_ids=[Command.set(self.award_collective.ids)])

    def test_closed_movement_takes_no_pledge(self):
        self.movement.action_launch()
        self.movement.action_close()
        with self.assertRaisesRegex(ValidationError, "closed"):
            self._pledge()


@tagged("post_install", "-at_install")
class TestMyPledges(ThiduaCase):
    def test_my_pledges_form_registers_the_user_for_the_running_movement(self):
        self.env["thidua.movement"].search([("state", "=", "running")]).state = "closed"
        self.movement.action_launch()
        my_env = self.env(user=self.user_employee, context={"thidua_my_pledges": True})
        with Form(my_env["thidua.pledge"]) as form:
            self.assertEqual(form.employee_id, self.employee)
            self.assertEqual(form.movement_id, self.movement)
            self.assertEqual(len(form.line_ids), 3)  # the criteria for individuals
            form.award_type_ids.add(self.award_ldtt)
        pledge = form.save()
        self.assertEqual(pledge.state, "draft")
        self.assertEqual(pledge.unit_id, self.sub_unit)

    def test_no_default_movement_when_several_run(self):
        self.movement.action_launch()
        self.movement.copy({"name": "Phong trào chuyên đề"}).action_launch()
        self.assertFalse(self.env["thidua.pledge"].new({}).movement_id)
