# jpyc: feature try/except in an if body before an implicit return (3.10: the block optimize_basic_block made an exit is not copied again)
def spawn(mode, file, args, env, func):
    pid = fork()
    if not pid:
        try:
            if env is None:
                func(file, args)
            else:
                func(file, args, env)
        except:
            _exit(127)
    else:
        return pid
