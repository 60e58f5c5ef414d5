from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.dates import anniversary_count, format_vn_date, milestone_label


class ThiduaMilestone(models.Model):
    """A milestone (ngày kỷ niệm) a phase celebrates."""

    _name = "thidua.milestone"
    _description = "Emulation Milestone"
    _order = "date_celebration, sequence, id"
    _rec_name = "label"
    # The label is worked out in the reader's language; it is searched by name.
    _rec_names_search = ["name"]

    phase_id = fields.Many2one(
        "thidua.phase", string="Phase", required=True, index=True, ondelete="cascade"
    )
    movement_id = fields.Many2one(
        related="phase_id.movement_id", store=True, index=True, string="Movement"
    )
    company_id = fields.Many2one(related="phase_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Celebrated",
        required=True,
        help="What is celebrated, e.g. the founding day of the Vietnam Trade Union.",
    )
    kind = fields.Selection(
        [("anniversary", "Anniversary"), ("event", "Event")],
        required=True,
        default="anniversary",
        help="An anniversary counts the years since its origin date; an event is "
        "celebrated as it happens (a congress, an election).",
    )
    date_origin = fields.Date(string="Origin Date")
    date_celebration = fields.Date(string="Celebration Date", required=True)
    anniversary = fields.Integer(
        string="Years", compute="_compute_anniversary", store=True, aggregator=False
    )
    label = fields.Char(compute="_compute_label")
    description = fields.Text()

    @api.depends("kind", "date_origin", "date_celebration")
    def _compute_anniversary(self):
        for milestone in self:
            milestone.anniversary = (
                anniversary_count(milestone.date_origin, milestone.date_celebration)
                if milestone.kind == "anniversary"
                else 0
            )

    @api.depends("name", "kind", "date_origin", "date_celebration")
    @api.depends_context("lang")
    def _compute_label(self):
        anniversary_text = self.env._("%(count)s years of %(name)s (%(start)s - %(end)s)")
        event_text = self.env._("Celebrating %(name)s")
        for milestone in self:
            milestone.label = milestone_label(
                milestone.name,
                milestone.kind,
                milestone.date_origin,
                milestone.date_celebration,
                anniversary_text,
                event_text,
            )

    @api.constrains("kind", "date_origin", "date_celebration")
    def _check_dates(self):
        for milestone in self.filtered(lambda m: m.kind == "anniversary"):
            if not milestone.date_origin:
                raise ValidationError(
                    self.env._(
                        "The anniversary “%(name)s” needs its origin date to count its years.",
                        name=milestone.name,
                    )
                )
            if milestone.date_origin >= milestone.date_celebration:
                raise ValidationError(
                    self.env._(
                        "The anniversary “%(name)s”: the origin date %(origin)s must be "
                        "before the celebration date %(date)s.",
                        name=milestone.name,
                        origin=format_vn_date(milestone.date_origin),
                        date=format_vn_date(milestone.date_celebration),
                    )
                )

    @api.constrains("date_celebration", "phase_id")
    def _check_date_in_phase(self):
        for milestone in self:
            phase = milestone.phase_id
            if not phase.date_start <= milestone.date_celebration <= phase.date_end:
                raise ValidationError(
                    self.env._(
                        "The milestone “%(name)s” is celebrated on %(date)s, outside its "
                        "phase “%(phase)s” (%(start)s - %(end)s).",
                        name=milestone.name,
                        date=format_vn_date(milestone.date_celebration),
                        phase=phase.name,
                        start=format_vn_date(phase.date_start),
                        end=format_vn_date(phase.date_end),
                    )
                )
