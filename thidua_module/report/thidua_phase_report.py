from collections import defaultdict

from odoo import models

from .thidua_xlsx_report import XlsxSheet, cell


class ThiduaPhaseReport(models.AbstractModel):
    """Phase report (báo cáo sơ kết), or year-end report (tổng kết) of a movement."""

    _name = "report.thidua_module.phase_report"
    _inherit = "thidua.xlsx.report"
    _description = "Phase Report (XLSX)"

    def generate_xlsx_report(self, workbook, data, records):
        for movement, phase, units in self._movement_sheets(records):
            self._phase_sheet(workbook, movement, phase, units)

    def _phase_sheet(self, workbook, movement, phase, units):
        in_units = [("movement_id", "=", movement.id), ("unit_id", "child_of", units.ids)]
        if phase:
            in_units.append(("phase_id", "=", phase.id))
        pledges = self.env["thidua.pledge"].search(in_units + [("state", "!=", "cancelled")])
        nominations = self.env["thidua.nomination"].search(in_units)
        commendations = self.env["thidua.commendation"].search(in_units + [("state", "=", "valid")])
        awards = commendations.award_type_id.sorted("sequence")
        states = ["submitted", "unit_approved", "council_approved", "awarded", "refused"]
        state_labels = dict(nominations._fields["state"]._description_selection(self.env))
        unit_of = self._units_of(
            pledges.unit_id | nominations.unit_id | commendations.unit_id, units
        )
        counts = defaultdict(float)
        for pledge in pledges:
            unit = unit_of.get(pledge.unit_id.id)
            if unit:
                counts[unit.id, "pledges"] += 1
                if pledge.state in ("evaluated", "closed"):
                    counts[unit.id, "evaluated"] += 1
                    if pledge.line_ids and pledge.met_count == len(pledge.line_ids):
                        counts[unit.id, "met"] += 1
        for nomination in nominations:
            unit = unit_of.get(nomination.unit_id.id)
            if unit:
                counts[unit.id, nomination.state] += 1
        for commendation in commendations:
            unit = unit_of.get(commendation.unit_id.id)
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
        out = XlsxSheet(workbook, self.env._("Phase report"), widths)
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


class ThiduaMovementReport(models.AbstractModel):
    _name = "report.thidua_module.movement_report"
    _inherit = "report.thidua_module.phase_report"
    _description = "Year-End Report (XLSX)"
