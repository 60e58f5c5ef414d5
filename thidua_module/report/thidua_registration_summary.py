from collections import defaultdict

from odoo import models

from .thidua_xlsx_report import XlsxSheet, cell


class ThiduaRegistrationSummary(models.AbstractModel):
    """Registration summary (tổng hợp đăng ký thi đua) of a movement, per unit."""

    _name = "report.thidua_module.movement_registration_summary"
    _inherit = "thidua.xlsx.report"
    _description = "Registration Summary (XLSX)"

    def generate_xlsx_report(self, workbook, data, records):
        for movement, phase, units in self._movement_sheets(records):
            self._registration_sheet(workbook, movement, phase, units)

    def _registration_sheet(self, workbook, movement, phase, units):
        domain = [
            ("movement_id", "=", movement.id),
            ("state", "!=", "cancelled"),
            ("unit_id", "child_of", units.ids),
        ]
        if phase:
            domain.append(("phase_id", "in", (phase.id, False)))
        pledges = self.env["thidua.pledge"].search(domain)
        stats = movement._registration_stats(units, phase, as_user=True)
        titles = pledges.filtered(lambda p: p.target == "individual").award_type_ids.sorted(
            "sequence"
        )
        unit_of = self._units_of(pledges.unit_id, units)
        per_title = defaultdict(int)
        collectives = defaultdict(int)
        for pledge in pledges:
            unit = unit_of.get(pledge.unit_id.id)
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
        out = XlsxSheet(workbook, self.env._("Registration"), widths)
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


class ThiduaPhaseRegistrationSummary(models.AbstractModel):
    _name = "report.thidua_module.phase_registration_summary"
    _inherit = "report.thidua_module.movement_registration_summary"
    _description = "Registration Summary of a Phase (XLSX)"
