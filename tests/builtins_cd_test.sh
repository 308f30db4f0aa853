#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

# A tree with a symbolic link, for logical and physical paths.
make_tree()
{
	mkdir -p a/b c
	ln -s a/b lnk
	top=$(pwd -P)
}

atf_test_case logical
logical_head() { atf_set descr "cd -L (the default) keeps the path as typed; .. removes a component"; }
logical_body()
{
	make_tree
	atf_check -o inline:"$top/lnk\n$top/a/b\n$top\n$top/c\n" \
	    vsh -c "cd $top; cd lnk; pwd; pwd -P; cd ..; pwd; cd lnk/../c; pwd"
	atf_check -o inline:"$top/lnk\n$top/lnk\n" vsh -c "cd $top/lnk; pwd; echo \$PWD"
	atf_check -o inline:"$top/a\n" vsh -c "cd $top/./lnk//..///a/; pwd"
	atf_check -o inline:"/\n" vsh -c 'cd /..; pwd'
}

atf_test_case physical
physical_head() { atf_set descr "cd -P resolves symbolic links; the last of -L/-P wins"; }
physical_body()
{
	make_tree
	atf_check -o inline:"$top/a/b\n$top/a\n" vsh -c "cd $top; cd -P lnk; pwd; cd ..; pwd"
	atf_check -o inline:"$top/a\n" vsh -c "cd $top; cd -P lnk/..; pwd"
	atf_check -o inline:"$top/a/b\n" vsh -c "cd $top; cd -L -P lnk; pwd"
	atf_check -o inline:"$top/lnk\n" vsh -c "cd $top; cd -P -L lnk; pwd"
}

atf_test_case oldpwd
oldpwd_head() { atf_set descr "cd - goes back and prints the directory; OLDPWD and PWD are kept"; }
oldpwd_body()
{
	make_tree
	atf_check -o inline:"$top/a\n$top/a old=$top/c\n" \
	    vsh -c "cd $top/a; cd ../c; cd -; echo \$PWD old=\$OLDPWD"
	atf_check -s exit:1 -e match:'cd: OLDPWD not set$' vsh -c 'unset OLDPWD; cd -'
	atf_check -o inline:"$top/lnk\n" vsh -c "cd $top/lnk; cd /; cd - >/dev/null; pwd"
}

atf_test_case removed_directory
removed_directory_head() { atf_set descr "leaving a removed directory: OLDPWD is the directory left; cd -P -e says when PWD is unknown"; }
removed_directory_body()
{
	make_tree
	atf_check -o inline:"st=0 old=$top/a/b pwd=$top/c\n" \
	    vsh -c "cd $top/a/b; rmdir ../b; cd $top/c; echo st=\$? old=\$OLDPWD pwd=\$PWD"
	mkdir -p a/b
	atf_check -o inline:"st=0 old=$top/a/b pwd=$top/a\n" \
	    vsh -c "cd $top/a/b; rmdir ../b; cd -P -e ..; echo st=\$? old=\$OLDPWD pwd=\$PWD"
	# The directory changed but its name cannot be found: status 1 with -e, 0 without.
	mkdir -p a/b
	atf_check -o inline:'st=1\nst=0\n' \
	    vsh -c "cd $top/a/b; rmdir ../b; cd -P -e .; echo st=\$?; cd -P .; echo st=\$?"
	atf_check -o inline:'st=0 /\n' vsh -c 'cd -e /; echo st=$? $PWD'
	# PWD, then OLDPWD, still name the removed directory after cd -P into it.
	mkdir -p a/b
	atf_check -o inline:"st=1 pwd=$top/a/b\nold=$top/a/b\n" \
	    vsh -c "cd $top/a/b; rmdir ../b; cd -P -e .; echo st=\$? pwd=\$PWD; cd /; echo old=\$OLDPWD"
	# The path as typed: .. after a removed directory is an error (step 8), saying why.
	mkdir -p a/b
	atf_check -s exit:1 -o empty -e match:'cd: \.\.: No such file or directory$' \
	    vsh -c "cd $top/a/b; rmdir ../b; cd .."
	atf_check -s exit:2 -e match:'pwd: -e: invalid option' vsh -c 'pwd -e'
}

atf_test_case e_error_status
e_error_status_head() { atf_set descr "with -P and -e in effect, a cd that fails has status 2 (1 means changed, PWD unknown)"; }
e_error_status_body()
{
	atf_check -s exit:2 -e match:'cd: /nonexistent: No such file or directory$' vsh -c 'cd -P -e /nonexistent'
	atf_check -s exit:2 -e match:'cd: /nonexistent: No such file or directory$' vsh -c 'cd -eP /nonexistent'
	atf_check -s exit:2 -e match:'cd: HOME not set$' vsh -c 'unset HOME; cd -Pe'
	atf_check -s exit:2 -e match:'cd: OLDPWD not set$' vsh -c 'unset OLDPWD; cd -Pe -'
	atf_check -s exit:2 -e match:'cd: null directory$' vsh -c 'cd -Pe ""'
	# -L last: -P is not in effect, -e is ignored.
	atf_check -s exit:1 -e match:'cd: /nonexistent: No such file or directory$' vsh -c 'cd -e -P -L /nonexistent'
	atf_check -s exit:1 -e match:'cd: /nonexistent: No such file or directory$' vsh -c 'cd -e /nonexistent'
}

atf_test_case home
home_head() { atf_set descr "cd without operand goes to HOME"; }
home_body()
{
	make_tree
	atf_check -o inline:"$top/c\n" vsh -c "HOME=$top/c; cd; pwd"
	atf_check -s exit:1 -e match:'cd: HOME not set$' vsh -c 'unset HOME; cd'
}

atf_test_case cdpath
cdpath_head() { atf_set descr "CDPATH: the directory is printed when found through a non-empty entry"; }
cdpath_body()
{
	make_tree
	atf_check -o inline:"$top/a/b\n$top/a/b\n" vsh -c "CDPATH=$top/a; cd b; pwd"
	atf_check -o inline:"$top/c\n" vsh -c "cd $top; CDPATH=:$top/a; cd c; pwd"
	atf_check -o inline:"$top/c\n" vsh -c "cd $top; CDPATH=$top/a; cd ./c; pwd"
	atf_check -o inline:"$top/a/b\n" vsh -c "cd $top/c; CDPATH=$top/a/; cd b >/dev/null; pwd"
}

atf_test_case errors
errors_head() { atf_set descr "errors: status 1, usage errors 2"; }
errors_body()
{
	make_tree
	atf_check -s exit:1 -e match:'cd: /nonexistent: No such file or directory$' vsh -c 'cd /nonexistent'
	: >file
	atf_check -s exit:1 -e match:'cd: file: Not a directory$' vsh -c 'cd file'
	atf_check -s exit:1 -e match:'cd: file/..: Not a directory$' vsh -c 'cd file/..'
	atf_check -s exit:2 -e match:'cd: -x: invalid option' -e match:'usage: cd \[-L\|-P \[-e\]\] \[directory\]' vsh -c 'cd -x'
	atf_check -s exit:0 -o inline:"1 $top\n" -e ignore vsh -c "cd $top; cd /nonexistent; echo \$? \$PWD"
	atf_check -s exit:1 -e match:'cd: null directory$' vsh -c 'cd ""'
}

atf_test_case pwd
pwd_head() { atf_set descr "pwd -L checks PWD; pwd -P resolves links"; }
pwd_body()
{
	make_tree
	atf_check -o inline:"$top/lnk\n$top/a/b\n" vsh -c "cd $top/lnk; pwd -L; pwd -P"
	atf_check -o inline:"$top/a/b\n" vsh -c "cd $top/lnk; PWD=/bogus; pwd"
	atf_check -o inline:"$top/a/b\n" vsh -c "cd $top/lnk; PWD=$top/lnk/../lnk; pwd"
	atf_check -s exit:2 -e match:'pwd: -x: invalid option' vsh -c 'pwd -x'
}

atf_init_test_cases()
{
	atf_add_test_case logical
	atf_add_test_case physical
	atf_add_test_case oldpwd
	atf_add_test_case removed_directory
	atf_add_test_case e_error_status
	atf_add_test_case home
	atf_add_test_case cdpath
	atf_add_test_case errors
	atf_add_test_case pwd
}
