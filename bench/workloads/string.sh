# string N: per iteration, the four pattern-removal expansions
# ${p#*/} ${p##*/} ${p%/*} ${p%%.*} and ${#p} on a path that changes with i.
n=${1:?size}
clock=${BENCH_CLOCK:?}
i=0 a= b= c= d= e=
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	p=/usr/local/share/doc/pkg$i/archive.tar.gz
	a=${p#*/} b=${p##*/} c=${p%/*} d=${p%%.*} e=${#p}
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i $a $b $c $d $e"
