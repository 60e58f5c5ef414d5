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
class TestMigrationTo1120(CommendationCase):
    """Databases of 18.0.1.1.0 get the initiatives' level of the two titles
    whose articles name it, and keep what the council set."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.script = load_script("18.0.1.2.0", "post-migrate")
        cls.level_province = cls.env.ref("thidua_module.level_state_ministry_province")
        cls.level_central = cls.env.ref("thidua_module.level_state_central")

    def test_titles_without_a_level_get_the_level_of_their_article(self):
        self.award_cstd_tinh.initiative_level_id = False
        self.script.migrate(self.env.cr, "18.0.1.1.0")
        self.award_cstd_tinh.invalidate_recordset()
        self.assertEqual(self.award_cstd_tinh.initiative_level_id, self.level_province)

    def test_shipped_levels_get_their_rank(self):
        level = self.env.ref("thidua_module.level_union_central")
        level.rank = 0
        self.script.migrate(self.env.cr, "18.0.1.1.0")
        self.assertEqual(level.rank, 2)

    def test_nominations_in_progress_short_of_a_level_are_logged(self):
        nomination = self._nomination(award=self.award_cstd_tinh)
        nomination._thidua_workflow_write({"state": "submitted"})
        self.award_cstd_tinh.initiative_level_id = False
        with self.assertLogs(level="WARNING") as logs:
            self.script.migrate(self.env.cr, "18.0.1.1.0")
        self.assertIn(str(nomination.id), "\n".join(logs.output))

    def test_a_level_the_council_set_stays(self):
        self.award_cstd_tinh.initiative_level_id = self.level_central
        self.script.migrate(self.env.cr, "18.0.1.1.0")
        self.assertEqual(self.award_cstd_tinh.initiative_level_id, self.level_central)
