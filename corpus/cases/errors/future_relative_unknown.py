# jpyc: feature "from .__future__ import" of an unknown feature: an error up to 3.12 (future.c ignores the level), a relative import from 3.13
# jpyc: versions >=3.13
from .__future__ import teleportation
