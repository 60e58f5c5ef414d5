from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from ..models.res_users import THIDUA_READABLE_FIELDS
from .common import CommendationCase


@tagged("post_install", "-at_install")
class TestOwnRecord(CommendationCase):
    """The emulation record on one's own profile and on the public employee view."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.commendation = cls._grant()
        cls.other_commendation = cls._grant(cls.other_employee)
        cls.pledge = cls._pledge()
        cls.initiative = cls.env["thidua.initiative"].create(
            {"name": "Sáng kiến tiết kiệm điện", "author_ids": [Command.set(cls.employee.ids)]}
        )
        cls.user_colleague = new_test_user(
            cls.env,
            "thidua_colleague",
            groups="thidua_module.group_thidua_user",
            name="Đồng nghiệp",
        )
        cls.colleague = cls.env["hr.employee"].create(
            {
                "name": "Đồng nghiệp A1",
                "department_id": cls.sub_unit.id,
                "user_id": cls.user_colleague.id,
            }
        )

    def _public(self, user, employee):
        return self.env["hr.employee.public"].with_user(user).browse(employee.id)

    def test_employee_sees_own_record_on_profile(self):
        user = self.user_employee.with_user(self.user_employee)
        self.assertFalse(self.user_employee.has_group("hr.group_hr_user"))
        profile = Form(user, view="hr.res_users_view_form_profile")
        values = user.read(THIDUA_READABLE_FIELDS)[0]
        self.assertEqual(values["thidua_commendation_ids"], self.commendation.ids)
        self.assertEqual(values["thidua_pledge_ids"], self.pledge.ids)
        self.assertEqual(values["thidua_initiative_ids"], self.initiative.ids)
        ratings = self.env["thidua.rating"].search([("employee_id", "=", self.employee.id)])
        self.assertEqual(sorted(values["thidua_rating_ids"]), sorted(ratings.ids))
        self.assertEqual(profile.thidua_commendation_ids.ids, self.commendation.ids)
        self.assertEqual(profile.thidua_pledge_ids.ids, self.pledge.ids)
        self.assertEqual(profile.thidua_initiative_ids.ids, self.initiative.ids)
        self.assertEqual(
            profile.thidua_commendation_ids._records[0]["amount"], self.commendation.amount
        )

    def test_own_record_on_public_view(self):
        public = self._public(self.user_employee, self.employee)
        self.assertEqual(public.thidua_commendation_ids, self.commendation)
        self.assertEqual(public.thidua_pledge_ids, self.pledge)
        self.assertEqual(public.thidua_initiative_ids, self.initiative)
        self.assertTrue(public.thidua_rating_ids)
        self.assertEqual(public.thidua_commendation_ids.amount, self.commendation.amount)
        # The form an employee gets for a colleague is the public one.
        Form(public, view="hr.hr_employee_public_view_form")

    def test_colleague_cannot_read_commendation_amounts(self):
        public = self._public(self.user_colleague, self.employee)
        self.assertEqual(public.name, self.employee.name)
        self.assertFalse(public.thidua_commendation_ids)
        self.assertFalse(public.thidua_rating_ids)
        self.assertFalse(public.thidua_pledge_ids)
        values = public.read(["thidua_commendation_ids", "thidua_rating_ids"])[0]
        self.assertEqual(values["thidua_commendation_ids"], [])
        self.assertEqual(values["thidua_rating_ids"], [])
        with self.assertRaises(AccessError):
            self.commendation.with_user(self.user_colleague).read(["amount"])
        # Nor through the colleague's user record, nor the private model.
        colleague_view = self.user_employee.with_user(self.user_colleague)
        self.assertFalse(colleague_view.thidua_commendation_ids)
        employee = self.env["hr.employee"].with_user(self.user_colleague).browse(self.employee.id)
        self.assertFalse(employee.thidua_commendation_ids)
        # Initiatives are open to the whole company.
        self.assertEqual(public.thidua_initiative_ids, self.initiative)

    def test_manager_sees_his_team(self):
        self.assertFalse(self.user_manager.has_group("hr.group_hr_user"))
        public = self._public(self.user_manager, self.employee)
        self.assertEqual(public.thidua_commendation_ids, self.commendation)
        self.assertEqual(public.thidua_commendation_ids.amount, self.commendation.amount)
        self.assertEqual(public.thidua_pledge_ids, self.pledge)
        self.assertTrue(public.thidua_rating_ids)
        outside = self._public(self.user_manager, self.other_employee)
        self.assertFalse(outside.thidua_commendation_ids)
        self.assertFalse(outside.thidua_rating_ids)

    def test_officer_sees_everyone(self):
        public = self._public(self.user_officer, self.other_employee)
        self.assertEqual(public.thidua_commendation_ids, self.other_commendation)
