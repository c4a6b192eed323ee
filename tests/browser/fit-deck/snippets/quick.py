# Something quick to time.
total = sum(i * i for i in range(10000))
print("total", total)
