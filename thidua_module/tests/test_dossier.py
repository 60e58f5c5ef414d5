import base64
import io
import json
import zipfile
from datetime import date

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import CommendationCase


@tagged("post_install", "-at_install")
class DossierCase(CommendationCase):
    """A district federation proposes the city federation's Bằng khen to it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        Authority = cls.env["thidua.authority"]
        cls.city = Authority.create(
            {"name": "LĐLĐ Thành phố", "level_id": ref("thidua_module.level_union_province").id}
        )
        cls.district = Authority.create(
            {
                "name": "LĐLĐ quận",
                "level_id": ref("thidua_module.level_union_upper_grassroots").id,
                "parent_id": cls.city.id,
            }
        )
        cls.env.company.thidua_authority_id = cls.district
        cls.award_bk = ref("thidua_module.award_bang_khen_ldld_tinh")
        cls.employee.write({"birthday": date(1990, 3, 2), "gender": "female"})
        cls.bk, cls.other_bk = (
            cls._approve(cls._nomination(employee, cls.award_bk))
            for employee in (cls.employee, cls.other_employee)
        )

    def _dossier(self, nominations=None, user=None, **values):
        Dossier = self.env["thidua.dossier"].with_user(user or self.user_officer)
        vals = {
            "name": "35/TTr-LĐLĐ",
            "date": date(2021, 12, 15),
            "authority_id": self.city.id,
            "signer_name": "Nguyễn Thị Thu Hà",
            "signer_title": "TM. BAN THƯỜNG VỤ - CHỦ TỊCH",
            "nomination_ids": [Command.set((nominations or (self.bk | self.other_bk)).ids)],
        }
        vals.update(values)
        return Dossier.create(vals)

    @staticmethod
    def _unzip(attachment):
        archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(attachment.datas)))
        return {name: archive.read(name) for name in archive.namelist()}


@tagged("post_install", "-at_install")
class TestDossier(DossierCase):
    # Preparing and sending

    def test_dossier_fills_a_report_for_each_nominee_from_the_records(self):
        dossier = self._dossier()
        self.assertEqual(dossier.report_ids.nomination_id, self.bk | self.other_bk)
        report = dossier.report_ids.filtered(lambda r: r.nomination_id == self.bk)
        self.assertIn("THÀNH TÍCH ĐẠT ĐƯỢC", report.content)
        self.assertIn("Năm 2021: Hoàn thành xuất sắc nhiệm vụ", report.content)
        self.assertIn("LĐLĐ Thành phố", dossier.body)

    def test_sent_dossier_carries_its_documents_and_data(self):
        dossier = self._dossier()
        dossier.with_user(self.user_officer).action_send()
        self.assertEqual(dossier.state, "sent")
        self.assertTrue(dossier.date_sent)
        files = self._unzip(dossier.archive_id)
        data = json.loads(files["dossier.json"])
        self.assertEqual(data["format"], "thidua.dossier")
        self.assertEqual(data["addressee"], "LĐLĐ Thành phố")
        self.assertEqual(data["sender"]["authority"], "LĐLĐ quận")
        self.assertEqual(
            {n["ref"] for n in data["nominations"]}, {str(self.bk.id), str(self.other_bk.id)}
        )
        # By unit in Vietnamese order: "Đơn vị B" before "Tổ A1" (Đ comes after D).
        self.assertEqual(data["nominations"][0]["ref"], str(self.other_bk.id))
        mine = next(n for n in data["nominations"] if n["ref"] == str(self.bk.id))
        self.assertEqual(mine["nominee"]["name"], "Nhân viên A1")
        self.assertEqual(mine["nominee"]["birthday"], "1990-03-02")
        self.assertEqual(mine["award_code"], "BK-LDLD")
        for name in (data["documents"]["cover_letter"], mine["report"]):
            self.assertIn(name, files)
        sheet = openpyxl.load_workbook(io.BytesIO(files["02-Danh-sach.xlsx"])).active
        names = {cell for row in sheet.iter_rows(values_only=True) for cell in row}
        self.assertIn("Nhân viên A1", names)
        self.assertEqual(self.bk.dossier_state, "sent")

    def test_cover_letter_prints_the_list_in_the_administrative_layout(self):
        dossier = self._dossier()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("thidua_module.report_dossier_cover", dossier.ids)[0]
            .decode()
        )
        for text in ("TỜ TRÌNH", "Kính gửi: LĐLĐ Thành phố", "Nhân viên A1", "Nhân viên B"):
            self.assertIn(text, html)

    def test_cover_letter_is_a_real_pdf(self):
        dossier = self._dossier()
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("thidua_module.report_dossier_cover", dossier.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_dossier_refused_for_an_award_the_council_grants_itself(self):
        giay_khen = self._approve(self._nomination(self.manager_employee, self.award_giay_khen))
        dossier = self._dossier(giay_khen)
        with self.assertRaisesRegex(UserError, "issue its decision here"):
            dossier.with_user(self.user_officer).action_send()
        self.assertEqual(dossier.state, "draft")

    def test_dossier_refused_without_the_organisation_own_authority(self):
        self.env.company.thidua_authority_id = False
        with self.assertRaisesRegex(UserError, "Set the authority"):
            self._dossier().with_user(self.user_officer).action_send()

    def test_dossier_refused_for_a_nomination_not_approved_by_the_council(self):
        submitted = self._nomination(self.manager_employee, self.award_bk)
        submitted.action_submit()
        with self.assertRaisesRegex(UserError, "not possible now"):
            self._dossier(submitted).with_user(self.user_officer).action_send()

    def test_a_nomination_goes_up_on_one_dossier_only(self):
        self._dossier(self.bk).with_user(self.user_officer).action_send()
        with self.assertRaisesRegex(UserError, "already proposed"):
            self._dossier(self.bk, name="36/TTr").with_user(self.user_officer).action_send()

    def test_employees_and_unit_managers_cannot_make_a_dossier(self):
        for user in (self.user_employee, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._dossier(user=user)

    def test_officer_of_another_company_cannot_send_it(self):
        dossier = self._dossier()
        with self.assertRaises(AccessError):
            dossier.with_user(self.user_other_company).action_send()

    def test_state_changes_only_through_the_workflow(self):
        dossier = self._dossier()
        with self.assertRaisesRegex(UserError, "workflow"):
            dossier.with_user(self.user_officer).write({"state": "decided"})
        with self.assertRaisesRegex(UserError, "workflow"):
            self._dossier(name="37/TTr", state="sent")
        with self.assertRaises(UserError):
            self.bk.with_user(self.user_officer).write({"dossier_ids": [Command.set(dossier.ids)]})

    def test_sent_dossier_stands_as_sent(self):
        dossier = self._dossier()
        dossier.with_user(self.user_officer).action_send()
        as_officer = dossier.with_user(self.user_officer)
        with self.assertRaisesRegex(UserError, "stands as it is"):
            as_officer.write({"nomination_ids": [Command.unlink(self.bk.id)]})
        with self.assertRaisesRegex(UserError, "stand as they are"):
            as_officer.report_ids[0].write({"content": "<p>Khác</p>"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            as_officer.unlink()
        with self.assertRaisesRegex(UserError, "stands as it is"):
            as_officer.write({"name": "99/TTr"})

    # The answer of the higher authority

    def test_returned_dossier_sends_its_nominations_back_to_the_council(self):
        dossier = self._dossier()
        as_officer = dossier.with_user(self.user_officer)
        as_officer.action_send()
        with self.assertRaisesRegex(UserError, "reason"):
            as_officer.action_return()
        as_officer.return_reason = "Thiếu biên bản họp Hội đồng"
        as_officer.action_return()
        self.assertEqual(dossier.state, "returned")
        self.assertEqual(set((self.bk | self.other_bk).mapped("state")), {"unit_approved"})

    def test_typed_decision_grants_some_and_refuses_the_others(self):
        dossier = self._dossier()
        dossier.with_user(self.user_officer).action_send()
        action = dossier.with_user(self.user_officer).action_record_decision()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_officer)
            .with_context(**action["context"])
        )
        wizard.name = "1250/QĐ-LĐLĐ"
        wizard.date = date(2022, 1, 10)
        with wizard.line_ids.edit(0) as line:
            self.assertEqual(line.nomination_id, self.bk)
            line.amount = 1150000
        with wizard.line_ids.edit(1) as line:
            line.granted = False
            line.reason = "Chưa đủ điều kiện"
        wizard.save().action_confirm()
        self.assertEqual(dossier.state, "decided")
        self.assertEqual(self.bk.state, "awarded")
        decision = self.bk.decision_id
        self.assertTrue(decision.is_external)
        self.assertEqual((decision.name, decision.authority_id), ("1250/QĐ-LĐLĐ", self.city))
        self.assertEqual(self.bk.commendation_id.amount, 1150000)
        self.assertEqual(self.other_bk.state, "refused")
        self.assertEqual(self.other_bk.refuse_reason, "Chưa đủ điều kiện")
        self.assertEqual(self.bk.dossier_state, "decided")

    def test_a_nomination_on_a_sent_dossier_is_decided_above(self):
        dossier = self._dossier()
        dossier.with_user(self.user_officer).action_send()
        self.bk.with_user(self.user_council).refuse_reason = "Đổi ý"
        with self.assertRaisesRegex(UserError, "sent to LĐLĐ Thành phố"):
            self.bk.with_user(self.user_council).action_refuse()
        with self.assertRaisesRegex(UserError, "sent to LĐLĐ Thành phố"):
            self._decision(self.bk)
        self.assertEqual(self.bk.state, "council_approved")

    def test_reports_of_a_sent_dossier_are_neither_added_nor_removed(self):
        dossier = self._dossier(self.bk)
        draft = self._dossier(self.other_bk, name="36/TTr")
        dossier.with_user(self.user_officer).action_send()
        Report = self.env["thidua.dossier.report"].with_user(self.user_officer)
        with self.assertRaisesRegex(UserError, "stand as they are"):
            Report.create({"dossier_id": dossier.id, "nomination_id": self.bk.id, "content": "x"})
        with self.assertRaisesRegex(UserError, "stand as they are"):
            dossier.report_ids[0].with_user(self.user_officer).unlink()
        with self.assertRaisesRegex(UserError, "stand as they are"):
            draft.report_ids[0].with_user(self.user_officer).write({"dossier_id": dossier.id})

    def test_a_report_belongs_with_its_nomination(self):
        dossier = self._dossier(self.bk)
        with self.assertRaises(ValidationError):
            self.env["thidua.dossier.report"].with_user(self.user_officer).create(
                {"dossier_id": dossier.id, "nomination_id": self.other_bk.id}
            )

    def test_results_name_each_nomination_of_the_dossier_once(self):
        dossier = self._dossier()
        dossier.with_user(self.user_officer).action_send()
        Wizard = self.env["thidua.dossier.decide"].with_user(self.user_officer)
        stranger = self._approve(self._nomination(self.manager_employee, self.award_bk))
        with self.assertRaisesRegex(ValidationError, "is not on the dossier"):
            Wizard.create(
                {
                    "dossier_id": dossier.id,
                    "line_ids": [Command.create({"nomination_id": stranger.id})],
                }
            )
        twice = Wizard.create(
            {
                "dossier_id": dossier.id,
                "name": "1/QĐ",
                "date": date(2022, 1, 10),
                "line_ids": [
                    Command.create({"nomination_id": self.bk.id, "amount": 100}),
                    Command.create({"nomination_id": self.bk.id, "granted": False}),
                ],
            }
        )
        with self.assertRaisesRegex(UserError, "for each nomination"):
            twice.action_confirm()
        self.assertEqual(self.bk.state, "council_approved")

    def test_decision_without_number_is_refused(self):
        dossier = self._dossier()
        dossier.with_user(self.user_officer).action_send()
        wizard = self.env["thidua.dossier.decide"].with_user(self.user_officer)
        wizard = wizard.with_context(default_dossier_id=dossier.id).create({})
        with self.assertRaisesRegex(UserError, "number and the date"):
            wizard.action_confirm()
        self.assertEqual(dossier.state, "sent")


@tagged("post_install", "-at_install")
class TestDossierRoundTrip(DossierCase):
    """The city federation runs the addon in a database of its own: here, another
    company stands for it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.city_company = cls.other_company
        cls.city_company.thidua_authority_id = cls.city
        cls.city_officer = cls.user_other_company
        cls.city_council = new_test_user(
            cls.env,
            "thidua_city_council",
            groups="thidua_module.group_thidua_council",
            company_id=cls.city_company.id,
            company_ids=[cls.city_company.id],
            name="Hội đồng thành phố",
        )
        cls.env["thidua.award.amount"].create(
            {
                "award_type_id": cls.award_bk.id,
                "date_from": date(2018, 1, 1),
                "coefficient": 1.0,
                "collective_multiplier": 2.0,
                "legal_basis": "Quyết định 999/QĐ-TLĐ (thử nghiệm)",
            }
        )
        # Met at the sender's, whose records rate its people; nobody is rated here.
        cls.env["thidua.award.condition"].create(
            {
                "award_type_id": cls.award_bk.id,
                "name": "Hai năm liền hoàn thành xuất sắc nhiệm vụ",
                "kind": "rating",
                "rating_level": "excellent",
                "count": 2,
            }
        )

    def _receive(self, archive, user=None):
        wizard = self.env["thidua.dossier.import"].with_user(user or self.city_officer)
        wizard = wizard.create({"file": archive, "filename": "dossier.zip"})
        action = wizard.action_import()
        return self.env["thidua.dossier"].browse(action["res_id"])

    def test_round_trip_between_the_two_levels(self):
        sent = self._dossier()
        sent.with_user(self.user_officer).action_send()

        received = self._receive(sent.archive_id.datas)
        self.assertEqual((received.direction, received.state), ("in", "received"))
        self.assertEqual(received.company_id, self.city_company)
        self.assertEqual(received.ref, sent.ref)
        nominations = received.nomination_ids
        self.assertEqual(len(nominations), 2)
        self.assertEqual(set(nominations.mapped("state")), {"unit_approved"})
        self.assertEqual(nominations.company_id, self.city_company)
        self.assertEqual(nominations.employee_id.company_id, self.city_company)
        mai = nominations.filtered(lambda n: n.external_ref == str(self.bk.id))
        self.assertEqual(mai.employee_id.name, "Nhân viên A1")
        self.assertEqual(mai.employee_id.birthday, date(1990, 3, 2))
        self.assertTrue(mai.report_file)
        self.assertIn("Attested by the dossier", mai.eligibility_html)

        as_council = nominations.with_user(self.city_council)
        as_council.action_council_approve()
        decision = (
            self.env["thidua.decision"]
            .with_user(self.city_officer)
            .create(
                {
                    "name": "1250/QĐ-LĐLĐ",
                    "date": date(2022, 1, 10),
                    "authority_id": self.city.id,
                    "company_id": self.city_company.id,
                    "nomination_ids": [Command.set(mai.ids)],
                }
            )
        )
        decision.with_user(self.city_council).action_issue()
        other = nominations - mai
        other.with_user(self.city_council).write({"refuse_reason": "Chưa đủ điều kiện"})
        other.with_user(self.city_council).action_refuse()
        action = received.with_user(self.city_officer).action_export_decision()
        self.assertEqual(received.state, "decided")
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        decision_file = self.env["ir.attachment"].browse(attachment_id).datas

        wizard = self.env["thidua.dossier.decide"].with_user(self.user_officer)
        wizard = wizard.with_context(default_dossier_id=sent.id).create({"file": decision_file})
        wizard.action_confirm()
        self.assertEqual(sent.state, "decided")
        self.assertEqual(self.bk.state, "awarded")
        self.assertEqual(self.bk.decision_id.name, "1250/QĐ-LĐLĐ")
        self.assertEqual(self.bk.decision_id.company_id, self.env.company)
        self.assertEqual(self.bk.commendation_id.amount, mai.commendation_id.amount)
        self.assertGreater(self.bk.commendation_id.amount, 0)
        self.assertEqual(self.other_bk.state, "refused")
        self.assertEqual(self.other_bk.refuse_reason, "Chưa đủ điều kiện")

    def _received(self):
        sent = self._dossier()
        sent.with_user(self.user_officer).action_send()
        return sent, self._receive(sent.archive_id.datas)

    def test_a_received_nomination_is_answered_not_withdrawn(self):
        _sent, received = self._received()
        nomination = received.nomination_ids[0].with_user(self.city_officer)
        with self.assertRaisesRegex(UserError, "was received from"):
            nomination.action_cancel()
        self.assertEqual(nomination.unit_approver_id, self.city_officer)

    def test_whoever_received_a_dossier_does_not_approve_it_at_the_council(self):
        self.city_officer.groups_id += self.env.ref("thidua_module.group_thidua_council")
        _sent, received = self._received()
        with self.assertRaisesRegex(UserError, "another member of the council"):
            received.nomination_ids.with_user(self.city_officer).action_council_approve()

    def test_a_received_nomination_can_go_up_again(self):
        _sent, received = self._received()
        nominations = received.nomination_ids
        nominations.with_user(self.city_council).action_council_approve()
        vgcl = self.env.ref("thidua_module.authority_vgcl")
        self.award_bk.level_id = self.env.ref("thidua_module.level_union_central")
        upward = (
            self.env["thidua.dossier"]
            .with_user(self.city_officer)
            .create(
                {
                    "name": "12/TTr-LĐLĐTP",
                    "authority_id": vgcl.id,
                    "company_id": self.city_company.id,
                    "nomination_ids": [Command.set(nominations.ids)],
                }
            )
        )
        upward.with_user(self.city_officer).action_send()
        self.assertEqual(upward.state, "sent")

    def test_a_decision_file_granting_another_award_is_refused(self):
        sent, received = self._received()
        content = json.dumps(
            {
                "format": "thidua.decision",
                "version": 1,
                "dossier_ref": sent.ref,
                "decisions": [{"number": "9/QĐ", "date": "2022-01-10"}],
                "results": [
                    {
                        "ref": str(self.bk.id),
                        "granted": True,
                        "decision": "9/QĐ",
                        "amount": 5,
                        "award_code": "GK",
                    },
                    {"ref": str(self.other_bk.id), "granted": False},
                ],
            }
        ).encode()
        wizard = self.env["thidua.dossier.decide"].with_user(self.user_officer)
        wizard = wizard.with_context(default_dossier_id=sent.id)
        wizard = wizard.create({"file": base64.b64encode(content)})
        with self.assertRaisesRegex(UserError, "grants GK"):
            wizard.action_confirm()
        self.assertEqual(self.bk.state, "council_approved")

    def test_an_archive_is_received_once(self):
        sent = self._dossier()
        sent.with_user(self.user_officer).action_send()
        self._receive(sent.archive_id.datas)
        with self.assertRaisesRegex(UserError, "already been received"):
            self._receive(sent.archive_id.datas)

    def test_an_archive_for_an_award_unknown_here_receives_nothing(self):
        sent = self._dossier()
        sent.with_user(self.user_officer).action_send()
        self.award_bk.code = "BK-KHAC"
        Nomination = self.env["thidua.nomination"]
        before = Nomination.search_count([])
        with self.assertRaisesRegex(UserError, "Nothing was received.*BK-LDLD"):
            self._receive(sent.archive_id.datas)
        self.assertEqual(Nomination.search_count([]), before)

    def test_a_file_that_is_no_archive_is_refused_clearly(self):
        with self.assertRaisesRegex(UserError, "not a dossier archive"):
            self._receive(base64.b64encode(b"not a zip"))

    def test_a_decision_file_of_another_dossier_is_refused(self):
        sent = self._dossier()
        sent.with_user(self.user_officer).action_send()
        content = json.dumps(
            {
                "format": "thidua.decision",
                "version": 1,
                "dossier_ref": "another",
                "decisions": [],
                "results": [{"ref": str(self.bk.id), "granted": False}],
            }
        ).encode()
        wizard = self.env["thidua.dossier.decide"].with_user(self.user_officer)
        wizard = wizard.with_context(default_dossier_id=sent.id)
        wizard = wizard.create({"file": base64.b64encode(content)})
        with self.assertRaisesRegex(UserError, "another dossier"):
            wizard.action_confirm()
        self.assertEqual(self.bk.state, "council_approved")

    def test_employees_cannot_receive_a_dossier(self):
        with self.assertRaises(AccessError):
            self._receive(base64.b64encode(b"x"), user=self.user_employee)


@tagged("post_install", "-at_install")
class TestSettings(CommendationCase):
    def test_reminder_days_are_set_in_the_settings(self):
        settings = self.env["res.config.settings"].create({"thidua_reminder_days": 12})
        settings.execute()
        self.assertEqual(self.env["thidua.reminder"]._reminder_days(), 12)
