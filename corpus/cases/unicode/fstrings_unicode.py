# jpyc: feature f-strings containing non-ASCII literal text and identifiers
nom = "Zoë"
âge = 30
message = f"Bonjour {nom}, vous avez {âge} ans — très bien! 🎂"
table = f"{'名前':<6}|{nom:>6}|{âge:^5}"
debug = f"{âge=} {nom!a}"
