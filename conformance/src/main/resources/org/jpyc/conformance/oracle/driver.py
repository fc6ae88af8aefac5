# jpyc oracle driver: runs inside a real CPython (3.9 to 3.15, standard library only) and answers
# one JSON request per line on stdin with one JSON reply per line on stdout.
#
# Start-up line:  {"hello": {...interpreter facts...}}
# Request:        {"id": N, "op": NAME, ...arguments}
# Reply:          {"id": N, "ok": {...}}  or  {"id": N, "fail": {"type", "message", "traceback"}}
# Binary data travels as base64 strings. EOF on stdin, or op "exit", ends the process.
import ast
import base64
import dis
import importlib.machinery
import importlib.util
import io
import json
import marshal
import os
import py_compile
import shutil
import sys
import sysconfig
import tempfile
import time
import traceback

MODES = {
    "timestamp": py_compile.PycInvalidationMode.TIMESTAMP,
    "checked-hash": py_compile.PycInvalidationMode.CHECKED_HASH,
    "unchecked-hash": py_compile.PycInvalidationMode.UNCHECKED_HASH,
}

WORK = tempfile.mkdtemp(prefix="jpyc-oracle-")  # removed when main() returns (EOF, "exit", or --one done)


def b64(data):
    return base64.b64encode(data).decode("ascii")


def unb64(text):
    return base64.b64decode(text.encode("ascii"))


def describe(exc):
    """An exception as data; SyntaxError positions included when present."""
    out = {"type": type(exc).__name__}
    if isinstance(exc, SyntaxError):
        out["message"] = exc.msg
        for attr in ("lineno", "offset", "end_lineno", "end_offset"):
            out[attr] = getattr(exc, attr, None)
    else:
        out["message"] = str(exc)
    return out


def dis_text(code, depth=None):
    buf = io.StringIO()
    if depth is None:
        dis.dis(code, file=buf)
    else:
        dis.dis(code, file=buf, depth=depth)
    return buf.getvalue()


def symtable_dump(source, dfile):
    """The raw symbol table of _symtable.symtable(source, dfile, "exec") as text: per block its type number,
    name, line and nested flag, its varnames, one line per symbol (symbols dict order) with its flags, then
    its children, each whole block indented by two more spaces."""
    import _symtable
    lines = []
    todo = [(_symtable.symtable(source, dfile, "exec"), "")]
    while todo:
        ste, ind = todo.pop()
        lines.append("%sscope %d %s line %d nested %d" % (ind, ste.type, ste.name, ste.lineno, 1 if ste.nested else 0))
        lines.append("%s  varnames %s" % (ind, ",".join(ste.varnames)))
        for name, flags in ste.symbols.items():
            lines.append("%s  sym %s %d" % (ind, name, flags))
        for child in reversed(ste.children):
            todo.append((child, ind + "  "))
    return "".join(line + "\n" for line in lines)


# The reference's recursion headroom. How deep the compiler may recurse depends on how deep its caller
# is: until 3.12 on the Python recursion limit less the Python frames in use (which serve() raises for this
# process, and which this driver's frames use up), from 3.12 on the C recursion in use, which the path into
# the builtin compile() sets. So the compile outcome and the pycs are made on py_compile's own path
# (SourceFileLoader.source_to_code), with the recursion limit that leaves the frames below it the headroom
# they have under a fresh `python -c "...py_compile.compile(...)"`: the limit a fresh interpreter starts with,
# when source_to_code is called from 2 frames (the script's <module>, py_compile.compile).
FRESH_RECURSION_LIMIT = sys.getrecursionlimit()
REFERENCE_FRAMES = 2


def reference_recursion_limit(extra_frames):
    """The recursion limit under which a call made from the caller's frame, extra_frames Python frames above
    it, reaches source_to_code with the reference's headroom."""
    n, f = 0, sys._getframe(1)
    while f is not None:
        n += 1
        f = f.f_back
    return FRESH_RECURSION_LIMIT + n + extra_frames - REFERENCE_FRAMES


def compile_one(item, index):
    source = unb64(item["source"])
    dfile = item["dfile"]
    mtime = int(item.get("mtime", 0))
    result = {}
    # The compile outcome (error or not) exactly as importlib's source_to_code sees it.
    saved_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(reference_recursion_limit(0))
    try:
        importlib.machinery.SourceFileLoader("<py_compile>", dfile).source_to_code(source, dfile)
    except BaseException as exc:  # SyntaxError, ValueError (null bytes), RecursionError, ...
        result["compile_error"] = describe(exc)
    finally:
        sys.setrecursionlimit(saved_limit)
    pycs = {}
    if "compile_error" not in result:
        src_path = os.path.join(WORK, "case%d.py" % index)
        with open(src_path, "wb") as f:
            f.write(source)
        os.utime(src_path, (mtime, mtime))
        for variant in item.get("variants", []):
            opt = int(variant["optimize"])
            mode = variant["invalidation"]
            key = "%d/%s" % (opt, mode)
            cfile = os.path.join(WORK, "case%d.%d.%s.pyc" % (index, opt, mode))
            sys.setrecursionlimit(reference_recursion_limit(1))  # py_compile.compile's frame
            try:
                py_compile.compile(src_path, cfile=cfile, dfile=dfile, doraise=True,
                                   optimize=opt, invalidation_mode=MODES[mode])
                with open(cfile, "rb") as f:
                    pycs[key] = b64(f.read())
                os.unlink(cfile)
            except py_compile.PyCompileError as exc:
                pycs[key] = None
                result.setdefault("variant_errors", {})[key] = describe(exc.exc_value)
            finally:
                sys.setrecursionlimit(saved_limit)
        os.unlink(src_path)
        result["pycs"] = pycs
    if item.get("dis"):
        first = pycs.get("0/timestamp")
        if first is None:
            result["dis_error"] = {"type": "NoPyc", "message": "no optimize=0 timestamp pyc to disassemble"}
        else:
            try:
                result["dis"] = dis_text(marshal.loads(unb64(first)[16:]))
            except BaseException as exc:
                result["dis_error"] = describe(exc)
        # -OO (optimize=2) code differs: no docstrings, no asserts; disassemble it too when written.
        second = pycs.get("2/timestamp")
        if second is not None:
            try:
                result["dis_opt2"] = dis_text(marshal.loads(unb64(second)[16:]))
            except BaseException as exc:
                result["dis_opt2_error"] = describe(exc)
    if item.get("symtable"):
        try:
            result["symtable"] = symtable_dump(source, dfile)
        except BaseException as exc:
            result["symtable_error"] = describe(exc)
    if item.get("ast"):
        try:
            tree = ast.parse(source, filename=dfile)
            result["ast"] = ast.dump(tree, include_attributes=True)
        except BaseException as exc:
            result["ast_error"] = describe(exc)
    return result


# The process a py_compile reference comes from when only pycs are asked for: nothing but py_compile and
# sys imported (the state tools/gen_startup_interned.py records for jpyc), and no name in this code that
# py_compile's own code does not already intern, apart from `out` and `t`.
# Each variant in a child forked from the same state: in 3.12 interned strings are immortal (3.13 makes a code
# object's mortal again), so a variant compiled after another in one process finds the first one's strings
# interned (ftplib.py's frozenset {'426', '225', '226'}, shared by two functions in a fresh process, is rebuilt
# by interning in the second variant's). The names the fork adds (os, fork, wait, _exit, excepthook,
# exc_info, BaseException, exit) are interned at startup already.
MINIMAL_PY_COMPILE = (
    "import py_compile,sys,os\n"
    "out = sys.argv\n"
    "for t in out[4:]:\n"
    "    if os.fork() == 0:\n"
    "        try:\n"
    "            py_compile.compile(out[1], cfile=out[3] + t, dfile=out[2], doraise=True, optimize=int(t[0]),"
    " invalidation_mode=py_compile.PycInvalidationMode[t[2:]])\n"
    "        except BaseException:\n"
    "            sys.excepthook(*sys.exc_info())\n"
    "            os._exit(1)\n"
    "        os._exit(0)\n"
    "    if os.wait()[1]:\n"
    "        sys.exit(1)\n"
)


def pycs_fresh(item):
    """The pycs of one source from a process that did nothing before py_compile: the reference jpyc's
    compiler is measured against (a process that imported more, or compiled other sources, may already
    hold some of the source's strings interned: weakref.py's 'finalize._Info' after `import weakref`)."""
    import subprocess
    source = unb64(item["source"])
    mtime = int(item.get("mtime", 0))
    src_path = os.path.join(WORK, "fresh.py")
    with open(src_path, "wb") as f:
        f.write(source)
    os.utime(src_path, (mtime, mtime))
    out = os.path.join(WORK, "fresh.")
    variants = ["%d_%s" % (int(v["optimize"]), MODES[v["invalidation"]].name) for v in item.get("variants", [])]
    proc = subprocess.run([sys.executable, "-s", "-B", "-c", MINIMAL_PY_COMPILE, src_path, item["dfile"], out] + variants,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError("fresh py_compile process failed (%d): %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace")[-2000:]))
    pycs = {}
    for v in item.get("variants", []):
        cfile = out + "%d_%s" % (int(v["optimize"]), MODES[v["invalidation"]].name)
        with open(cfile, "rb") as f:
            pycs["%d/%s" % (int(v["optimize"]), v["invalidation"])] = b64(f.read())
        os.unlink(cfile)
    os.unlink(src_path)
    return {"pycs": pycs}


def compile_fresh(item):
    """The answers for one source whose pycs must come from a fresh interpreter (python/cpython#129724: what a
    process compiled or imported before changes 3.10's FLAG_REF bits): the pycs always from a bare py_compile
    process (pycs_fresh). The compile outcome, the symbol table and the AST do not depend on what this process
    did before (names, flags, positions and errors come from the source alone), so they are computed here, as
    compile_one computes them for a batch. A disassembly is asked of a new driver process, as before: it prints
    the code objects' constants, and a frozenset's order can follow from how interning rebuilt it."""
    if not (item.get("ast") or item.get("dis") or item.get("symtable")):
        return pycs_fresh(item)
    if not item.get("dis"):
        answer = compile_one(dict(item, variants=[]), 0)
        if "compile_error" not in answer and item.get("variants"):
            answer["pycs"] = pycs_fresh(item)["pycs"]
        return answer
    import subprocess
    one = dict(item)
    del one["fresh"]
    proc = subprocess.run([sys.executable, "-s", "-u", "-B", os.path.abspath(__file__), "--one"],
                          input=json.dumps(one).encode("ascii"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError("fresh compile process failed (%d): %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace")[-2000:]))
    answer = json.loads(proc.stdout.decode("ascii"))
    if answer.get("pycs"):
        # the pycs still from a bare py_compile process: this child has imported the driver's modules (ast, dis,
        # symtable, json, ...), whose names 3.10's reference counts see (a str a loaded function holds is flagged)
        answer["pycs"] = pycs_fresh(item)["pycs"]
    return answer


def op_compile(req):
    return {"results": [compile_fresh(item) if item.get("fresh") else compile_one(item, i)
                        for i, item in enumerate(req["sources"])]}


def stdlib_dir():
    return sysconfig.get_paths()["stdlib"]


def op_stdlib_list(req):
    root = stdlib_dir()
    real_root = os.path.realpath(root)
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "dist-packages", "__pycache__"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                full = os.path.join(dirpath, name)
                if not os.path.realpath(full).startswith(real_root + os.sep):
                    continue  # a distribution's link to its configuration (Debian's sitecustomize.py), not stdlib
                files.append({"path": os.path.relpath(full, root).replace(os.sep, "/"),
                              "size": os.path.getsize(full)})
    return {"root": root, "files": files}


def op_stdlib_read(req):
    root = os.path.realpath(stdlib_dir())
    out = {}
    for rel in req["paths"]:
        full = os.path.realpath(os.path.join(root, rel))
        if not full.startswith(root + os.sep):
            raise ValueError("path outside the stdlib: %r" % rel)
        with open(full, "rb") as f:
            out[rel] = b64(f.read())
    return {"files": out}


def code_fields(co):
    """The code object's own fields, nested code objects replaced by their names."""
    names = [n for n in dir(co) if n.startswith("co_") and not callable(getattr(co, n))]
    out = {}
    for n in sorted(names):
        v = getattr(co, n)
        if n == "co_consts":
            v = tuple(("<code %s>" % c.co_name) if hasattr(c, "co_code") else (type(c).__name__, repr(c)) for c in v)
        out[n] = v
    return out


def first_difference(a, b, path):
    fa, fb = code_fields(a), code_fields(b)
    for n in sorted(set(fa) | set(fb)):
        if fa.get(n) != fb.get(n):
            return path, n, a, b
    ca = [c for c in a.co_consts if hasattr(c, "co_code")]
    cb = [c for c in b.co_consts if hasattr(c, "co_code")]
    for x, y in zip(ca, cb):
        found = first_difference(x, y, path + [x.co_name])
        if found:
            return found
    return None


def op_explain_pyc(req):
    """Where two pycs differ as Python objects: the first differing code object, both disassembled."""
    out = {}
    codes = []
    for side in ("expected", "actual"):
        try:
            codes.append(marshal.loads(unb64(req[side])[16:]))
        except BaseException as exc:
            out[side + "_error"] = describe(exc)
            codes.append(None)
    if None in codes:
        return out
    found = first_difference(codes[0], codes[1], ["<module>"])
    if found is None:
        out["equal_objects"] = True
        return out
    path, field, a, b = found
    out.update({"path": ".".join(path), "field": field,
                "expected_dis": dis_text(a, depth=0), "actual_dis": dis_text(b, depth=0)})
    return out


def interpreter_facts():
    return {"version": sys.version,
            "version_info": list(sys.version_info[:3]) + [sys.version_info[3], sys.version_info[4]],
            "cache_tag": sys.implementation.cache_tag,
            "magic": importlib.util.MAGIC_NUMBER.hex(),
            "executable": sys.executable,
            "stdlib": stdlib_dir()}


# >>> uncached operations
# The answer cache keys on this script with this section cut out (DriverEnvironment): operations whose
# answers are never cached live here, so changing them does not invalidate cached compile answers.
# Anything a cached answer depends on must stay outside.

IMPORTLIB_CALLS = {
    "cache_from_source": lambda a, k: importlib.util.cache_from_source(*a, **k),
    "source_from_cache": lambda a, k: importlib.util.source_from_cache(*a, **k),
    "source_hash": lambda a, k: importlib.util.source_hash(unb64(a[0])).hex(),
}


def op_importlib(req):
    """Calls of importlib.util; a call may set sys.pycache_prefix and the working directory for
    itself ("pycache_prefix", "cwd"; both restored afterwards)."""
    answers = []
    for call in req["calls"]:
        fn = IMPORTLIB_CALLS[call["fn"]]
        saved_prefix, saved_cwd = sys.pycache_prefix, os.getcwd()
        try:
            if "pycache_prefix" in call:
                sys.pycache_prefix = call["pycache_prefix"]
            if "cwd" in call:
                os.chdir(call["cwd"])
            answers.append({"value": fn(call.get("args", []), call.get("kwargs", {}))})
        except BaseException as exc:
            answers.append({"error": describe(exc)})
        finally:
            sys.pycache_prefix = saved_prefix
            os.chdir(saved_cwd)
    return {"answers": answers}


# <<< uncached operations


OPS = {
    "compile": op_compile,
    "stdlib_list": op_stdlib_list,
    "stdlib_read": op_stdlib_read,
    "importlib": op_importlib,
    "explain_pyc": op_explain_pyc,
    "ping": lambda req: {"facts": interpreter_facts()},
}


def main():
    try:
        serve()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


def serve():
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    if sys.argv[1:] == ["--one"]:  # compile_fresh's child: one item on stdin, its answer on stdout
        sys.stdout.write(json.dumps(compile_one(json.loads(sys.stdin.buffer.read().decode("ascii")), 0)))
        return
    out = sys.stdout
    out.write(json.dumps({"hello": interpreter_facts()}) + "\n")
    out.flush()
    for line in sys.stdin.buffer:
        line = line.strip()
        if not line:
            continue
        req_id = None
        try:
            req = json.loads(line.decode("utf-8"))
            req_id = req.get("id")
            if req.get("op") == "exit":
                break
            reply = {"id": req_id, "ok": OPS[req["op"]](req)}
        except BaseException as exc:
            reply = {"id": req_id, "fail": {"type": type(exc).__name__, "message": str(exc),
                                            "traceback": traceback.format_exc()}}
        out.write(json.dumps(reply) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
