# jpyc: feature blank lines with trailing whitespace, whitespace-only lines inside blocks
def f():
    a = 1
        
	
    b = 2   



    return a + b    
   
