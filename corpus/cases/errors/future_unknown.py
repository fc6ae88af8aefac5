# jpyc: expect SyntaxError
# jpyc: feature future feature is not defined
from __future__ import teleportation
