import importlib.util
from datetime import date

from odoo.exceptions import UserError
from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .common import CommendationCase


def load_script(version, name):
    path = f"{get_module_path('thidua_module')}/migrations/{version}/{name}.py"
    spec = importlib.util.spec_from_file_location(f"thidua_migration_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigrationTo1110(CommendationCase):
    """The data of 18.0.1.0.0, with what its Python checks let slip, upgrade.

    The rows the former version could hold are written in SQL, with the new
    unique indexes dropped inside the test's transaction (rolled back after).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.script = load_script("18.0.1.1.0", "pre-migrate")

    def _drop_indexes(self):
        for index in (
            "thidua_decision_number_uniq",
            "thidua_pledge_participant_uniq",
            "thidua_nomination_live_nominee_uniq",
        ):
            self.env.cr.execute(f"DROP INDEX {index}")  # noqa: S608

    def _copy_row(self, table, record_id, **values):
        columns = ", ".join(values)
        placeholders = ", ".join(["%s"] * len(values))
        self.env.flush_all()
        self.env.cr.execute(f"SELECT * FROM {table} LIMIT 0")  # noqa: S608
        names = [column.name for column in self.env.cr.description]
        keep = [name for name in names if name not in values and name != "id"]
        self.env.cr.execute(
            f"INSERT INTO {table} ({', '.join(keep)}, {columns}) "  # noqa: S608
            f"SELECT {', '.join(keep)}, {placeholders} FROM {table} WHERE id = %s RETURNING id",
            [*values.values(), record_id],
        )
        return self.env.cr.fetchone()[0]

    def test_decision_numbers_are_trimmed_and_told_apart(self):
        decision = self._decision(self._approve(self._nomination()), day=date(2021, 12, 1))
        self._drop_indexes()
        spaced = self._copy_row("thidua_decision", decision.id, name=f"  {decision.name} ")
        lower = self._copy_row("thidua_decision", decision.id, name=decision.name.lower())
        self.script.migrate(self.env.cr, "18.0.1.0.0")
        self.env.cr.execute(
            "SELECT id, name FROM thidua_decision WHERE id IN %s", ((decision.id, spaced, lower),)
        )
        names = dict(self.env.cr.fetchall())
        self.assertEqual(names[decision.id], decision.name)
        self.assertEqual(names[spaced], f"{decision.name} ({spaced})")
        self.assertEqual(names[lower], f"{decision.name.lower()} ({lower})")

    def test_duplicate_pledges_keep_the_one_furthest_in_the_workflow(self):
        pledge = self._pledge()
        pledge.action_submit()
        pledge.action_confirm()
        self._drop_indexes()
        later = self._copy_row("thidua_pledge", pledge.id, state="draft")
        self.script.migrate(self.env.cr, "18.0.1.0.0")
        self.env.cr.execute(
            "SELECT id, state FROM thidua_pledge WHERE id IN %s", ((pledge.id, later),)
        )
        self.assertEqual(dict(self.env.cr.fetchall()), {pledge.id: "confirmed", later: "cancelled"})

    def test_duplicate_nominations_keep_the_one_furthest_in_the_workflow(self):
        nomination = self._approve(self._nomination())
        self._drop_indexes()
        later = self._copy_row("thidua_nomination", nomination.id, state="submitted")
        self.script.migrate(self.env.cr, "18.0.1.0.0")
        self.env.cr.execute(
            "SELECT id, state, is_live FROM thidua_nomination WHERE id IN %s",
            ((nomination.id, later),),
        )
        rows = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        self.assertEqual(rows[nomination.id], ("council_approved", True))
        self.assertEqual(rows[later], ("cancelled", False))

    def test_an_award_in_force_twice_stops_the_upgrade_with_the_ids(self):
        nomination = self._grant().nomination_id
        self._drop_indexes()
        later = self._copy_row("thidua_nomination", nomination.id, is_live=True)
        with self.assertRaisesRegex(UserError, str(later)):
            self.script.migrate(self.env.cr, "18.0.1.0.0")


@tagged("post_install", "-at_install")
class TestMigrationTo2000(CommendationCase):
    """An award type a federation made itself, with the prerequisites and the
    initiative and member settings of 18.0.1.x, keeps asking what it asked, as
    conditions. The former table and columns are made again inside the test's
    transaction (rolled back after)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.script = load_script("18.0.2.0.0", "post-migrate")
        cls.own_award = cls.env["thidua.award.type"].create(
            {"name": "Danh hiệu riêng", "code": "RIENG", "target": "both"}
        )

    def _former_schema(self):
        cr = self.env.cr
        cr.execute(
            """CREATE TABLE thidua_award_prerequisite (id serial PRIMARY KEY,
                   award_type_id int, required_type_id int, applies_to varchar,
                   count_mode varchar, consecutive_years int, times int,
                   within_years int, year_offset varchar)"""
        )
        cr.execute(
            """ALTER TABLE thidua_award_type ADD COLUMN requires_initiative boolean,
                   ADD COLUMN initiative_count int, ADD COLUMN member_award_type_id int,
                   ADD COLUMN member_share_min float8, ADD COLUMN member_count_type_id int,
                   ADD COLUMN member_count_min int"""
        )

    def test_former_rules_become_common_conditions(self):
        self._former_schema()
        cr = self.env.cr
        cr.execute(
            """INSERT INTO thidua_award_prerequisite (award_type_id, required_type_id,
                   applies_to, count_mode, consecutive_years, times, within_years, year_offset)
               VALUES (%s, %s, 'individual', 'times', 1, 2, 4, '0')""",
            (self.own_award.id, self.award_ldtt.id),
        )
        cr.execute(
            """UPDATE thidua_award_type SET requires_initiative = true, initiative_count = 2,
                   member_award_type_id = %s, member_share_min = 60 WHERE id = %s""",
            (self.award_ldtt.id, self.own_award.id),
        )
        shipped = self.award_cstd.condition_ids
        self.script.migrate(cr, "18.0.1.2.0")
        self.env.invalidate_all()
        conditions = self.own_award.condition_ids
        self.assertEqual(
            sorted(
                (c.kind, c.count, c.within_years, c.percent, c.applies_to, c.route or "")
                for c in conditions
            ),
            [
                ("initiative", 2, 1, 0.0, "both", ""),
                ("member_title_share", 1, 1, 60.0, "both", ""),
                ("title", 2, 4, 0.0, "individual", ""),
            ],
        )
        self.assertEqual(conditions.filtered(lambda c: c.kind == "title").count_mode, "times")
        # The shipped catalogue keeps the conditions of its data file.
        self.assertEqual(self.award_cstd.condition_ids, shipped)

    def _shipped_2026_salary(self, amount):
        salary = self.env["thidua.base.salary"].create(
            {
                "date_from": date(2026, 7, 1),
                "amount": amount,
                "legal_basis": "Nghị định 161/2026/NĐ-CP",
            }
        )
        self.env["ir.model.data"].create(
            {
                "module": "thidua_module",
                "name": "base_salary_2026",
                "model": "thidua.base.salary",
                "res_id": salary.id,
                "noupdate": True,
            }
        )
        return salary

    def test_the_unpublished_base_salary_goes(self):
        salary = self._shipped_2026_salary(2530000)
        self.script.migrate(self.env.cr, "18.0.1.2.0")
        self.assertFalse(salary.exists())

    def test_a_base_salary_someone_changed_stays(self):
        salary = self._shipped_2026_salary(2527200)
        self.script.migrate(self.env.cr, "18.0.1.2.0")
        self.assertTrue(salary.exists())

    def test_nominations_in_progress_now_short_of_a_condition_are_logged(self):
        newcomer = self.env["hr.employee"].create({"name": "Chưa xếp loại"})
        nomination = self._nomination(newcomer)
        nomination._thidua_workflow_write({"state": "submitted"})
        with self.assertLogs(level="WARNING") as logs:
            self.script.migrate(self.env.cr, "18.0.1.2.0")
        self.assertIn(f"Nomination {nomination.id}: Missing: a rating", "\n".join(logs.output))

    def test_nothing_to_carry_over_on_a_new_database(self):
        self.script.migrate(self.env.cr, "18.0.1.2.0")
        self.assertFalse(self.own_award.condition_ids)

    def test_the_former_initiative_level_script_leaves_it_to_the_conditions(self):
        before = self.award_cstd_tinh.condition_ids.read(["kind", "level_id"])
        load_script("18.0.1.2.0", "post-migrate").migrate(self.env.cr, "18.0.1.1.0")
        self.assertEqual(self.award_cstd_tinh.condition_ids.read(["kind", "level_id"]), before)

    def test_shipped_levels_get_their_rank_on_the_way(self):
        level = self.env.ref("thidua_module.level_union_central")
        level.rank = 0
        load_script("18.0.1.2.0", "post-migrate").migrate(self.env.cr, "18.0.1.1.0")
        self.assertEqual(level.rank, 2)


@tagged("post_install", "-at_install")
class TestMigrationAmountsTo2000(CommendationCase):
    """Databases of 18.0.1.x keep the amounts of their award types, now dated.

    The former columns `coefficient` and `collective_multiplier` of the award
    types, which a database of that version has, are added back inside the
    test's transaction (rolled back after)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.script = load_script("18.0.2.0.0", "post-migrate")
        cls.award = cls.env["thidua.award.type"].create(
            {"name": "Bằng khen của LĐLĐ thử", "code": "BK-THU", "kind": "form", "target": "both"}
        )

    def _former_columns(self, figures=None):
        """The columns as 18.0.1.x stored them: the given (coefficient,
        multiplier) of some awards, 0 and 1 (the former defaults) for the others."""
        self.env.flush_all()
        self.env.cr.execute(
            "ALTER TABLE thidua_award_type ADD COLUMN coefficient numeric DEFAULT 0, "
            "ADD COLUMN collective_multiplier numeric DEFAULT 1"
        )
        for award, (coefficient, multiplier) in (figures or {}).items():
            self.env.cr.execute(
                "UPDATE thidua_award_type SET coefficient = %s, collective_multiplier = %s "
                "WHERE id = %s",
                (coefficient, multiplier, award.id),
            )

    def _migrate(self):
        self.script.migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()

    def test_award_gets_its_former_figures_from_the_earliest_base_salary(self):
        self._former_columns({self.award: (1.2, 2.0)})
        self._migrate()
        self.assertRecordValues(
            self.award.amount_ids,
            [
                {
                    "date_from": date(2017, 7, 1),
                    "date_to": False,
                    "coefficient": 1.2,
                    "collective_multiplier": 2.0,
                    "legal_basis": self.script.LEGAL_BASIS,
                }
            ],
        )

    def test_amounts_issued_after_the_upgrade_are_those_before(self):
        self._former_columns({self.award: (1.2, 2.0)})
        self._migrate()
        individual = self._grant(award=self.award)
        collective = self._grant(
            award=self.award, target="collective", employee_id=False, department_id=self.unit.id
        )
        self.assertEqual(individual.amount, 1790000)  # 1.2 x 1,490,000 = 1,788,000, rounded up
        self.assertEqual(collective.amount, 3580000)  # 1.2 x 2 x 1,490,000 = 3,576,000

    def test_every_award_type_archived_or_not_has_an_amount(self):
        self.award.active = False
        self._former_columns()
        self._migrate()
        awards = self.env["thidua.award.type"].with_context(active_test=False).search([])
        self.assertFalse(awards.filtered(lambda award: not award.amount_ids))
        self.assertEqual(self.award.with_context(active_test=False).amount_ids.coefficient, 0)

    def test_award_with_amounts_keeps_them(self):
        before = self.award_ldtt.amount_ids.read(["date_from", "coefficient", "legal_basis"])
        self._former_columns({self.award_ldtt: (0.9, 1.0)})
        self._migrate()
        self.assertEqual(
            self.award_ldtt.amount_ids.read(["date_from", "coefficient", "legal_basis"]), before
        )

    def test_without_the_former_columns_nothing_is_carried_over(self):
        self._migrate()
        self.assertFalse(self.award.amount_ids)
