# jpyc: feature semicolon-separated statements, trailing semicolons, line numbers of each
a = 1; b = 2; c = a + b;
def f(x): y = x; z = y * 2; return z;
if a: b += 1; c += 1;
for i in range(2): a += i; b -= i
print(a, b, c); print(f(3));
import os; import sys; del os;
