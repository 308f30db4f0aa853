# arith N: the loop `while [ "$i" -lt N ]; do i=$((i + 1)); done`.
n=${1:?size}
clock=${BENCH_CLOCK:?}
i=0
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i"
