# heredoc N: a script holding an N-KiB quoted here-document, read and run (`.`).
n=${1:?size}; clock=${BENCH_CLOCK:?}
file=${BENCH_TMP:?}/scaling-heredoc-$n.sh
[ -f "$file" ] || awk -v n="$n" 'BEGIN { print "/bin/cat >/dev/null <<\"EOF\""
	for (i = 0; i < n * 16; i++) printf "%63d\n", i; print "EOF" }' >"$file"
t1=$("$clock")
. "$file"
t2=$("$clock")
echo "clock $t1 $t2"
