# jpyc: versions >=3.12
# jpyc: feature PEP 701: reusing the enclosing quote inside replacement fields
songs = ["Take me back to Eden", "Alkaline", "Ascensionism"]
a = f"This is the playlist: {", ".join(songs)}"
b = f"{"nested"} {f"{f"{"deep"}"}"}"
d = {"key": "value"}
c = f"{d["key"]}"
e = f'{'single'}'
f = f"{'''triple''' + """inside"""}"
