# jpyc: feature nested try statements whose handlers and bodies all end by jumping to the same small exit (3.10: which jump gets a copy depends on the order extend_block visits the blocks)
def onerror(func, path, exc_info):
    if issubclass(exc_info[0], PermissionError):
        try:
            resetperms(path)
            try:
                _os.unlink(path)
            except (IsADirectoryError, PermissionError):
                cls._rmtree(path, ignore_errors=ignore_errors)
        except FileNotFoundError:
            pass
    elif issubclass(exc_info[0], FileNotFoundError):
        pass
    else:
        raise


def testAssert(self):
    assert 1, lambda x: x + 1
    try:
        assert 0, "msg"
    except AssertionError as e:
        self.assertEquals(e.args[0], "msg")
    else:
        if __debug__:
            self.fail("AssertionError not raised by assert 0")
