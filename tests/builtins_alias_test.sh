#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case define
define_head() { atf_set descr "alias defines and prints re-inputtable definitions"; }
define_body()
{
	cat >script <<'END'
alias a=b c='x y' d="it's"
alias
alias a c
alias ll='echo long'
ll listing
END
	atf_check -o inline:"a=b\nc='x y'\nd='it'\\\\''s'\na=b\nc='x y'\nlong listing\n" vsh script
	cat >script <<'END'
alias q="echo 'a b'"
saved=$(alias)
unalias -a
eval "alias $saved"
q
END
	atf_check -o inline:'a b\n' vsh script
}

atf_test_case not_found
not_found_head() { atf_set descr "alias and unalias of an undefined name: status 1"; }
not_found_body()
{
	atf_check -s exit:1 -e match:'alias: zz: not found$' vsh -c 'alias zz'
	atf_check -s exit:1 -o inline:'a=b\n' -e match:'alias: zz: not found$' vsh -c 'alias a=b; alias zz a'
	atf_check -s exit:1 -e match:'unalias: zz: not found$' vsh -c 'unalias zz'
}

atf_test_case unalias
unalias_head() { atf_set descr "unalias name and unalias -a"; }
unalias_body()
{
	atf_check -o inline:"c=d\n" vsh -c 'alias a=b c=d; unalias a; alias'
	atf_check -o inline:'' vsh -c 'alias a=b c=d; unalias -a; alias'
	atf_check -s exit:2 -e match:'usage: unalias' vsh -c 'unalias'
	atf_check -s exit:2 -e match:'unalias: -x: invalid option' vsh -c 'unalias -x'
}

atf_test_case empty_and_newline_values
empty_and_newline_values_head() { atf_set descr "an alias value that is empty or starts with a newline is read as input wherever a command may start (XCU 2.3.1)"; }
empty_and_newline_values_body()
{
	cat >script <<'END'
alias nil=
true && nil
echo and
false || nil
echo or
true | nil
echo pipe
if true; then nil
echo then; fi
for i in 1; do nil
echo do; done
{ nil
echo brace; }
case x in x) nil
echo case;; esac
f() nil
{ echo function; }
f
END
	atf_check -o inline:'and\nor\npipe\nthen\ndo\nbrace\ncase\nfunction\n' -e empty vsh script
	cat >script <<'END'
alias nil=
alias endif='
fi'
if true; then echo T; endif
alias two='echo a
echo b'
eval 'g() {
two
}'
g
eval 'h() { true && nil
echo h; }'
h
END
	atf_check -o inline:'T\na\nb\nh\n' -e empty vsh script
}

atf_test_case blank_ending_value
blank_ending_value_head() { atf_set descr "after a value ending in a blank, the next token of the input is checked, wherever it stands"; }
blank_ending_value_body()
{
	# Not a word of the value itself.
	cat >script <<'END'
alias e='echo x ' p=P
e p
alias loop='for ' var='i '
loop var in 1 2; do echo $i; done
alias c='case x in ' pat='y|x) '
c pat echo pattern;; esac
alias fn='fun ' par='() '
fn par { echo function; }
fun
alias h='cat << ' d='EOF '
h d
here
EOF
alias e2='echo '
e2 e2 e2
END
	atf_check -o inline:'x P\n1\n2\npattern\nfunction\nhere\necho echo\n' -e empty vsh script
	# Quoted, it is no alias.
	atf_check -o inline:'p\n' -e empty vsh -c "alias e='echo ' p=P
e 'p'"
}

atf_test_case value_in_place_of_word
value_in_place_of_word_head() { atf_set descr "a value substituted after a blank-ending alias stands where its word did: its first word is checked in turn"; }
value_in_place_of_word_body()
{
	# As dash, yash and mksh (bash does not carry the check over an empty value).
	cat >script <<'END'
alias e='echo ' nil= x=X b='c ' c='d ' d=D p=c
e nil x
e b c
e p c
alias f='for ' v='w ' w=i
f v in 1; do echo $i; done
alias h='cat << ' hd='hd2 ' hd2=EOF
h hd
here
EOF
alias k='case x in ' pat='nil y|x) '
k pat echo case;; esac
END
	atf_check -o inline:'X\nD D\nD D\n1\nhere\ncase\n' -e empty vsh script
	# Not the alias being substituted, nor one whose text produced it.
	atf_check -o inline:'a b\na b\n' -e empty vsh -c "alias e='echo ' a='b ' b='a '
e a b
alias a=b b=a
e a b"
}

atf_test_case reserved_word_first
reserved_word_first_head() { atf_set descr "where the grammar wants in, do or esac (not a command position), the reserved word wins over an alias, even after a blank-ending alias"; }
reserved_word_first_body()
{
	# As yash, dash and mksh: XCU 2.10.2 rules 4 and 6 come before alias substitution.
	cat >script <<'END'
alias forx='for x ' do=';' i='in 0' in='in 1' for='in 2'
set p
forx do echo $x; done
forx i a; do echo $x; done
forx in a; do echo $x; done
forx for a; do echo $x; done
alias f=' for ' w=' in ' in=' x '
f w in 3; do echo $x; done
alias c='case a ' case='
 in a) :' in=
c case X; echo A; esac
c in a) echo B; esac
alias c='case a in ' esac=x
c esac
alias c='case a in x) ;; '
c esac
echo end
END
	atf_check -o inline:'p
0
a
a
2
a
3
A
B
end
' -e empty vsh script
}

atf_test_case no_recursion
no_recursion_head() { atf_set descr "an alias being substituted, directly or through others, is not substituted again"; }
no_recursion_body()
{
	atf_check -s exit:127 -o empty -e match:'line 2: a: not found' vsh -c 'alias a=b b=a
a'
	atf_check -s exit:127 -o empty -e match:'b: not found' vsh -c 'alias a=b b=c c=a
b'
	# Once its text has been read, an alias may be substituted again (as in every peer).
	atf_check -o inline:'ls echo ls\n' -e empty vsh -c "alias ls='echo ls ' e='ls '
e ls"
}

atf_test_case line_numbers
line_numbers_head() { atf_set descr "messages about alias text carry the line of the alias use"; }
line_numbers_body()
{
	printf 'alias x="for\n"\n:\nx\n' >script
	atf_check -s exit:2 -o empty -e inline:'vsh: script: line 4: syntax error: unexpected newline (expecting a variable name)\n' vsh script
	printf 'alias bad="echo \\$LINENO\nnosuch"\n:\nbad\nf() {\n  bad\n}\nf\n' >script
	atf_check -s exit:127 -o inline:'4\n6\n' -e inline:'vsh: script: line 4: nosuch: not found\nvsh: script: line 6: nosuch: not found\n' vsh script
}

atf_init_test_cases()
{
	atf_add_test_case define
	atf_add_test_case not_found
	atf_add_test_case unalias
	atf_add_test_case empty_and_newline_values
	atf_add_test_case blank_ending_value
	atf_add_test_case value_in_place_of_word
	atf_add_test_case reserved_word_first
	atf_add_test_case no_recursion
	atf_add_test_case line_numbers
}
