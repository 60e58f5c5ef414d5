from odoo import models


class ThiduaCommendationAwardList(models.AbstractModel):
    """The list of the commendations selected in the Commendations list."""

    _name = "report.thidua_module.commendation_award_list"
    _inherit = "thidua.xlsx.report"
    _description = "Award List of Commendations (XLSX)"

    def generate_xlsx_report(self, workbook, data, commendations):
        commendations.check_access("read")
        self._award_list_sheet(workbook, commendations, self.env._("Commendation list"))
