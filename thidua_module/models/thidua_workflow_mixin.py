from contextlib import contextmanager

import psycopg2

from odoo import api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import translate_sql_constraint

# Passed in the context by the workflow's own path. An RPC client sends JSON
# only, so it cannot forge this object, whatever context it sends.
_WORKFLOW = object()


class ThiduaWorkflowMixin(models.AbstractModel):
    """Records whose workflow fields change only through their actions.

    Like `hr.leave.write` guarding its states, `write` refuses the fields
    named in `_thidua_workflow_fields` unless the write comes from
    `_thidua_workflow_write` (called by the action methods once they checked
    who may do what), from the superuser or from installation data. Any other
    write must leave the record within the writer's reach: the record rules
    are checked again on the new values.

    Uniqueness lives in PostgreSQL (unique indexes named in
    `_sql_constraints`); when a create or a write of `_thidua_unique_fields`
    breaks it, the violation is turned into that constraint's message at once,
    not at the end of the request.
    """

    _name = "thidua.workflow.mixin"
    _description = "Workflow-Guarded Record"

    # Fields owned by the workflow: states, dates and authors of its steps,
    # results of its computations.
    _thidua_workflow_fields = ()
    # Values these fields may take at creation; any other must be empty.
    _thidua_initial_values = {"state": "draft"}
    # Fields whose change may break a unique index of the model.
    _thidua_unique_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        records = self
        if not self._thidua_in_workflow():
            for vals in vals_list:
                self._thidua_check_initial_values(vals)
            records = self._thidua_without_guarded_defaults()
        with self._thidua_unique_guard():
            return super(ThiduaWorkflowMixin, records).create(vals_list)

    def write(self, vals):
        in_workflow = self._thidua_in_workflow()
        guarded = sorted(set(vals) & set(self._thidua_workflow_fields))
        if guarded and not in_workflow:
            self._thidua_raise_guarded(guarded)
        if set(vals) & set(self._thidua_unique_fields):
            with self._thidua_unique_guard():
                result = super().write(vals)
        else:
            result = super().write(vals)
        if not in_workflow:
            # Record rules are checked before a write, on the old values.
            self.check_access("write")
        return result

    def _thidua_without_guarded_defaults(self):
        """A client's `default_state` in the context is no way around the guard."""
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] in self._thidua_workflow_fields)
        }
        # Dropping keys needs a whole new context: kwargs can only add or set them.
        return self.with_context(context)  # pylint: disable=context-overridden

    @contextmanager
    def _thidua_unique_guard(self):
        cr = self.env.cr
        if getattr(cr, "_thidua_unique_guard", False):
            yield  # an outer guard is watching
            return
        # What is pending comes out before the savepoint: its errors are not ours.
        self.env.flush_all()
        cr._thidua_unique_guard = True
        try:
            with cr.savepoint():
                yield
        except psycopg2.errors.UniqueViolation as error:
            name = error.diag.constraint_name
            if name not in self.pool._sql_constraints:
                raise
            message = translate_sql_constraint(cr, name, self.env.lang or "en_US")
            raise ValidationError(message) from None
        finally:
            cr._thidua_unique_guard = False

    @api.model
    def _thidua_changed_content(self, vals, still_writable=()):
        """The fields of `vals` that change the record itself: not its chatter,
        followers or activities, nor those `still_writable`."""
        return {
            name
            for name in set(vals) - set(still_writable)
            if not name.startswith(("message_", "activity_"))
        }

    def _thidua_in_workflow(self):
        """May workflow fields be written: by an action, the superuser or data files."""
        return self.env.su or self._thidua_in_workflow_path()

    def _thidua_in_workflow_path(self):
        """Called by an action method. Locks on what a state freezes hold even for
        the superuser: only the workflow itself passes them."""
        return self.env.context.get("thidua_workflow") is _WORKFLOW

    def _thidua_workflow_write(self, vals):
        """The one path by which the action methods change workflow fields."""
        return self.with_context(thidua_workflow=_WORKFLOW).write(vals)

    def _thidua_check_initial_values(self, vals):
        for name in self._thidua_workflow_fields:
            value = vals.get(name)
            if value and value != self._thidua_initial_values.get(name):
                self._thidua_raise_guarded([name])

    def _thidua_raise_guarded(self, names):
        labels = ", ".join(
            "“%s”" % self._fields[name]._description_string(self.env) for name in names
        )
        if not self.ids:
            raise UserError(
                self.env._(
                    "These fields change only through the buttons of the workflow (submit, "
                    "approve, evaluate, issue, ...), not when creating a record: %(fields)s.",
                    fields=labels,
                )
            )
        raise UserError(
            self.env._(
                "These fields of the record “%(record)s” change only through the buttons "
                "of its workflow (submit, approve, evaluate, issue, ...), not by editing "
                "it: %(fields)s.",
                record=self[:1].display_name,
                fields=labels,
            )
        )

    # Checks of the action methods

    def _thidua_check_state(self, allowed):
        """Refuse a step that the state of one of the records does not allow."""
        wrong = self.filtered(lambda record: record.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "“%(name)s” is %(state)s: this step is not possible now.",
                    name=wrong[0].display_name,
                    state=states[wrong[0].state],
                )
            )

    def _thidua_check_council(self, allow_superuser=True):
        """Steps of the emulation council (Hội đồng Thi đua - Khen thưởng). Votes
        are the council members' own: a superuser environment does not record them
        for someone else (allow_superuser=False)."""
        passes = allow_superuser and self.env.su
        if not passes and not self.env.user.has_group("thidua_module.group_thidua_council"):
            raise UserError(
                self.env._(
                    "Only a member of the emulation council can do this on “%(name)s”.",
                    name=self[:1].display_name,
                )
            )
