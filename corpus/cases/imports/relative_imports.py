# jpyc: feature relative imports (compile-only: they fail at run time outside a package)
from . import sibling
from .. import parent
from .module import name
from ..pkg.mod import (a, b as c)
from ... import grand
from .... import great
from .sub.deeper import *
