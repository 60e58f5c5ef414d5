from datetime import date
from unittest.mock import patch

from odoo.tests import tagged

from ..tools import vn_order
from .test_reports import XlsxCase

# Given names in Vietnamese order: An < Ân < Dũng < Đức < Ông < Ơn; two people
# named An are ordered by the rest of their names.
NAMES_IN_ORDER = [
    "Bùi Văn An",
    "Trần Thị An",
    "Nguyễn Văn Ân",
    "Phạm Văn Dũng",
    "Lê Đức",
    "Vũ Ông",
    "Hoàng Ơn",
]
# The order the same names get by full name, which Vietnamese lists do not use.
NAIVE = sorted(NAMES_IN_ORDER)


@tagged("post_install", "-at_install")
class TestVietnameseOrder(XlsxCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.people = cls.env["hr.employee"].create(
            [
                {"name": name, "department_id": cls.unit.id}
                # Created out of order, so that the id order proves nothing either.
                for name in reversed(NAMES_IN_ORDER[3:] + NAMES_IN_ORDER[:3])
            ]
        )
        cls._rate(cls.people, years=range(2019, 2023))
        nominations = cls._approve(
            cls.env["thidua.nomination"].concat(
                *(cls._nomination(person, year=2022) for person in cls.people)
            )
        )
        cls.people_decision = cls._decision(nominations, day=date(2022, 12, 20))
        cls.people_decision.action_issue()
        cls.people_commendations = cls.people_decision.commendation_ids
        for person in cls.people:
            cls._pledge(person)

    def test_server_has_the_vietnamese_collation(self):
        self.assertTrue(vn_order.has_vi_collation(self.env.cr))
        self.assertNotEqual(NAIVE, NAMES_IN_ORDER)

    def test_sort_people(self):
        shuffled = NAMES_IN_ORDER[::-1]
        self.assertEqual(vn_order.sort_people(self.env.cr, shuffled, str), NAMES_IN_ORDER)
        # Units are ordered by their whole name, Đ after D; a unit among people too.
        units = ["Đội xe", "Ban Tổ chức", "Đoàn thanh niên", "Dệt may"]
        self.assertEqual(
            vn_order.sort_people(self.env.cr, units, str, person=lambda name: False),
            ["Ban Tổ chức", "Dệt may", "Đoàn thanh niên", "Đội xe"],
        )
        rows = [("Đội xe", "Vũ Ông"), ("Đội xe", "Tổ xe tải"), ("Dệt may", "Hoàng Ơn")]
        rows += [("Dệt may", "Trần Thị An"), ("Đội xe", "Lê Đức")]
        ordered = vn_order.sort_people(
            self.env.cr,
            rows,
            name=lambda row: row[1],
            unit=lambda row: row[0],
            person=lambda row: not row[1].startswith("Tổ"),
        )
        self.assertEqual(
            [row[1] for row in ordered],
            ["Trần Thị An", "Hoàng Ơn", "Lê Đức", "Vũ Ông", "Tổ xe tải"],
        )
        self.assertEqual(vn_order.sort_people(self.env.cr, [], str), [])
        people = self.people.sorted("id")
        self.assertEqual(vn_order.sorted_records(people).mapped("name"), NAMES_IN_ORDER)

    def test_lists_ordered_by_employee(self):
        for model in ("thidua.rating", "thidua.nomination", "thidua.commendation", "thidua.pledge"):
            records = self.env[model].search(
                [("employee_id", "in", self.people.ids)], order="employee_id, id"
            )
            names = list(dict.fromkeys(record.employee_id.name for record in records))
            self.assertEqual(names, NAMES_IN_ORDER, model)
            backwards = self.env[model].search(
                [("employee_id", "in", self.people.ids)], order="employee_id desc"
            )
            names = list(dict.fromkeys(record.employee_id.name for record in backwards))
            self.assertEqual(names, NAMES_IN_ORDER[::-1], model)

    def test_list_sortable_by_employee_for_a_unit_manager(self):
        ratings = self.env["thidua.rating"].with_user(self.user_manager)
        self.assertTrue(ratings.fields_get(["employee_id"])["employee_id"]["sortable"])
        found = ratings.web_search_read(
            [("employee_id", "in", self.people.ids), ("year", "=", 2022)],
            {"employee_id": {"fields": {"display_name": {}}}},
            order="employee_id ASC",
        )
        names = [row["employee_id"]["display_name"] for row in found["records"]]
        self.assertEqual(names, NAMES_IN_ORDER)

    def test_commendations_ordered_by_name_on_the_decision(self):
        commendations = self.people_commendations.search(
            [("id", "in", self.people_commendations.ids)], order="nominee_name"
        )
        self.assertEqual(commendations.mapped("nominee_name"), NAMES_IN_ORDER)

    def test_grouped_lists_keep_odoo_order(self):
        groups = self.env["thidua.rating"]._read_group(
            [("employee_id", "in", self.people.ids)],
            ["employee_id"],
            ["__count"],
            order="employee_id",
        )
        self.assertEqual(len(groups), len(NAMES_IN_ORDER))

    def test_xlsx_award_list_in_vietnamese_order(self):
        rows = self._rows(self._render("decision_award_list", self.people_decision))
        names = [row[1] for row in rows if isinstance(row[0], int)]
        self.assertEqual(names, NAMES_IN_ORDER)
        rows = self._rows(self._render("commendation_award_list", self.people_commendations))
        self.assertEqual([row[1] for row in rows if isinstance(row[0], int)], NAMES_IN_ORDER)
        nominations = self.people_decision.nomination_ids
        rows = self._rows(self._render("nomination_list", nominations))
        self.assertEqual([row[1] for row in rows if isinstance(row[0], int)], NAMES_IN_ORDER)

    def test_pdf_decision_in_vietnamese_order(self):
        groups = self.people_decision._report_values()["groups"]
        self.assertEqual(len(groups), 1)
        self.assertEqual([line["name"] for line in groups[0][1]], NAMES_IN_ORDER)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("thidua_module.thidua_decision_report", self.people_decision.ids)[0]
            .decode()
        )
        positions = [html.index(name) for name in NAMES_IN_ORDER]
        self.assertEqual(positions, sorted(positions))

    def test_fallback_without_the_collation(self):
        dbname = self.env.cr.dbname
        with (
            patch.dict(vn_order._AVAILABLE, clear=True),
            patch.object(vn_order, "COLLATION", "xx-x-missing"),
            self.assertLogs(vn_order.__name__, "WARNING") as logs,
        ):
            self.assertFalse(vn_order.has_vi_collation(self.env.cr))
        self.assertIn("xx-x-missing", logs.output[0])
        with patch.dict(vn_order._AVAILABLE, {dbname: False}):
            sql = vn_order.person_order(self.env.cr, vn_order.SQL("name"))
            self.assertNotIn("COLLATE", sql.code)
            # Still by given name, then the rest, whatever the collation.
            ordered = vn_order.sort_people(self.env.cr, ["Trần Thị Bình", "Bùi Văn Cư"], str)
            self.assertEqual(ordered, ["Trần Thị Bình", "Bùi Văn Cư"])
        self.assertIn("COLLATE", vn_order.person_order(self.env.cr, vn_order.SQL("name")).code)
