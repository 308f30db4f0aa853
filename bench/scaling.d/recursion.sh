# recursion N: a function calling itself N deep.
n=${1:?size}; clock=${BENCH_CLOCK:?}
f() { if [ "$1" -gt 0 ]; then f $(($1 - 1)); fi; }
t1=$("$clock")
f "$n"
t2=$("$clock")
echo "clock $t1 $t2"
