# func N: N calls of a small shell function with one argument.
n=${1:?size}
clock=${BENCH_CLOCK:?}
set_last() {
	last=$1
}
i=0 last=
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	set_last "$i"
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i $last"
