from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from ..tools.rating import RATING_LEVELS
from .common import ThiduaCase

DUPLICATE = "already has a rating for this year"


class RatingCase(ThiduaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rating = cls.env["thidua.rating"]

    @classmethod
    def _rating(cls, employee=None, year=2021, level="good", **values):
        employee = employee if employee is not None else cls.employee
        vals = {"employee_id": employee.id, "year": year, "level": level}
        vals.update(values)
        return cls.Rating.create(vals)

    @classmethod
    def _evaluated_pledge(cls, employee=None):
        pledge = cls._pledge(employee)
        pledge.action_submit()
        pledge.action_confirm()
        pledge.line_ids.write({"actual": 100})
        pledge.action_evaluate()
        return pledge


@tagged("post_install", "-at_install")
class TestRating(RatingCase):
    def test_levels_are_those_the_rules_compare(self):
        levels = dict(self.Rating._fields["level"].selection)
        self.assertEqual(set(levels), set(RATING_LEVELS))
        self.assertEqual(levels["excellent"], "Excellent")

    def test_a_second_rating_of_the_same_employee_and_year_is_refused(self):
        self._rating()
        with self.assertRaisesRegex(ValidationError, DUPLICATE):
            self._rating(level="excellent")

    def test_the_same_employee_is_rated_once_a_year(self):
        ratings = self._rating(year=2020) | self._rating(year=2021)
        self.assertEqual(ratings.mapped("year"), [2020, 2021])

    def test_a_second_rating_of_the_same_unit_and_year_is_refused(self):
        values = {"target": "collective", "employee_id": False, "department_id": self.unit.id}
        self._rating(**values)
        with self.assertRaisesRegex(ValidationError, DUPLICATE):
            self._rating(**values)

    def test_moving_a_rating_onto_another_year_already_rated_is_refused(self):
        self._rating(year=2021)
        rating = self._rating(year=2020)
        with self.assertRaisesRegex(ValidationError, DUPLICATE):
            rating.year = 2021

    def test_years_outside_the_range_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "The year 21 is not valid"):
            self._rating(year=21)
        rating = self._rating()
        with self.assertRaisesRegex(ValidationError, "The year 3000 is not valid"):
            rating.year = 3000

    def test_unit_follows_the_rated_employee_or_is_the_unit_itself(self):
        rating = self._rating()
        collective = self._rating(
            target="collective", employee_id=False, department_id=self.other_unit.id
        )
        self.assertEqual(rating.unit_id, self.sub_unit)
        self.assertEqual(collective.unit_id, self.other_unit)
        # A transfer does not hand the ratings of past years to the new unit.
        self.employee.department_id = self.other_unit
        self.assertEqual(rating.unit_id, self.sub_unit)

    def test_a_document_rating_names_its_document(self):
        with self.assertRaisesRegex(ValidationError, "enter its number and date"):
            self._rating(source="document")
        rating = self._rating(source="document", document_ref="15/QĐ-CĐ ngày 20/12/2021")
        self.assertEqual(rating.source, "document")

    def test_a_pledge_rating_rests_on_the_nominees_evaluated_pledge_of_the_year(self):
        pledge = self._pledge()
        with self.assertRaisesRegex(ValidationError, "has not been evaluated yet"):
            self._rating(source="pledge", pledge_id=pledge.id)
        with self.assertRaisesRegex(ValidationError, "choose the evaluated pledge"):
            self._rating(source="pledge")
        pledge.unlink()
        pledge = self._evaluated_pledge()
        with self.assertRaisesRegex(ValidationError, "same employee or unit"):
            self._rating(self.other_employee, source="pledge", pledge_id=pledge.id)
        with self.assertRaisesRegex(ValidationError, "movement of 2021"):
            self._rating(year=2022, source="pledge", pledge_id=pledge.id)
        rating = self._rating(source="pledge", pledge_id=pledge.id)
        self.assertEqual(rating.pledge_id, pledge)

    def test_display_name_is_the_nominee_and_the_year(self):
        self.assertEqual(self._rating().display_name, "Nhân viên A1 - 2021")


@tagged("post_install", "-at_install")
class TestRatingImport(RatingCase):
    """What the import wizard of the list view calls: `load(fields, rows)`."""

    def _load(self, fields, rows, lang=None):
        ratings = self.Rating.with_user(self.user_officer)
        if lang:
            ratings = ratings.with_context(lang=lang)
        return ratings.load(fields, rows)

    def _imported(self, result):
        self.assertFalse(result["messages"], result["messages"])
        return self.Rating.browse(result["ids"])

    def test_import_identifies_the_employee_by_name(self):
        rating = self._imported(
            self._load(["employee_id", "year", "level"], [["Nhân viên A1", "2021", "Excellent"]])
        )
        self.assertRecordValues(
            rating,
            [
                {
                    "target": "individual",
                    "employee_id": self.employee.id,
                    "year": 2021,
                    "level": "excellent",
                    "source": "unit",
                    "unit_id": self.sub_unit.id,
                }
            ],
        )

    def test_import_identifies_the_employee_by_external_id(self):
        self.env["ir.model.data"].create(
            {
                "module": "__import__",
                "name": "nhan_vien_b",
                "model": "hr.employee",
                "res_id": self.other_employee.id,
            }
        )
        rating = self._imported(
            self._load(
                ["employee_id/id", "year", "level"], [["__import__.nhan_vien_b", "2021", "Good"]]
            )
        )
        self.assertEqual((rating.employee_id, rating.level), (self.other_employee, "good"))

    def test_import_identifies_the_employee_by_database_id(self):
        rating = self._imported(
            self._load(
                ["employee_id/.id", "year", "level", "note"],
                [[str(self.other_employee.id), "2020", "incomplete", "Vi phạm kỷ luật"]],
            )
        )
        self.assertEqual((rating.employee_id, rating.year), (self.other_employee, 2020))
        self.assertEqual(rating.level, "incomplete")

    def test_import_rates_a_unit_on_a_document(self):
        rating = self._imported(
            self._load(
                ["target", "department_id", "year", "level", "source", "document_ref"],
                [["Collective", "Đơn vị B", "2021", "Complete", "Document", "15/QĐ-CĐ"]],
            )
        )
        self.assertRecordValues(
            rating,
            [
                {
                    "target": "collective",
                    "department_id": self.other_unit.id,
                    "level": "complete",
                    "source": "document",
                    "document_ref": "15/QĐ-CĐ",
                }
            ],
        )

    def test_import_with_a_duplicate_row_imports_nothing(self):
        result = self._load(
            ["employee_id", "year", "level"],
            [
                ["Nhân viên A1", "2021", "Excellent"],
                ["Nhân viên B", "2021", "Good"],
                ["Nhân viên A1", "2021", "Good"],
            ],
        )
        self.assertFalse(result["ids"])
        errors = [m["message"] for m in result["messages"] if m["type"] == "error"]
        self.assertTrue(errors)
        self.assertTrue(all(DUPLICATE in message for message in errors), errors)
        self.assertFalse(self.Rating.search([("id", ">", self.rating_floor)]))

    def test_import_of_a_year_already_rated_imports_nothing(self):
        self._rating(self.other_employee)
        result = self._load(
            ["employee_id", "year", "level"],
            [["Nhân viên A1", "2021", "Excellent"], ["Nhân viên B", "2021", "Good"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn(DUPLICATE, result["messages"][0]["message"])
        self.assertEqual(
            self.Rating.search([("id", ">", self.rating_floor)]).employee_id, self.other_employee
        )

    def test_import_reads_the_vietnamese_labels(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["thidua_module"], ["vi_VN"])
        # The importer keeps the labels' translations it read for the rest of the cursor.
        self.env.cr.cache.pop("ir.fields.converter", None)
        rating = self._imported(
            self._load(
                ["employee_id", "year", "level"],
                [["Nhân viên A1", "2021", "Hoàn thành xuất sắc nhiệm vụ"]],
                lang="vi_VN",
            )
        )
        self.assertEqual(rating.level, "excellent")
        result = self._load(
            ["employee_id", "year", "level"],
            [["Nhân viên A1", "2021", "Hoàn thành tốt nhiệm vụ"]],
            lang="vi_VN",
        )
        self.assertFalse(result["ids"])
        self.assertIn("đã được xếp loại", result["messages"][0]["message"])


@tagged("post_install", "-at_install")
class TestRatingAccess(RatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._rating()
        cls.other = cls._rating(cls.other_employee)

    def test_employee_reads_only_own_ratings(self):
        ratings = self.Rating.with_user(self.user_employee)
        self.assertEqual(ratings.search([("id", ">", self.rating_floor)]), self.own)
        self.assertEqual(self.own.with_user(self.user_employee).level, "good")
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_employee).read(["level"])

    def test_employee_cannot_rate_nor_change_own_rating(self):
        self.own.unlink()
        with self.assertRaises(AccessError):
            self.Rating.with_user(self.user_employee).create(
                {"employee_id": self.employee.id, "year": 2021, "level": "excellent"}
            )
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_employee).level = "excellent"

    def test_manager_rates_the_employees_of_his_units(self):
        self.own.unlink()
        this_year = fields.Date.today().year
        rating = self.Rating.with_user(self.user_manager).create(
            {"employee_id": self.employee.id, "year": this_year, "level": "excellent"}
        )
        rating.level = "good"
        self.assertEqual(rating.unit_id, self.sub_unit)
        self.assertEqual(self.Rating.with_user(self.user_manager).search([]), rating)

    def test_manager_cannot_rate_another_unit(self):
        with self.assertRaises(AccessError):
            self.Rating.with_user(self.user_manager).create(
                {"employee_id": self.other_employee.id, "year": 2020, "level": "good"}
            )
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_manager).level = "excellent"

    def test_manager_cannot_move_a_rating_out_of_his_units(self):
        this_year = self.Rating.create(
            {"employee_id": self.employee.id, "year": fields.Date.today().year, "level": "good"}
        )
        with self.assertRaises(AccessError):
            this_year.with_user(self.user_manager).write({"employee_id": self.other_employee.id})

    def test_past_years_are_changed_by_an_officer_only(self):
        with self.assertRaisesRegex(UserError, "past year"):
            self.own.with_user(self.user_manager).level = "good"
        self.own.with_user(self.user_officer).level = "good"
        self.assertEqual(self.own.level, "good")

    def test_manager_cannot_bring_a_rating_into_his_units_by_naming_the_unit(self):
        with self.assertRaisesRegex(UserError, "change only through"):
            self.Rating.with_user(self.user_manager).create(
                {
                    "employee_id": self.other_employee.id,
                    "year": 2020,
                    "level": "excellent",
                    "unit_id": self.unit.id,
                }
            )

    def test_manager_cannot_rate_himself_nor_his_own_unit(self):
        ratings = self.Rating.with_user(self.user_manager)
        with self.assertRaisesRegex(UserError, "cannot rate yourself"):
            ratings.create(
                {"employee_id": self.manager_employee.id, "year": 2021, "level": "excellent"}
            )
        with self.assertRaisesRegex(UserError, "cannot rate yourself"):
            ratings.create(
                {
                    "target": "collective",
                    "department_id": self.unit.id,
                    "year": 2021,
                    "level": "excellent",
                }
            )
        collective = ratings.create(
            {
                "target": "collective",
                "department_id": self.sub_unit.id,
                "year": 2021,
                "level": "good",
            }
        )
        self.assertEqual(collective.unit_id, self.sub_unit)

    def test_manager_cannot_change_his_own_rating(self):
        own = self._rating(self.manager_employee)
        with self.assertRaisesRegex(UserError, "cannot rate yourself"):
            own.with_user(self.user_manager).level = "excellent"

    def test_manager_cannot_delete_a_rating(self):
        with self.assertRaises(AccessError):
            self.own.with_user(self.user_manager).unlink()

    def test_officer_rates_everyone_of_the_company_and_deletes(self):
        ratings = self.Rating.with_user(self.user_officer)
        self.assertEqual(ratings.search([("id", ">", self.rating_floor)]), self.own | self.other)
        created = ratings.create(
            {"employee_id": self.other_employee.id, "year": 2020, "level": "excellent"}
        )
        self.other.with_user(self.user_officer).level = "complete"
        (created | self.other).with_user(self.user_officer).unlink()
        self.assertFalse(self.other.exists())

    def test_officer_of_another_company_sees_none(self):
        ratings = self.Rating.with_user(self.user_other_company)
        self.assertFalse(ratings.search([("id", ">", self.rating_floor)]))
        with self.assertRaises(AccessError):
            self.own.with_user(self.user_other_company).read(["level"])

    def test_employee_form_shows_the_ratings_each_reader_may_read(self):
        form = self.env["hr.employee"].with_user(self.user_officer).get_views([(False, "form")])
        self.assertIn("thidua_rating_ids", form["views"]["form"]["arch"])
        # Without HR rights, Odoo serves the public profile; its emulation tab lists
        # the ratings the record rules let the reader read.
        public = self.env["hr.employee"].with_user(self.user_employee).get_views([(False, "form")])
        self.assertIn("thidua_rating_ids", public["views"]["form"]["arch"])
        self.assertEqual(self.employee.with_user(self.user_officer).thidua_rating_ids, self.own)
        self.assertEqual(self.employee.with_user(self.user_employee).thidua_rating_ids, self.own)
        self.assertFalse(self.other_employee.with_user(self.user_employee).thidua_rating_ids)

    def test_department_form_lists_the_units_ratings_to_its_managers(self):
        view = self.env["hr.department"].with_user(self.user_manager).get_views([(False, "form")])
        self.assertIn("thidua_rating_ids", view["views"]["form"]["arch"])
        plain = self.env["hr.department"].with_user(self.user_employee).get_views([(False, "form")])
        self.assertNotIn("thidua_rating_ids", plain["views"]["form"]["arch"])
        self.assertEqual(self.sub_unit.with_user(self.user_manager).thidua_rating_ids, self.own)


@tagged("post_install", "-at_install")
class TestRatingFromPledge(RatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pledge = cls._evaluated_pledge()

    def test_evaluated_pledge_proposes_a_rating_for_its_nominee_and_year(self):
        action = self.pledge.with_user(self.user_manager).action_propose_rating()
        self.assertEqual(action["res_model"], "thidua.rating")
        self.assertNotIn("res_id", action)
        ratings = self.Rating.with_user(self.user_manager).with_context(**action["context"])
        with Form(ratings) as form:
            self.assertFalse(form.level, "the level is the evaluator's choice")
            form.level = "good"
        rating = form.record
        self.assertRecordValues(
            rating,
            [
                {
                    "target": "individual",
                    "employee_id": self.employee.id,
                    "year": 2021,
                    "source": "pledge",
                    "pledge_id": self.pledge.id,
                    "level": "good",
                    "unit_id": self.sub_unit.id,
                }
            ],
        )

    def test_a_pledge_already_rated_opens_its_rating(self):
        rating = self._rating(level="excellent")
        action = self.pledge.with_user(self.user_manager).action_propose_rating()
        self.assertEqual(action["res_id"], rating.id)

    def test_only_evaluated_pledges_propose_a_rating(self):
        draft = self._pledge(self.other_employee)
        with self.assertRaisesRegex(UserError, "not possible now"):
            draft.action_propose_rating()

    def test_employee_cannot_propose_a_rating(self):
        with self.assertRaises(AccessError):
            self.pledge.with_user(self.user_employee).action_propose_rating()

    def test_manager_of_another_unit_cannot_save_the_proposal(self):
        other_manager = new_test_user(
            self.env,
            "thidua_rating_other_manager",
            groups="thidua_module.group_thidua_unit_manager",
        )
        self.other_unit.manager_id = self.env["hr.employee"].create(
            {"name": "Trưởng B", "department_id": self.other_unit.id, "user_id": other_manager.id}
        )
        context = self.pledge.action_propose_rating()["context"]
        with self.assertRaises(AccessError):
            self.Rating.with_user(other_manager).with_context(**context).create({"level": "good"})

    def test_collective_pledge_proposes_a_rating_of_the_unit(self):
        pledge = self.env["thidua.pledge"].create(
            {
                "movement_id": self.movement.id,
                "target": "collective",
                "department_id": self.sub_unit.id,
                "date": date(2021, 2, 1),
                "award_type_ids": [Command.set(self.award_collective.ids)],
                "line_ids": [
                    Command.create({"criterion_id": self.criterion_duties.id, "target": 1})
                ],
            }
        )
        pledge.action_submit()
        pledge.action_confirm()
        pledge.line_ids.write({"actual": 1})
        pledge.action_evaluate()
        context = pledge.with_user(self.user_manager).action_propose_rating()["context"]
        rating = (
            self.Rating.with_user(self.user_manager)
            .with_context(**context)
            .create({"level": "excellent"})
        )
        self.assertEqual((rating.target, rating.department_id), ("collective", self.sub_unit))
        self.assertEqual(rating.pledge_id, pledge)
