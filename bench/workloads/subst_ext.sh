# subst_ext N: x=$(/bin/echo hi) N times: command substitution of one
# external command.
n=${1:?size}
clock=${BENCH_CLOCK:?}
i=0 x=
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	x=$(/bin/echo hi)
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i $x"
