import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged, warmup

from .common import CommendationCase

XLSX_REPORTS = {
    "thidua_module.thidua_decision_report_award_list_xlsx": "thidua.decision",
    "thidua_module.thidua_commendation_report_award_list_xlsx": "thidua.commendation",
    "thidua_module.thidua_nomination_report_list_xlsx": "thidua.nomination",
    "thidua_module.thidua_movement_report_registration_xlsx": "thidua.movement",
    "thidua_module.thidua_phase_report_registration_xlsx": "thidua.phase",
    "thidua_module.thidua_movement_report_year_end_xlsx": "thidua.movement",
    "thidua_module.thidua_phase_report_phase_xlsx": "thidua.phase",
}


class XlsxCase(CommendationCase):
    """A decision of three people, one of them outside the manager's units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.write(
            {"gender": "female", "birthday": date(1990, 9, 3), "job_title": "Công nhân may"}
        )
        cls.manager_employee.write({"gender": "male", "birthday": date(1978, 4, 12)})
        movement = {"movement_id": cls.movement.id}
        nominations = cls._approve(
            cls._nomination(achievements="<p>Năng suất 118%</p>", **movement)
            | cls._nomination(cls.manager_employee, **movement)
            | cls._nomination(cls.other_employee, **movement)
        )
        cls.decision = cls._decision(nominations, day=date(2025, 3, 1), place="Long Biên")
        cls.decision.action_issue()
        cls.own_commendations = cls.decision.commendation_ids.filtered(
            lambda c: c.unit_id in cls.unit | cls.sub_unit
        )

    def _render(self, report, records, user=None):
        """The XLSX document `report` (its name without the module) of `records`."""
        reports = self.env["ir.actions.report"]
        if user:
            reports = reports.with_user(user)
        content, kind = reports._render_xlsx(f"thidua_module.{report}", records.ids, data=None)
        self.assertEqual(kind, "xlsx")
        return content

    def _print_as(self, user, report, records):
        """As report_xlsx's HTTP controller does: the report found by its name, then rendered."""
        name = f"thidua_module.{report}"
        reports = self.env["ir.actions.report"].with_user(user)
        content, _kind = reports._get_report_from_name(name)._render_xlsx(
            name, records.ids, data={}
        )
        return content

    def _sheet(self, content):
        return openpyxl.load_workbook(io.BytesIO(content), data_only=True).active

    def _rows(self, content):
        return list(self._sheet(content).iter_rows(values_only=True))

    def _people(self, content):
        return {row[1] for row in self._rows(content) if isinstance(row[0], int)}

    def _units(self, content):
        """Unit column of a registration summary or phase report, without the total."""
        rows = self._rows(content)
        return [row[2] for row in rows[4:-1]]


@tagged("post_install", "-at_install")
class TestXlsxReports(XlsxCase):
    def test_every_document_is_an_xlsx_report_in_the_print_menu(self):
        manager_group = self.env.ref("thidua_module.group_thidua_unit_manager")
        for xml_id, model in XLSX_REPORTS.items():
            report = self.env.ref(xml_id)
            self.assertEqual(report._name, "ir.actions.report", xml_id)
            self.assertEqual(report.report_type, "xlsx", xml_id)
            self.assertEqual(report.binding_model_id.model, model, xml_id)
            self.assertEqual(report.groups_id, manager_group, xml_id)
            self.assertFalse(report.attachment, xml_id)
            bindings = self.env["ir.actions.actions"].with_user(self.user_manager)
            self.assertIn(report.id, [a["id"] for a in bindings.get_bindings(model)["report"]])

    def test_employee_has_no_xlsx_document_in_the_print_menu(self):
        bindings = self.env["ir.actions.actions"].with_user(self.user_employee)
        for xml_id, model in XLSX_REPORTS.items():
            printable = [a["id"] for a in bindings.get_bindings(model).get("report", [])]
            self.assertNotIn(self.env.ref(xml_id).id, printable, xml_id)

    def test_award_list_of_a_decision_from_the_print_menu(self):
        sheet = self._sheet(self._render("decision_award_list", self.decision))
        self.assertEqual(sheet.freeze_panes, "A6")
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "LĐLĐ THỬ NGHIỆM")
        self.assertIn(self.decision.name, rows[2][0])
        self.assertEqual(rows[4][:4], ("No.", "Full name", "Born (male)", "Born (female)"))

    def test_documents_are_streamed_not_stored(self):
        attachments = self.env["ir.attachment"].search_count([])
        self._render("decision_award_list", self.decision)
        self._render("commendation_award_list", self.decision.commendation_ids)
        self._render("movement_registration_summary", self.movement)
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)

    def test_each_decision_printed_has_its_sheet(self):
        other = self._decision(self._approve(self._nomination(year=2022)))
        content = self._render("decision_award_list", self.decision | other)
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(len(workbook.sheetnames), 2)

    def test_draft_decision_lists_its_nominations(self):
        draft = self._decision(self._approve(self._nomination(self.other_employee, year=2022)))
        self.assertEqual(self._people(self._render("decision_award_list", draft)), {"Nhân viên B"})

    def test_award_list_groups_by_unit_with_subtotals_that_add_up(self):
        rows = self._rows(self._render("commendation_award_list", self.decision.commendation_ids))
        body = rows[3:]
        units = [row[0] for row in body if isinstance(row[0], str)]
        # Vietnamese order of the units: Đ after D, before T.
        self.assertEqual(units, ["Đơn vị A", "Đơn vị B", "Tổ A1"])
        people = [row for row in body if isinstance(row[0], int)]
        self.assertEqual([row[0] for row in people], [1, 2, 3])
        mai = next(row for row in people if row[1] == "Nhân viên A1")
        self.assertIsNone(mai[2])
        self.assertEqual(mai[3].date(), date(1990, 9, 3))  # female column
        self.assertEqual(mai[4], "Công nhân may")
        self.assertEqual(mai[6], "Lao động tiên tiến")
        self.assertEqual(mai[7], "Năng suất 118%")
        self.assertEqual(mai[8], 710000)
        manager = next(row for row in people if row[1] == "Trưởng đơn vị A")
        self.assertEqual(manager[2].date(), date(1978, 4, 12))  # male column
        subtotals = [row[8] for row in body if row[1] and str(row[1]).startswith("Subtotal")]
        total = body[-1][8]
        self.assertEqual(len(subtotals), 3)
        self.assertEqual(sum(subtotals), total)
        self.assertEqual(total, sum(self.decision.commendation_ids.mapped("amount")))

    def test_award_list_reads_the_decision_snapshot(self):
        self.employee.name = "Đã đổi tên"
        names = self._people(
            self._render("commendation_award_list", self.decision.commendation_ids)
        )
        self.assertIn("Nhân viên A1", names)
        self.assertNotIn("Đã đổi tên", names)

    def test_nomination_list_reads_the_employee_records(self):
        rows = self._rows(self._render("nomination_list", self.decision.nomination_ids))
        self.assertEqual(rows[0][0], "NOMINATION LIST")
        self.assertIn("Nhân viên A1", {row[1] for row in rows})

    def test_registration_summary_per_unit(self):
        self._pledge()
        rows = self._rows(self._render("movement_registration_summary", self.movement))
        header = rows[3]
        self.assertEqual(
            header[:6], ("No.", "Block", "Unit", "Employees", "Registered", "Rate (%)")
        )
        self.assertIn("Lao động tiên tiến", header)
        unit_row = next(row for row in rows if row[2] == "Đơn vị A")
        self.assertEqual(unit_row[3:6], (2, 1, 50))
        self.assertEqual(unit_row[header.index("Lao động tiên tiến")], 1)
        total = rows[-1]
        self.assertEqual(total[3:6], (3, 1, 33.3))

    def test_registration_summary_of_a_phase(self):
        self._pledge()
        rows = self._rows(self._render("phase_registration_summary", self.phase_2))
        self.assertEqual(rows[1][0], self.phase_2.display_name)
        self.assertEqual(rows[-1][3:6], (3, 0, 0))

    def test_phase_report_counts_pledges_nominations_and_amounts(self):
        rows = self._rows(self._render("movement_report", self.movement))
        header = rows[3]
        unit_row = next(row for row in rows if row[2] == "Đơn vị A")
        self.assertEqual(unit_row[header.index("Nominations: Awarded")], 2)
        self.assertEqual(rows[-1][header.index("Nominations: Awarded")], 3)

    def test_phase_report_of_a_phase(self):
        self._pledge()
        rows = self._rows(self._render("phase_report", self.phase_1))
        header = rows[3]
        unit_row = next(row for row in rows if row[2] == "Đơn vị A")
        self.assertEqual(unit_row[header.index("Pledges")], 1)

    @warmup
    def test_nomination_list_queries_do_not_grow_with_rows(self):
        for size in (2, 30):
            employees = self.env["hr.employee"].create(
                [
                    {"name": f"NV {size}-{i}", "department_id": self.sub_unit.id, "gender": "male"}
                    for i in range(size)
                ]
            )
            nominations = self.env["thidua.nomination"].create(
                [
                    {
                        "year": 2021,
                        "award_type_id": self.award_ldtt.id,
                        "target": "individual",
                        "employee_id": employee.id,
                    }
                    for employee in employees
                ]
            )
            self.env.invalidate_all()
            # Budget measured for both sizes: the report action, the units the manager may
            # print for, then the nominations, their people, units and titles each read once
            # for all rows, and their Vietnamese order in one query. A query per row would
            # exceed it at 30.
            with self.assertQueryCount(10):
                content = self._render("nomination_list", nominations, self.user_manager)
            self.assertEqual(len(self._people(content)), size)

    def test_constant_memory_file_is_a_real_workbook(self):
        self.assertEqual(
            self.env["report.thidua_module.commendation_award_list"].get_workbook_options(),
            {"constant_memory": True},
        )
        content = self._render("commendation_award_list", self.decision.commendation_ids)
        self.assertTrue(content.startswith(b"PK"))
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["List"])


@tagged("post_install", "-at_install")
class TestXlsxFormulaInjection(XlsxCase):
    FORMULA = '=HYPERLINK("http://x","y")'

    def _cells(self, content):
        """Every non-empty cell, as written (formulas not evaluated)."""
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value}

    def assertText(self, cells, text):
        self.assertIn(text, cells)
        self.assertEqual(cells[text].data_type, "s", f"{text} is not written as a text")

    def test_names_in_an_award_list_stay_text(self):
        unit = self.env["hr.department"].create({"name": self.FORMULA})
        person = self.env["hr.employee"].create({"name": "=1+1", "department_id": unit.id})
        self._rate(person)
        authority = self.env["thidua.authority"].create({"name": self.FORMULA})
        decision = self._decision(
            self._approve(self._nomination(person)), authority_id=authority.id
        )
        decision.action_issue()
        cells = self._cells(self._render("decision_award_list", decision))
        self.assertText(cells, self.FORMULA.upper())  # title line
        self.assertText(cells, self.FORMULA)  # unit
        self.assertText(cells, "=1+1")  # name
        self.assertEqual(
            self._sheet(self._render("decision_award_list", decision))["A1"].value,
            self.FORMULA.upper(),
        )

    def test_names_in_a_registration_summary_stay_text(self):
        self.movement.name = "=1+1"
        self.other_unit.name = self.FORMULA
        cells = self._cells(self._render("movement_registration_summary", self.movement))
        self.assertText(cells, "=1+1")  # subtitle line
        self.assertText(cells, self.FORMULA)  # unit


@tagged("post_install", "-at_install")
class TestXlsxReportAccess(XlsxCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_sub_manager = new_test_user(
            cls.env,
            "thidua_sub_manager",
            groups="thidua_module.group_thidua_unit_manager",
            name="Tổ trưởng A1",
        )
        cls.sub_unit.manager_id = cls.env["hr.employee"].create(
            {
                "name": "Tổ trưởng A1",
                "department_id": cls.sub_unit.id,
                "user_id": cls.user_sub_manager.id,
            }
        )
        cls._pledge()
        cls._pledge(cls.other_employee)

    # Award lists

    def test_manager_cannot_print_a_decision_listing_other_units(self):
        with self.assertRaisesRegex(AccessError, "outside the units you manage"):
            self._render("decision_award_list", self.decision, self.user_manager)

    def test_manager_prints_a_decision_of_his_units(self):
        decision = self._decision(self._approve(self._nomination(year=2022)))
        decision.action_issue()
        content = self._render("decision_award_list", decision, self.user_manager)
        self.assertEqual(self._people(content), {"Nhân viên A1"})

    def test_manager_prints_the_draft_decision_of_his_units(self):
        draft = self._decision(self._approve(self._nomination(year=2022)))
        content = self._render("decision_award_list", draft, self.user_manager)
        self.assertEqual(self._people(content), {"Nhân viên A1"})

    def test_officer_and_council_print_any_decision(self):
        for user in (self.user_officer, self.user_council):
            content = self._render("decision_award_list", self.decision, user)
            self.assertEqual(len(self._people(content)), 3, user.login)

    def test_manager_prints_the_commendations_of_his_units(self):
        content = self._render("commendation_award_list", self.own_commendations, self.user_manager)
        self.assertEqual(self._people(content), {"Nhân viên A1", "Trưởng đơn vị A"})

    def test_manager_cannot_print_commendations_of_another_unit(self):
        with self.assertRaises(AccessError):
            self._render(
                "commendation_award_list", self.decision.commendation_ids, self.user_manager
            )

    def test_officer_and_council_print_any_commendations(self):
        for user in (self.user_officer, self.user_council):
            content = self._render("commendation_award_list", self.decision.commendation_ids, user)
            self.assertEqual(len(self._people(content)), 3, user.login)

    def test_manager_prints_the_nominations_of_his_units_with_birth_dates(self):
        nominations = self.decision.nomination_ids.filtered(lambda n: n.unit_id != self.other_unit)
        rows = self._rows(self._render("nomination_list", nominations, self.user_manager))
        mai = next(row for row in rows if row[1] == "Nhân viên A1")
        self.assertEqual(mai[3].date(), date(1990, 9, 3))
        self.assertEqual(
            self._people(self._render("nomination_list", nominations)),
            {
                "Nhân viên A1",
                "Trưởng đơn vị A",
            },
        )

    def test_manager_cannot_print_nominations_of_another_unit(self):
        with self.assertRaises(AccessError):
            self._render("nomination_list", self.decision.nomination_ids, self.user_manager)

    def test_officer_and_council_print_any_nominations(self):
        for user in (self.user_officer, self.user_council):
            content = self._render("nomination_list", self.decision.nomination_ids, user)
            self.assertEqual(len(self._people(content)), 3, user.login)

    def test_employee_cannot_print_a_decision_through_the_controller(self):
        with self.assertRaises(AccessError):
            self._print_as(self.user_employee, "decision_award_list", self.decision)

    def test_employee_prints_only_what_she_may_read_through_the_controller(self):
        own = self.decision.commendation_ids.filtered(lambda c: c.employee_id == self.employee)
        content = self._print_as(self.user_employee, "commendation_award_list", own)
        self.assertEqual(self._people(content), {"Nhân viên A1"})
        for report, records in (
            ("commendation_award_list", self.decision.commendation_ids),
            ("nomination_list", self.decision.nomination_ids),
        ):
            with self.assertRaises(AccessError):
                self._print_as(self.user_employee, report, records)

    # Registration summary and phase report

    def test_manager_registration_summary_lists_his_units_only(self):
        content = self._render("movement_registration_summary", self.movement, self.user_manager)
        self.assertEqual(self._units(content), ["Đơn vị A"])
        self.assertEqual(self._rows(content)[-1][3:6], (3, 1, 33.3))

    def test_sub_unit_manager_gets_a_row_for_his_sub_unit(self):
        content = self._render("phase_registration_summary", self.phase_1, self.user_sub_manager)
        self.assertEqual(self._units(content), ["Tổ A1"])
        self.assertEqual(self._rows(content)[-1][3:6], (2, 1, 50))

    def test_officer_and_council_registration_summary_lists_every_unit(self):
        for user in (self.user_officer, self.user_council):
            content = self._render("movement_registration_summary", self.movement, user)
            self.assertCountEqual(self._units(content), ["Đơn vị A", "Đơn vị B"], user.login)
            self.assertEqual(self._rows(content)[-1][3:5], (4, 2), user.login)

    def test_manager_phase_report_lists_his_units_only(self):
        for report, record in (("phase_report", self.phase_1), ("movement_report", self.movement)):
            content = self._render(report, record, self.user_manager)
            self.assertEqual(self._units(content), ["Đơn vị A"], report)
            header = self._rows(content)[3]
            self.assertEqual(self._rows(content)[-1][header.index("Pledges")], 1, report)

    def test_officer_and_council_phase_report_lists_every_unit(self):
        for user in (self.user_officer, self.user_council):
            for report, record in (
                ("phase_report", self.phase_1),
                ("movement_report", self.movement),
            ):
                content = self._render(report, record, user)
                self.assertCountEqual(self._units(content), ["Đơn vị A", "Đơn vị B"], report)
                header = self._rows(content)[3]
                self.assertEqual(self._rows(content)[-1][header.index("Pledges")], 2, report)

    def test_employee_without_unit_is_refused_the_figures(self):
        for report, record in (
            ("movement_registration_summary", self.movement),
            ("phase_registration_summary", self.phase_1),
            ("movement_report", self.movement),
            ("phase_report", self.phase_1),
        ):
            with self.assertRaisesRegex(AccessError, "You manage none of the units"):
                self._print_as(self.user_employee, report, record)

    def test_manager_of_no_participating_unit_is_refused_the_figures(self):
        self.movement.department_ids = self.other_unit
        with self.assertRaisesRegex(AccessError, "You manage none of the units"):
            self._render("movement_registration_summary", self.movement, self.user_manager)


@tagged("post_install", "-at_install")
class TestPdfReports(CommendationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        nominations = cls._approve(cls._nomination() | cls._nomination(cls.manager_employee))
        cls.decision = cls._decision(
            nominations,
            day=date(2025, 3, 1),
            place="Long Biên",
            signer_name="Nguyễn Thị Thu Hà",
            signer_title="TM. BAN THƯỜNG VỤ - CHỦ TỊCH",
            legal_basis="Căn cứ Luật Thi đua, khen thưởng;\nCăn cứ Quy chế khen thưởng.",
            recipients="Như Điều 3;\nLưu VP.",
            fund="Quỹ khen thưởng",
        )
        cls.decision.action_issue()
        cls.Report = cls.env["ir.actions.report"]

    def _html(self, report, records):
        html, _ = self.Report._render_qweb_html(report, records.ids)
        return html.decode()

    def test_decision_in_the_administrative_layout(self):
        html = self._html("thidua_module.thidua_decision_report", self.decision)
        for text in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            f"Số: {self.decision.name}",
            "Long Biên, ngày 01 tháng 03 năm 2025",
            "QUYẾT ĐỊNH:",
            "Căn cứ Luật Thi đua, khen thưởng;",
            "Điều 1.",
            "Khen thưởng 2 cá nhân đã",
            "Về việc khen thưởng các cá nhân",
            f"(Kèm theo Quyết định số {self.decision.name} ngày 01/03/2025",
            "Điều 2.",
            "1.420.000 đồng",
            "Nơi nhận:",
            "TM. BAN THƯỜNG VỤ - CHỦ TỊCH",
            "DANH SÁCH KHEN THƯỞNG",
            "Nhân viên A1",
        ):
            self.assertIn(text, html)

    def test_decision_pdf_is_refused_to_whoever_may_not_read_its_whole_list(self):
        report = self.Report.with_user(self.user_employee)
        with self.assertRaisesRegex(AccessError, "outside the units you manage"):
            report._render_qweb_html("thidua_module.thidua_decision_report", self.decision.ids)
        html, _ = self.Report.with_user(self.user_manager)._render_qweb_html(
            "thidua_module.thidua_decision_report", self.decision.ids
        )
        self.assertIn("Nhân viên A1", html.decode())

    def test_draft_decision_prints_its_nominations(self):
        nomination = self._approve(self._nomination(self.other_employee))
        draft = self._decision(nomination)
        self.assertIn("Nhân viên B", self._html("thidua_module.thidua_decision_report", draft))

    def test_certificates_one_per_page(self):
        html = self._html("thidua_module.thidua_certificate_report", self.decision.commendation_ids)
        self.assertEqual(html.count('class="thidua-certificate"'), 2)
        for text in (
            "Tặng",
            "Lao động tiên tiến",
            "GIẤY CHỨNG NHẬN",
            "Long Biên, ngày 01 tháng 03 năm 2025",
            f"Quyết định số {self.decision.name} ngày 01/03/2025",
        ):
            self.assertIn(text, html)

    def test_registration_form_with_its_targets(self):
        pledge = self._pledge()
        html = self._html("thidua_module.thidua_pledge_report", pledge)
        for text in (
            "BẢN ĐĂNG KÝ THI ĐUA NĂM 2021",
            "Nhân viên A1",
            "Năng suất",
            "Lao động tiên tiến",
            "NGƯỜI ĐĂNG KÝ",
            "Ngày 15 tháng 01 năm 2021",
            "Đạt hoặc vượt chỉ tiêu",
            "Không vượt quá chỉ tiêu",
        ):
            self.assertIn(text, html)

    def test_pdf_through_wkhtmltopdf_when_installed(self):
        if self.Report.get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not installed: the HTML rendering is tested above")
        # No web server runs during the tests: the documents carry their own
        # styles, so the asset links may point nowhere.
        self.env["ir.config_parameter"].sudo().set_param("report.url", "file:///nonexistent")
        report = self.Report.with_context(force_report_rendering=True)
        for name, records in (
            ("thidua_module.thidua_decision_report", self.decision),
            ("thidua_module.thidua_certificate_report", self.decision.commendation_ids),
            ("thidua_module.thidua_pledge_report", self._pledge()),
        ):
            pdf, kind = report._render_qweb_pdf(name, records.ids)
            self.assertEqual(kind, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"), name)
