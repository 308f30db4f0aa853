# parse-gen.sh LINES: write to stdout a syntactically valid POSIX sh script of
# about LINES lines (about 50 bytes a line; 200000 lines is about 10 MB) that
# uses most of the grammar.  bench/run times `shell -n` on it (parse only),
# minus `shell -n` on an empty file.
awk -v lines="${1:?lines}" 'BEGIN {
	blocks = int(lines / 25)
	for (i = 0; i < blocks; i++) {
		printf "# block %d: functions, tests, loops, expansions, redirections, here-documents, pipelines, subshells, background jobs and case patterns\n", i
		printf "handle_%d() {\n", i
		printf "\tlocal_value=\"${1:-default_%d}\" count=$((count + %d)) flags=\"-a -b\" label='"'"'single quoted label %d'"'"'\n", i, i % 97, i
		printf "\tif [ \"$local_value\" = \"item_%d\" ] && test -n \"$2\"; then\n", i
		printf "\t\tprintf %%s\\\\n \"matched $local_value at ${PWD##*/} in the current directory, count=$count\" >&2\n"
		printf "\telif [ \"$count\" -gt %d ] || [ -z \"$3\" ]; then\n", i
		printf "\t\tresult=$(echo \"$local_value\" | tr a-z A-Z | sed -e s/X/Y/ -e '"'"'s/[[:space:]]*$//'"'"')\n"
		printf "\telse\n"
		printf "\t\twhile read -r key value; do\n"
		printf "\t\t\tcase $key in\n"
		printf "\t\t\tname_%d|alias_%d|other_name_%d|another_alias_%d) echo \"$value\" ;;\n", i, i, i, i
		printf "\t\t\t*.conf|*.ini) : \"${value%%%%=*}\" ;;\n"
		printf "\t\t\t*) break ;;\n"
		printf "\t\t\tesac\n"
		printf "\t\tdone <\"/etc/vsh-bench/config_%d.conf\"\n", i
		printf "\tfi\n"
		printf "\tfor word in alpha beta \"gamma delta\" epsilon zeta eta theta iota kappa lambda $*; do\n"
		printf "\t\t{ echo \"$word\"; echo done; } >>/tmp/out_%d 2>&1 &\n", i
		printf "\tdone\n"
		printf "\tcat <<EOF\n"
		printf "here-document %d for $local_value, $(date +%%s) and `uname` with ${HOME:-/root} and $((%d * 2 + 1)) plus some literal text\n", i, i
		printf "EOF\n"
		printf "\t( cd \"${TMPDIR:-/tmp}\" && ls -l | grep -v '"'"'^total'"'"' | sort -k5n ) || return %d\n", i % 256
		printf "}\n"
		printf "[ \"$mode\" = run ] && handle_%d \"$@\" \"$HOME\" \"$PATH\" || : ${unset_%d=x} \"${#PATH}\"\n", i, i
	}
	printf "echo parsed %d blocks\n", blocks
}'
