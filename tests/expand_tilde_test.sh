#! /usr/bin/env atf-sh
# Tilde expansion (XCU 2.6.1).
# Expected outputs were checked against dash (/usr/bin/dash).
. "$(atf_get_srcdir)/common.sh"

atf_test_case home
home_head() { atf_set descr '~ and ~/path use HOME'; }
home_body()
{
	atf_check -s exit:0 -o inline:'/home/tester /home/tester/a ~ ~ ~ a~ ~/x /home/tester/x\n' -e empty vsh -c 'HOME=/home/tester; echo ~ ~/a "~" '\''~'\'' \~ a~ ~"/x" ~/"x"'
	atf_check -s exit:0 -o inline:'/home/tester\n' -e empty vsh -c 'HOME=/home/tester; x=~; echo $x'
	atf_check -s exit:0 -o inline:'/a\n' -e empty vsh -c 'HOME=; echo ~/a'
	atf_check -s exit:0 -o inline:'/a b\n1\n' -e empty vsh -c 'HOME="/a b"; echo ~; set -- ~; echo $#'
	atf_check -s exit:0 -o inline:'/*\n' -e empty vsh -c 'HOME="/*"; echo ~'
}

atf_test_case user
user_head() { atf_set descr '~user uses the password database'; }
user_body()
{
	atf_check -s exit:0 -o inline:'same\n' -e empty vsh -c 'h=$(awk -F: '\''$1 == "root" { print $6; exit }'\'' /etc/passwd); test ~root = "$h" && test ~root/x = "$h/x" && echo same'
	atf_check -s exit:0 -o inline:'~no_such_user_hopefully/x\n' -e empty vsh -c 'echo ~no_such_user_hopefully/x'
}

atf_test_case assignment
assignment_head() { atf_set descr 'tilde after = and after each unquoted : in assignments'; }
assignment_body()
{
	atf_check -s exit:0 -o inline:'/home/tester/a:/home/tester/b:c~:/home/tester\n' -e empty vsh -c 'HOME=/home/tester; x=~/a:~/b:c~:~; echo $x'
	atf_check -s exit:0 -o inline:'a:/home/tester\n' -e empty vsh -c 'HOME=/home/tester; x=a:~; echo $x'
	atf_check -s exit:0 -o inline:'~/a:/home/tester\n' -e empty vsh -c 'HOME=/home/tester; x="~"/a:~; echo $x'
	atf_check -s exit:0 -o inline:'/home/tester/q\n' -e empty vsh -c 'HOME=/home/tester; export y=~/q; echo $y'
	atf_check -s exit:0 -o inline:'a=~/x b:~/y\n' -e empty vsh -c 'HOME=/home/tester; echo a=~/x b:~/y'
	atf_check -s exit:0 -o inline:'same\n' -e empty vsh -c 'HOME=/home/tester; h=$(awk -F: '\''$1 == "root" { print $6; exit }'\'' /etc/passwd); x=~root; test "$x" = "$h" && echo same'
}

atf_test_case parameter_word
parameter_word_head() { atf_set descr 'tilde in the word of ${x-word}'; }
parameter_word_body()
{
	atf_check -s exit:0 -o inline:'/home/tester /home/tester/d\n' -e empty vsh -c 'HOME=/home/tester; unset x; echo ${x-~} ${x:-~/d}'
	atf_check -s exit:0 -o inline:'1\n' -e empty vsh -c 'HOME=/home/tester; echo ~$USER | grep -c "^~"'
}

atf_init_test_cases()
{
	atf_add_test_case home
	atf_add_test_case user
	atf_add_test_case assignment
	atf_add_test_case parameter_word
}
