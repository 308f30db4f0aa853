# append N: N appends x="$x$y" of a 100 KiB y to a string that starts empty
# (100 appends make 10,240,000 bytes).  Most shells copy x at each append, so
# the work grows with the string; vsh extends x where it lies.
n=${1:?size}
clock=${BENCH_CLOCK:?}
y=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
y=$y$y$y$y$y$y$y$y$y$y$y$y$y$y$y$y	# 1 KiB
y=$y$y$y$y$y$y$y$y$y$y y=$y$y$y$y$y$y$y$y$y$y	# 100 KiB
i=0 x=
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	x="$x$y"
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i ${#x}"
