# ast.parse of every stdlib .py file (or the files named on the command line) in the running
# interpreter: one JSON line per file with the sha256 of ast.dump(..., include_attributes=True)
# (and the dump itself when small), or the error line Type('msg', lineno=.., offset=.., ...).
# Compared by ParseCheck.java with jpyc's parser. Usage: python3.X ast_parse_oracle.py [FILE...] > exp.jsonl
import ast, sys, os, json, hashlib, warnings
warnings.simplefilter("ignore")
lib = os.path.dirname(os.__file__)
def files():
    if len(sys.argv) > 1:
        for a in sys.argv[1:]:
            if os.path.isdir(a):
                for root, dirs, fs in os.walk(a):
                    dirs.sort()
                    for fn in sorted(fs):
                        if fn.endswith(".py"): yield os.path.join(root, fn)
            else:
                yield a
        return
    for root, dirs, fs in os.walk(lib):
        dirs.sort()
        if "site-packages" in root: continue
        for fn in sorted(fs):
            if fn.endswith(".py"): yield os.path.join(root, fn)
for p in files():
    src = open(p, "rb").read()
    try:
        t = ast.parse(src, filename=p)
        out = ast.dump(t, include_attributes=True)
    except (SyntaxError, ValueError) as e:
        if isinstance(e, SyntaxError):
            out = "%s(%r, lineno=%r, offset=%r, end_lineno=%r, end_offset=%r)" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        else:
            out = "%s(%r)" % (type(e).__name__, str(e))  # no position attributes: PyCompileError.pythonLine
    except RecursionError as e:
        out = "RecursionError(%r)" % str(e)
    except MemoryError as e:
        out = "MemoryError(%r)" % str(e)
    sys.stdout.write(json.dumps({"file": p, "sha": hashlib.sha256(out.encode("utf-8", "surrogatepass")).hexdigest(),
                                 "out": out if len(out) < 400000 else None}) + "\n")
