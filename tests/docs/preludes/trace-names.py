# What docs/traces-and-charts.md's snippet example leaves to its reader: the URL it
# downloads, the queue it counts and the nanoseconds it measured.
url = "https://example.org/"
q = [1, 2, 3]
ns = 120.0
