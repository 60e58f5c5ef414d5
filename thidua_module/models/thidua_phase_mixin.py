from odoo import api, models
from odoo.exceptions import ValidationError


class ThiduaPhaseMixin(models.AbstractModel):
    """Records of a movement (`movement_id`) and maybe one of its phases (`phase_id`)."""

    _name = "thidua.phase.mixin"
    _description = "Record of a Movement's Phase"

    @api.constrains("movement_id", "phase_id")
    def _check_phase(self):
        wrong = self.filtered(lambda r: r.phase_id and r.phase_id.movement_id != r.movement_id)
        if wrong:
            raise ValidationError(
                self.env._(
                    "The phase “%(phase)s” belongs to the movement “%(other)s”, not "
                    "to “%(movement)s”. Choose a phase of this movement.",
                    phase=wrong[0].phase_id.name,
                    other=wrong[0].phase_id.movement_id.name,
                    movement=wrong[0].movement_id.name or "-",
                )
            )
