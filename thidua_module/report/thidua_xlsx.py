"""XLSX documents: award lists, registration summaries and phase reports.

Written with xlsxwriter in constant-memory mode (rows are written in order and
flushed), so that a list of tens of thousands of people stays small in memory.
Records are read in batches, never one query per row.
"""

import base64
import io
from collections import OrderedDict, defaultdict

import xlsxwriter

from odoo import api, models
from odoo.tools import html2plaintext

from ..tools.dates import format_vn_date

MONEY = "#,##0"
DATE = "dd/mm/yyyy"


class XlsxSheet:
    """A worksheet written row by row with the formats Vietnamese lists use."""

    def __init__(self, title, widths):
        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(self.buffer, {"constant_memory": True})
        self.sheet = self.book.add_worksheet(title[:31])
        self.row = 0
        font = {"font_name": "Times New Roman", "font_size": 12}
        self.formats = {
            "title": self.book.add_format(dict(font, bold=True, font_size=14, align="center")),
            "subtitle": self.book.add_format(dict(font, italic=True, align="center")),
            "header": self.book.add_format(
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
            "text": self.book.add_format(dict(font, border=1, valign="top", text_wrap=True)),
            "center": self.book.add_format(dict(font, border=1, align="center", valign="top")),
            "date": self.book.add_format(dict(font, border=1, num_format=DATE, align="center")),
            "money": self.book.add_format(dict(font, border=1, num_format=MONEY)),
            "number": self.book.add_format(dict(font, border=1, num_format="#,##0")),
            "percent": self.book.add_format(dict(font, border=1, num_format="0.0")),
            "group": self.book.add_format(dict(font, bold=True, border=1, bg_color="#F2F2F2")),
            "total": self.book.add_format(dict(font, bold=True, border=1, num_format=MONEY)),
        }
        self.width = len(widths)
        for column, width in enumerate(widths):
            self.sheet.set_column(column, column, width)

    def merged(self, text, style):
        self.sheet.merge_range(self.row, 0, self.row, self.width - 1, text, self.formats[style])
        self.row += 1

    def header(self, labels):
        self.sheet.set_row(self.row, 32)
        for column, label in enumerate(labels):
            self.sheet.write_string(self.row, column, label, self.formats["header"])
        self.row += 1
        self.sheet.freeze_panes(self.row, 0)

    def write(self, values, styles):
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

    def close(self):
        self.book.close()
        return self.buffer.getvalue()


def cell(row, column):
    return xlsxwriter.utility.xl_rowcol_to_cell(row, column)


class ThiduaXlsxReport(models.AbstractModel):
    _name = "thidua.xlsx.report"
    _description = "XLSX Reports"

    # Download

    @api.model
    def _download(self, content, filename, records):
        attachment = self.env["ir.attachment"].create(
            {
                "name": filename,
                "datas": base64.b64encode(content),
                "res_model": records._name,
                "res_id": records.id if len(records) == 1 else False,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    # Award list (danh sách khen thưởng / đề nghị khen thưởng)

    @api.model
    def _award_list_rows(self, records):
        """Rows of a list of commendations (as on the decision) or nominations."""
        if records._name == "thidua.commendation":
            rows = self._commendation_rows(records)
        else:
            rows = self._nomination_rows(records)
        rows.sort(key=lambda r: (r["unit"], r["name"]))
        return rows

    @api.model
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
                    }
                )
        return rows

    @api.model
    def _nomination_rows(self, records):
        plain, rows = {}, []
        for batch in self._batches(records):
            for rec in batch:
                employee = rec.employee_id
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
                    }
                )
        return rows

    @api.model
    def _batches(self, records, size=2000):
        for start in range(0, len(records), size):
            batch = records[start : start + size]
            yield batch.with_prefetch(batch._ids)

    @api.model
    def _plain(self, html, cache):
        """Achievements as plain text; lists repeat the same wording, so it is cached."""
        if not html:
            return ""
        key = str(html)
        if key not in cache:
            cache[key] = html2plaintext(key).strip()
        return cache[key]

    @api.model
    def _award_list_content(self, records, title, reference="", issuer=""):
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
        out = XlsxSheet(self.env._("List"), [6, 28, 13, 13, 24, 32, 30, 45, 16])
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
            out.write([unit or self.env._("(no unit)")] + [""] * 8, ["group"] * 9)
            first = out.row
            for row in rows:
                number += 1
                male = row["birthday"] if row["gender"] != "female" else None
                female = row["birthday"] if row["gender"] == "female" else None
                out.write(
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
            out.write(
                ["", self.env._("Subtotal: %(unit)s (%(count)s)", unit=unit, count=len(rows))]
                + [""] * 6
                + [(formula, amount)],
                ["group"] * 8 + ["total"],
            )
        total_formula = "=" + ("+".join(subtotal_cells) if subtotal_cells else "0")
        out.write(
            ["", self.env._("Total (%(count)s)", count=number)]
            + [""] * 6
            + [(total_formula, grand_total)],
            ["group"] * 8 + ["total"],
        )
        return out.close()

    @api.model
    def _award_list_action(self, records):
        if records._name == "thidua.decision":
            decision = records[:1]
            content = self._award_list_content(
                decision.commendation_ids or decision.nomination_ids,
                self.env._("Commendation list"),
                self.env._(
                    "(Attached to decision No. %(number)s of %(date)s)",
                    number=decision.name,
                    date=format_vn_date(decision.date),
                ),
                decision.authority_id.name or "",
            )
            name = decision.name
        elif records._name == "thidua.nomination":
            content = self._award_list_content(records, self.env._("Nomination list"))
            name = "de-nghi"
        else:
            content = self._award_list_content(records, self.env._("Commendation list"))
            name = "khen-thuong"
        filename = f"danh-sach-{name}.xlsx".replace("/", "-")
        return self._download(content, filename, records)

    # Registration summary (tổng hợp đăng ký thi đua)

    @api.model
    def _unit_of(self, department, units):
        """The participating unit a department belongs to (itself or an ancestor)."""
        path = department.parent_path or ""
        best = None
        for unit in units:
            if path.startswith(unit.parent_path) and (
                not best or len(unit.parent_path) > len(best.parent_path)
            ):
                best = unit
        return best

    @api.model
    def _registration_summary_content(self, movement, phase=None):
        units = movement.department_ids.sudo().sorted(lambda d: (d.block_id.sequence, d.name))
        stats = movement._registration_stats(units, phase)
        domain = [("movement_id", "=", movement.id), ("state", "!=", "cancelled")]
        if phase:
            domain.append(("phase_id", "in", (phase.id, False)))
        pledges = self.env["thidua.pledge"].sudo().search(domain)
        titles = pledges.filtered(lambda p: p.target == "individual").award_type_ids.sorted(
            "sequence"
        )
        per_title = defaultdict(int)
        collectives = defaultdict(int)
        for pledge in pledges:
            unit = self._unit_of(pledge.unit_id, units)
            if not unit:
                continue
            if pledge.target == "collective":
                collectives[unit.id] += 1
            else:
                for title in pledge.award_type_ids:
                    per_title[unit.id, title.id] += 1
        labels = (
            [
                self.env._("No."),
                self.env._("Block"),
                self.env._("Unit"),
                self.env._("Employees"),
                self.env._("Registered"),
                self.env._("Rate (%)"),
            ]
            + titles.mapped("name")
            + [self.env._("Collective pledges")]
        )
        widths = [6, 24, 36, 12, 12, 10] + [16] * len(titles) + [14]
        out = XlsxSheet(self.env._("Registration"), widths)
        out.merged(self.env._("Registration summary"), "title")
        out.merged((phase.display_name if phase else movement.name), "subtitle")
        out.row += 1
        out.header(labels)
        first = out.row
        styles = ["center", "text", "text", "number", "number", "percent"]
        styles += ["number"] * len(titles) + ["number"]
        totals = defaultdict(float)
        for number, unit in enumerate(units, start=1):
            row = stats[unit.id]
            values = [
                number,
                unit.block_id.name or "",
                unit.name,
                len(row["employees"]),
                len(row["registered"]),
                round(row["rate"], 1),
            ]
            values += [per_title[unit.id, title.id] for title in titles]
            values.append(collectives[unit.id])
            for index, value in enumerate(values[3:], start=3):
                totals[index] += value
            out.write(values, styles)
        last = out.row - 1
        sums = []
        for column in range(3, len(labels)):
            if column == 5:
                employees, registered = totals[3], totals[4]
                cached = round(100.0 * registered / employees, 1) if employees else 0.0
                formula = (
                    f"=IF({cell(out.row, 3)}>0,"
                    f"ROUND({cell(out.row, 4)}/{cell(out.row, 3)}*100,1),0)"
                )
            else:
                cached = totals[column]
                formula = f"=SUM({cell(first, column)}:{cell(last, column)})"
            sums.append((formula, cached) if last >= first else cached)
        out.write(
            ["", self.env._("Total"), ""] + sums,
            ["group", "group", "group"] + ["total"] * (len(labels) - 3),
        )
        return out.close()

    @api.model
    def _registration_summary_action(self, records):
        movement = records if records._name == "thidua.movement" else records.movement_id
        phase = records if records._name == "thidua.phase" else None
        content = self._registration_summary_content(movement[:1], phase and phase[:1])
        return self._download(content, "tong-hop-dang-ky-thi-dua.xlsx", records[:1])

    # Phase report (báo cáo sơ kết / tổng kết)

    @api.model
    def _phase_report_content(self, movement, phase=None):
        units = movement.department_ids.sudo().sorted(lambda d: (d.block_id.sequence, d.name))
        pledge_domain = [("movement_id", "=", movement.id), ("state", "!=", "cancelled")]
        nomination_domain = [("movement_id", "=", movement.id)]
        commendation_domain = [("movement_id", "=", movement.id), ("state", "=", "valid")]
        if phase:
            pledge_domain.append(("phase_id", "=", phase.id))
            nomination_domain.append(("phase_id", "=", phase.id))
            commendation_domain.append(("phase_id", "=", phase.id))
        pledges = self.env["thidua.pledge"].sudo().search(pledge_domain)
        nominations = self.env["thidua.nomination"].sudo().search(nomination_domain)
        commendations = self.env["thidua.commendation"].sudo().search(commendation_domain)
        awards = commendations.award_type_id.sorted("sequence")
        states = ["submitted", "unit_approved", "council_approved", "awarded", "refused"]
        state_labels = dict(nominations._fields["state"]._description_selection(self.env))
        counts = defaultdict(float)
        for pledge in pledges:
            unit = self._unit_of(pledge.unit_id, units)
            if unit:
                counts[unit.id, "pledges"] += 1
                if pledge.state in ("evaluated", "closed"):
                    counts[unit.id, "evaluated"] += 1
                    if pledge.line_ids and pledge.met_count == len(pledge.line_ids):
                        counts[unit.id, "met"] += 1
        for nomination in nominations:
            unit = self._unit_of(nomination.unit_id, units)
            if unit:
                counts[unit.id, nomination.state] += 1
        for commendation in commendations:
            unit = self._unit_of(commendation.unit_id, units)
            if unit:
                counts[unit.id, "award", commendation.award_type_id.id] += 1
                counts[unit.id, "amount"] += commendation.amount
        labels = [
            self.env._("No."),
            self.env._("Block"),
            self.env._("Unit"),
            self.env._("Pledges"),
            self.env._("Evaluated"),
            self.env._("All targets met"),
        ]
        labels += [self.env._("Nominations: %(state)s", state=state_labels[s]) for s in states]
        labels += awards.mapped("name") + [self.env._("Amount (VND)")]
        keys = ["pledges", "evaluated", "met"] + states
        widths = [6, 24, 36] + [12] * (len(keys) + len(awards)) + [16]
        out = XlsxSheet(self.env._("Phase report"), widths)
        out.merged(self.env._("Phase report"), "title")
        out.merged(phase.display_name if phase else movement.name, "subtitle")
        out.row += 1
        out.header(labels)
        first = out.row
        styles = ["center", "text", "text"] + ["number"] * (len(keys) + len(awards)) + ["money"]
        totals = defaultdict(float)
        for number, unit in enumerate(units, start=1):
            values = [counts[unit.id, key] for key in keys]
            values += [counts[unit.id, "award", award.id] for award in awards]
            values.append(counts[unit.id, "amount"])
            for index, value in enumerate(values):
                totals[index] += value
            out.write([number, unit.block_id.name or "", unit.name] + values, styles)
        last = out.row - 1
        sums = [
            (f"=SUM({cell(first, col + 3)}:{cell(last, col + 3)})", totals[col])
            if last >= first
            else 0
            for col in range(len(labels) - 3)
        ]
        out.write(
            ["", self.env._("Total"), ""] + sums,
            ["group", "group", "group"] + ["total"] * (len(labels) - 3),
        )
        return out.close()

    @api.model
    def _phase_report_action(self, records):
        movement = records if records._name == "thidua.movement" else records.movement_id
        phase = records if records._name == "thidua.phase" else None
        content = self._phase_report_content(movement[:1], phase and phase[:1])
        return self._download(content, "bao-cao-so-ket-tong-ket.xlsx", records[:1])
