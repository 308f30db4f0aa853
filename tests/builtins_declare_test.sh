#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case export
export_head() { atf_set descr "export marks variables for the environment"; }
export_body()
{
	atf_check -o inline:'1 2 [unset]\n' vsh -c 'a=1; export a; export b=2 c; sh -c "echo \$a \$b [\${c-unset}]"'
	atf_check -o inline:'x y\n' vsh -c 'export v="x y"; sh -c "echo \$v"'
	atf_check -o inline:'[unset]\n' vsh -c 'export e; sh -c "echo [\${e-unset}]"'
	atf_check -o inline:'late\n' vsh -c 'export l; l=late; sh -c "echo \$l"'
}

atf_test_case export_p
export_p_head() { atf_set descr "export -p lists re-inputtable commands"; }
export_p_body()
{
	atf_check -o inline:"export A=1\nexport B\nexport C='x y'\nexport D='it'\\\\''s'\n" \
	    vsh -c "export A=1 B C='x y' D=\"it's\"; export -p | grep -E '^export [A-D]\\>'"
	atf_check -o inline:"export A=1\n" vsh -c "export A=1; export | grep '^export A='"
	atf_check -o inline:'x y|set\n' \
	    vsh -c "export C='x y' U; s=\$(export -p); unset C U; eval \"\$s\"; echo \"\$C|\${U-set}\""
}

atf_test_case readonly
readonly_head() { atf_set descr "readonly, readonly -p, and assignment errors"; }
readonly_body()
{
	atf_check -o inline:"readonly R='x y'\nreadonly S\n" \
	    vsh -c "readonly R='x y' S; readonly -p | grep -E '^readonly [RS]\\>'"
	atf_check -o inline:'ok 1\n' vsh -c 'readonly x=1; readonly x; echo ok $x'
	atf_check -s exit:2 -o empty -e match:'x: is read only$' vsh -c 'readonly x=1; x=2; echo not reached'
	atf_check -s exit:2 -o empty -e match:'export: x: is read only$' vsh -c 'readonly x=1; export x=3; echo not reached'
	atf_check -s exit:2 -o empty -e match:'readonly: x: is read only$' vsh -c 'readonly x=1; readonly x=2; echo not reached'
	atf_check -o inline:'1\n' vsh -c 'readonly x=1; export x; sh -c "echo \$x"'
}

atf_test_case bad_names
bad_names_head() { atf_set descr "invalid names are special built-in errors"; }
bad_names_body()
{
	atf_check -s exit:2 -o empty -e match:'export: 1abc: bad variable name$' vsh -c 'export 1abc; echo not reached'
	atf_check -s exit:2 -o empty -e match:'readonly: a-b: bad variable name$' vsh -c 'readonly a-b=1; echo not reached'
	atf_check -s exit:2 -o empty -e match:'unset: 1abc: bad variable name$' vsh -c 'unset 1abc; echo not reached'
	atf_check -s exit:2 -o empty -e match:'export: -x: invalid option' vsh -c 'export -x; echo not reached'
	printf 'export 1abc\necho reached $?\n' >script
	atf_check -o inline:'reached 2\n' -e match:'export: 1abc: bad variable name' vsh -i <script
}

atf_test_case unset
unset_head() { atf_set descr "unset -v and -f"; }
unset_body()
{
	atf_check -o inline:'unset 0\n' vsh -c 'a=1; unset a; echo ${a-unset} $?'
	atf_check -o inline:'0\n' vsh -c 'unset nonexistent; echo $?'
	atf_check -o inline:'[]\n' vsh -c 'export a=1; unset a; sh -c "echo [\$a]"'
	atf_check -o inline:'unset unset\n' vsh -c 'a=1 b=2; unset -v a b; echo ${a-unset} ${b-unset}'
	atf_check -s exit:127 -o inline:'f\n' -e match:'f: not found' vsh -c 'f() { echo f; }; f; unset -f f; f'
	atf_check -o inline:'1\n' vsh -c 'f=1; f() { :; }; unset -f f; echo $f'
	atf_check -o inline:'0\n' vsh -c 'unset -f nosuch; echo $?'
	atf_check -s exit:2 -o empty -e match:'unset: x: is read only$' vsh -c 'readonly x=1; unset x; echo not reached'
}

atf_test_case local
local_head() { atf_set descr "local variables in functions (dash semantics)"; }
local_body()
{
	atf_check -o inline:'in:1\n2 3\n1 unset\n' \
	    vsh -c 'g() { local x; echo "in:${x-unset}"; x=2; local y=3; echo $x $y; }; x=1; g; echo $x ${y-unset}'
	atf_check -o inline:'5\nunset\n' vsh -c 'h() { local v=5; export v; sh -c "echo \$v"; }; h; echo "${v-unset}"'
	atf_check -o inline:'inner\nouter\n' \
	    vsh -c 'v=outer; a() { local v=inner; b; }; b() { echo $v; }; a; echo $v'
	atf_check -o inline:'2\n' -e match:'local: not in a function$' vsh -c 'local x; echo $?'
	# Temporary assignments before local do not make its variables temporary.
	atf_check -o inline:'v=1 E=\nv=\n' vsh -c 'f() { E=x local v=1; echo v=$v E=$E; }; f; echo v=$v'
	atf_check -o inline:'2\n' -e match:'local: not in a function$' vsh -c 'E=x local x; echo $?'
	atf_check -o inline:'in=1\nout=0\n' vsh -c 'v=0; f() { E=x command local v=1; echo in=$v; }; f; echo out=$v'
	# A temporary assignment to the local's own name: the function keeps v
	# (its value, exported, as bash does), and its return restores the
	# value from before the assignment, not the temporary one.
	atf_check -o inline:'m=3 env=v=3\nout=g\n' \
	    vsh -c 'v=g; m() { v=3 local v; echo m=$v env=$(env | grep "^v="); v=4; }; m; echo out=$v'
	atf_check -o inline:'n=5 w=1\nout=g w=\n' \
	    vsh -c 'v=g; n() { v=3 w=1 local w v=5; echo n=$v w=$w; }; n; echo out=$v w=$w'
	atf_check -o inline:'o=3\nout=unset\n' \
	    vsh -c 'o() { v=3 local v; echo o=$v; }; o; echo out=${v-unset}'
	atf_check -o inline:'p=3\nout=g\n' \
	    vsh -c 'v=g; p() { local v=7; v=3 local v; echo p=$v; }; p; echo out=$v'
	atf_check -o inline:'h=5\nout=g\n' \
	    vsh -c 'v=g; h() { v=3 command local v=5; echo h=$v; }; h; echo out=$v'
	# Special built-ins keep their assignments (XCU 2.9.1); a function call's do not.
	atf_check -o inline:'E=x w=1\nE=y r=1\nf=5\nout=g\n' \
	    vsh -c 'g() { E=x export w=1; }; g; echo E=$E w=$w; h() { E=y readonly r=1; }; h; echo E=$E r=$r
		v=g; f() { local v; v=5; echo f=$v; }; v=3 f; echo out=$v'
	atf_check -o inline:'2\n' -e match:'local: 1x: bad variable name$' vsh -c 'f() { local 1x; echo $?; }; f'
}

atf_init_test_cases()
{
	atf_add_test_case export
	atf_add_test_case export_p
	atf_add_test_case readonly
	atf_add_test_case bad_names
	atf_add_test_case unset
	atf_add_test_case local
}
