# jpyc: feature names that a C module loaded at startup holds interned (posix's functions and constants): 3.10 flags such a name (FLAG_REF) because the module's dict holds it too, though no code of the standard library names it
import os


def status_of(status):
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status), os.EX_CONFIG
    return os.WTERMSIG(status), ('EX_USAGE', 'EX_NOHOST')


class Codes:
    usage = os.EX_USAGE
    names = {'EX_OSERR', 'EX_IOERR'}
