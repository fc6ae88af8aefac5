# jpyc: versions >=3.11
# jpyc: feature raising inside except* handlers, add_note, nested groups
def validate(records):
    problems = []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            err = TypeError(f"record {i}")
            err.add_note(f"got {type(rec).__name__}")
            problems.append(err)
    if problems:
        raise ExceptionGroup("invalid", [ExceptionGroup("types", problems)])


def check(records):
    try:
        validate(records)
    except* TypeError as eg:
        raise ValueError("bad records") from eg
