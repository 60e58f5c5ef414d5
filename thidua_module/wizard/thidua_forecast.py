from odoo import Command, fields, models
from odoo.exceptions import UserError

STATUSES = [
    ("eligible", "Meets the conditions"),
    ("one_more_year", "With one more year of the same results"),
    ("one_condition", "Misses one condition"),
]


class ThiduaForecast(models.TransientModel):
    """Who is close to qualifying (triển vọng) for an award in a year: those
    who meet its conditions, who would meet them with one more year of the same
    results, or who miss one condition only, and what they miss."""

    _name = "thidua.forecast"
    _description = "Close to Qualifying"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    award_type_id = fields.Many2one(
        "thidua.award.type",
        string="Award",
        help="Empty with an employee: every award for individuals.",
    )
    employee_id = fields.Many2one("hr.employee", string="Employee")
    department_id = fields.Many2one(
        "hr.department", string="Unit", help="Its employees and sub-units only; empty: all."
    )
    line_ids = fields.One2many("thidua.forecast.line", "forecast_id", string="Close to Qualifying")

    def action_compute(self):
        self.ensure_one()
        self.env["thidua.movement"]._check_year_range([self.year])
        if not self.award_type_id and not self.employee_id:
            raise UserError(self.env._("Choose an award, or an employee to see every award."))
        lines = self._forecast()
        self.line_ids = [Command.clear()] + [Command.create(values) for values in lines]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close to Qualifying in %(year)s", year=self.year),
            "res_model": "thidua.forecast.line",
            "view_mode": "list",
            "domain": [("forecast_id", "=", self.id)],
            "target": "current",
        }

    # Who may be looked at

    def _in_reach(self):
        """(employees, units) the user may see, within the chosen unit."""
        Department = self.env["hr.department"]
        if self.env.user.has_group("thidua_module.group_thidua_officer"):
            units = Department.search([("company_id", "in", self.env.companies.ids)])
        else:
            units = Department._thidua_managed_by()
        if self.department_id:
            units &= Department.search([("id", "child_of", self.department_id.id)])
        if self.employee_id:
            if self.employee_id.department_id not in units:
                raise UserError(
                    self.env._(
                        "%(name)s is outside the units you manage.", name=self.employee_id.name
                    )
                )
            return self.employee_id, Department
        employees = self.env["hr.employee"].search([("department_id", "in", units.ids)])
        return employees, units

    def _awards(self):
        if self.award_type_id:
            return self.award_type_id
        return self.env["thidua.award.type"].search(
            [("target", "in", ("individual", "both")), ("condition_ids", "!=", False)]
        )

    # The forecast

    def _forecast(self):
        employees, units = self._in_reach()
        awards = self._awards()
        candidates = self._candidates(awards, employees, units)
        if not candidates:
            return []
        eligibility = self.env["thidua.eligibility"]
        free = self._free_initiatives(candidates)
        now = eligibility._evaluate(self._virtual(candidates, self.year, free), stage="forecast")
        later = eligibility._evaluate(
            self._virtual(candidates, self.year + 1, free), stage="forecast", repeat_year=self.year
        )
        lines = []
        for (award, nominee), now_rows, later_rows in zip(
            candidates, now.values(), later.values(), strict=True
        ):
            line = self._line(award, nominee, now_rows, later_rows)
            if line:
                lines.append(line)
        return lines

    def _candidates(self, awards, employees, units):
        """Each award with the nominees of the kinds its conditions speak of:
        an award with no condition for collectives forecasts nothing for them."""
        pairs = []
        for award in awards:
            for target, nominees in (("individual", employees), ("collective", units)):
                if award.target in (target, "both") and any(
                    condition._applies(target) for condition in award.condition_ids
                ):
                    pairs += [(award, nominee) for nominee in nominees]
        return pairs

    def _virtual(self, candidates, year, free):
        """Nominations in memory only, with the nominee's initiatives still free."""
        Nomination = self.env["thidua.nomination"].sudo()
        values = []
        for award, nominee in candidates:
            individual = nominee._name == "hr.employee"
            values.append(
                {
                    "year": year,
                    "award_type_id": award.id,
                    "target": "individual" if individual else "collective",
                    "employee_id": nominee.id if individual else False,
                    "department_id": False if individual else nominee.id,
                    "initiative_ids": [Command.set(free.get(nominee, []))],
                    "company_id": nominee.company_id.id or self.env.company.id,
                }
            )
        return Nomination.concat(*(Nomination.new(vals) for vals in values))

    def _free_initiatives(self, candidates):
        employees = self.env["hr.employee"].concat(
            *(nominee for _award, nominee in candidates if nominee._name == "hr.employee")
        )
        initiatives = (
            self.env["thidua.initiative"]
            .sudo()
            .search([("author_ids", "in", employees.ids), ("date_recognised", "!=", False)])
        )
        free = {}
        for initiative in initiatives.filtered(lambda i: not i.is_used):
            for author in initiative.author_ids & employees:
                free.setdefault(author, []).append(initiative.id)
        return free

    def _line(self, award, nominee, now_rows, later_rows):
        if any(row.code == "duplicate" and not row.ok for row in now_rows):
            return None  # already nominated for it, or holding it, that year
        eligibility = self.env["thidua.eligibility"]
        missing = eligibility._closest(now_rows)
        if not missing:
            status = "eligible"
        elif not eligibility._closest(later_rows):
            status = "one_more_year"
        elif len(missing) == 1:
            status = "one_condition"
        else:
            return None
        individual = nominee._name == "hr.employee"
        return {
            "award_type_id": award.id,
            "employee_id": nominee.id if individual else False,
            "department_id": False if individual else nominee.id,
            "status": status,
            "missing": "\n".join(row.detail or row.label for row in missing),
        }


class ThiduaForecastLine(models.TransientModel):
    _name = "thidua.forecast.line"
    _description = "Close to Qualifying: Line"
    _order = "status, award_type_id, id"

    forecast_id = fields.Many2one("thidua.forecast", required=True, ondelete="cascade")
    award_type_id = fields.Many2one("thidua.award.type", string="Award", readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Collective", readonly=True)
    status = fields.Selection(STATUSES, readonly=True)
    missing = fields.Text(string="What Is Missing", readonly=True)
