from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.dates import format_vn_date


class ThiduaDeadlineMixin(models.AbstractModel):
    """Records sent in before a deadline of their phase, or late with an officer's consent.

    `_thidua_deadline_field` names the phase's deadline (a date field of
    `thidua.phase`); after it, submitting (and, with `_thidua_deadline_on_create`,
    creating) a record needs the consent of an emulation officer, recorded by
    `action_consent_late` in `late_consent_by_id` and `late_consent_date`. A
    phase without that deadline checks nothing.
    """

    _name = "thidua.deadline.mixin"
    _description = "Record Bound by a Phase Deadline"

    _thidua_deadline_field = None
    _thidua_deadline_on_create = False

    late_consent_by_id = fields.Many2one(
        "res.users",
        string="Late Consent By",
        readonly=True,
        copy=False,
        tracking=True,
        help="The emulation officer who accepted this record after the deadline of its phase.",
    )
    late_consent_date = fields.Date(readonly=True, copy=False)
    is_late = fields.Boolean(
        compute="_compute_is_late",
        help="The deadline of the phase has passed and no officer has consented yet.",
    )

    @api.depends("phase_id", "late_consent_by_id")
    @api.depends_context("uid")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for record in self:
            deadline = record._thidua_deadline()
            record.is_late = bool(deadline and today > deadline and not record.late_consent_by_id)

    def _thidua_deadline(self):
        self.ensure_one()
        return self.phase_id[self._thidua_deadline_field] if self.phase_id else False

    def _thidua_late_without_consent(self):
        today = fields.Date.context_today(self)
        return self.filtered(
            lambda r: (
                not r.late_consent_by_id and r._thidua_deadline() and today > r._thidua_deadline()
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if self._thidua_deadline_on_create and not self.env.su:
            late = records._thidua_late_without_consent()
            if late:
                late._thidua_check_late_consent()
                late._thidua_workflow_write(late._prepare_late_consent_values())
        return records

    def _thidua_is_officer(self):
        return self.env.su or self.env.user.has_group("thidua_module.group_thidua_officer")

    def _thidua_check_late_consent(self):
        """Refuse records past their deadline unless the user is an emulation officer,
        who consents by creating them."""
        if self._thidua_is_officer():
            return
        self._thidua_raise_late(self[0])

    def _thidua_check_deadline(self):
        """At submission: past the deadline, only with an officer's consent."""
        if self.env.su:
            return
        late = self._thidua_late_without_consent()
        if late:
            self._thidua_raise_late(late[0])

    def _thidua_raise_late(self, record):
        phase = record.phase_id
        officer = phase.movement_id.user_id
        deadline = format_vn_date(record._thidua_deadline())
        if self._thidua_deadline_field == "date_registration_deadline":
            message = self.env._(
                "The registration deadline of the phase “%(phase)s” was %(deadline)s: “%(name)s” "
                "is late and needs the consent of an emulation officer (%(officer)s, in "
                "charge of the movement, or another officer), given with the button "
                "“Consent to Late Submission”.",
                phase=phase.display_name,
                deadline=deadline,
                name=record.display_name,
                officer=officer.name or self.env._("none appointed"),
            )
        else:
            message = self.env._(
                "The nomination deadline of the phase “%(phase)s” was %(deadline)s: “%(name)s” "
                "is late and needs the consent of an emulation officer (%(officer)s, in "
                "charge of the movement, or another officer), given with the button "
                "“Consent to Late Submission”.",
                phase=phase.display_name,
                deadline=deadline,
                name=record.display_name,
                officer=officer.name or self.env._("none appointed"),
            )
        raise UserError(message)

    def _prepare_late_consent_values(self):
        return {
            "late_consent_by_id": self.env.uid,
            "late_consent_date": fields.Date.context_today(self),
        }

    def action_consent_late(self):
        """An emulation officer accepts records sent in after the deadline of their phase."""
        if not self._thidua_is_officer():
            raise UserError(
                self.env._(
                    "Only an emulation officer can consent to “%(name)s” being submitted after "
                    "the deadline.",
                    name=self[:1].display_name,
                )
            )
        self._thidua_check_state(("draft",))
        self._thidua_workflow_write(self._prepare_late_consent_values())
        return True
