from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class ThiduaCase(TransactionCase):
    """Units, people and a movement shared by the tests; no demo data used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        # Ratings of the demo data, left out of what the tests count.
        cls.rating_floor = cls.env["thidua.rating"].search([], order="id desc", limit=1).id or 0
        cls.other_company = cls.env["res.company"].create({"name": "Công ty khác"})
        cls.block = cls.env["thidua.block"].create({"name": "Khối thử nghiệm", "code": "TN"})
        cls.programme = cls.env["thidua.programme"].create({"name": "Chương trình thử"})
        cls.award_ldtt = cls.env.ref("thidua_module.award_lao_dong_tien_tien")
        cls.award_collective = cls.env.ref("thidua_module.award_tap_the_lao_dong_tien_tien")
        cls.criterion_productivity, cls.criterion_absence, cls.criterion_duties = cls.env[
            "thidua.criterion"
        ].create(
            [
                {
                    "name": "Năng suất",
                    "method": "min",
                    "uom": "%",
                    "target_default": 100,
                    "weight": 2,
                },
                {"name": "Ngày nghỉ không lý do", "method": "max", "target_default": 0},
                {
                    "name": "Hoàn thành nhiệm vụ",
                    "method": "bool",
                    "target_default": 1,
                    "applies_to": "both",
                },
            ]
        )
        cls._create_users()
        cls._create_units()
        cls.movement = cls.env["thidua.movement"].create(cls._movement_values())
        cls.phase_1, cls.phase_2 = cls.env["thidua.phase"].create(
            [
                {
                    "movement_id": cls.movement.id,
                    "sequence": 1,
                    "name": "Đợt 1",
                    "date_start": date(2021, 1, 1),
                    "date_end": date(2021, 6, 30),
                },
                {
                    "movement_id": cls.movement.id,
                    "sequence": 2,
                    "name": "Đợt 2",
                    "date_start": date(2021, 7, 1),
                    "date_end": date(2021, 12, 31),
                },
            ]
        )

    @classmethod
    def _create_users(cls):
        prefix = "thidua_module."
        cls.user_employee = new_test_user(
            cls.env, "thidua_employee", groups=prefix + "group_thidua_user", name="Nhân viên"
        )
        cls.user_manager = new_test_user(
            cls.env,
            "thidua_manager",
            groups=prefix + "group_thidua_unit_manager",
            name="Trưởng đơn vị",
        )
        cls.user_officer = new_test_user(
            cls.env, "thidua_officer", groups=prefix + "group_thidua_officer", name="Cán bộ TĐKT"
        )
        cls.user_council = new_test_user(
            cls.env, "thidua_council", groups=prefix + "group_thidua_council", name="Hội đồng"
        )
        cls.user_other_company = new_test_user(
            cls.env,
            "thidua_other_officer",
            groups=prefix + "group_thidua_officer",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
            name="Cán bộ công ty khác",
        )

    @classmethod
    def _create_units(cls):
        Department = cls.env["hr.department"]
        Employee = cls.env["hr.employee"]
        cls.unit = Department.create({"name": "Đơn vị A", "block_id": cls.block.id})
        cls.sub_unit = Department.create({"name": "Tổ A1", "parent_id": cls.unit.id})
        cls.other_unit = Department.create({"name": "Đơn vị B"})
        cls.manager_employee = Employee.create(
            {
                "name": "Trưởng đơn vị A",
                "department_id": cls.unit.id,
                "user_id": cls.user_manager.id,
            }
        )
        cls.unit.manager_id = cls.manager_employee
        cls.employee = Employee.create(
            {
                "name": "Nhân viên A1",
                "department_id": cls.sub_unit.id,
                "user_id": cls.user_employee.id,
            }
        )
        cls.other_employee = Employee.create(
            {"name": "Nhân viên B", "department_id": cls.other_unit.id}
        )

    @classmethod
    def _movement_values(cls, **values):
        return dict(
            {
                "name": "Phong trào thi đua năm 2021",
                "year": 2021,
                "date_start": date(2021, 1, 1),
                "date_end": date(2021, 12, 31),
                "department_ids": [Command.set([cls.unit.id, cls.other_unit.id])],
                "criterion_ids": [
                    Command.set(
                        (
                            cls.criterion_productivity
                            | cls.criterion_absence
                            | cls.criterion_duties
                        ).ids
                    )
                ],
            },
            **values,
        )

    @classmethod
    def _pledge_values(cls, employee=None, **values):
        employee = employee if employee is not None else cls.employee
        return dict(
            {
                "movement_id": cls.movement.id,
                "phase_id": cls.phase_1.id,
                "target": "individual",
                "employee_id": employee.id,
                "date": date(2021, 1, 15),
                "award_type_ids": [Command.set(cls.award_ldtt.ids)],
                "line_ids": [
                    Command.create(
                        {"criterion_id": cls.criterion_productivity.id, "target": 100, "weight": 2}
                    ),
                    Command.create({"criterion_id": cls.criterion_absence.id, "target": 0}),
                ],
            },
            **values,
        )

    @classmethod
    def _pledge(cls, employee=None, **values):
        return cls.env["thidua.pledge"].create(cls._pledge_values(employee, **values))


class CommendationCase(ThiduaCase):
    """Nominations, decisions and their shortcuts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.award_cstd = ref("thidua_module.award_chien_si_thi_dua_co_so")
        cls.award_cstd_tinh = ref("thidua_module.award_chien_si_thi_dua_tinh")
        cls.award_giay_khen = ref("thidua_module.award_giay_khen")
        cls.authority = cls.env["thidua.authority"].create({"name": "LĐLĐ thử nghiệm"})
        cls._decision_number = 0
        # Rated "excellent" every year, so that the rules on ratings hold unless a
        # test says otherwise.
        cls._rate(cls.employee | cls.other_employee | cls.manager_employee)
        cls._rate(cls.unit | cls.sub_unit | cls.other_unit)

    @classmethod
    def _rate(cls, nominees, years=range(2005, 2031), level="excellent"):
        is_unit = nominees._name == "hr.department"
        cls.env["thidua.rating"].create(
            [
                {
                    "target": "collective" if is_unit else "individual",
                    "department_id" if is_unit else "employee_id": nominee.id,
                    "year": year,
                    "level": level,
                }
                for nominee in nominees
                for year in years
            ]
        )

    @classmethod
    def _nomination(cls, employee=None, award=None, year=2021, **values):
        employee = employee if employee is not None else cls.employee
        vals = {
            "year": year,
            "award_type_id": (award or cls.award_ldtt).id,
            "target": "individual",
            "employee_id": employee.id,
        }
        vals.update(values)
        return cls.env["thidua.nomination"].create(vals)

    @classmethod
    def _decision(cls, nominations, day=None, **values):
        cls._decision_number += 1
        vals = {
            "name": f"{cls._decision_number}/QĐ-TN",
            "date": day or date(max(nominations.mapped("year")), 12, 20),
            "authority_id": cls.authority.id,
            "nomination_ids": [Command.set(nominations.ids)],
        }
        vals.update(values)
        return cls.env["thidua.decision"].create(vals)

    @classmethod
    def _approve(cls, nominations):
        nominations.action_submit()
        nominations.action_unit_approve()
        nominations.action_council_approve()
        return nominations

    @classmethod
    def _grant(cls, employee=None, award=None, year=2021, **values):
        """A commendation reached through the whole workflow."""
        nomination = cls._approve(cls._nomination(employee, award, year, **values))
        cls._decision(nomination).action_issue()
        return nomination.commendation_id
