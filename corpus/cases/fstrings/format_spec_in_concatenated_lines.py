# jpyc: feature format specs in f-strings concatenated over several lines (3.10/3.11: the spec's JoinedStr spans its own token, its texts and fields from that token to the last one)
def report(tags, tag_column_len, precision, recall, alpha):
    s = ""
    for tag in tags:
        s += (
            f"{tag:>{tag_column_len}} | "
            f"{precision(tag):<6.4f} | "
            "plain | "
            f"{recall(tag, alpha=alpha):.{alpha}f}\n"
            f"{tag!r:^{tag_column_len}.{alpha}}"
        )
    return s + f"{s:>10}" "tail" f"{len(s):x}"
