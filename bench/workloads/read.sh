# read N: `while IFS= read -r line` over an N-line file (about 40 bytes a
# line), keeping the last line.  Per-iteration = per line read.
n=${1:?size}
clock=${BENCH_CLOCK:?}
file=${BENCH_TMP:?}/read-$n.txt
[ -f "$file" ] || awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "line %d of the input, some words\n", i }' >"$file"
line= last=
t0=$("$clock"); t1=$("$clock")
while IFS= read -r line; do
	last=$line
done <"$file"
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $last"
