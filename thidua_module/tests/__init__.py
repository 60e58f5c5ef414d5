from . import test_access
from . import test_demo_data
from . import test_milestone
from . import test_movement
from . import test_phase
from . import test_translations
