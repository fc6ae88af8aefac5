# jpyc: expect SyntaxError
# jpyc: feature a \U escape of eight hex digits above U+7FFFFFFF: "illegal Unicode character" (jpyc's int overflowed to a negative code point, passed the U+10FFFF check and compiled the string)

x = 'abc\Uffffffff'
