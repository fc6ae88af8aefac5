# jpyc: versions >=3.14
# jpyc: feature PEP 750 template strings: interpolations, conversions, format specs
name = "world"
value = 42.125
t1 = t"Hello {name}"
t2 = t"{name!r} {name!s} {name!a}"
t3 = t"{value:.2f} {value:>10}"
t4 = t"no interpolations"
t5 = T"upper prefix {name}"
t6 = t""
t7 = t"{{braces}} {name}"
