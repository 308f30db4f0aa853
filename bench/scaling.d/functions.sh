# functions N: define N functions, then call each once.
n=${1:?size}; clock=${BENCH_CLOCK:?}
t1=$("$clock")
i=0
while [ "$i" -lt "$n" ]; do eval "f$i() { :; }"; i=$((i + 1)); done
i=0
while [ "$i" -lt "$n" ]; do "f$i"; i=$((i + 1)); done
t2=$("$clock")
echo "clock $t1 $t2"
