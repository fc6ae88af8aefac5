# jpyc: versions >=3.14
# jpyc: feature PEP 750 nested format specs, '=' debug fields, expressions
x = 10
width = 8
items = {"a": 1}
t1 = t"{x=}"
t2 = t"{x = :>{width}}"
t3 = t"{items["a"]} {x * 2 + 1}"
t4 = t"{f"inner {x}"}"
t5 = t"{x:{width}.{2}f}"
t6 = t"{(lambda: x)()}"
