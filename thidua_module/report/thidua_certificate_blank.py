from odoo import api, models


class ThiduaCertificateBlank(models.AbstractModel):
    """Certificates printed on blank forms: only the fields, each at its place."""

    _name = "report.thidua_module.report_certificate_blank"
    _description = "Certificate on a Blank (PDF)"

    _preview = False

    @api.model
    def _get_report_values(self, docids, data=None):
        commendations = self.env["thidua.commendation"].browse(docids)
        commendations.check_access("read")
        layout = commendations._certificate_layout()
        return {
            "doc_ids": docids,
            "doc_model": "thidua.commendation",
            "docs": commendations,
            "layout": layout,
            "pages": layout._pages(commendations),
            "preview": self._preview,
        }


class ThiduaCertificateBlankPreview(models.AbstractModel):
    """The same certificates on screen, over the scan of the blank."""

    _name = "report.thidua_module.report_certificate_blank_preview"
    _inherit = "report.thidua_module.report_certificate_blank"
    _description = "Certificate on a Blank: Preview"

    _preview = True


class ThiduaCertificateLayoutPreview(models.AbstractModel):
    """A layout on screen, filled with sample values, over the scan of its blank."""

    _name = "report.thidua_module.report_certificate_layout_preview"
    _description = "Certificate Blank Layout: Preview"

    @api.model
    def _get_report_values(self, docids, data=None):
        layouts = self.env["thidua.certificate.layout"].browse(docids)
        layouts.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "thidua.certificate.layout",
            "docs": layouts,
            "pages": layouts._pages(),
            "preview": True,
        }
