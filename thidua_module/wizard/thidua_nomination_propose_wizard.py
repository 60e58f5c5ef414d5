from odoo import api, fields, models
from odoo.exceptions import UserError


class ThiduaNominationProposeWizard(models.TransientModel):
    """Proposes nominations for the best-ranked evaluated pledges of a unit."""

    _name = "thidua.nomination.propose.wizard"
    _description = "Propose Nominations"

    movement_id = fields.Many2one("thidua.movement", string="Movement", required=True)
    phase_id = fields.Many2one(
        "thidua.phase", string="Phase", domain="[('movement_id', '=', movement_id)]"
    )
    department_id = fields.Many2one("hr.department", string="Unit", required=True)
    award_type_id = fields.Many2one(
        "thidua.award.type",
        string="Award",
        required=True,
        domain="[('target', 'in', ('individual', 'both'))]",
    )
    quota = fields.Integer(
        string="How Many",
        required=True,
        default=1,
        help="The number of best-ranked pledges to propose.",
    )
    min_score = fields.Float(string="Minimum Score", default=100.0)

    @api.onchange("award_type_id", "department_id", "movement_id")
    def _onchange_quota(self):
        award, unit = self.award_type_id, self.department_id
        if award.quota_percent and award.quota_base_type_id and unit and self.movement_id:
            year = self.movement_id.year
            allowed, _base = self.env["thidua.eligibility"]._quota(award, unit, year)
            self.quota = max(allowed - len(self._live_nominations(year)), 0)

    def _live_nominations(self, year):
        """The unit's nominations for the award that count against its quota."""
        return (
            self.env["thidua.nomination"]
            .sudo()
            .search(
                [
                    ("award_type_id", "=", self.award_type_id.id),
                    ("year", "=", year),
                    ("unit_id", "=", self.department_id.id),
                    ("is_live", "=", True),
                ]
            )
        )

    def _pledges(self):
        domain = [
            ("movement_id", "=", self.movement_id.id),
            ("unit_id", "child_of", self.department_id.id),
            ("target", "=", "individual"),
            ("state", "in", ("evaluated", "closed")),
        ]
        if self.phase_id:
            domain.append(("phase_id", "=", self.phase_id.id))
        return self.env["thidua.pledge"].search(domain, order="score desc, rank, id")

    def action_propose(self):
        self.ensure_one()
        if self.quota <= 0:
            raise UserError(self.env._("Propose at least one nomination."))
        already = (
            self.env["thidua.nomination"]
            .search(
                [
                    ("award_type_id", "=", self.award_type_id.id),
                    ("year", "=", self.movement_id.year),
                    ("state", "not in", ("refused", "cancelled")),
                ]
            )
            .employee_id
        )
        pledges = self._pledges().filtered(
            lambda p: p.score >= self.min_score and p.employee_id not in already
        )[: self.quota]
        if not pledges:
            raise UserError(
                self.env._(
                    "No evaluated pledge of %(unit)s reaches a score of %(score)s without "
                    "being nominated already.",
                    unit=self.department_id.name,
                    score=self.min_score,
                )
            )
        nominations = self.env["thidua.nomination"].create(
            [
                {
                    "movement_id": pledge.movement_id.id,
                    "phase_id": pledge.phase_id.id,
                    "year": pledge.movement_id.year,
                    "award_type_id": self.award_type_id.id,
                    "target": "individual",
                    "employee_id": pledge.employee_id.id,
                    "pledge_id": pledge.id,
                    "company_id": pledge.company_id.id,
                }
                for pledge in pledges
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Proposed Nominations"),
            "res_model": "thidua.nomination",
            "view_mode": "list,form",
            "domain": [("id", "in", nominations.ids)],
        }
