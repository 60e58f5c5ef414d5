"""18.0.2.2.0: a decision's number is unique per company, authority and year.

Two companies of one database may both record the same decision of a higher
authority (each for its own people, as a decision issued elsewhere). The
unique index made by `thidua.decision.init()` gained the company; it is
dropped here so that `init()` makes it again with the new columns. A
narrower rule holds on every existing row, so nothing is changed or lost.
Dossiers, their reports and the company's settings are new tables and
columns with nothing to carry over.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute("DROP INDEX IF EXISTS thidua_decision_number_uniq")
