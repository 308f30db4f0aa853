# shift N: `while [ $# -gt 0 ]; do shift; done` over N arguments.
n=${1:?size}; clock=${BENCH_CLOCK:?}
set -- $(seq "$n")
t1=$("$clock")
while [ $# -gt 0 ]; do shift; done
t2=$("$clock")
echo "clock $t1 $t2"
