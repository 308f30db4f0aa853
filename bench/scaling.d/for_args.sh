# for_args N: `for a in "$@"` over N arguments.
n=${1:?size}; clock=${BENCH_CLOCK:?}
set -- $(seq "$n")
t1=$("$clock")
for a in "$@"; do :; done
t2=$("$clock")
echo "clock $t1 $t2"
