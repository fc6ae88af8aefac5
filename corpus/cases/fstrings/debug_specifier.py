# jpyc: feature f-string self-documenting '=' specifier (3.8)
x = 10
y = "text"
z = [1, 2]
print(f"{x=}")
print(f"{x = }")
print(f"{x=!s}")
print(f"{y=!r:>10}")
print(f"{x * 2 = :08.3f}")
print(f"{z[0]=} {len(z)=}")
print(f"{ x = }")
print(f"{x=:}")
