# pipeline N: run the pipeline /bin/true | /bin/true | /bin/true N times.
n=${1:?size}
clock=${BENCH_CLOCK:?}
i=0
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	/bin/true | /bin/true | /bin/true
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i"
