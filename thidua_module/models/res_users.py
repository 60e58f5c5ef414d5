from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    @property
    def SELF_WRITEABLE_FIELDS(self):
        # With Odoo's "Employee Editing", people may edit their own employee
        # record; their department decides who approves their pledges and
        # nominations, so it stays with HR.
        return [name for name in super().SELF_WRITEABLE_FIELDS if name != "department_id"]
