from odoo import models

from ..tools.dates import format_vn_date


class ThiduaDecisionAwardList(models.AbstractModel):
    """The list of a decision: its commendations once issued, else its nominations."""

    _name = "report.thidua_module.decision_award_list"
    _inherit = "thidua.xlsx.report"
    _description = "Award List of a Decision (XLSX)"

    def generate_xlsx_report(self, workbook, data, decisions):
        decisions.check_access("read")
        for decision in decisions:
            people = decision._listed_people()
            self._award_list_sheet(
                workbook,
                people,
                self.env._("Commendation list"),
                self.env._(
                    "(Attached to decision No. %(number)s of %(date)s)",
                    number=decision.name,
                    date=format_vn_date(decision.date),
                ),
                decision.authority_id.name or "",
            )
