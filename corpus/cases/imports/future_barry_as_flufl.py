# jpyc: versions >=3.13
# jpyc: feature from __future__ import barry_as_FLUFL in the source itself: from 3.13 the parser sets its BARRY_AS_BDFL flag when it parses the import (_PyPegen_checked_future_import), so "<>" is the not-equal operator after it (before 3.13 only the compile flag did)

from __future__ import barry_as_FLUFL

x = 1 <> 2
y = [a <> b for a, b in zip("ab", "ba")]
