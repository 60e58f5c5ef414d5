import xmlrpc.client
from datetime import date
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models import gamification_goal_definition
from .common import ThiduaCase


@tagged("post_install", "-at_install")
class TestMeasure(ThiduaCase):
    """Criteria measured from Odoo's records: here the initiatives recognised."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.definition = cls.env.ref("thidua_module.goal_definition_initiatives")
        cls.criterion_initiatives = cls.env["thidua.criterion"].create(
            {
                "name": "Sáng kiến được công nhận",
                "method": "min",
                "target_default": 2,
                "applies_to": "both",
                "goal_definition_id": cls.definition.id,
            }
        )
        cls.colleague = cls.env["hr.employee"].create(
            {"name": "Đồng nghiệp A1", "department_id": cls.sub_unit.id}
        )
        cls._initiative(cls.employee | cls.colleague, date(2021, 2, 10))
        cls._initiative(cls.employee, date(2021, 6, 30))
        cls._initiative(cls.manager_employee, date(2021, 3, 1))
        # Outside phase 1, and not recognised: not counted in phase 1.
        cls._initiative(cls.employee, date(2021, 7, 1))
        cls._initiative(cls.employee, False)

    @classmethod
    def _initiative(cls, authors, day):
        return cls.env["thidua.initiative"].create(
            {
                "name": f"Sáng kiến {day}",
                "author_ids": [Command.set(authors.ids)],
                "date_recognised": day,
            }
        )

    def _measured_pledge(self, employee=None, phase=None, **values):
        values.setdefault(
            "line_ids",
            [
                Command.create({"criterion_id": self.criterion_initiatives.id, "target": 2}),
                Command.create({"criterion_id": self.criterion_absence.id, "target": 0}),
            ],
        )
        pledge = self._pledge(employee, phase_id=(phase or self.phase_1).id, **values)
        pledge.action_submit()
        pledge.action_confirm()
        return pledge

    def _collective_pledge(self, **values):
        values.setdefault(
            "line_ids",
            [Command.create({"criterion_id": self.criterion_initiatives.id, "target": 4})],
        )
        return self._measured_pledge(
            target="collective",
            employee_id=False,
            department_id=self.unit.id,
            award_type_ids=[Command.set(self.award_collective.ids)],
            **values,
        )

    def _line(self, pledge):
        return pledge.line_ids.filtered(
            lambda line: line.criterion_id == self.criterion_initiatives
        )

    def test_individual_line_measured_over_the_phase(self):
        pledge = self._measured_pledge()
        action = pledge.with_user(self.user_manager).action_measure()
        self.assertEqual(action["params"]["type"], "success")
        # What the button answers goes back to any client.
        xmlrpc.client.dumps((action,), methodresponse=True, allow_none=False)
        line = self._line(pledge)
        self.assertEqual(line.measured_value, 2)
        self.assertEqual(line.actual, 2)
        self.assertTrue(line.date_measured)
        self.assertEqual(line.progress, 100)
        # The line entered by hand is left alone.
        self.assertFalse((pledge.line_ids - line).date_measured)

    def test_yearly_pledge_measured_over_the_movement(self):
        pledge = self._measured_pledge()
        yearly = self._pledge(
            self.colleague,
            phase_id=False,
            line_ids=[Command.create({"criterion_id": self.criterion_initiatives.id})],
        )
        yearly.action_submit()
        yearly.action_confirm()
        (pledge | yearly).action_measure()
        self.assertEqual(self._line(pledge).actual, 2)
        self.assertEqual(self._line(yearly).actual, 1)
        # Over the whole year the employee counts 3.
        values = self.definition._thidua_read_values(
            self.employee.ids, date(2021, 1, 1), date(2021, 12, 31)
        )
        self.assertEqual(values[self.employee.id], 3)

    def test_collective_line_sums_or_averages_its_members(self):
        pledge = self._collective_pledge()
        pledge.with_user(self.user_officer).action_measure()
        line = pledge.line_ids
        # The unit's manager 1, the sub-unit's employee 2 and colleague 1.
        self.assertEqual(line.actual, 4)
        pledge.action_cancel()
        # The measure of a criterion stays while confirmed pledges use it: the
        # average is the next phase's criterion.
        average = self.criterion_initiatives.copy({"collective_aggregation": "avg"})
        pledge = self._collective_pledge(
            line_ids=[Command.create({"criterion_id": average.id, "target": 4})]
        )
        pledge.with_user(self.user_officer).action_measure()
        self.assertAlmostEqual(pledge.line_ids.actual, 4 / 3, places=2)
        self.assertLess(pledge.progress, 100)

    def test_correction_needs_a_reason_kept_in_the_chatter(self):
        pledge = self._measured_pledge()
        pledge.action_measure()
        line = self._line(pledge).with_user(self.user_manager)
        with self.assertRaisesRegex(UserError, "reason"):
            line.actual = 3
        self.assertEqual(line.actual, 2)
        line.write({"actual": 3, "override_reason": "Một sáng kiến được công nhận muộn"})
        message = pledge.message_ids[:1]
        self.assertIn("Một sáng kiến được công nhận muộn", message.body)
        self.assertEqual(message.author_id, self.user_manager.partner_id)
        # Later measurements keep the correction.
        self._initiative(self.employee, date(2021, 5, 5))
        pledge.action_measure()
        self.assertEqual((line.measured_value, line.actual), (3, 3))
        self._initiative(self.employee, date(2021, 5, 6))
        pledge.action_measure()
        self.assertEqual((line.measured_value, line.actual), (4, 3))
        # Without its reason, the line follows the measure again.
        line.override_reason = False
        pledge.action_measure()
        self.assertEqual(line.actual, 4)

    def test_nobody_corrects_his_own_measured_result(self):
        pledge = self._measured_pledge()
        pledge.action_measure()
        line = self._line(pledge).with_user(self.user_employee)
        with self.assertRaises(UserError):
            line.write({"actual": 5, "override_reason": "Tôi tự đánh giá"})
        with self.assertRaises(UserError):
            pledge.with_user(self.user_employee).action_measure()
        self.assertEqual(self._line(pledge).actual, 2)

    def test_measured_fields_change_only_by_measuring(self):
        pledge = self._measured_pledge()
        line = self._line(pledge).with_user(self.user_manager)
        with self.assertRaises(UserError):
            line.measured_value = 10
        with self.assertRaises(UserError):
            line.with_user(self.user_officer).date_measured = "2021-01-01 00:00:00"
        self.assertFalse(line.date_measured)

    def test_definition_whose_model_is_not_installed(self):
        gone = self.definition.copy({"name": "Ngày nghỉ phép"})
        self.env.cr.execute(
            """INSERT INTO ir_model (model, "order", name, state, transient)
               VALUES ('x_thidua.gone', 'id', '{"en_US": "Gone"}', 'base', false) RETURNING id"""
        )
        model_id = self.env.cr.fetchone()[0]
        self.env.cr.execute(
            "UPDATE gamification_goal_definition SET model_id = %s WHERE id = %s",
            (model_id, gone.id),
        )
        self.env.invalidate_all()
        criterion = self.criterion_absence.copy({"goal_definition_id": gone.id})
        self.assertIn("not installed", criterion.measure_warning)
        pledge = self._measured_pledge(
            line_ids=[
                Command.create({"criterion_id": self.criterion_initiatives.id, "target": 2}),
                Command.create({"criterion_id": criterion.id, "target": 0}),
            ]
        )
        action = pledge.action_measure()
        params = action["params"]
        self.assertEqual(params["type"], "warning")
        self.assertIn("x_thidua.gone", params["message"])
        self.assertIn("1 results measured", params["message"])
        skipped = pledge.line_ids.filtered(lambda line: line.criterion_id == criterion)
        self.assertFalse(skipped.date_measured)
        self.assertEqual(self._line(pledge).actual, 2)

    def test_definition_whose_filter_is_broken(self):
        broken = self.definition.copy({"name": "Sáng kiến (lọc sai)"})
        self.env.cr.execute(
            "UPDATE gamification_goal_definition SET domain = %s WHERE id = %s",
            ("[('x_gone', '=', 1)]", broken.id),
        )
        self.env.invalidate_all()
        criterion = self.criterion_absence.copy({"goal_definition_id": broken.id})
        pledge = self._measured_pledge(
            line_ids=[
                Command.create({"criterion_id": self.criterion_initiatives.id, "target": 2}),
                Command.create({"criterion_id": criterion.id, "target": 0}),
            ]
        )
        params = pledge.action_measure()["params"]
        self.assertIn("cannot be applied", params["message"])
        self.assertEqual(self._line(pledge).actual, 2)

    def test_evaluation_starts_from_the_measured_values(self):
        pledge = self._measured_pledge()
        colleague_pledge = self._measured_pledge(self.colleague)
        (pledge | colleague_pledge).with_user(self.user_manager).action_evaluate()
        self.assertEqual(self._line(pledge).actual, 2)
        self.assertTrue(self._line(pledge).is_met)
        self.assertFalse(self._line(colleague_pledge).is_met)
        self.assertEqual(pledge.met_count, 2)  # no absence either
        self.assertEqual(pledge.score, 100)
        self.assertEqual((pledge.rank, colleague_pledge.rank), (1, 2))

    def test_progress_and_behind_target(self):
        pledge = self._measured_pledge()
        behind = self._measured_pledge(self.colleague)
        (pledge | behind).action_measure()
        self.assertEqual(self._line(behind).progress, 50)
        self.assertEqual(pledge.progress, 100)
        self.assertAlmostEqual(behind.progress, 100 * (0.5 + 1) / 2)
        found = self.env["thidua.pledge"].search(
            [
                ("movement_id", "=", self.movement.id),
                ("state", "=", "confirmed"),
                ("line_ids", "!=", False),
                ("progress", "<", 100),
            ]
        )
        self.assertEqual(found, behind)
        # The employee sees the progress of his own pledge.
        self.assertEqual(pledge.with_user(self.user_employee).progress, 100)

    def test_roles_who_may_measure(self):
        mine = self._measured_pledge()
        foreign = self._measured_pledge(self.other_employee)
        with self.assertRaises(UserError):
            foreign.with_user(self.user_employee).action_measure()
        with self.assertRaises(UserError):
            foreign.with_user(self.user_manager).action_measure()
        with self.assertRaises(UserError):
            self.phase_1.with_user(self.user_employee).action_measure()
        # A unit manager measures the phase in his units only; an officer, all of it.
        self.phase_1.with_user(self.user_manager).action_measure()
        self.assertTrue(self._line(mine).date_measured)
        self.assertFalse(self._line(foreign).date_measured)
        self.phase_1.with_user(self.user_officer).action_measure()
        self.assertTrue(self._line(foreign).date_measured)
        # A correction is a unit's step too.
        with self.assertRaises(UserError):
            self._line(foreign).with_user(self.user_manager).write(
                {"actual": 1, "override_reason": "Không phải đơn vị tôi"}
            )

    def test_daily_measurement_of_running_phases(self):
        pledge = self._measured_pledge()
        later = self._measured_pledge(phase=self.phase_2)
        self.movement.action_launch()
        self.phase_1.action_start()
        self.env["thidua.phase"]._cron_measure()
        self.assertEqual(self._line(pledge).actual, 2)
        self.assertFalse(self._line(later).date_measured)

    def test_measures_of_apps_not_installed_are_not_made(self):
        Definition = self.env["gamification.goal.definition"]
        Definition._thidua_sync_optional_definitions()
        leave = self.env.ref("thidua_module.goal_definition_leave_days", raise_if_not_found=False)
        self.assertEqual(bool(leave), "hr.leave" in self.env)
        count = Definition.search_count([])
        Definition._thidua_sync_optional_definitions()
        self.assertEqual(Definition.search_count([]), count)

    def test_measure_of_an_app_made_once_installed_and_not_again_once_deleted(self):
        spec = {
            "xmlid": "goal_definition_leave_days",
            "model": "thidua.discipline",
            "computation_mode": "count",
            "field": "employee_id",
            "date_field": "date",
            "link_field": "employee_id",
            "domain": "[]",
            "condition": "lower",
        }
        Definition = self.env["gamification.goal.definition"]
        self.env["ir.config_parameter"].set_param("thidua_module.measures_made", "")
        with patch.object(gamification_goal_definition, "OPTIONAL_DEFINITIONS", (spec,)):
            Definition._thidua_sync_optional_definitions()
            made = self.env.ref("thidua_module.goal_definition_leave_days")
            self.assertEqual(made.name, "Days of leave taken")
            self.assertFalse(made._thidua_measure_problem())
            made.unlink()
            Definition._thidua_sync_optional_definitions()
        self.assertFalse(
            self.env.ref("thidua_module.goal_definition_leave_days", raise_if_not_found=False)
        )

    def test_a_correction_reason_is_no_way_round_the_measure(self):
        """A reason given with a new line would keep the measure off it: it is a
        result, entered by someone else than the participant, once confirmed."""
        pledge = self._pledge(self.employee, phase_id=self.phase_1.id, line_ids=[])
        with self.assertRaisesRegex(UserError, "confirmed pledges only"):
            pledge.with_user(self.user_employee).write(
                {
                    "line_ids": [
                        Command.create(
                            {"criterion_id": self.criterion_initiatives.id, "override_reason": "x"}
                        )
                    ]
                }
            )

    def test_a_measure_stays_while_confirmed_pledges_use_it(self):
        self._measured_pledge()
        with self.assertRaisesRegex(UserError, "target of confirmed pledges"):
            self.criterion_initiatives.write({"goal_definition_id": False})
        with self.assertRaisesRegex(UserError, "target of confirmed pledges"):
            self.criterion_initiatives.write({"collective_aggregation": "avg"})

    def test_a_measure_summing_no_number_is_skipped_with_a_message(self):
        definition = self.definition.copy(
            {
                "computation_mode": "sum",
                "field_id": self.env["ir.model.fields"]._get("thidua.initiative", "name").id,
            }
        )
        self.assertIn("not a stored number", definition._thidua_measure_problem())

    def test_uninstalling_forgets_the_measures_made(self):
        """Installed again, the addon makes its optional measures again: their
        definitions went with it."""
        from .. import uninstall_hook  # noqa: PLC0415

        Params = self.env["ir.config_parameter"]
        Params.set_param("thidua_module.measures_made", "goal_definition_leave_days")
        uninstall_hook(self.env)
        self.assertFalse(Params.get_param("thidua_module.measures_made"))

    def _phase_of(self, size, phase):
        units = self.env["hr.department"].create(
            [{"name": f"Đơn vị đo {phase.id} {i}"} for i in range(2)]
        )
        self.movement.department_ids |= units
        employees = self.env["hr.employee"].create(
            [{"name": f"NV {phase.id} {i}", "department_id": units[i % 2].id} for i in range(size)]
        )
        for employee in employees[::2]:
            self._initiative(employee, phase.date_start)
        pledges = self.env["thidua.pledge"].create(
            [
                self._pledge_values(
                    employee,
                    phase_id=phase.id,
                    line_ids=[Command.create({"criterion_id": self.criterion_initiatives.id})],
                )
                for employee in employees
            ]
            + [
                self._pledge_values(
                    None,
                    phase_id=phase.id,
                    target="collective",
                    employee_id=False,
                    department_id=unit.id,
                    award_type_ids=[Command.set(self.award_collective.ids)],
                    line_ids=[Command.create({"criterion_id": self.criterion_initiatives.id})],
                )
                for unit in units
            ]
        )
        pledges.action_submit()
        pledges.action_confirm()
        return pledges

    def test_query_count_does_not_grow_with_the_employees(self):
        small = self._phase_of(4, self.phase_1)
        large = self._phase_of(20, self.phase_2)
        # Once each, to fill the caches of the access rights and rules.
        for phase in (self.phase_1, self.phase_2):
            phase.with_user(self.user_officer).action_measure()
        for phase, pledges in ((self.phase_1, small), (self.phase_2, large)):
            self.env.flush_all()
            self.env.invalidate_all()
            # 15 queries, one more at times depending on what the registry's
            # caches hold from the tests before: the same for 4 or 20 employees.
            with self.assertQueryCount(16):
                phase.with_user(self.user_officer).action_measure()
                self.env.flush_all()
            self.assertEqual(pledges.line_ids.mapped("date_measured").count(False), 0)
        self.assertEqual(sum(large.filtered("employee_id").line_ids.mapped("actual")), 10)
        collectives = large.filtered("department_id").line_ids
        self.assertEqual(sorted(collectives.mapped("actual")), [0, 10])
