# The loop tests/memcheck runs under valgrind: N iterations ($1) of what a
# long-running script does.  It starts no process, so valgrind's slowness stays
# bearable; memory in use at the end must not depend on N.
n=$1
f() { local v="$1"; echo "$v" >/dev/null; return 3; }
trapped=0
trap 'trapped=$((trapped + 1))' USR1
i=0
while [ $i -lt $n ]; do
	f "x$i" || :
	s=$(echo "sub$i")
	t=$(printf '%s-%s\n' "$s" "${s#sub}")
	while read -r line; do :; done <<EOF
here $i $s $t
EOF
	read -r a b <<EOF
$i two
EOF
	{ echo "$a$b"; } >/dev/null 3>&1 4</dev/null
	vsh_memcheck_no_such_command 2>/dev/null
	false || :
	cd /nonexistent 2>/dev/null
	kill -USR1 $$
	x=${undefined:-default} y=${#x}
	set -- a b c $i
	i=$((i + 1))
done
echo "$i $trapped $#"
