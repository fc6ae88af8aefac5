# jpyc: versions >=3.14
# jpyc: feature PEP 750 implicit concatenation of template strings
a = 1
b = 2
t1 = t"{a}" t"{b}"
t2 = (t"first {a} "
      t"second {b}")
t3 = t"""x{a}""" t'y{b}'
