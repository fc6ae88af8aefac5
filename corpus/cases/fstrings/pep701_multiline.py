# jpyc: versions >=3.12
# jpyc: feature PEP 701: multi-line expressions and comments in single-quoted f-strings
values = [3, 1, 2]
a = f"sorted: {sorted(
    values,
    reverse=True,  # a comment inside a replacement field
)}"
b = f"{
    len(values)
    *
    2
}"
c = f"{values[0]:{
    5
}}"
