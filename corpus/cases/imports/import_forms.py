# jpyc: feature import forms: plain, dotted, as, from-import, multiple names, parenthesized
import os
import os.path
import os.path as osp
import collections.abc as cabc, json
from os import sep
from os import path as p, getcwd
from collections import (
    OrderedDict,
    defaultdict as dd,
    namedtuple,
)
from json import *
import importlib.util


def local_imports():
    import sys
    from itertools import chain as ch
    import xml.etree.ElementTree as ET
    return sys, ch, ET


print(os, osp, cabc, json, sep, p, getcwd, OrderedDict, dd, namedtuple, importlib.util)
