# jpyc: versions 3.10-3.13
# jpyc: expect UnicodeDecodeError
# jpyc: feature an identifier whose bytes are not UTF-8 (cut short at the end of the file) after a syntax error: before 3.14, tokenizing the rest of the source for errors meets verify_identifier's UnicodeDecodeError, which replaces the parser's SyntaxError as it is (read as the first token, the parser makes it "(unicode error) ..."); 3.14 rejects the bytes before parsing

def f():
    with global name
    valueï