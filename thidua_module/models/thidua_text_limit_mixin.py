from odoo import api, models
from odoo.exceptions import ValidationError


class ThiduaTextLimitMixin(models.AbstractModel):
    """Texts bounded before they reach an index, where PostgreSQL would reject
    a long one with an unreadable error."""

    _name = "thidua.text.limit.mixin"
    _description = "Record with Bounded Texts"

    # {field name: maximum length}
    _thidua_text_limits = {}

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_text_lengths(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_text_lengths(vals)
        return super().write(vals)

    @api.model
    def _check_text_lengths(self, vals):
        for name, limit in self._thidua_text_limits.items():
            value = vals.get(name)
            if isinstance(value, str) and len(value) > limit:
                raise ValidationError(
                    self.env._(
                        "“%(field)s” is limited to %(limit)s characters (%(length)s given). "
                        "Shorten it.",
                        field=self._fields[name]._description_string(self.env),
                        limit=limit,
                        length=len(value),
                    )
                )
