# case N: 200 `case` statements over N patterns, the last one matching.
n=${1:?size}; clock=${BENCH_CLOCK:?}
body="case \$w in" i=0
while [ "$i" -lt "$n" ]; do body="$body p$i|q$i) hit=$i ;;"; i=$((i + 1)); done
body="$body esac"
w=p$((n - 1))
eval "f() { $body; }"
t1=$("$clock")
i=0
while [ "$i" -lt 200 ]; do f; i=$((i + 1)); done
t2=$("$clock")
echo "clock $t1 $t2"
