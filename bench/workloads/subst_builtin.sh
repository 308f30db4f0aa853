# subst_builtin N: x=$(echo hi) N times: command substitution of a built-in
# (a shell may run it without creating a process).
n=${1:?size}
clock=${BENCH_CLOCK:?}
i=0 x=
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	x=$(echo hi)
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i $x"
