#!/bin/sh
# A `python:` wrapper that leaves a child behind holding its stdout (@PIDS@ is filled
# in by the test): the interpreter probe must not wait for that child.
sleep 1000 &
echo $! >>"@PIDS@/wrapper_child"
exec /usr/bin/python3 "$@"
