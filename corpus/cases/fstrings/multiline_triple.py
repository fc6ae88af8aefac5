# jpyc: feature triple-quoted multi-line f-strings with expressions on several lines
rows = [("alpha", 1), ("beta", 22)]
report = f"""
Report
======
{len(rows)} rows
{", ".join(name for name, _ in rows)}
total: {sum(
    n for _, n in rows
)}
"""
table = "\n".join(
    f"{name:<10}|{num:>5}"
    for name, num in rows
)
html = f'''<ul>
{"".join(f"<li>{n}</li>" for n, _ in rows)}
</ul>'''
