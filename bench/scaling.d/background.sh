# background N: N background /bin/true, then wait.
n=${1:?size}; clock=${BENCH_CLOCK:?}
t1=$("$clock")
i=0
while [ "$i" -lt "$n" ]; do /bin/true & i=$((i + 1)); done
wait
t2=$("$clock")
echo "clock $t1 $t2"
