# jpyc: feature break/continue through with blocks and try blocks inside loops
import contextlib


def process(batches):
    done = []
    for batch in batches:
        with contextlib.nullcontext(batch) as b:
            if not b:
                continue
            for item in b:
                try:
                    if item < 0:
                        break
                    if item == 0:
                        continue
                    done.append(item)
                except TypeError:
                    continue
                finally:
                    done.append(None)
            else:
                done.append("batch ok")
    return done
