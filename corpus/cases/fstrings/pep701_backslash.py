# jpyc: versions >=3.12
# jpyc: feature PEP 701: backslashes and escapes inside replacement fields
lines = ["a", "b", "c"]
a = f"{'\n'.join(lines)}"
b = f"{'\t'.join(lines)!r}"
c = f"{"\N{EM DASH}".join(lines)}"
e = f"{'\x41\u00e9'}"
