import threading
import time
from datetime import date

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError, ValidationError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, tagged
from odoo.tests.common import get_db_name

# The addon's tables, children first, emptied of what a test committed.
TABLES = (
    "thidua_commendation",
    "thidua_nomination",
    "thidua_decision",
    "thidua_pledge_line",
    "thidua_pledge",
    "thidua_authority",
    "thidua_rating",
)


class CommittedCase(BaseCase):
    """Two real cursors need committed data: made here, removed afterwards."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            self.watermarks = {}
            for table in TABLES:
                cr.execute(f"SELECT COALESCE(max(id), 0) FROM {table}")  # noqa: S608
                self.watermarks[table] = cr.fetchone()[0]
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            self.ids = self._prepare(env)
        self.addCleanup(self._remove)

    def _prepare(self, env):
        department = env["hr.department"].create({"name": "Đơn vị song song"})
        employee = env["hr.employee"].create(
            {"name": "Người song song", "department_id": department.id}
        )
        env["thidua.rating"].create(
            {"target": "individual", "employee_id": employee.id, "year": 2021, "level": "good"}
        )
        movement = env["thidua.movement"].create(
            {
                "name": "Phong trào song song",
                "year": 2021,
                "date_start": date(2021, 1, 1),
                "date_end": date(2021, 12, 31),
            }
        )
        authority = env["thidua.authority"].create({"name": "Cấp song song"})
        return {
            "department": department.id,
            "employee": employee.id,
            "movement": movement.id,
            "authority": authority.id,
            "award": env.ref("thidua_module.award_lao_dong_tien_tien").id,
        }

    def _remove(self):
        with self.registry.cursor() as cr:
            marks = self.watermarks
            cr.execute(
                "UPDATE thidua_nomination SET decision_id = NULL, commendation_id = NULL "
                "WHERE id > %s",
                (marks["thidua_nomination"],),
            )
            for table in TABLES:
                cr.execute(f"DELETE FROM {table} WHERE id > %s", (marks[table],))  # noqa: S608
            cr.execute(
                "DELETE FROM mail_activity WHERE res_model = 'thidua.nomination' AND res_id > %s",
                (marks["thidua_nomination"],),
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["thidua.movement"].browse(self.ids["movement"]).unlink()
            employee = env["hr.employee"].browse(self.ids["employee"])
            resource, partner = employee.resource_id, employee.work_contact_id
            employee.unlink()
            resource.unlink()
            partner.unlink()
            env["hr.department"].browse(self.ids["department"]).unlink()

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _race(self, first, second):
        """Run `first` in a transaction, `second` in another that starts while the
        first is open; commit the first once the second waits on it.

        Returns the exception the second raised, or None.
        """
        outcome = {}

        def run_second():
            try:
                with self.registry.cursor() as cr:
                    second(self._env(cr))
            except Exception as error:  # noqa: BLE001 - handed to the test
                outcome["error"] = error

        with self.registry.cursor() as cr:
            first(self._env(cr))
            cr.flush()
            thread = threading.Thread(target=run_second)
            thread.start()
            waited = self._wait_for_a_lock_wait(thread)
            # Two real transactions race: the second cursor's commit is the point.
            cr.commit()  # pylint: disable=invalid-commit
        thread.join(timeout=30)
        self.assertFalse(thread.is_alive(), "the second transaction never ended")
        self.assertTrue(waited, "the second transaction did not wait for the first")
        return outcome.get("error")

    def _wait_for_a_lock_wait(self, thread, timeout=10.0):
        """Until the other transaction waits for ours (or has already ended)."""
        deadline = time.monotonic() + timeout
        with self.registry.cursor() as cr:
            while thread.is_alive() and time.monotonic() < deadline:
                cr.execute(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
                if cr.fetchone()[0]:
                    return True
                cr.rollback()
                time.sleep(0.05)
        return False

    def _count(self, query, params):
        with self.registry.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchone()[0]


@tagged("post_install", "-at_install")
class TestConcurrentUniqueness(CommittedCase):
    """The database has the last word on uniqueness, and says it clearly."""

    def _pledge_values(self):
        return {
            "movement_id": self.ids["movement"],
            "employee_id": self.ids["employee"],
            "date": date(2021, 1, 15),
            "award_type_ids": [Command.set([self.ids["award"]])],
        }

    def test_two_identical_registrations_at_once_give_one_pledge(self):
        def register(env):
            env["thidua.pledge"].create(self._pledge_values())

        error = self._race(register, register)
        self.assertIsInstance(error, ValidationError)
        self.assertIn("already registered", str(error))
        count = self._count(
            "SELECT count(*) FROM thidua_pledge WHERE employee_id = %s", (self.ids["employee"],)
        )
        self.assertEqual(count, 1)

    def test_two_identical_nominations_submitted_at_once_give_one_live_nomination(self):
        with self.registry.cursor() as cr:
            nominations = self._env(cr)["thidua.nomination"].create(
                [
                    {
                        "year": 2021,
                        "award_type_id": self.ids["award"],
                        "employee_id": self.ids["employee"],
                    }
                ]
                * 2
            )
            first_id, second_id = nominations.ids

        def submit(nomination_id):
            return lambda env: env["thidua.nomination"].browse(nomination_id).action_submit()

        error = self._race(submit(first_id), submit(second_id))
        self.assertIsInstance(error, ValidationError)
        self.assertIn("already nominated", str(error))
        live = self._count(
            "SELECT count(*) FROM thidua_nomination WHERE employee_id = %s AND is_live",
            (self.ids["employee"],),
        )
        self.assertEqual(live, 1)

    def test_one_decision_number_even_written_differently_at_once(self):
        def decide(number):
            return lambda env: env["thidua.decision"].create(
                {"name": number, "date": date(2021, 12, 1), "authority_id": self.ids["authority"]}
            )

        error = self._race(decide("7/QĐ-SONGSONG"), decide(" 7/qđ-songsong "))
        self.assertIsInstance(error, ValidationError)
        self.assertIn("already used", str(error))
        count = self._count(
            "SELECT count(*) FROM thidua_decision WHERE authority_id = %s",
            (self.ids["authority"],),
        )
        self.assertEqual(count, 1)


@tagged("post_install", "-at_install")
class TestConcurrentCommendation(CommittedCase):
    """One commendation per nomination, even written at the same instant."""

    def _prepare(self, env):
        ids = super()._prepare(env)
        nomination = env["thidua.nomination"].create(
            {"year": 2021, "award_type_id": ids["award"], "employee_id": ids["employee"]}
        )
        decision = env["thidua.decision"].create(
            {"name": "2/QĐ-SONGSONG", "date": date(2021, 12, 1), "authority_id": ids["authority"]}
        )
        return dict(ids, nomination=nomination.id, decision=decision.id)

    def test_two_commendations_of_one_nomination_at_once_give_one(self):
        def grant(env):
            env["thidua.commendation"].create(
                {
                    "decision_id": self.ids["decision"],
                    "nomination_id": self.ids["nomination"],
                    "award_type_id": self.ids["award"],
                    "award_kind": "yearly",
                    "target": "individual",
                    "employee_id": self.ids["employee"],
                    "date": date(2021, 12, 1),
                    "year": 2021,
                    "company_id": env.company.id,
                }
            )

        error = self._race(grant, grant)
        self.assertIsInstance(error, ValidationError)
        self.assertIn("one commendation only", str(error))
        count = self._count(
            "SELECT count(*) FROM thidua_commendation WHERE nomination_id = %s",
            (self.ids["nomination"],),
        )
        self.assertEqual(count, 1)


@tagged("post_install", "-at_install")
class TestConcurrentIssue(CommittedCase):
    """Two council members issuing one decision at once grant it once."""

    def _prepare(self, env):
        ids = super()._prepare(env)
        nomination = env["thidua.nomination"].create(
            {"year": 2021, "award_type_id": ids["award"], "employee_id": ids["employee"]}
        )
        nomination.action_submit()
        nomination.action_unit_approve()
        nomination.action_council_approve()
        decision = env["thidua.decision"].create(
            {
                "name": "1/QĐ-SONGSONG",
                "date": date(2021, 12, 1),
                "authority_id": ids["authority"],
                "nomination_ids": [Command.set(nomination.ids)],
            }
        )
        return dict(ids, nomination=nomination.id, decision=decision.id)

    def test_two_cursors_issue_one_decision_once(self):
        with self.registry.cursor() as first, self.registry.cursor() as second:
            env_first, env_second = self._env(first), self._env(second)
            env_first["thidua.decision"].browse(self.ids["decision"]).action_issue()
            # The first has not committed: the second is told to wait.
            with self.assertRaisesRegex(UserError, "right now"):
                env_second["thidua.decision"].browse(self.ids["decision"]).action_issue()
            second.rollback()
            first.commit()
            # Once the first committed, the second sees the decision issued.
            with self.assertRaisesRegex(UserError, "this step is not possible now"):
                env_second["thidua.decision"].browse(self.ids["decision"]).action_issue()
            second.rollback()
        count = self._count(
            "SELECT count(*) FROM thidua_commendation WHERE nomination_id = %s",
            (self.ids["nomination"],),
        )
        self.assertEqual(count, 1)
