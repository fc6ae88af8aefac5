# jpyc: feature conditions combining comparisons, membership, identity and calls in branches
def route(req):
    if req.method == "GET" and req.path in ("/", "/index") or req.path is None:
        return "home"
    elif req.method not in {"GET", "HEAD"} and not req.authed:
        return "denied"
    elif isinstance(req.body, (bytes, bytearray)) and len(req.body) > 1024:
        return "too large"
    elif req.path.startswith("/api/") if req.path else False:
        return "api"
    while req.retries and req.retries < 5 or req.force:
        req.retries += 1
        if req.retries > 3 and not req.force:
            break
    return "fallback"
