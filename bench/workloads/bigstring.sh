# bigstring N: per iteration, ${#x} and ${x#?} on a 10 MiB string (built
# before the clock starts, by doubling and concatenation).
n=${1:?size}
clock=${BENCH_CLOCK:?}
x=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
x=$x$x$x$x$x$x$x$x$x$x$x$x$x$x$x$x	# 1 KiB
x=$x$x x=$x$x x=$x$x x=$x$x x=$x$x x=$x$x x=$x$x x=$x$x x=$x$x x=$x$x x=$x$x	# 2 MiB
x=$x$x$x$x$x			# 10 MiB
i=0 len= y=
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	len=${#x} y=${x#?}
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i $len ${#y}"
