from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models

from ..tools.dates import format_vn_date
from ..tools.sql import create_partial_unique_index

DEFAULT_REMINDER_DAYS = 7


class ThiduaReminder(models.Model):
    """A reminder of a phase's deadline sent to a unit manager (one row per unit) or
    a digest sent to the officer in charge of the movement (one row, no unit).

    The rows are what the daily job reads to send nothing twice: PostgreSQL keeps
    one per phase, deadline and unit, and one digest per phase, deadline and
    officer.
    """

    _name = "thidua.reminder"
    _description = "Deadline Reminder"
    _order = "date_sent desc, phase_id, kind, id"

    phase_id = fields.Many2one(
        "thidua.phase", string="Phase", required=True, index=True, ondelete="cascade"
    )
    movement_id = fields.Many2one(related="phase_id.movement_id", store=True)
    kind = fields.Selection(
        [("registration", "Registration"), ("nomination", "Nomination")],
        string="Deadline",
        required=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        index="btree_not_null",
        ondelete="cascade",
        help="Empty for the digest of the officer in charge of the movement.",
    )
    user_id = fields.Many2one("res.users", string="Sent To", required=True, ondelete="cascade")
    date_sent = fields.Date(required=True)
    waiting_count = fields.Integer(
        string="Waiting",
        help="Employees not registered, or nominations waiting for the unit's approval, "
        "when the reminder was sent.",
    )
    company_id = fields.Many2one(related="phase_id.company_id", store=True, index=True)

    _sql_constraints = [
        # The indexes themselves are made in init(): units and digests apart.
        (
            "unit_uniq",
            "",
            "This unit has already been reminded of this deadline of the phase.",
        ),
        (
            "digest_uniq",
            "",
            "This officer has already received the digest of this deadline of the phase.",
        ),
    ]

    def init(self):
        super().init()
        create_partial_unique_index(
            self.env.cr,
            "thidua_reminder_unit_uniq",
            self._table,
            "phase_id, kind, department_id",
            "department_id IS NOT NULL",
        )
        create_partial_unique_index(
            self.env.cr,
            "thidua_reminder_digest_uniq",
            self._table,
            "phase_id, kind, user_id",
            "department_id IS NULL",
        )

    @api.model
    def _reminder_days(self):
        value = self.env["ir.config_parameter"].sudo().get_param("thidua_module.reminder_days")
        try:
            return max(int(value), 0) if value else DEFAULT_REMINDER_DAYS
        except ValueError:
            return DEFAULT_REMINDER_DAYS

    @api.model
    def _send_due(self):
        """Remind of every deadline falling within the configured number of days.

        Each unit manager gets one activity and one e-mail per phase and deadline
        for all his units with something waiting, and the officer in charge of the
        movement one digest of all the units; a unit or a digest already reminded
        of a deadline is not reminded again."""
        self = self.sudo()
        today = fields.Date.context_today(self)
        horizon = today + timedelta(days=self._reminder_days())
        deadlines = {
            "registration": "date_registration_deadline",
            "nomination": "date_nomination_deadline",
        }
        domain = ["|"] + [
            term
            for name in deadlines.values()
            for term in ("&", (name, ">=", today), (name, "<=", horizon))
        ]
        phases = self.env["thidua.phase"].search(
            [("state", "!=", "closed"), ("movement_id.state", "=", "running")] + domain
        )
        if not phases:
            return
        sent = self.search([("phase_id", "in", phases.ids)])
        sent_units = {(r.phase_id.id, r.kind, r.department_id.id) for r in sent if r.department_id}
        sent_digests = {(r.phase_id.id, r.kind, r.user_id.id) for r in sent if not r.department_id}
        for phase in phases:
            for kind, name in deadlines.items():
                deadline = phase[name]
                if not deadline or not today <= deadline <= horizon:
                    continue
                waiting = phase._thidua_waiting(kind)
                if not waiting:
                    continue
                by_user = defaultdict(list)
                for unit, user, count in waiting:
                    if user.active and (phase.id, kind, unit.id) not in sent_units:
                        by_user[user].append((unit, count))
                officer = phase.movement_id.user_id
                # An archived officer (OdooBot, who created the movement as data) reads nothing.
                digest = officer.active and (phase.id, kind, officer.id) not in sent_digests
                self.create(
                    [
                        {
                            "phase_id": phase.id,
                            "kind": kind,
                            "department_id": unit.id,
                            "user_id": user.id,
                            "date_sent": today,
                            "waiting_count": count,
                        }
                        for user, lines in by_user.items()
                        for unit, count in lines
                    ]
                    + (
                        [
                            {
                                "phase_id": phase.id,
                                "kind": kind,
                                "user_id": officer.id,
                                "date_sent": today,
                                "waiting_count": sum(count for __, __, count in waiting),
                            }
                        ]
                        if digest
                        else []
                    )
                )
                for user, lines in by_user.items():
                    self._notify(phase, kind, deadline, user, lines)
                if digest:
                    lines = [(unit, count) for unit, __, count in waiting]
                    self._notify(phase, kind, deadline, officer, lines, is_digest=True)

    @api.model
    def _notify(self, phase, kind, deadline, user, lines, is_digest=False):
        """One activity on the phase and one e-mail for `user`, listing `lines`
        [(unit, count)] in his language."""
        phase = phase.with_context(lang=user.lang or self.env.lang)
        env = phase.env
        total = sum(count for __, count in lines)
        units = ", ".join(unit.display_name for unit, __ in lines)
        if kind == "registration":
            note = env._(
                "Registration deadline of %(phase)s: %(date)s. %(count)s employees of "
                "%(units)s have not registered yet.",
                phase=phase.display_name,
                date=format_vn_date(deadline),
                count=total,
                units=units,
            )
        else:
            note = env._(
                "Nomination deadline of %(phase)s: %(date)s. %(count)s nominations of "
                "%(units)s wait for the unit's approval.",
                phase=phase.display_name,
                date=format_vn_date(deadline),
                count=total,
                units=units,
            )
        # The e-mail below is the notice: no second one for the assignment.
        phase.with_context(mail_activity_quick_update=True).activity_schedule(
            "thidua_module.mail_activity_data_thidua_deadline",
            date_deadline=deadline,
            note=note,
            user_id=user.id,
        )
        template = env.ref("thidua_module.mail_template_thidua_deadline_reminder")
        template.with_context(
            thidua_kind=kind,
            thidua_deadline=format_vn_date(deadline),
            thidua_recipient=user.name,
            thidua_is_digest=is_digest,
            thidua_lines=[{"unit": unit.display_name, "count": count} for unit, count in lines],
        ).send_mail(
            phase.id,
            email_values={"recipient_ids": [Command.set(user.partner_id.ids)]},
        )
