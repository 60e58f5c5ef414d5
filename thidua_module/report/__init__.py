from . import thidua_xlsx_report
from . import thidua_decision_award_list
from . import thidua_commendation_award_list
from . import thidua_nomination_list
from . import thidua_registration_summary
from . import thidua_phase_report
from . import thidua_decision_report
from . import thidua_certificate_blank
