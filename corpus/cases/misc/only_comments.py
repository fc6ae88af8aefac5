# jpyc: feature only comments and blank lines (empty module body)

# another comment
   
	
# last
