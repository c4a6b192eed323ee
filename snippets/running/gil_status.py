"""What this interpreter offers beyond the GIL: a free-threaded build? subinterpreters?"""
import importlib.util
import sys
import sysconfig

# region main
free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
gil_on = getattr(sys, "_is_gil_enabled", lambda: True)()   # 3.13+
print(f"Python {sys.version.split()[0]}: free-threaded build: {free_threaded}, "
      f"GIL enabled: {gil_on}")
for module in ["concurrent.interpreters", "_interpreters", "_xxsubinterpreters"]:
    try:
        found = importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        found = False
    print(f"  {module:24} {'available' if found else '-'}")
# endregion
