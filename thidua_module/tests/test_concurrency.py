from datetime import date

from odoo import api
from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged


@tagged("post_install", "-at_install")
class TestConcurrentIssue(BaseCase):
    """Two council members issuing one decision at once grant it once.

    Uses two real cursors, so the set-up is committed and removed afterwards.
    """

    def setUp(self):
        super().setUp()
        self.registry = self.registry_for_test()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})
            department = env["hr.department"].create({"name": "Đơn vị song song"})
            employee = env["hr.employee"].create(
                {"name": "Người song song", "department_id": department.id}
            )
            authority = env["thidua.authority"].create({"name": "Cấp song song"})
            nomination = env["thidua.nomination"].create(
                {
                    "year": 2021,
                    "award_type_id": env.ref("thidua_module.award_lao_dong_tien_tien").id,
                    "employee_id": employee.id,
                }
            )
            nomination.action_submit()
            nomination.action_unit_approve()
            nomination.action_council_approve()
            decision = env["thidua.decision"].create(
                {
                    "name": "1/QĐ-SONGSONG",
                    "date": date(2021, 12, 1),
                    "authority_id": authority.id,
                    "nomination_ids": [(6, 0, nomination.ids)],
                }
            )
            self.ids = {
                "department": department.id,
                "employee": employee.id,
                "authority": authority.id,
                "nomination": nomination.id,
                "decision": decision.id,
            }
        self.addCleanup(self._remove)

    @classmethod
    def registry_for_test(cls):
        from odoo.modules.registry import Registry
        from odoo.tests.common import get_db_name

        return Registry(get_db_name())

    def _remove(self):
        with self.registry.cursor() as cr:
            ids = self.ids
            cr.execute("DELETE FROM thidua_commendation WHERE decision_id = %s", (ids["decision"],))
            cr.execute(
                "UPDATE thidua_nomination SET decision_id = NULL, commendation_id = NULL "
                "WHERE id = %s",
                (ids["nomination"],),
            )
            cr.execute("DELETE FROM thidua_decision WHERE id = %s", (ids["decision"],))
            cr.execute(
                "DELETE FROM mail_activity WHERE res_model = 'thidua.nomination' AND res_id = %s",
                (ids["nomination"],),
            )
            cr.execute("DELETE FROM thidua_nomination WHERE id = %s", (ids["nomination"],))
            cr.execute("DELETE FROM thidua_authority WHERE id = %s", (ids["authority"],))
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            employee = env["hr.employee"].browse(ids["employee"])
            resource = employee.resource_id
            partner = employee.work_contact_id
            employee.unlink()
            resource.unlink()
            partner.unlink()
            env["hr.department"].browse(ids["department"]).unlink()

    def test_two_cursors_issue_one_decision_once(self):
        with self.registry.cursor() as first, self.registry.cursor() as second:
            env_first = api.Environment(first, api.SUPERUSER_ID, {})
            env_second = api.Environment(second, api.SUPERUSER_ID, {})
            env_first["thidua.decision"].browse(self.ids["decision"]).action_issue()
            # The first has not committed: the second is told to wait.
            with self.assertRaisesRegex(UserError, "right now"):
                env_second["thidua.decision"].browse(self.ids["decision"]).action_issue()
            second.rollback()
            first.commit()
            # Once the first committed, the second sees the decision issued.
            with self.assertRaisesRegex(UserError, "already issued"):
                env_second["thidua.decision"].browse(self.ids["decision"]).action_issue()
            second.rollback()
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM thidua_commendation WHERE nomination_id = %s",
                (self.ids["nomination"],),
            )
            self.assertEqual(cr.fetchone()[0], 1)
