from odoo import models

BLANK_REPORT = "thidua_module.report_certificate_blank"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def get_paperformat(self):
        # Certificates on a blank print on the paper of their layout, with no margins.
        layout_id = self.env.context.get("thidua_certificate_layout_id")
        if isinstance(layout_id, int) and self.report_name == BLANK_REPORT:
            # The context comes from the client: a layout that is gone or out of
            # the reader's reach prints on the report's own paper.
            layout = self.env["thidua.certificate.layout"].browse(layout_id).exists()
            if layout.has_access("read") and layout.paperformat_id:
                return layout.paperformat_id
        return super().get_paperformat()

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        report = self._get_report(report_ref)
        if report.report_name == BLANK_REPORT and res_ids:
            commendations = self.env["thidua.commendation"].browse(res_ids)
            layout = commendations._certificate_layout()
            self = self.with_context(thidua_certificate_layout_id=layout.id)
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
