from . import thidua_level
from . import thidua_authority
from . import thidua_block
from . import thidua_programme
from . import thidua_movement
from . import thidua_phase
from . import thidua_milestone
from . import hr_department
