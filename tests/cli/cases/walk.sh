# score -r DIR: regular files only, each directory entered once (links
# back up the tree, links to '.', loops), what is skipped reported, and a
# non-zero exit when anything was skipped without --on-error skip.  Every
# run is bounded: on the old code the loops scored a file dozens of times
# or never ended, the FIFO blocked forever, /dev/zero read until memory ran
# out.
W="$T/walk"; mkdir -p "$W/tree/sub/deep"
printf 'The WTO is good.\n' > "$W/tree/a.txt"
printf 'Tariffs hurt.\n' > "$W/tree/sub/b.txt"
printf 'The Global South rises.\n' > "$W/tree/sub/deep/c.txt"
printf 'not a text\n' > "$W/tree/notes.md"
ln -s .. "$W/tree/sub/up"
ln -s . "$W/tree/sub/self"
ln -s . "$W/tree/sub/deep/self2"
ln -s ../.. "$W/tree/sub/deep/upup"
ln -s a.txt "$W/tree/alias.txt"
# wmasked COMMAND...: bounded to 30 s; its output and errors with the test
# directory written as W, then its status
wmasked() { timeout 30 "$@" >"$T/w.out" 2>&1; s=$?; sed "s|$W|W|g" "$T/w.out"; echo "status $s"; }
WS="$BIN score $LEX --bootstrap 0 --unit doc"
check walk-links-and-loops 0 -- wmasked $WS -r "$W/tree"
# a FIFO, a link to /dev/zero, a dangling link: each reported
mkdir -p "$W/hostile"; cp "$W/tree/a.txt" "$W/hostile/a.txt"
mkfifo "$W/hostile/fifo.txt"
ln -s /dev/zero "$W/hostile/zero.txt"
ln -s nowhere.txt "$W/hostile/dangling.txt"
check walk-skipped-fails 0 -- wmasked $WS -r "$W/hostile"
check walk-skipped-on-error-skip 0 -- wmasked $WS --on-error skip -r "$W/hostile/"
# a path longer than PATH_MAX (4096 here): reported, not an error deep down
python3 - "$W/long" <<'PY'
import os, sys
os.makedirs(sys.argv[1])
fd = os.open(sys.argv[1], os.O_RDONLY)
for i in range(18):
    os.mkdir('d' * 250, dir_fd=fd)
    nfd = os.open('d' * 250, os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = nfd
with open(os.open('deep.txt', os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), 'w') as f:
    f.write('The WTO is good.\n')
PY
check walk-path-max 0 -- sh -c "timeout 30 $WS -r '$W/long' 2>'$W/long.err' >/dev/null; echo status \$?; \
  sed 's|\(/d\{250\}\)\{1,\}|/d.../d|; s|$W|W|g' '$W/long.err'"
check walk-not-a-directory 0 -- wmasked $WS -r "$W/tree/a.txt"
