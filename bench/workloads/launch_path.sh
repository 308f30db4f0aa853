# launch_path N: start an external true N times by name, found through PATH.
# `true` is a built-in everywhere, so bench/run puts a symlink named
# bench-true (to /bin/true) in $BENCH_TMP/bin, which comes LAST in a
# typical Debian PATH: a shell without a command hash table searches six
# directories each time; a shell with one searches once.
n=${1:?size}
clock=${BENCH_CLOCK:?}
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:${BENCH_TMP:?}/bin
i=0
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	bench-true
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i"
