import base64
import json
import re

from odoo import Command
from odoo.tests import tagged

from .common import ThiduaCase


def _field_names(domain):
    return [leaf[0] for leaf in domain if isinstance(leaf, list | tuple)]


def _sources(spreadsheet):
    """(model, groupby, aggregates, domain) of each pivot and chart of the dashboard."""
    for pivot in spreadsheet["pivots"].values():
        aggregates = [
            m["fieldName"] if m["fieldName"] == "__count" else f"{m['fieldName']}:sum"
            for m in pivot["measures"]
        ]
        groupby = [r["fieldName"] for r in pivot["rows"] + pivot["columns"]]
        yield pivot["model"], groupby, aggregates, pivot["domain"], pivot["fieldMatching"]
    for sheet in spreadsheet["sheets"]:
        for figure in sheet["figures"]:
            data = figure["data"]
            if not data["type"].startswith("odoo_"):
                continue
            meta = data["metaData"]
            measure = meta["measure"]
            aggregates = ["__count"] if measure == "__count" else [f"{measure}:sum"]
            groupby = [g.split(":")[0] for g in meta["groupBy"]]
            domain = data["searchParams"]["domain"]
            yield meta["resModel"], groupby, aggregates, domain, data["fieldMatching"]


@tagged("post_install", "-at_install")
class TestDashboard(ThiduaCase):
    """The "Thi đua - Khen thưởng" spreadsheet dashboard loads and reads what it may."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref("thidua_module.thidua_dashboard")
        cls.spreadsheet = json.loads(cls.dashboard.spreadsheet_data)
        cls.movement.action_launch()
        cls.other_unit_employee = cls.env["hr.employee"].create(
            {"name": "Nhân viên B2", "department_id": cls.other_unit.id}
        )
        cls._pledge()  # Nhân viên A1 registers; the manager and the B unit do not.
        cls._pledge(cls.other_employee)

    def test_dashboard_is_published_for_officers_and_council(self):
        self.assertTrue(self.dashboard.is_published)
        groups = self.dashboard.group_ids
        self.assertIn(self.env.ref("thidua_module.group_thidua_officer"), groups)
        self.assertIn(self.env.ref("thidua_module.group_thidua_council"), groups)
        for user in (self.user_officer, self.user_council, self.user_manager):
            found = self.env["spreadsheet.dashboard"].with_user(user).search([])
            self.assertIn(self.dashboard, found, user.login)
        hidden = self.env["spreadsheet.dashboard"].with_user(self.user_employee).search([])
        self.assertNotIn(self.dashboard, hidden)

    def test_spreadsheet_json_is_a_dashboard(self):
        raw = base64.b64decode(self.dashboard.spreadsheet_binary_data)
        self.assertEqual(json.loads(raw), self.spreadsheet)
        self.assertEqual([s["name"] for s in self.spreadsheet["sheets"]], ["Dashboard", "Data"])
        snapshot = self.dashboard.with_user(self.user_officer).get_readonly_dashboard()
        self.assertIn("snapshot", snapshot)

    def test_formulas_refer_to_pivots_that_exist(self):
        pivots = set(self.spreadsheet["pivots"])
        for sheet in self.spreadsheet["sheets"]:
            for ref, cell in sheet["cells"].items():
                for pivot_id in re.findall(r"PIVOT\.(?:VALUE|HEADER)\((\d+)", cell["content"]):
                    self.assertIn(pivot_id, pivots, f"{sheet['name']}!{ref}")
            for figure in sheet["figures"]:
                key = figure["data"].get("keyValue")
                if key:
                    name, ref = key.split("!")
                    data = next(s for s in self.spreadsheet["sheets"] if s["name"] == name)
                    self.assertIn(ref, data["cells"])

    def test_every_model_and_field_exists_and_is_readable_by_an_officer(self):
        count = 0
        for model, groupby, aggregates, domain, matching in _sources(self.spreadsheet):
            Model = self.env[model].with_user(self.user_officer)
            names = groupby + [a.split(":")[0] for a in aggregates if a != "__count"]
            for name in names + [m["chain"] for m in matching.values()]:
                self.assertIn(name, Model._fields, f"{model}.{name}")
            for path in _field_names(domain):
                Model._search([(path, "!=", False)])  # raises on an unknown path
            Model.check_access("read")
            Model._read_group(domain, groupby, aggregates)
            count += 1
        self.assertGreaterEqual(count, 7)
        for global_filter in self.spreadsheet["globalFilters"]:
            self.env[global_filter["modelName"]].with_user(self.user_officer).check_access("read")

    def test_council_and_manager_read_every_source(self):
        for user in (self.user_council, self.user_manager):
            for model, groupby, aggregates, domain, _matching in _sources(self.spreadsheet):
                self.env[model].with_user(user)._read_group(domain, groupby, aggregates)

    def test_registration_report_matches_the_movement_figures(self):
        Report = self.env["thidua.registration.report"].with_user(self.user_officer)
        rows = Report._read_group(
            [("movement_id", "=", self.movement.id)],
            ["unit_id"],
            ["employee_count:sum", "registered:sum", "rate:avg"],
        )
        figures = {unit: (count, done, rate) for unit, count, done, rate in rows}
        self.assertEqual(figures[self.sub_unit][:2], (1, 1))
        self.assertEqual(figures[self.unit][:2], (1, 0))
        self.assertEqual(figures[self.other_unit], (2, 1, 50.0))
        stats = self.movement._registration_stats()
        total = sum(len(row["employees"]) for row in stats.values())
        self.assertEqual(sum(count for count, _d, _r in figures.values()), total)

    def test_manager_sees_his_units_only(self):
        Report = self.env["thidua.registration.report"].with_user(self.user_manager)
        units = {unit for (unit,) in Report._read_group([], ["unit_id"])}
        self.assertEqual(units, {self.unit, self.sub_unit})

    def test_registration_report_counts_an_employee_once(self):
        # A sub-unit taking part beside its parent does not count its people twice.
        self.movement.department_ids = [Command.link(self.sub_unit.id)]
        Report = self.env["thidua.registration.report"]
        rows = Report.search([("movement_id", "=", self.movement.id)])
        self.assertEqual(len(rows), len(rows.employee_id))

    def test_reporting_menu_opens_the_dashboard(self):
        action = self.env.ref("thidua_module.thidua_dashboard_action")
        self.assertEqual(action.tag, "action_spreadsheet_dashboard")
        self.assertEqual(action.params, {"dashboard_id": self.dashboard.id})
        menu = self.env.ref("thidua_module.thidua_dashboard_menu")
        self.assertEqual(menu.parent_id, self.env.ref("thidua_module.thidua_menu_reporting"))

    def test_analyses_group_by_unit_block_year_and_gender(self):
        Commendation = self.env["thidua.commendation"].with_user(self.user_manager)
        Commendation._read_group([], ["unit_id", "block_id", "year", "gender"], ["amount:sum"])
        Nomination = self.env["thidua.nomination"].with_user(self.user_officer)
        Nomination._read_group([], ["unit_id", "block_id", "year", "gender", "state"])
        Pledge = self.env["thidua.pledge"].with_user(self.user_manager)
        groups = Pledge._read_group([], ["block_id", "unit_id", "state"], ["__count"])
        self.assertIn((self.block, self.sub_unit, "draft", 1), groups)
