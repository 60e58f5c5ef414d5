from odoo import api, models


class ThiduaDecisionReport(models.AbstractModel):
    """The PDF decision with its list, printed only for whoever may read the whole list."""

    _name = "report.thidua_module.report_decision"
    _description = "Decision (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        decisions = self.env["thidua.decision"].browse(docids)
        decisions.check_access("read")
        for decision in decisions:
            decision._listed_people()
        return {
            "doc_ids": docids,
            "doc_model": "thidua.decision",
            "docs": decisions,
            "data": data,
        }
