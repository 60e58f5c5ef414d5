"""Yearly statistics on emulation and commendation (XLSX), in the forms of the
Ministry of Home Affairs' statistics circular 02/2023/TT-BNV: Biểu
0601.N/BNV-TĐKT (movements), 0602.N/BNV-TĐKT (State-level commendations) and
0603.N/BNV-TĐKT (commendations of ministries, provinces and central mass
organisations), with one more sheet, outside the forms, for the lower levels.

Only what the records hold is filled: a row or column the addon keeps no data
for (enterprises, households, the ranks of the people commended, the scope of
a movement...) is left blank, never guessed. Every total is a formula over the
cells it adds up, written with its value.

Circular 18/2025/TT-BNV of 08/10/2025 may have replaced circular 02/2023 and
renumbered its forms; the header of each sheet says which form it follows.
"""

from collections import Counter

from odoo import models

from .thidua_xlsx_report import XlsxSheet, cell

CIRCULAR = "02/2023/TT-BNV"

# Statistics column of an award type (thidua.award.type.statistics_column) in
# each commendation form: (form column number, label key, columns counted).
FORM_0602_COLUMNS = (
    ("2", "orders", ("order",)),
    ("6", "government_flag", ("flag",)),
    ("7", "prime_minister_certificate", ("certificate",)),
    ("8", "national_fighter", ("fighter",)),
    ("9", "other_forms", ("badge", "other")),
)
FORM_0603_COLUMNS = (
    ("2", "certificate", ("certificate",)),
    ("3", "fighter", ("fighter",)),
    ("4", "flag", ("flag",)),
    ("5", "badge", ("badge",)),
    ("", "other_outside", ("order", "other")),
)


class ThiduaStatisticsReport(models.AbstractModel):
    _name = "report.thidua_module.statistics_report"
    _inherit = "thidua.xlsx.report"
    _description = "Yearly Statistics (XLSX)"

    def get_workbook_options(self):
        # Formulas with their values, written row by row.
        return {"constant_memory": True}

    def generate_xlsx_report(self, workbook, data, wizards):
        for wizard in wizards:
            commendations = wizard._commendations()
            state = commendations.filtered(lambda c: c.award_type_id.level_id.rank == 1)
            ministry = commendations.filtered(lambda c: c.award_type_id.level_id.rank == 2)
            lower = commendations - state - ministry
            self._movement_form(workbook, wizard, wizard._movements())
            self._commendation_form(
                workbook, wizard, "0602", state, self._columns(FORM_0602_COLUMNS)
            )
            self._commendation_form(
                workbook, wizard, "0603", ministry, self._columns(FORM_0603_COLUMNS)
            )
            lower_columns = [
                ("", award.name, lambda c, award=award: c.award_type_id == award)
                for award in lower.award_type_id.sorted(lambda a: (a.sequence, a.id))
            ]
            self._commendation_form(workbook, wizard, "lower", lower, lower_columns)

    # Labels

    def _labels(self):
        _ = self.env._
        return {
            "orders": _("Orders and medals"),
            "government_flag": _("Emulation flag of the Government"),
            "prime_minister_certificate": _("Certificate of merit of the Prime Minister"),
            "national_fighter": _("National emulation fighter"),
            "other_forms": _("Other forms of commendation"),
            "certificate": _("Certificate of merit"),
            "fighter": _("Emulation fighter of the ministry or province"),
            "flag": _("Emulation flag"),
            "badge": _("Badge (commemorative medal)"),
            "other_outside": _("Other (outside the form)"),
        }

    def _columns(self, spec):
        labels = self._labels()
        return [
            (
                number,
                labels[key],
                lambda c, kinds=kinds: (c.award_type_id.statistics_column or "other") in kinds,
            )
            for number, key, kinds in spec
        ]

    # Sheets

    def _header(self, out, wizard, form, title, unit_label):
        _ = self.env._
        issuer = wizard.unit_id.name or wizard.company_id.name
        if form:
            out.merged(
                _(
                    "Form %(form)s.N/BNV-TĐKT, circular %(circular)s of 23/03/2023 of the "
                    "Ministry of Home Affairs",
                    form=form,
                    circular=CIRCULAR,
                ),
                "subtitle",
            )
        else:
            out.merged(
                _("Outside the forms of circular %(circular)s", circular=CIRCULAR), "subtitle"
            )
        out.merged(_("Reporting unit: %(unit)s", unit=issuer), "subtitle")
        out.merged(title.upper(), "title")
        out.merged(
            _(
                "Year %(year)s (statistics year: %(period)s)",
                year=wizard.year,
                period=wizard._period_display(),
            ),
            "subtitle",
        )
        out.merged(
            _(
                "Unit of count: %(unit)s. Circular 18/2025/TT-BNV of 08/10/2025 may replace "
                "circular %(circular)s and its forms: check the form in force before sending.",
                unit=unit_label,
                circular=CIRCULAR,
            ),
            "subtitle",
        )
        out.row += 1

    def _write_table(self, out, columns, rows, values):
        """Rows of (code, label, key, parts); a key of None is a heading, a key
        of "" a row the records do not support (left blank). `parts` lists the
        keys a total adds up. Returns the values written, by (key, column)."""
        _ = self.env._
        out.header([_("Indicator"), _("Code"), _("Total")] + [label for _n, label, _p in columns])
        out.write_row(
            ["A", "B", "1"] + [number for number, _l, _p in columns],
            ["center"] * (3 + len(columns)),
        )
        # Each row takes one line: a total refers to the lines of its parts,
        # which may come after it.
        row_of = {key: out.row + offset for offset, (_c, _l, key, _p) in enumerate(rows) if key}
        written = {}
        for code, label, key, parts in rows:
            styles = ["text", "center"] + ["number"] * (1 + len(columns))
            if key is None:
                out.write_row([label] + [""] * (2 + len(columns)), ["group"] * (3 + len(columns)))
                continue
            if key == "":
                out.write_row([label, code] + [""] * (1 + len(columns)), styles)
                continue
            cells = []
            for index in range(len(columns)):
                column = 3 + index
                if parts:
                    value = sum(values.get((part, index), 0) for part in parts)
                    formula = "=" + "+".join(cell(row_of[part], column) for part in parts)
                    cells.append((formula, value))
                else:
                    value = values.get((key, index), 0)
                    cells.append(value)
                written[key, index] = value
            total = sum(written[key, index] for index in range(len(columns)))
            written[key, "total"] = total
            if columns:
                formula = f"=SUM({cell(out.row, 3)}:{cell(out.row, 2 + len(columns))})"
                total_cell = (formula, total)
            else:
                total_cell = 0
            out.write_row([label, code, total_cell] + cells, styles)
        return written

    def _commendation_form(self, workbook, wizard, form, commendations, columns):
        _ = self.env._
        titles = {
            "0602": _("Number of State-level commendations"),
            "0603": _(
                "Number of commendations of ministries, branches, central mass organisations "
                "and provinces"
            ),
            "lower": _("Number of commendations of the other levels"),
        }
        sheet_names = {"0602": "0602.N", "0603": "0603.N", "lower": _("Other levels")}
        out = XlsxSheet(workbook, sheet_names[form], [58, 8, 10] + [16] * len(columns))
        self._header(out, wizard, form if form != "lower" else "", titles[form], _("commendation"))
        values = Counter()
        for commendation in commendations:
            keys = [commendation.target, commendation.award_kind]
            if commendation.target == "individual" and commendation.gender == "female":
                keys.append("women")
            for index, (_number, _label, matches) in enumerate(columns):
                if matches(commendation):
                    for key in keys:
                        values[key, index] += 1
        if form == "0602":
            codes = {"total": "1", "collective": "6", "enterprise": "7", "household": "8"}
            codes.update({"individual": "9", "yearly": "15", "thematic": "16", "adhoc": "17"})
            leaders = ["10", "11", "12", "13", "14"]
            other_methods = ["18", "19", "20", "21"]
        else:
            codes = {"total": "01", "collective": "02", "enterprise": "03", "household": "04"}
            codes.update({"individual": "05", "yearly": "11", "thematic": "12", "adhoc": "13"})
            leaders = ["06", "07", "08", "09", "10"]
            other_methods = ["14", "15", "16", "17"]
        leader_labels = [
            _("Leaders of ministries, provinces and above"),
            _("Leaders of departments and equivalent"),
            _("Entrepreneurs"),
            _("Other leaders from deputy head of division up"),
            _("Those working, producing or studying directly (workers, farmers...)"),
        ]
        method_labels = [
            _("Foreign relations"),
            _("Dedication"),
            _("Length of service"),
            _("Resistance"),
        ]
        rows = [
            (codes["total"], _("Total"), "total", ["collective", "household", "individual"]),
            ("", _("1. By those commended"), None, None),
            (codes["collective"], _("Collectives"), "collective", None),
            (codes["enterprise"], _("of which: enterprises"), "", None),
            (codes["household"], _("Households"), "household", None),
            (codes["individual"], _("Individuals"), "individual", None),
        ]
        rows += [
            (code, "    " + label, "", None)
            for code, label in zip(leaders, leader_labels, strict=True)
        ]
        rows += [
            ("", "    " + _("of which: women (added, not in the form)"), "women", None),
            ("", _("2. By kind of commendation"), None, None),
            (codes["yearly"], _("Regular (yearly)"), "yearly", None),
            (codes["thematic"], _("Thematic"), "thematic", None),
            (codes["adhoc"], _("Ad hoc"), "adhoc", None),
        ]
        rows += [
            (code, label, "", None)
            for code, label in zip(other_methods, method_labels, strict=True)
        ]
        self._write_table(out, columns, rows, values)
        out.row += 1
        notes = [
            _(
                "Valid commendations dated %(period)s, of the people and units of "
                "the reporting unit, including those issued elsewhere and recorded in the "
                "addon.",
                period=wizard._period_display(),
            ),
            _(
                "Blank rows and columns: the records hold no such data (enterprises, "
                "households, the positions of the people commended, the other kinds)."
            ),
        ]
        if form == "0602":
            notes.append(
                _(
                    "Columns 3 to 5 of the form (Ho Chi Minh Prize, State Prize, honorary "
                    "titles of the State) are not kept apart: such awards are counted in "
                    "column 9."
                )
            )
        for note in notes:
            out.merged(note, "subtitle")

    def _movement_form(self, workbook, wizard, movements):
        _ = self.env._
        columns = [
            ("2", _("Central level (Central Emulation and Commendation Council)"), 1),
            ("3", _("Ministries, central mass organisations, provinces"), 2),
            ("4", _("Agencies, organisations, units"), 3),
        ]
        out = XlsxSheet(workbook, "0601.N", [58, 8, 10, 22, 22, 22])
        self._header(out, wizard, "0601", _("Number of emulation movements"), _("movement"))
        values = Counter()
        for movement in movements:
            rank = movement.authority_id.level_id.rank or 0
            index = 0 if rank == 1 else 1 if rank == 2 else 2
            values[self._duration_key(movement), index] += 1
        rows = [
            ("01", _("Total"), "total", ["lt1", "eq1", "lt3", "lt5", "ge5"]),
            ("", _("1. By scope"), None, None),
            ("02", _("Nationwide"), "", None),
            ("03", _("Ministries, branches, mass organisations, localities"), "", None),
            ("04", _("Clusters and blocks organised by the councils"), "", None),
            ("05", _("Agencies, organisations, units"), "", None),
            ("", _("2. By duration"), None, None),
            ("06", _("Under 1 year"), "lt1", None),
            ("07", _("1 year"), "eq1", None),
            ("08", _("Over 1 year, under 3 years"), "lt3", None),
            ("09", _("From 3 years to under 5 years"), "lt5", None),
            ("10", _("5 years and more"), "ge5", None),
            ("", _("3. By way of organising"), None, None),
            ("11", _("Thematic emulation"), "", None),
            ("12", _("Regular yearly emulation"), "", None),
        ]
        self._write_table(out, [(n, label, None) for n, label, _r in columns], rows, values)
        out.row += 1
        for note in (
            _(
                "Movements started %(period)s, by the level of the authority that "
                "launched them (column 4 when it has no level above the province).",
                period=wizard._period_display(),
            ),
            _("Rows 02 to 05, 11 and 12: the records hold no such data."),
        ):
            out.merged(note, "subtitle")

    @staticmethod
    def _duration_key(movement):
        days = (movement.date_end - movement.date_start).days + 1
        months = round(days / 30.4375)
        if months < 12:
            return "lt1"
        if months == 12:
            return "eq1"
        if months < 36:
            return "lt3"
        if months < 60:
            return "lt5"
        return "ge5"
