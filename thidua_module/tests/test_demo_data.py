from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo plan is the 2021 Long Biên plan; skipped without demo data."""

    def setUp(self):
        super().setUp()
        self.movement = self.env.ref(
            "thidua_module.movement_long_bien_2021_demo", raise_if_not_found=False
        )
        if not self.movement:
            self.skipTest("installed without demo data")

    def test_plan_and_its_parent(self):
        self.assertEqual(
            self.movement.name,
            "Phát động phong trào thi đua trong CNVCLĐ quận Long Biên năm 2021",
        )
        self.assertEqual(self.movement.state, "running")
        parent = self.movement.parent_id
        self.assertEqual(parent.code, "63/KH-LĐLĐ")
        self.assertEqual(str(parent.date_issue), "2020-12-31")
        self.assertEqual(parent.authority_id.name, "Liên đoàn Lao động Thành phố Hà Nội")

    def test_themes_of_the_year(self):
        for theme in (
            "Nâng cao chất lượng đội ngũ cán bộ công đoàn cơ sở",
            "Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển",
            "Năm dân vận khéo, trọng tâm công tác giải phóng mặt bằng",
            "Tổ chức Công đoàn phục vụ đoàn viên",
        ):
            self.assertIn(theme, self.movement.themes)

    def test_blocks_and_programmes_of_section_two(self):
        self.assertEqual(self.movement.block_ids.mapped("code"), ["DN", "HCSN", "TH"])
        names = set(self.movement.programme_ids.mapped("name"))
        for name in (
            "Lao động giỏi, Lao động sáng tạo",
            "Hai tốt",
            "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        ):
            self.assertIn(name, names)

    def test_two_phases_with_dates_and_themes(self):
        phase_1, phase_2 = self.movement.phase_ids.sorted("sequence")
        self.assertEqual(
            (str(phase_1.date_start), str(phase_1.date_end)), ("2021-01-01", "2021-06-30")
        )
        self.assertEqual(
            (str(phase_2.date_start), str(phase_2.date_end)), ("2021-07-01", "2021-12-31")
        )
        self.assertIn("Mừng sinh nhật Bác", phase_1.theme)
        self.assertIn("lao động sáng tạo", phase_2.theme)

    def test_milestones_read_as_in_the_plan(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        labels = self.movement.with_context(lang="vi_VN").milestone_ids.mapped("label")
        for label in (
            "kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2021)",
            "kỷ niệm 46 năm Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước "
            "(30/04/1975 - 30/04/2021)",
            "kỷ niệm 131 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/05/1890 - 19/05/2021)",
            "kỷ niệm 92 năm Ngày thành lập Công đoàn Việt Nam (28/07/1929 - 28/07/2021)",
            "kỷ niệm 76 năm Cách mạng tháng Tám và Quốc khánh nước CHXHCN Việt Nam "
            "(02/09/1945 - 02/09/2021)",
            "kỷ niệm 67 năm ngày giải phóng Thủ đô (10/10/1954 - 10/10/2021)",
            "chào mừng Đại hội Đại biểu lần thứ XIII của Đảng",
        ):
            self.assertIn(label, labels)
        self.assertEqual(len(labels), 10)

    def test_units_in_their_blocks_with_employees(self):
        units = self.movement.department_ids
        self.assertEqual(len(units), 13)
        self.assertEqual(set(units.mapped("block_id.code")), {"DN", "HCSN", "TH"})
        for unit in units:
            self.assertTrue(unit.manager_id, unit.name)


@tagged("post_install", "-at_install")
class TestDemoUsers(TransactionCase):
    """The demo ships one user per role; each sees the plan as that role does."""

    def setUp(self):
        super().setUp()
        self.employee_user = self.env.ref(
            "thidua_module.user_employee_demo", raise_if_not_found=False
        )
        if not self.employee_user:
            self.skipTest("installed without demo data")
        self.manager_user = self.env.ref("thidua_module.user_unit_manager_demo")
        self.council_user = self.env.ref("thidua_module.user_council_demo")
        self.enterprise = self.env.ref("thidua_module.department_enterprise_demo")

    def test_each_user_has_its_role(self):
        self.assertTrue(self.employee_user.has_group("thidua_module.group_thidua_user"))
        self.assertFalse(self.employee_user.has_group("thidua_module.group_thidua_unit_manager"))
        self.assertTrue(self.manager_user.has_group("thidua_module.group_thidua_unit_manager"))
        self.assertFalse(self.manager_user.has_group("thidua_module.group_thidua_officer"))
        self.assertTrue(self.council_user.has_group("thidua_module.group_thidua_council"))

    def test_employee_sees_only_her_own_pledges_and_commendations(self):
        own = self.env.ref("thidua_module.employee_enterprise_2_demo")
        pledges = self.env["thidua.pledge"].with_user(self.employee_user).search([])
        self.assertTrue(pledges)
        self.assertEqual(pledges.employee_id, own)
        commendations = self.env["thidua.commendation"].with_user(self.employee_user).search([])
        self.assertTrue(commendations)
        self.assertEqual(commendations.employee_id, own)

    def test_unit_manager_sees_the_pledges_of_his_units_only(self):
        pledges = self.env["thidua.pledge"].with_user(self.manager_user).search([])
        self.assertTrue(pledges)
        units = self.env["hr.department"].search([("id", "child_of", self.enterprise.id)])
        for pledge in pledges:
            self.assertIn(pledge.employee_id.department_id | pledge.department_id, units)
        all_pledges = self.env["thidua.pledge"].search(
            [("movement_id", "=", pledges.movement_id.id)]
        )
        self.assertLess(len(pledges), len(all_pledges))

    def test_decision_of_the_city_federation_recorded_with_its_list(self):
        decision = self.env.ref("thidua_module.decision_external_2020_demo")
        self.assertTrue(decision.is_external)
        self.assertEqual(decision.state, "issued")
        commendation = decision.commendation_ids
        self.assertEqual(commendation.nominee_name, "Nguyễn Văn Hùng")
        self.assertEqual(commendation.award_type_id.code, "BK-LDLD")
        self.assertTrue(commendation.is_external)

    def test_council_meeting_held_by_the_council_member(self):
        meeting = self.env.ref("thidua_module.council_meeting_2021_demo")
        self.assertEqual(
            (meeting.state, meeting.present_count, meeting.member_count), ("draft", 7, 9)
        )
        council = self.env.ref("thidua_module.user_council_demo")
        meeting.with_user(council).action_hold()
        self.assertEqual(meeting.state, "held")
        self.assertEqual(set(meeting.line_ids.nomination_id.mapped("state")), {"council_approved"})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("thidua_module.report_council_meeting", meeting.ids)[0]
            .decode()
        )
        self.assertIn("BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", html)
        self.assertIn("Thông qua", html)

    def test_dossier_to_the_city_federation_sent_then_decided(self):
        dossier = self.env.ref("thidua_module.dossier_city_2021_demo")
        self.assertEqual(dossier.authority_id.name, "Liên đoàn Lao động Thành phố Hà Nội")
        self.assertEqual(len(dossier.report_ids), 2)
        officer = self.env.ref("base.user_admin")
        dossier.with_user(officer).action_send()
        self.assertEqual(dossier.archive_id.mimetype, "application/zip")
        action = dossier.with_user(officer).action_record_decision()
        wizard = Form(
            self.env[action["res_model"]].with_user(officer).with_context(**action["context"])
        )
        wizard.name = "85/QĐ-LĐLĐ"
        wizard.date = date(2022, 1, 12)
        wizard.save().action_confirm()
        self.assertEqual(dossier.state, "decided")
        self.assertEqual(set(dossier.nomination_ids.mapped("state")), {"awarded"})
        self.assertTrue(dossier.decision_ids.is_external)

    def test_reminders_for_the_units_behind_their_registration(self):
        phase = self.env.ref("thidua_module.phase_long_bien_2021_2_demo")
        Reminder = self.env["thidua.reminder"]
        with freeze_time("2021-07-28"):
            self.env["thidua.phase"]._cron_send_reminders()
        reminders = Reminder.search([("phase_id", "=", phase.id)])
        self.assertTrue(reminders)
        self.assertTrue(reminders.filtered("department_id"))

    def test_a_district_worth_looking_at(self):
        """About 150 people with Vietnamese names, both genders, registered at
        different rates per unit, rated and commended over three years."""
        movement = self.env.ref("thidua_module.movement_long_bien_2021_demo")
        employees = self.env["hr.employee"].search(
            [("department_id", "child_of", movement.department_ids.ids)]
        )
        self.assertGreaterEqual(len(employees), 140)
        self.assertEqual(set(employees.mapped("gender")), {"male", "female"})
        rates = {unit.name: unit.thidua_registration_rate for unit in movement.department_ids}
        self.assertGreater(len(set(rates.values())), 4)
        Commendation = self.env["thidua.commendation"]
        for year in (2018, 2019, 2020):
            self.assertTrue(Commendation.search_count([("year", "=", year)]), year)

    def test_hoa_sees_her_own_record_on_her_profile(self):
        me = self.employee_user.with_user(self.employee_user)
        own = self.env.ref("thidua_module.employee_enterprise_2_demo")
        self.assertEqual(me.employee_id, own)
        self.assertTrue(me.thidua_pledge_ids)
        self.assertTrue(me.thidua_rating_ids)
        self.assertTrue(me.thidua_commendation_ids)
        self.assertEqual(me.thidua_commendation_ids.employee_id, own)

    def test_her_certificate_on_the_demo_blank(self):
        own = self.env.ref("thidua_module.employee_enterprise_2_demo")
        commendation = self.env["thidua.commendation"].search(
            [("employee_id", "=", own.id), ("award_type_id.certificate_layout_id", "!=", False)],
            limit=1,
        )
        self.assertTrue(commendation)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("thidua_module.thidua_certificate_blank_report", commendation.ids)[0]
            .decode()
        )
        self.assertIn("top: 81mm; left: 60mm; font-size: 20pt;", html)
        self.assertIn(commendation.nominee_name, html)

    def test_phase_two_measured_from_the_initiatives(self):
        phase = self.env.ref("thidua_module.phase_long_bien_2021_2_demo")
        lines = self.env["thidua.pledge.line"].search([("pledge_id.phase_id", "=", phase.id)])
        measured = {
            (line.pledge_id._nominee_name(), line.criterion_id.goal_definition_id.name): (
                line.measured_value,
                line.actual,
            )
            for line in lines
        }
        self.assertEqual(measured[("Trần Thị Mai", "Initiatives recognised")], (2, 2))
        self.assertEqual(measured[("Phạm Văn Long", "Initiatives recognised")], (0, 0))
        self.assertEqual(measured[("Trần Thị Mai", "Disciplinary sanctions")], (0, 0))
        collective = self.env.ref("thidua_module.pledge_enterprise_collective_phase_2_demo")
        self.assertEqual(collective.line_ids.actual, 3)
        self.assertEqual(collective.progress, 100)
