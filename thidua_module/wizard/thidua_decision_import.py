import base64
import csv
import io
from collections import Counter
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.thidua_movement import YEAR_MAX, YEAR_MIN

# The columns of the file, in this order, under one heading row.
COLUMNS = ("code", "name", "birthday", "unit", "award", "year", "kind", "amount")
# Rows listed in the message when some cannot be matched.
MAX_REPORTED = 50


class ThiduaDecisionImport(models.TransientModel):
    """Imports the list of a decision issued elsewhere, all or nothing."""

    _name = "thidua.decision.import"
    _description = "Import a Decision Issued Elsewhere"

    decision_id = fields.Many2one(
        "thidua.decision",
        string="Decision",
        required=True,
        ondelete="cascade",
        domain="[('is_external', '=', True), ('state', '=', 'draft')]",
    )
    file = fields.Binary(required=True, help="An XLSX or CSV file.")
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        decision = self.decision_id
        decision._check_external_recorder()
        rows, errors = self._match(self._read_rows(), decision)
        if errors:
            lines = "\n".join(
                self.env._("- row %(row)s: %(reason)s", row=row, reason=reason)
                for row, reason in errors[:MAX_REPORTED]
            )
            raise UserError(
                self.env._(
                    "Nothing was imported: %(count)s rows could not be matched. Correct them "
                    "and import the file again.\n%(lines)s",
                    count=len(errors),
                    lines=lines,
                )
            )
        decision._issue_external(rows)
        return {"type": "ir.actions.act_window_close"}

    # Reading the file

    def _read_rows(self):
        """[(row number, {column: value})] of the rows that are not empty."""
        content = base64.b64decode(self.file or b"")
        if (self.filename or "").lower().endswith(".csv"):
            table = self._read_csv(content)
        else:
            table = self._read_xlsx(content)
        rows = []
        for number, cells in enumerate(table, start=1):
            if number == 1 or not any(str(c).strip() for c in cells if c is not None):
                continue
            cells = list(cells) + [None] * len(COLUMNS)
            rows.append((number, dict(zip(COLUMNS, cells, strict=False))))
        return rows

    def _read_csv(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UserError(self.env._("The CSV file must be encoded in UTF-8.")) from None
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        return list(csv.reader(io.StringIO(text), dialect))

    def _read_xlsx(self, content):
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds of errors on a wrong file
            raise UserError(
                self.env._("The file could not be read: give an XLSX or a CSV file.")
            ) from None
        return list(book.worksheets[0].iter_rows(values_only=True))

    # Matching

    def _match(self, rows, decision):
        """The values of each row for `_issue_external`, and the rows not matched."""
        text = {
            number: {key: self._text(value) for key, value in row.items()} for number, row in rows
        }
        codes = {t["code"] for t in text.values() if t["code"]}
        names = {t["name"] for t in text.values() if t["name"] and not t["code"]}
        units = {t["unit"] for t in text.values() if t["unit"] and not t["name"]}
        company = [("company_id", "in", (decision.company_id.id, False))]
        Employee = self.env["hr.employee"].with_context(active_test=False)
        by_code = Employee.search(
            [
                "|",
                ("barcode", "in", list(codes)),
                ("identification_id", "in", list(codes)),
                *company,
            ]
        )
        by_name = Employee.search([("name", "in", list(names)), *company])
        departments = (
            self.env["hr.department"]
            .with_context(active_test=False)
            .search(
                ["|", ("name", "in", list(units)), ("complete_name", "in", list(units)), *company]
            )
        )
        awards = self.env["thidua.award.type"].search(
            [("code", "in", [t["award"] for t in text.values()])]
        )
        awards = {award.code.strip().upper(): award for award in awards}
        kinds = self._award_kinds()
        matched, errors = [], []
        for number, row in rows:
            t = text[number]
            values, reason = self._match_row(
                row, t, decision, by_code, by_name, departments, awards, kinds
            )
            if reason:
                errors.append((number, reason))
            else:
                matched.append((number, values))
        seen = Counter(
            (v["employee_id"], v["department_id"], v["award_type_id"], v["year"])
            for _n, v in matched
        )
        errors += [
            (number, self.env._("the same commendation is listed twice in the file"))
            for number, v in matched
            if seen[(v["employee_id"], v["department_id"], v["award_type_id"], v["year"])] > 1
        ]
        errors += [
            (number, self.env._("already holds this award for that year, or is nominated for it"))
            for number, v in self._already_live(matched)
        ]
        return [v for _n, v in matched], sorted(errors)

    def _already_live(self, matched):
        """The matched rows whose nominee already holds the award that year, or is
        nominated for it: one live nomination per nominee, award and year."""
        values = [v for _n, v in matched]
        live = (
            self.env["thidua.nomination"]
            .sudo()
            .search(
                [
                    ("is_live", "=", True),
                    ("award_type_id", "in", [v["award_type_id"] for v in values]),
                    ("year", "in", [v["year"] for v in values]),
                    "|",
                    ("employee_id", "in", [v["employee_id"] for v in values if v["employee_id"]]),
                    (
                        "department_id",
                        "in",
                        [v["department_id"] for v in values if v["department_id"]],
                    ),
                ]
            )
        )
        keys = {(n.employee_id.id, n.department_id.id, n.award_type_id.id, n.year) for n in live}
        return [
            (number, v)
            for number, v in matched
            if (
                v["employee_id"] or False,
                v["department_id"] or False,
                v["award_type_id"],
                v["year"],
            )
            in keys
        ]

    def _match_row(self, row, t, decision, by_code, by_name, departments, awards, kinds):
        values = {"employee_id": False, "department_id": False}
        if t["code"]:
            found = by_code.filtered(lambda e: t["code"] in (e.barcode, e.identification_id))
            if len(found) != 1:
                return None, self._not_one(
                    found, self.env._("employee code %(code)s", code=t["code"])
                )
            values.update(target="individual", employee_id=found.id)
        elif t["name"]:
            birthday = self._date(row["birthday"])
            if not birthday:
                return None, self.env._(
                    "no employee code: give the date of birth of %(name)s (DD/MM/YYYY)",
                    name=t["name"],
                )
            found = by_name.filtered(lambda e: e.name == t["name"] and e.birthday == birthday)
            if len(found) != 1:
                what = self.env._(
                    "employee %(name)s born on %(date)s",
                    name=t["name"],
                    date=birthday.strftime("%d/%m/%Y"),
                )
                return None, self._not_one(found, what)
            values.update(target="individual", employee_id=found.id)
        elif t["unit"]:
            found = departments.filtered(lambda d: t["unit"] in (d.name, d.complete_name))
            if len(found) != 1:
                return None, self._not_one(found, self.env._("unit %(unit)s", unit=t["unit"]))
            values.update(target="collective", department_id=found.id)
        else:
            return None, self.env._("no employee code, name or unit")
        award = awards.get(t["award"].upper())
        if not award:
            return None, self.env._("no award has the code “%(code)s”", code=t["award"])
        if award.target not in (values["target"], "both"):
            return None, self.env._(
                "“%(award)s” is not awarded to this kind of nominee", award=award.name
            )
        year = self._year(row["year"], decision)
        if not year:
            return None, self.env._(
                "the year %(year)s is not between %(min)s and %(max)s",
                year=t["year"],
                min=YEAR_MIN,
                max=YEAR_MAX,
            )
        kind = kinds.get(t["kind"].lower()) if t["kind"] else "yearly"
        if not kind:
            return None, self.env._(
                "unknown achievement “%(kind)s”: give one of %(kinds)s",
                kind=t["kind"],
                kinds=", ".join(sorted(set(kinds))),
            )
        amount = self._amount(row["amount"])
        if amount is None:
            return None, self.env._(
                "the amount “%(amount)s” is not a positive number", amount=t["amount"]
            )
        values.update(award_type_id=award.id, year=year, award_kind=kind, amount=amount)
        return values, None

    def _not_one(self, found, what):
        if found:
            return self.env._(
                "%(what)s matches %(count)s records: give the employee code",
                what=what,
                count=len(found),
            )
        return self.env._("%(what)s matches nobody", what=what)

    def _award_kinds(self):
        """Achievement kinds by their key and their label, lower-cased."""
        field = self.env["thidua.nomination"]._fields["award_kind"]
        kinds = {}
        for key, label in field._description_selection(self.env):
            kinds[key] = kinds[label.lower()] = key
        return kinds

    @api.model
    def _text(self, value):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime | date):
            return value.strftime("%d/%m/%Y")
        return " ".join(str(value).split())

    @api.model
    def _date(self, value):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
            try:
                return datetime.strptime(self._text(value), pattern).date()
            except ValueError:
                continue
        return None

    @api.model
    def _year(self, value, decision):
        if value in (None, ""):
            return decision.year
        try:
            year = int(float(self._text(value)))
        except ValueError:
            return None
        return year if YEAR_MIN <= year <= YEAR_MAX else None

    @api.model
    def _amount(self, value):
        if value in (None, ""):
            return 0.0
        if isinstance(value, int | float):
            return float(value) if value >= 0 else None
        cleaned = self._text(value).replace(".", "").replace(",", "").replace(" ", "")
        return float(cleaned) if cleaned.isdigit() else None
