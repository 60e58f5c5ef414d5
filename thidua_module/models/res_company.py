from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    thidua_authority_id = fields.Many2one(
        "thidua.authority",
        string="Own Authority",
        help="The authority this organisation stands for in emulation and commendation: "
        "awards granted above it are proposed on a dossier sent up.",
    )
    thidua_cover_form = fields.Char(
        string="Form of the Cover Letter",
        help="The form number printed on the cover letter, as the decree in force names "
        "it (e.g. “Mẫu số 01”); empty prints none.",
    )
    thidua_report_form_individual = fields.Char(
        string="Form of an Individual's Report",
        help="The form number printed on an individual's achievement report.",
    )
    thidua_report_form_collective = fields.Char(
        string="Form of a Collective's Report",
        help="The form number printed on a collective's achievement report.",
    )
