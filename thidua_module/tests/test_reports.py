import base64
import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestXlsxReports(CommendationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.write(
            {"gender": "female", "birthday": date(1990, 9, 3), "job_title": "Công nhân may"}
        )
        cls.manager_employee.write({"gender": "male", "birthday": date(1978, 4, 12)})
        nominations = cls._approve(
            cls._nomination(achievements="<p>Năng suất 118%</p>")
            | cls._nomination(cls.manager_employee)
            | cls._nomination(cls.other_employee)
        )
        cls.decision = cls._decision(nominations, day=date(2025, 3, 1), place="Long Biên")
        cls.decision.action_issue()
        cls.Xlsx = cls.env["thidua.xlsx.report"]

    def _sheet(self, content):
        return openpyxl.load_workbook(io.BytesIO(content), data_only=True).active

    def _rows(self, content):
        return list(self._sheet(content).iter_rows(values_only=True))

    def test_award_list_of_a_decision_from_the_print_menu(self):
        action = self.Xlsx._award_list_action(self.decision)
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        sheet = self._sheet(base64.b64decode(attachment.datas))
        self.assertEqual(sheet.freeze_panes, "A6")
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "LĐLĐ THỬ NGHIỆM")
        self.assertIn(self.decision.name, rows[2][0])
        self.assertEqual(rows[4][:4], ("No.", "Full name", "Born (male)", "Born (female)"))

    def test_award_list_groups_by_unit_with_subtotals_that_add_up(self):
        rows = self._rows(
            self.Xlsx._award_list_content(self.decision.commendation_ids, "Danh sách")
        )
        body = rows[3:]
        units = [row[0] for row in body if isinstance(row[0], str)]
        self.assertEqual(units, ["Tổ A1", "Đơn vị A", "Đơn vị B"])
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
        rows = self._rows(self.Xlsx._award_list_content(self.decision.commendation_ids, "DS"))
        names = {row[1] for row in rows}
        self.assertIn("Nhân viên A1", names)
        self.assertNotIn("Đã đổi tên", names)

    def test_nomination_list_reads_the_employee_records(self):
        nominations = self.decision.nomination_ids
        rows = self._rows(self.Xlsx._award_list_content(nominations, "Danh sách đề nghị"))
        self.assertIn("Nhân viên A1", {row[1] for row in rows})

    def test_registration_summary_per_unit(self):
        self.movement.department_ids = [(6, 0, (self.unit | self.other_unit).ids)]
        self._pledge()
        rows = self._rows(self.Xlsx._registration_summary_content(self.movement))
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

    def test_phase_report_counts_pledges_nominations_and_amounts(self):
        self.movement.department_ids = [(6, 0, (self.unit | self.other_unit).ids)]
        self.decision.nomination_ids.write({"movement_id": self.movement.id})
        rows = self._rows(self.Xlsx._phase_report_content(self.movement))
        header = rows[3]
        unit_row = next(row for row in rows if row[2] == "Đơn vị A")
        self.assertEqual(unit_row[header.index("Nominations: Awarded")], 2)
        self.assertEqual(rows[-1][header.index("Nominations: Awarded")], 3)

    def test_constant_memory_file_is_a_real_workbook(self):
        content = self.Xlsx._award_list_content(self.decision.commendation_ids, "DS")
        self.assertTrue(content.startswith(b"PK"))
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["List"])


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
            "Khen thưởng 2 cá nhân",
            "Điều 2.",
            "1.420.000 đồng",
            "Nơi nhận:",
            "TM. BAN THƯỜNG VỤ - CHỦ TỊCH",
            "DANH SÁCH KHEN THƯỞNG",
            "Nhân viên A1",
        ):
            self.assertIn(text, html)

    def test_draft_decision_prints_its_nominations(self):
        nomination = self._approve(self._nomination(self.other_employee))
        draft = self._decision(nomination)
        self.assertIn("Nhân viên B", self._html("thidua_module.thidua_decision_report", draft))

    def test_certificates_one_per_page(self):
        html = self._html("thidua_module.thidua_certificate_report", self.decision.commendation_ids)
        self.assertEqual(html.count('class="thidua-certificate"'), 2)
        self.assertIn("Tặng", html)
        self.assertIn("Lao động tiên tiến", html)

    def test_registration_form_with_its_targets(self):
        pledge = self._pledge()
        html = self._html("thidua_module.thidua_pledge_report", pledge)
        for text in (
            "BẢN ĐĂNG KÝ THI ĐUA NĂM 2021",
            "Nhân viên A1",
            "Năng suất",
            "Lao động tiên tiến",
            "NGƯỜI ĐĂNG KÝ",
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
