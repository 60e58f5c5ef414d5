from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestNomineeMixin(CommendationCase):
    """Pledges, nominations and commendations name their nominee the same way."""

    def test_individual_names_one_employee_on_each_model(self):
        for model in ("thidua.pledge", "thidua.nomination"):
            with self.subTest(model=model), self.assertRaisesRegex(ValidationError, "one employee"):
                values = (
                    self._pledge_values(department_id=self.unit.id)
                    if model == "thidua.pledge"
                    else {
                        "year": 2021,
                        "award_type_id": self.award_ldtt.id,
                        "target": "individual",
                        "employee_id": self.employee.id,
                        "department_id": self.unit.id,
                    }
                )
                self.env[model].create(values)

    def test_collective_names_one_unit(self):
        with self.assertRaisesRegex(ValidationError, "one unit"):
            self._nomination(award=self.award_collective, target="collective", employee_id=False)

    def test_units_follow_the_nominee_as_each_model_means_it(self):
        pledge = self._pledge(
            target="collective",
            employee_id=False,
            department_id=self.sub_unit.id,
            award_type_ids=[Command.set(self.award_collective.ids)],
        )
        nomination = self._nomination(
            award=self.award_collective,
            target="collective",
            employee_id=False,
            department_id=self.sub_unit.id,
        )
        # A collective pledge is its unit's; a collective nomination is proposed by the unit above.
        self.assertEqual(pledge.unit_id, self.sub_unit)
        self.assertEqual(nomination.unit_id, self.unit)
        self.assertEqual(nomination._nominee_name(), self.sub_unit.name)
        self.assertEqual(pledge._nominee_key(), (False, self.sub_unit.id))

    def test_changing_the_kind_clears_the_other_nominee_in_the_form(self):
        form = Form(self.env["thidua.nomination"])
        form.award_type_id = self.award_giay_khen
        form.employee_id = self.employee
        form.target = "collective"
        self.assertFalse(form.employee_id)


@tagged("post_install", "-at_install")
class TestSharedChecks(CommendationCase):
    """One state check, one council check, one unit manager check."""

    def test_state_check_speaks_of_the_record_and_its_state(self):
        pledge = self._pledge()
        for record in (pledge, self._nomination(), self.phase_1):
            with (
                self.subTest(model=record._name),
                self.assertRaisesRegex(UserError, "this step is not possible now"),
            ):
                record._thidua_check_state(("closed",))

    def test_movement_launched_twice_is_refused_in_one_sentence(self):
        self.movement.action_launch()
        with self.assertRaisesRegex(UserError, "Đang diễn ra|Running"):
            self.movement.action_launch()

    def test_council_check_refuses_an_officer(self):
        nomination = self._nomination()
        nomination.action_submit()
        nomination.with_user(self.user_manager).action_unit_approve()
        with self.assertRaisesRegex(UserError, "emulation council"):
            nomination.with_user(self.user_officer).action_council_approve()
        with self.assertRaisesRegex(UserError, "emulation council"):
            nomination.with_user(self.user_officer).write({"vote_members": 5, "vote_for": 5})

    def test_unit_manager_check_is_the_same_for_pledges_and_nominations(self):
        pledge = self._pledge(employee=self.other_employee)
        pledge.action_submit()
        nomination = self._nomination(employee=self.other_employee)
        nomination.action_submit()
        for record in (pledge, nomination):
            with self.subTest(model=record._name):
                with self.assertRaisesRegex(UserError, "Only the manager of"):
                    record.with_user(self.user_manager)._thidua_check_unit_manager()
                # An officer passes.
                self.assertIsNone(record.with_user(self.user_officer)._thidua_check_unit_manager())


@tagged("post_install", "-at_install")
class TestQuota(CommendationCase):
    """The rule and the proposal wizard count the quota the same way."""

    def test_wizard_proposes_what_the_rule_allows(self):
        self.award_cstd.write({"quota_base_type_id": self.award_ldtt.id, "quota_percent": 50})
        people = self.env["hr.employee"].create(
            [{"name": f"Người {i}", "department_id": self.unit.id} for i in range(4)]
        )
        self._rate(people)
        for person in people:
            held = self._nomination(employee=person)
            held.action_submit()
            held.action_unit_approve()
            held.with_user(self.user_council).action_council_approve()
        allowed, base = self.env["thidua.eligibility"]._quota(self.award_cstd, self.unit, 2021)
        self.assertEqual((allowed, base), (2, 4))
        form = Form(self.env["thidua.nomination.propose.wizard"])
        form.movement_id = self.movement
        form.department_id = self.unit
        form.award_type_id = self.award_cstd
        self.assertEqual(form.quota, 2)
        # A live nomination for the award already uses one place.
        self._nomination(employee=people[0], award=self.award_cstd).action_submit()
        form.department_id = self.sub_unit
        form.department_id = self.unit
        self.assertEqual(form.quota, 1)


@tagged("post_install", "-at_install")
class TestCriteriaForParticipant(CommendationCase):
    """A criterion's blocks and programmes decide which pledges get it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_block = cls.env["thidua.block"].create({"name": "Khối khác", "code": "KK"})
        cls.criterion_block, cls.criterion_programme = cls.env["thidua.criterion"].create(
            [
                {"name": "Chỉ khối khác", "block_ids": [Command.set(cls.other_block.ids)]},
                {"name": "Chỉ chương trình", "programme_ids": [Command.set(cls.programme.ids)]},
            ]
        )
        cls.movement.criterion_ids = [
            Command.link(cls.criterion_block.id),
            Command.link(cls.criterion_programme.id),
        ]

    def _criteria(self, **values):
        pledge = self.env["thidua.pledge"].new(
            dict(
                movement_id=self.movement.id,
                phase_id=self.phase_1.id,
                target="individual",
                employee_id=self.employee.id,
                **values,
            )
        )
        return pledge._criteria()

    def test_block_criterion_only_for_units_of_the_block(self):
        # The employee's team has no block: the block of the unit above counts.
        self.assertEqual(self.sub_unit._thidua_block(), self.block)
        self.assertNotIn(self.criterion_block, self._criteria())
        self.unit.block_id = self.other_block
        self.assertIn(self.criterion_block, self._criteria())

    def test_programme_criterion_only_for_pledges_joining_it(self):
        self.assertNotIn(self.criterion_programme, self._criteria())
        criteria = self._criteria(programme_ids=[Command.set(self.programme.ids)])
        self.assertIn(self.criterion_programme, criteria)
        self.assertIn(self.criterion_productivity, criteria)

    def test_form_fills_the_lines_again_while_untouched(self):
        form = Form(self.env["thidua.pledge"])
        form.movement_id = self.movement
        form.phase_id = self.phase_1
        form.employee_id = self.employee
        criteria = {line["criterion_id"] for line in form.line_ids._records}
        self.assertNotIn(self.criterion_programme.id, criteria)
        form.programme_ids.add(self.programme)
        criteria = {line["criterion_id"] for line in form.line_ids._records}
        self.assertIn(self.criterion_programme.id, criteria)

    def test_form_keeps_targets_someone_set(self):
        form = Form(self.env["thidua.pledge"])
        form.movement_id = self.movement
        form.phase_id = self.phase_1
        form.employee_id = self.employee
        with form.line_ids.edit(0) as line:
            line.target = 150
        form.programme_ids.add(self.programme)
        criteria = {line["criterion_id"] for line in form.line_ids._records}
        self.assertNotIn(self.criterion_programme.id, criteria)

    def test_mass_registration_gives_each_unit_its_block_criteria(self):
        self.other_unit.block_id = self.other_block
        wizard = self.env["thidua.pledge.mass.wizard"].create(
            {
                "movement_id": self.movement.id,
                "phase_id": self.phase_1.id,
                "department_ids": [Command.set((self.unit | self.other_unit).ids)],
                "date": date(2021, 1, 15),
            }
        )
        wizard.action_register()
        pledges = self.env["thidua.pledge"].search([("movement_id", "=", self.movement.id)])
        in_other_block = pledges.filtered(lambda p: p.employee_id == self.other_employee)
        in_block = pledges.filtered(lambda p: p.employee_id == self.employee)
        self.assertIn(self.criterion_block, in_other_block.line_ids.criterion_id)
        self.assertNotIn(self.criterion_block, in_block.line_ids.criterion_id)


@tagged("post_install", "-at_install")
class TestInitiativeLevel(CommendationCase):
    """An award may ask for initiatives recognised at a level or above."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.level_province = ref("thidua_module.level_state_ministry_province")
        cls.level_central = ref("thidua_module.level_state_central")
        cls.level_grassroots = ref("thidua_module.level_state_grassroots")
        cls.level_union = ref("thidua_module.level_union_central")
        cls.level_union_province = ref("thidua_module.level_union_province")
        cls.award_giay_khen.condition_ids = [
            Command.create({"kind": "initiative", "level_id": cls.level_province.id})
        ]

    def _initiative_ok(self, level):
        initiative = self.env["thidua.initiative"].create(
            {
                "name": f"Sáng kiến {level.name}",
                "author_ids": [Command.set(self.employee.ids)],
                "date_recognised": date(2021, 4, 1),
                "level_id": level.id,
            }
        )
        nomination = self._nomination(
            award=self.award_giay_khen, initiative_ids=[Command.set(initiative.ids)]
        )
        rows = self.env["thidua.eligibility"]._evaluate(nomination)[nomination.id]
        row = next(row for row in rows if row.code == "initiative")
        nomination.unlink()
        return row.ok

    def test_initiative_at_the_level_or_above_counts(self):
        self.assertTrue(self._initiative_ok(self.level_province))
        self.assertTrue(self._initiative_ok(self.level_central))

    def test_the_confederation_ranks_with_ministries_and_provinces(self):
        self.assertTrue(self._initiative_ok(self.level_union))

    def test_initiative_below_the_level_does_not(self):
        self.assertFalse(self._initiative_ok(self.level_grassroots))
        self.assertFalse(self._initiative_ok(self.level_union_province))

    def test_levels_without_rank_compare_within_their_system(self):
        (self.level_union | self.level_province).rank = 0
        self.assertFalse(self._initiative_ok(self.level_union))

    def test_shipped_titles_ask_the_level_of_their_articles(self):
        for xmlid in ("award_chien_si_thi_dua_tinh", "award_chien_si_thi_dua_toan_quoc"):
            award = self.env.ref(f"thidua_module.{xmlid}")
            initiative = award.condition_ids.filtered(lambda c: c.kind == "initiative")
            self.assertEqual(initiative.level_id, self.level_province)
