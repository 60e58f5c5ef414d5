"""XLSX documents of the Print menu: award lists, registration summaries and phase reports.

Each document is an `ir.actions.report` of type xlsx (OCA `report_xlsx`): it is
generated when asked for and streamed to the browser, never stored. The
workbook is written in constant-memory mode (rows in order, flushed as they
go), so that a list of tens of thousands of people stays small in memory, and
records are read in batches, never one query per row.

A document reads as the user who prints it: a list of people is printed only
by those who may read every person on it, and the figures of a movement are
those of the units within the user's reach (`thidua.movement._units_in_reach`).
Every text goes into its cell with `write_string`, so that a name such as
`=HYPERLINK(...)` stays a text and never becomes a formula.

This module holds what the documents share; each document has its own module
beside it.
"""

from collections import OrderedDict

from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import models
from odoo.tools import html2plaintext

from ..tools import vn_order

MONEY = "#,##0"
DATE = "dd/mm/yyyy"


class XlsxSheet:
    """A worksheet written row by row with the formats Vietnamese lists use."""

    def __init__(self, workbook, title, widths):
        self.sheet = workbook.add_worksheet(title[:31])
        self.row = 0
        font = {"font_name": "Times New Roman", "font_size": 12}
        self.formats = {
            "title": workbook.add_format(dict(font, bold=True, font_size=14, align="center")),
            "subtitle": workbook.add_format(dict(font, italic=True, align="center")),
            "header": workbook.add_format(
                dict(
                    font,
                    bold=True,
                    border=1,
                    align="center",
                    valign="vcenter",
                    text_wrap=True,
                    bg_color="#DDEBF7",
                )
            ),
            "text": workbook.add_format(dict(font, border=1, valign="top", text_wrap=True)),
            "center": workbook.add_format(dict(font, border=1, align="center", valign="top")),
            "date": workbook.add_format(dict(font, border=1, num_format=DATE, align="center")),
            "money": workbook.add_format(dict(font, border=1, num_format=MONEY)),
            "number": workbook.add_format(dict(font, border=1, num_format="#,##0")),
            "percent": workbook.add_format(dict(font, border=1, num_format="0.0")),
            "group": workbook.add_format(dict(font, bold=True, border=1, bg_color="#F2F2F2")),
            "total": workbook.add_format(dict(font, bold=True, border=1, num_format=MONEY)),
        }
        self.width = len(widths)
        for column, width in enumerate(widths):
            self.sheet.set_column(column, column, width)

    def merged(self, text, style):
        # merge_range would write a text starting with "=" as a formula.
        fmt = self.formats[style]
        self.sheet.merge_range(self.row, 0, self.row, self.width - 1, "", fmt)
        self.sheet.write_string(self.row, 0, text, fmt)
        self.row += 1

    def header(self, labels):
        self.sheet.set_row(self.row, 32)
        for column, label in enumerate(labels):
            self.sheet.write_string(self.row, column, label, self.formats["header"])
        self.row += 1
        self.sheet.freeze_panes(self.row, 0)

    def write_row(self, values, styles):
        for column, (value, style) in enumerate(zip(values, styles, strict=True)):
            fmt = self.formats[style]
            if value is None or value is False or value == "":
                self.sheet.write_blank(self.row, column, None, fmt)
            elif style == "date":
                self.sheet.write_datetime(self.row, column, value, fmt)
            elif isinstance(value, tuple):  # (formula, cached value)
                self.sheet.write_formula(self.row, column, value[0], fmt, value[1])
            elif isinstance(value, int | float):
                self.sheet.write_number(self.row, column, value, fmt)
            else:
                self.sheet.write_string(self.row, column, str(value), fmt)
        self.row += 1


def cell(row, column):
    return xl_rowcol_to_cell(row, column)


class ThiduaXlsxReport(models.AbstractModel):
    """What the XLSX documents share: the workbook options, the award list, the units."""

    _name = "thidua.xlsx.report"
    _inherit = "report.report_xlsx.abstract"
    _description = "XLSX Reports"

    def get_workbook_options(self):
        return {"constant_memory": True}

    # Award list (danh sách khen thưởng / đề nghị khen thưởng)

    def _award_list_rows(self, records):
        """Rows of a list of commendations (as on the decision) or nominations.

        The caller has checked that the user may read every record.
        """
        if records._name == "thidua.commendation":
            rows = self._commendation_rows(records)
        else:
            rows = self._nomination_rows(records)
        # By unit, then people in Vietnamese order (given name first).
        return vn_order.sort_people(
            self.env.cr,
            rows,
            name=lambda row: row["name"],
            unit=lambda row: row["unit"],
            person=lambda row: row["target"] == "individual",
        )

    def _commendation_rows(self, records):
        fields = [
            "nominee_name",
            "birthday",
            "gender",
            "job_title",
            "department_name",
            "award_type_id",
            "achievements",
            "amount",
            "target",
        ]
        awards, plain, rows = {}, {}, []
        for batch in self._batches(records):
            for values in batch.read(fields, load=None):
                award_id = values["award_type_id"]
                if award_id not in awards:
                    awards[award_id] = self.env["thidua.award.type"].browse(award_id).name
                rows.append(
                    {
                        "name": values["nominee_name"] or "",
                        "birthday": values["birthday"],
                        "gender": values["gender"],
                        "job": values["job_title"] or "",
                        "unit": values["department_name"] or "",
                        "award": awards[award_id],
                        "achievements": self._plain(values["achievements"], plain),
                        "amount": values["amount"],
                        "target": values["target"],
                    }
                )
        return rows

    def _nomination_rows(self, records):
        # Birth date and gender are fields of the HR officers: they are read
        # with sudo, and only for the employees of these nominations, which
        # the user has been checked to read.
        plain, rows = {}, []
        for batch in self._batches(records):
            for rec in batch:
                employee = rec.employee_id.sudo()
                rows.append(
                    {
                        "name": rec._nominee_name(),
                        "birthday": employee.birthday,
                        "gender": employee.gender,
                        "job": employee.job_title or employee.job_id.name or "",
                        "unit": (employee.department_id or rec.department_id).name or "",
                        "award": rec.award_type_id.name,
                        "achievements": self._plain(rec.achievements, plain),
                        "amount": rec.commendation_id.amount or 0.0,
                        "target": rec.target,
                    }
                )
        return rows

    def _batches(self, records, size=2000):
        for start in range(0, len(records), size):
            batch = records[start : start + size]
            yield batch.with_prefetch(batch._ids)

    def _plain(self, html, cache):
        """Achievements as plain text; lists repeat the same wording, so it is cached."""
        if not html:
            return ""
        key = str(html)
        if key not in cache:
            cache[key] = html2plaintext(key).strip()
        return cache[key]

    def _award_list_sheet(self, workbook, records, title, reference="", issuer=""):
        labels = [
            self.env._("No."),
            self.env._("Full name"),
            self.env._("Born (male)"),
            self.env._("Born (female)"),
            self.env._("Position"),
            self.env._("Unit"),
            self.env._("Title / form"),
            self.env._("Achievements"),
            self.env._("Amount (VND)"),
        ]
        out = XlsxSheet(workbook, self.env._("List"), [6, 28, 13, 13, 24, 32, 30, 45, 16])
        if issuer:
            out.merged(issuer.upper(), "subtitle")
        out.merged(title.upper(), "title")
        if reference:
            out.merged(reference, "subtitle")
        out.row += 1
        out.header(labels)
        styles = ["center", "text", "date", "date", "text", "text", "text", "text", "money"]
        groups = OrderedDict()
        for row in self._award_list_rows(records):
            groups.setdefault(row["unit"], []).append(row)
        number, subtotal_cells, grand_total = 0, [], 0.0
        for unit, rows in groups.items():
            out.write_row([unit or self.env._("(no unit)")] + [""] * 8, ["group"] * 9)
            first = out.row
            for row in rows:
                number += 1
                male = row["birthday"] if row["gender"] != "female" else None
                female = row["birthday"] if row["gender"] == "female" else None
                out.write_row(
                    [
                        number,
                        row["name"],
                        male,
                        female,
                        row["job"],
                        unit,
                        row["award"],
                        row["achievements"],
                        row["amount"],
                    ],
                    styles,
                )
            amount = sum(r["amount"] for r in rows)
            grand_total += amount
            formula = f"=SUM({cell(first, 8)}:{cell(out.row - 1, 8)})"
            subtotal_cells.append(cell(out.row, 8))
            out.write_row(
                ["", self.env._("Subtotal: %(unit)s (%(count)s)", unit=unit, count=len(rows))]
                + [""] * 6
                + [(formula, amount)],
                ["group"] * 8 + ["total"],
            )
        total_formula = "=" + ("+".join(subtotal_cells) if subtotal_cells else "0")
        out.write_row(
            ["", self.env._("Total (%(count)s)", count=number)]
            + [""] * 6
            + [(total_formula, grand_total)],
            ["group"] * 8 + ["total"],
        )

    # Figures of a movement or phase, per unit

    def _movement_sheets(self, records):
        """(movement, phase or None, units in the user's reach) for each record printed."""
        records.check_access("read")
        for record in records:
            if record._name == "thidua.phase":
                movement, phase = record.movement_id, record
            else:
                movement, phase = record, None
            units = movement._units_in_reach().sorted(lambda d: (d.block_id.sequence, d.name))
            yield movement, phase, units

    def _units_of(self, departments, units):
        """{department id: the unit of `units` it belongs to (itself or an ancestor)}."""
        nearest_first = sorted(units, key=lambda u: len(u.parent_path), reverse=True)
        return {
            department.id: next(
                (u for u in nearest_first if department.parent_path.startswith(u.parent_path)),
                None,
            )
            for department in departments
        }
