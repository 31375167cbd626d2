# on-tty.py COMMAND: runs the shell command with its standard output (and
# error) on a pseudo-terminal, as a user at a terminal would, and writes
# what the terminal received to standard output (line ends as the
# program wrote them: the terminal's CR before each LF is taken out).
# Exits with the command's status.
import os
import pty
import sys

pid, fd = pty.fork()
if pid == 0:
    os.execvp('sh', ['sh', '-c', sys.argv[1]])
out = b''
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out.replace(b'\r\n', b'\n'))
sys.exit(os.waitstatus_to_exitcode(status))
