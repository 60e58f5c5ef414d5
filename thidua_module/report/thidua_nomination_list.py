from odoo import models


class ThiduaNominationList(models.AbstractModel):
    """The list of the nominations selected in the Nominations list."""

    _name = "report.thidua_module.nomination_list"
    _inherit = "thidua.xlsx.report"
    _description = "Nomination List (XLSX)"

    def generate_xlsx_report(self, workbook, data, nominations):
        nominations.check_access("read")
        self._award_list_sheet(workbook, nominations, self.env._("Nomination list"))
