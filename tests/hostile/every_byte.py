# Every byte 0..255 on stdout and stderr, then a failure: the JUnit file and the JSON
# report must stay valid all the same (issue 13, item 8).
import sys

every = bytes(range(256)) + "\ufffe \uffff".encode()
sys.stdout.buffer.write(every)
sys.stderr.buffer.write(every)
sys.exit(1)
