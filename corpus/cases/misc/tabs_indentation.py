# jpyc: feature tab-only indentation, tabs inside lines and in nested blocks
def f(x):
	if x:
		for i in range(x):
			x -= i
	else:
		x = 0
	return x


class C:
	def m(self,	a,	b):
		return	a	+	b

value	=	f(3)
