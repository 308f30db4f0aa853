# variables N: make N variables, then read each once.
n=${1:?size}; clock=${BENCH_CLOCK:?}
t1=$("$clock")
i=0
while [ "$i" -lt "$n" ]; do eval "v$i=$i"; i=$((i + 1)); done
i=0 sum=0
while [ "$i" -lt "$n" ]; do eval "sum=\$((sum + v$i))"; i=$((i + 1)); done
t2=$("$clock")
echo "clock $t1 $t2"
