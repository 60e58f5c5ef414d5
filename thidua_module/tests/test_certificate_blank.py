import base64
import io
import re
import shutil
import subprocess

from PIL import Image

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from .common import CommendationCase


def _png(color="red"):
    out = io.BytesIO()
    Image.new("RGB", (40, 28), color).save(out, "PNG")
    return base64.b64encode(out.getvalue())


@tagged("post_install", "-at_install")
class TestCertificateBlank(CommendationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["ir.actions.report"]
        cls.layout = (
            cls.env["thidua.certificate.layout"]
            .with_user(cls.user_council)
            .create(
                {
                    "name": "Phôi giấy khen 2024",
                    "paper_size": "A4",
                    "orientation": "landscape",
                    "blank_image": _png(),
                    "field_ids": [
                        Command.create(
                            {
                                "kind": "name",
                                "top_mm": 42,
                                "left_mm": 30,
                                "width_mm": 237,
                                "align": "center",
                                "font_size": 24,
                                "bold": True,
                                "uppercase": True,
                            }
                        ),
                        Command.create(
                            {"kind": "unit", "top_mm": 60.5, "left_mm": 70, "font_size": 16}
                        ),
                        Command.create(
                            {"kind": "award", "top_mm": 78, "left_mm": 70, "font_size": 18}
                        ),
                        Command.create({"kind": "decision_number", "top_mm": 150, "left_mm": 45}),
                        Command.create({"kind": "decision_day", "top_mm": 150, "left_mm": 200}),
                        Command.create({"kind": "decision_month", "top_mm": 150, "left_mm": 225}),
                        Command.create({"kind": "decision_year", "top_mm": 150, "left_mm": 250}),
                        Command.create(
                            {"kind": "signer_name", "top_mm": 185, "left_mm": 200, "bold": True}
                        ),
                    ],
                }
            )
        )
        cls.award_ldtt.certificate_layout_id = cls.layout
        nomination = cls._approve(cls._nomination())
        cls._decision(nomination, signer_name="Trần Thị Bình").action_issue()
        cls.commendation = nomination.commendation_id

    def _html(self, report, records):
        return self.Report._render_qweb_html(f"thidua_module.{report}", records.ids)[0].decode()

    def test_fields_at_their_places_in_mm(self):
        html = self._html("thidua_certificate_blank_report", self.commendation)
        name = self.commendation.nominee_name.upper()
        self.assertRegex(
            html,
            r'data-field="name" style="position: absolute; top: 42mm; left: 30mm; '
            r"font-size: 24pt; line-height: 1; white-space: nowrap; width: 237mm; "
            r'text-align: center; font-weight: bold;">' + re.escape(name) + "</div>",
        )
        self.assertIn("top: 60.5mm; left: 70mm; font-size: 16pt;", html)
        self.assertIn("top: 78mm; left: 70mm; font-size: 18pt;", html)
        decision = self.commendation.decision_id
        for kind, text in (
            ("unit", self.commendation.department_name),
            ("award", "Lao động tiên tiến"),
            ("decision_number", decision.name),
            ("decision_day", "%02d" % decision.date.day),
            ("decision_month", "%02d" % decision.date.month),
            ("decision_year", str(decision.date.year)),
            ("signer_name", "Trần Thị Bình"),
        ):
            self.assertRegex(html, rf'data-field="{kind}" style="[^"]*">{re.escape(text)}</div>')
        # The page is the layout's paper: A4 landscape.
        self.assertIn("width: 297mm;", html)
        # Only the fields are printed: no frame, no fixed wording of the full-page certificate.
        self.assertNotIn("GIẤY CHỨNG NHẬN", html)

    def test_scan_in_the_preview_only(self):
        printed = self._html("thidua_certificate_blank_report", self.commendation)
        self.assertNotIn('class="thidua-blank-scan"', printed)
        self.assertNotIn("<img", printed)
        self.assertNotIn("data:image/png;base64", printed)
        preview = self._html("thidua_certificate_blank_preview", self.commendation)
        self.assertIn('class="thidua-blank-scan"', preview)
        self.assertIn("data:image/png;base64,", preview)
        self.assertIn("top: 42mm; left: 30mm;", preview)
        # The layout's own preview, with sample values, for whoever sets it up.
        sample = self._html("thidua_certificate_layout_preview", self.layout)
        self.assertIn('class="thidua-blank-scan"', sample)
        self.assertIn("NGUYỄN VĂN AN", sample)
        action = self.layout.action_preview()
        self.assertEqual(action["report_type"], "qweb-html")

    def test_paper_of_the_layout(self):
        paper = self.layout.paperformat_id
        self.assertEqual((paper.format, paper.orientation), ("A4", "Landscape"))
        self.assertEqual(
            (paper.margin_top, paper.margin_bottom, paper.margin_left, paper.margin_right),
            (0, 0, 0, 0),
        )
        report = self.env.ref("thidua_module.thidua_certificate_blank_report")
        self.assertEqual(
            report.with_context(thidua_certificate_layout_id=self.layout.id).get_paperformat(),
            paper,
        )
        self.assertEqual(
            report.get_paperformat(), self.env.ref("thidua_module.paperformat_thidua_certificate")
        )
        self.layout.with_user(self.user_council).write(
            {"paper_size": "A3", "orientation": "portrait"}
        )
        self.assertEqual((paper.format, paper.orientation), ("A3", "Portrait"))
        self.assertEqual((self.layout.page_width, self.layout.page_height), (297, 420))

    def test_field_off_the_page_is_refused(self):
        with self.assertRaises(ValidationError):
            self.layout.field_ids[0].top_mm = 250
        # A landscape field at 250 mm from the left falls off a portrait page.
        with self.assertRaises(ValidationError):
            self.layout.orientation = "portrait"

    def test_commendation_without_layout_or_of_two_layouts(self):
        self.award_ldtt.certificate_layout_id = False
        with self.assertRaisesRegex(UserError, "no blank layout"):
            self._html("thidua_certificate_blank_report", self.commendation)
        self.award_ldtt.certificate_layout_id = self.layout
        other_layout = self.layout.copy({"name": "Phôi bằng khen"})
        self.award_giay_khen.certificate_layout_id = other_layout
        other = self._grant(self.other_employee, self.award_giay_khen)
        with self.assertRaisesRegex(UserError, "different blanks"):
            self._html("thidua_certificate_blank_report", self.commendation | other)
        self.assertEqual(len(other_layout.field_ids), len(self.layout.field_ids))
        self.assertNotEqual(other_layout.paperformat_id, self.layout.paperformat_id)

    def test_only_the_council_sets_up_blanks(self):
        layouts = self.env["thidua.certificate.layout"]
        self.assertTrue(layouts.with_user(self.user_employee).search([("id", "=", self.layout.id)]))
        with self.assertRaises(AccessError):
            layouts.with_user(self.user_officer).create({"name": "Phôi"})
        with self.assertRaises(AccessError):
            self.layout.with_user(self.user_officer).write({"paper_size": "A3"})

    def test_employee_previews_own_certificate(self):
        report = self.Report.with_user(self.user_employee)
        name = "thidua_module.thidua_certificate_blank_report"
        html = report._render_qweb_html(name, self.commendation.ids)[0].decode()
        self.assertIn("top: 42mm;", html)
        other = self._grant(self.other_employee)
        with self.assertRaises(AccessError):
            self.Report.with_user(self.user_employee)._render_qweb_html(
                "thidua_module.thidua_certificate_blank_report", other.ids
            )

    def test_pdf_on_the_layout_paper_when_wkhtmltopdf_is_installed(self):
        if self.Report.get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not installed: the HTML rendering is tested above")
        self.env["ir.config_parameter"].sudo().set_param("report.url", "file:///nonexistent")
        pdf, kind = self.Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            "thidua_module.thidua_certificate_blank_report", self.commendation.ids
        )
        self.assertEqual(kind, "pdf")
        from odoo.tools.pdf import PdfReader  # noqa: PLC0415

        reader = PdfReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.pages), 1)
        box = reader.pages[0].mediabox
        # A4 landscape: 297 × 210 mm, in points.
        self.assertAlmostEqual(float(box.width), 841.9, delta=2)
        self.assertAlmostEqual(float(box.height), 595.3, delta=2)
        self.assertNotIn(b"/Subtype /Image", pdf)
        self._check_places_in_pdf(pdf)

    def _check_places_in_pdf(self, pdf):
        """The unit printed 70 mm from the left edge, read back with pdftotext.

        Only a wkhtmltopdf built with its patched Qt (the build Odoo asks for)
        honours --disable-smart-shrinking; Debian's own build shrinks every page
        to 76.8 %, which no layout can make right.
        """
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"], capture_output=True, text=True, check=False
        ).stdout
        if "patched qt" not in version or not shutil.which("pdftotext"):
            self.skipTest("places in the PDF need wkhtmltopdf with patched Qt, and pdftotext")
        words = subprocess.run(
            ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        unit = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" [^>]*>Tổ</word>', words)
        self.assertAlmostEqual(float(unit.group(1)), 70 * 72 / 25.4, delta=3)

    def test_a_blank_makes_and_changes_its_own_paper_format_only(self):
        us_letter = self.env.ref("base.paperformat_us")
        with self.assertRaisesRegex(UserError, "follows its paper size"):
            self.layout.with_user(self.user_council).write({"paperformat_id": us_letter.id})
        self.layout.with_user(self.user_council).name = "Phôi mới"
        self.assertEqual(us_letter.name, "US Letter")
        self.assertIn("Phôi mới", self.layout.paperformat_id.name)

    def test_a_font_is_a_name_only(self):
        with self.assertRaises(ValidationError):
            self.layout.with_user(self.user_council).font_family = "x'; background: url(http://a)"

    def test_a_layout_given_in_the_context_must_exist(self):
        report = self.Report._get_report("thidua_module.thidua_certificate_blank_report")
        paper = report.with_context(thidua_certificate_layout_id=999999).get_paperformat()
        self.assertNotEqual(paper, self.layout.paperformat_id)
        paper = report.with_context(thidua_certificate_layout_id="1").get_paperformat()
        self.assertNotEqual(paper, self.layout.paperformat_id)
