from . import thidua_xlsx
from . import thidua_decision_report
