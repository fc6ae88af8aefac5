# jpyc: feature expression statements whose value is discarded
import sys

42
"not a docstring because it is not first"
-1.5
None
...
sys
sys.path
sys.argv[0:1]
print
print("hello")
[1, 2, 3]
{1: 2}
(x for x in ())
lambda: 0
not sys
sys.version_info >= (3, 10)
sys.platform and sys.maxsize
sys.platform or sys.maxsize
(yield_ := 5)
f"{sys.platform}"
b"bytes"
1 + 2
(1, 2)
{*()}
