# jpyc: feature assignment expressions in conditions, comprehensions and calls
import re

text = "alpha=1, beta=22, gamma=333"
if (m := re.search(r"beta=(\d+)", text)) is not None:
    beta = int(m.group(1))

pairs = [(k, v) for part in text.split(", ") if (kv := part.split("="))
         for k, v in [kv]]

lengths = [n for s in ("a", "bb", "ccc") if (n := len(s)) > 1]
print(n)

def reader(chunks):
    it = iter(chunks)
    while (chunk := next(it, None)) is not None:
        yield chunk.upper()

total = 0
values = [total := total + v for v in range(5)]
print(f"{(y := 10) * 2}", y)
fn = lambda: (z := 3) + z
call = print((w := 4), w ** 2)
