# launch_abs N: start /bin/true N times, by absolute path (no PATH search).
# Output: "clock T0 T1 T2" (bench/run: per-iteration = ((T2-T1)-(T1-T0))/N)
# and "check ..." (must agree across shells).
n=${1:?size}
clock=${BENCH_CLOCK:?}
i=0
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	/bin/true
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i"
