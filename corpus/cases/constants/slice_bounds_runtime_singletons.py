# jpyc: feature 3.14 constant slices whose bounds are runtime singletons: a one-character or empty str is the interned singleton (marshal's interned form), a one-byte or empty bytes the runtime's (FLAG_REF); longer bounds stay as the parser made them
# jpyc: optimize 0,1,2
def columns(frame, data):
    frame.loc[:"c"] = data
    head = frame.loc[:, "a":"b"]
    both = frame["":"a"], frame[b"":b"x"], frame["x y":"z"]
    longer = frame["ab":"cd"], "ab"
    return head, both, longer, frame[1:2], frame[1000:2000:3]

selector = lambda df: df[0:2].loc[:, "a":"b"]
