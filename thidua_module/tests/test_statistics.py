import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestYearlyStatistics(CommendationCase):
    """The yearly statistics (forms 0601-0603.N/BNV-TĐKT) add up against the records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.bk_ttg = ref("thidua_module.award_bang_khen_thu_tuong")  # State, certificate
        cls.cstd_tq = ref("thidua_module.award_chien_si_thi_dua_toan_quoc")  # State, fighter
        cls.bk_tld = ref("thidua_module.award_bang_khen_tld")  # VGCL, certificate
        cls.ctd_tld = ref("thidua_module.award_co_thi_dua_tld")  # VGCL, flag
        cls.decision_holder = cls._decision(cls.env["thidua.nomination"], day=date(2025, 1, 1))
        cls.other_female = cls.env["hr.employee"].create(
            {"name": "Nữ B", "department_id": cls.other_unit.id, "gender": "female"}
        )
        day = date(2025, 3, 1)
        grant = cls._commend
        cls.records = (
            # Form 0602 (State level)
            grant(cls.bk_ttg, day, cls.employee, gender="female")
            | grant(cls.bk_ttg, day, cls.unit, kind="thematic")
            | grant(cls.cstd_tq, day, cls.manager_employee, gender="male")
            # Form 0603 (the VGCL, with the ministries and provinces)
            | grant(cls.bk_tld, date(2024, 12, 1), cls.employee, gender="female")
            | grant(cls.bk_tld, day, cls.manager_employee, gender="male", kind="adhoc")
            | grant(cls.bk_tld, day, cls.other_female, gender="female")
            | grant(cls.ctd_tld, date(2025, 11, 30), cls.other_unit)
            | grant(cls.award_cstd_tinh, day, cls.other_employee)
            # Lower levels
            | grant(cls.award_ldtt, day, cls.employee, gender="female")
            | grant(cls.award_giay_khen, day, cls.sub_unit)
        )
        # Outside the year 2025 (01/12/2024 - 30/11/2025), or revoked: not counted.
        grant(cls.bk_tld, date(2024, 11, 30), cls.employee, gender="female")
        grant(cls.bk_tld, date(2025, 12, 1), cls.employee, gender="female")
        revoked = grant(cls.bk_tld, day, cls.other_employee)
        revoked._thidua_workflow_write({"state": "revoked"})
        cls.env["thidua.movement"].create(
            cls._movement_values(
                name="Phong trào năm 2025",
                year=2025,
                date_start=date(2025, 1, 1),
                date_end=date(2025, 12, 31),
            )
        )

    @classmethod
    def _commend(cls, award, day, nominee, gender=False, kind="yearly"):
        is_unit = nominee._name == "hr.department"
        target = "collective" if is_unit else "individual"
        nomination = cls._nomination(
            award=award,
            year=day.year,
            target=target,
            employee_id=False if is_unit else nominee.id,
            department_id=nominee.id if is_unit else False,
        )
        return cls.env["thidua.commendation"].create(
            {
                "decision_id": cls.decision_holder.id,
                "nomination_id": nomination.id,
                "award_type_id": award.id,
                "award_kind": kind,
                "target": target,
                "employee_id": False if is_unit else nominee.id,
                "department_id": nominee.id if is_unit else False,
                "unit_id": nominee.id if is_unit else nominee.department_id.id,
                "date": day,
                "year": day.year,
                "gender": gender,
                "amount": 1000000,
                "company_id": cls.env.company.id,
            }
        )

    def _print(self, user=None, **values):
        wizard = (
            self.env["thidua.statistics.wizard"]
            .with_user(user or self.user_officer)
            .create(dict({"year": 2025}, **values))
        )
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "thidua_module.statistics_report")
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(user or self.user_officer)
            ._render_xlsx("thidua_module.statistics_report", wizard.ids, data=None)
        )
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content), data_only=True)

    def _table(self, sheet):
        """{code: [total, column values...]} of the rows with a code, and the headers."""
        rows = list(sheet.iter_rows(values_only=True))
        start = next(i for i, row in enumerate(rows) if row[:2] == ("A", "B"))
        table = {}
        for row in rows[start + 1 :]:
            if row[1]:
                table[row[1]] = [value or 0 for value in row[2:]]
        return rows[start - 1], table

    def _check_adds_up(self, table, total, parts):
        for column in range(len(table[total])):
            self.assertEqual(
                table[total][column], sum(table[part][column] for part in parts), (total, parts)
            )
        for code, values in table.items():
            self.assertEqual(values[0], sum(values[1:]), f"row {code}: total = sum of columns")

    def test_period_runs_from_december_to_november(self):
        wizard = self.env["thidua.statistics.wizard"].create({"year": 2025})
        self.assertEqual(
            (wizard.date_from, wizard.date_to), (date(2024, 12, 1), date(2025, 11, 30))
        )

    def test_header_names_the_form_and_the_circular(self):
        book = self._print()
        self.assertEqual(book.sheetnames[:3], ["0601.N", "0602.N", "0603.N"])
        sheet = book["0603.N"]
        header = " ".join(str(sheet.cell(row, 1).value or "") for row in range(1, 7))
        self.assertIn("0603.N/BNV-TĐKT", header)
        self.assertIn("02/2023/TT-BNV", header)
        self.assertIn("18/2025/TT-BNV", header)
        self.assertIn("01/12/2024 - 30/11/2025", header)

    def test_state_level_form_counts_the_state_awards(self):
        _headers, table = self._table(self._print()["0602.N"])
        # Columns: total, orders, government flag, PM certificate, national fighter, other
        self.assertEqual(table["1"], [3, 0, 0, 2, 1, 0])
        self.assertEqual(table["6"], [1, 0, 0, 1, 0, 0])  # collectives
        self.assertEqual(table["9"], [2, 0, 0, 1, 1, 0])  # individuals
        self.assertEqual(table["15"], [2, 0, 0, 1, 1, 0])  # yearly
        self.assertEqual(table["16"], [1, 0, 0, 1, 0, 0])  # thematic
        self._check_adds_up(table, "1", ["6", "8", "9"])
        self._check_adds_up(table, "1", ["15", "16", "17"])

    def test_ministry_level_form_counts_the_vgcl_awards(self):
        _headers, table = self._table(self._print()["0603.N"])
        # Columns: total, certificate, fighter, flag, badge, other
        self.assertEqual(table["01"], [5, 3, 1, 1, 0, 0])
        self.assertEqual(table["02"], [1, 0, 0, 1, 0, 0])
        self.assertEqual(table["05"], [4, 3, 1, 0, 0, 0])
        self.assertEqual(table["13"], [1, 1, 0, 0, 0, 0])  # ad hoc
        self._check_adds_up(table, "01", ["02", "04", "05"])
        self._check_adds_up(table, "01", ["11", "12", "13"])

    def test_women_are_counted_among_individuals(self):
        rows = list(self._print()["0603.N"].iter_rows(values_only=True))
        women = next(row for row in rows if row[0] and "women" in row[0])
        self.assertTrue(women[0].startswith("    "))
        self.assertEqual(women[2], 2)  # the two women's certificates of the VGCL

    def test_numbers_match_the_records(self):
        book = self._print()
        counted = 0
        for name in ("0602.N", "0603.N", book.sheetnames[3]):
            _headers, table = self._table(book[name])
            first = "1" if name == "0602.N" else "01"
            counted += table[first][0]
        self.assertEqual(counted, len(self.records))

    def test_unit_counts_its_sub_units_only(self):
        _headers, table = self._table(self._print(unit_id=self.unit.id)["0603.N"])
        self.assertEqual(table["01"][0], 2)  # the certificates of Nhân viên A1 and the manager

    def test_movements_by_level_and_duration(self):
        _headers, table = self._table(self._print()["0601.N"])
        self.assertEqual(table["01"][0], 1)
        self.assertEqual(table["07"], [1, 0, 0, 1])  # one year, launched by the unit itself
        self._check_adds_up(table, "01", ["06", "07", "08", "09", "10"])

    def test_employee_cannot_print_the_statistics(self):
        with self.assertRaises(AccessError):
            self.env["thidua.statistics.wizard"].with_user(self.user_employee).create(
                {"year": 2025}
            )
