# pipeline N: one pipeline of N /bin/cat processes.
n=${1:?size}; clock=${BENCH_CLOCK:?}
cmd="echo x" i=0
while [ "$i" -lt "$n" ]; do cmd="$cmd | /bin/cat"; i=$((i + 1)); done
t1=$("$clock")
eval "$cmd" >/dev/null
t2=$("$clock")
echo "clock $t1 $t2"
