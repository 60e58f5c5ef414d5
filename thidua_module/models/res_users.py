from odoo import fields, models

THIDUA_READABLE_FIELDS = [
    "thidua_pledge_ids",
    "thidua_rating_ids",
    "thidua_commendation_ids",
    "thidua_initiative_ids",
]


class ResUsers(models.Model):
    _inherit = "res.users"

    # The emulation record on "My Profile". Read by the user himself, Odoo reads
    # these as superuser (SELF_READABLE_FIELDS): they follow his own employee, so
    # they hold only his lines. Read by anyone else, they are read as that
    # reader (related_sudo=False) and the record rules of each line apply.
    thidua_pledge_ids = fields.One2many(related="employee_id.thidua_pledge_ids", related_sudo=False)
    thidua_rating_ids = fields.One2many(related="employee_id.thidua_rating_ids", related_sudo=False)
    thidua_commendation_ids = fields.One2many(
        related="employee_id.thidua_commendation_ids", related_sudo=False
    )
    thidua_initiative_ids = fields.Many2many(
        related="employee_id.thidua_initiative_ids", related_sudo=False
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + THIDUA_READABLE_FIELDS

    @property
    def SELF_WRITEABLE_FIELDS(self):
        # With Odoo's "Employee Editing", people may edit their own employee
        # record; their department decides who approves their pledges and
        # nominations, so it stays with HR.
        return [name for name in super().SELF_WRITEABLE_FIELDS if name != "department_id"]
