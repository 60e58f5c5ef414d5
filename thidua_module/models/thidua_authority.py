from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ThiduaAuthority(models.Model):
    """An organisation that launches movements and issues commendations."""

    _name = "thidua.authority"
    _description = "Issuing Authority"
    _parent_store = True
    _order = "complete_name, id"
    _rec_name = "complete_name"

    name = fields.Char(required=True)
    short_name = fields.Char(help="Abbreviation used in document numbers.")
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    level_id = fields.Many2one("thidua.level", string="Level", ondelete="restrict")
    parent_id = fields.Many2one(
        "thidua.authority", string="Higher Authority", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("thidua.authority", "parent_id", string="Lower Authorities")
    company_id = fields.Many2one("res.company", string="Company")
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for authority in self:
            if authority.parent_id:
                authority.complete_name = f"{authority.parent_id.complete_name} / {authority.name}"
            else:
                authority.complete_name = authority.name

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An authority cannot be its own higher authority."))
