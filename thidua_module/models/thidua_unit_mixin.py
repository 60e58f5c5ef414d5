from odoo import api, fields, models
from odoo.exceptions import UserError


class ThiduaUnitMixin(models.AbstractModel):
    """Records that belong to a unit (unit_id), seen by the managers above it.

    The record rules of unit managers search `is_in_my_units`, computed when
    the query runs, so that a change of manager applies at once.
    """

    _name = "thidua.unit.mixin"
    _description = "Record of a Unit"

    is_in_my_units = fields.Boolean(
        compute="_compute_is_in_my_units", search="_search_is_in_my_units"
    )

    @api.depends("unit_id")
    @api.depends_context("uid")
    def _compute_is_in_my_units(self):
        mine = self.env["hr.department"]._thidua_managed_by()
        for record in self:
            record.is_in_my_units = record.unit_id in mine

    def _search_is_in_my_units(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        units = self.env["hr.department"]._thidua_managed_by()
        positive = (operator == "=") == value
        return [("unit_id", "in" if positive else "not in", units.ids)]
