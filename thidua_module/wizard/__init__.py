from . import thidua_registration_rate
from . import thidua_pledge_mass_wizard
from . import thidua_nomination_propose_wizard
from . import thidua_forecast
from . import thidua_decision_import
from . import thidua_dossier_import
from . import thidua_dossier_decide
from . import thidua_statistics_wizard
