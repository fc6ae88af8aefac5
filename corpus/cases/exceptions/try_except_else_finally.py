# jpyc: feature try with except/else/finally in all combinations
import json


def load(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        print("bad json", exc.pos)
        data = None
    except (TypeError, ValueError):
        data = {}
    except Exception:
        raise
    else:
        print("parsed")
    finally:
        print("done")
    return data


def only_finally(path):
    fh = open(path)
    try:
        return fh.read()
    finally:
        fh.close()


def else_without_finally(x):
    try:
        y = 1 / x
    except ZeroDivisionError:
        return None
    else:
        return y


def bare_except(f):
    try:
        return f()
    except:
        return "swallowed"
