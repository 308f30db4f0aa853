# Sourced by every test program.  tests/run puts a "vsh" wrapper first in
# PATH for each mode (vfork, fork); tests simply run "vsh".

# The path of the wrapper, for #! lines and scripts that need an absolute path.
vsh_path()
{
	command -v vsh
}
