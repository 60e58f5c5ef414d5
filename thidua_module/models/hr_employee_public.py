from odoo import fields, models

from .hr_employee import _compute_initiatives


class HrEmployeePublic(models.Model):
    """The employee's emulation record, for those who may see him.

    The one2many fields are read by searching their lines as the reader, so
    each reader gets only the lines the record rules let him read: an employee
    his own, a unit manager those of his units, an officer all of them.
    """

    _inherit = "hr.employee.public"

    thidua_pledge_ids = fields.One2many("thidua.pledge", "employee_id", string="Pledges")
    thidua_rating_ids = fields.One2many("thidua.rating", "employee_id", string="Ratings")
    thidua_commendation_ids = fields.One2many(
        "thidua.commendation", "employee_id", string="Commendations"
    )
    thidua_initiative_ids = fields.Many2many(
        "thidua.initiative",
        compute="_compute_thidua_initiative_ids",
        string="Initiatives",
    )

    def _compute_thidua_initiative_ids(self):
        _compute_initiatives(self)
