import base64

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import dossier_archive


class ThiduaDossierDecide(models.TransientModel):
    """Records the higher authority's decision on a dossier sent: typed from
    the decision received, or read from the decision file its database sent
    back."""

    _name = "thidua.dossier.decide"
    _description = "Record the Decision on a Dossier"

    dossier_id = fields.Many2one("thidua.dossier", required=True, ondelete="cascade")
    file = fields.Binary(
        string="Decision File",
        help="The decision file (JSON) exported by the higher authority's database; "
        "without it, type the decision below.",
    )
    filename = fields.Char()
    name = fields.Char(string="Decision Number")
    date = fields.Date(string="Decision Date")
    signer_name = fields.Char(string="Signed By")
    signer_title = fields.Char(string="Signer's Position")
    line_ids = fields.One2many("thidua.dossier.decide.line", "wizard_id", string="Results")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        dossier = self.env["thidua.dossier"].browse(values.get("dossier_id"))
        if dossier and "line_ids" in fields_list:
            values["line_ids"] = [
                Command.create({"nomination_id": nomination.id, "granted": True})
                for nomination in dossier.nomination_ids
            ]
        return values

    def action_confirm(self):
        self.ensure_one()
        dossier = self.dossier_id
        dossier._check_preparer()
        if self.file:
            try:
                decisions, results = dossier._read_decision_file(base64.b64decode(self.file))
            except dossier_archive.ArchiveError as error:
                raise UserError(dossier._archive_error_message(error)) from None
        else:
            decisions, results = self._typed()
        dossier._record_decision(decisions, results)
        return {"type": "ir.actions.act_window_close"}

    def _typed(self):
        if self.line_ids.filtered("granted") and not (self.name and self.date):
            raise UserError(
                self.env._("Give the number and the date of the decision, or its file.")
            )
        decisions = {
            "typed": {
                "name": self.name,
                "date": self.date,
                "signer_name": self.signer_name,
                "signer_title": self.signer_title,
            }
        }
        results = [
            (line.nomination_id, line.granted, "typed", line.amount, line.reason or "")
            for line in self.line_ids
        ]
        return decisions, results


class ThiduaDossierDecideLine(models.TransientModel):
    _name = "thidua.dossier.decide.line"
    _description = "Result of a Nomination on a Dossier"
    _check_company_auto = True

    wizard_id = fields.Many2one("thidua.dossier.decide", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="wizard_id.dossier_id.company_id")
    nomination_id = fields.Many2one(
        "thidua.nomination", required=True, ondelete="cascade", check_company=True
    )
    granted = fields.Boolean(default=True)
    amount = fields.Float(digits=(16, 0), help="As the decision pays it, in đồng.")
    reason = fields.Char(help="Why it was not granted, when the decision says.")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "An amount cannot be negative."),
    ]

    @api.constrains("nomination_id", "wizard_id")
    def _check_nomination_in_dossier(self):
        for line in self:
            if line.nomination_id not in line.wizard_id.dossier_id.nomination_ids:
                raise ValidationError(
                    self.env._(
                        "“%(nomination)s” is not on the dossier “%(dossier)s”.",
                        nomination=line.nomination_id.display_name,
                        dossier=line.wizard_id.dossier_id.name,
                    )
                )
