# jpyc: feature import-star at module level, __import__ call, importlib usage
from os.path import *
import importlib

m = __import__("json")
sub = __import__("xml.dom", fromlist=["minidom"])
dyn = importlib.import_module("collections.abc")
print(join, m, sub, dyn)
