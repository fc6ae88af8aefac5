import _tokenize, token, sys, io, os, hashlib, tokenize
lib = os.path.dirname(os.__file__)
files = sys.argv[1:] or None
def paths():
    if files:
        yield from files; return
    for root, dirs, fs in os.walk(lib):
        dirs.sort()
        if "site-packages" in root: continue
        for fn in sorted(fs):
            if fn.endswith(".py"): yield os.path.join(root, fn)
for p in paths():
    raw = open(p, "rb").read()
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(enc)
        if text.startswith("\ufeff"): text = text[1:]
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    except Exception as e:
        print("SKIP", p); continue
    lines = []
    try:
        for t in _tokenize.TokenizerIter(io.StringIO(text).readline, extra_tokens=False):
            lines.append("%s|%d|%d|%d|%d|%s" % (token.tok_name[t[0]], t[2][0], t[2][1], t[3][0], t[3][1], t[1]))
        err = ""
    except SyntaxError as e:
        err = "ERR %s %r %s" % (type(e).__name__, e.msg, e.lineno)
    body = "\n".join(lines) + "\n" + err
    if files:
        print(body)
    else:
        print("F", hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest(), len(lines), p)
