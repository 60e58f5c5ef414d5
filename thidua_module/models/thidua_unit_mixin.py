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

    def _thidua_check_unit_manager(self):
        """Unit-level steps: by the manager of the unit or of a unit above it,
        or by an emulation officer."""
        if self.env.su or self.env.user.has_group("thidua_module.group_thidua_officer"):
            return
        mine = self.env["hr.department"]._thidua_managed_by()
        foreign = self.filtered(lambda record: record.unit_id not in mine)
        if not foreign:
            return
        if not foreign[0].unit_id:
            raise UserError(
                self.env._(
                    "“%(name)s” belongs to no unit: only an emulation officer can do this.",
                    name=foreign[0].display_name,
                )
            )
        raise UserError(
            self.env._(
                "Only the manager of %(unit)s or an emulation officer can do this on “%(name)s”.",
                unit=foreign[0].unit_id.name,
                name=foreign[0].display_name,
            )
        )
