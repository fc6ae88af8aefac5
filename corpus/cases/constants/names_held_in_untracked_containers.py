# jpyc: feature names that the startup process holds interned where the generator's namespaces did not show them: the keys of C dicts of strs and ints (os.sysconf_names, PyDict_SetItemString), the parameters of code made at run time (collections.namedtuple's '_cls'), the constants of code site runs from site-packages; 3.10 flags each (FLAG_REF)
import os


def cpu_count():
    try:
        return os.sysconf("SC_NPROCESSORS_CONF"), os.pathconf("/", "PC_NAME_MAX")
    except (ValueError, OSError):
        return 1


def _flatten_args(args, _cls):
    return [a for a in args if isinstance(a, _cls)]


def distutils_mode():
    return os.environ.get("SETUPTOOLS_USE_DISTUTILS", "local"), {"CS_PATH", "SC_ARG_MAX"}
