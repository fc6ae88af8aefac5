# jpyc: versions >=3.14
# jpyc: feature PEP 750 raw template strings and triple-quoted templates
path = "C:\\temp"
r1 = rt"\d+ {path}"
r2 = tr"\n stays {path!r}"
r3 = Rt"{path}\t"
m = t"""
multi {path}
line {len(path)}
"""
