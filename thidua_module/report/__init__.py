from . import thidua_xlsx
