/*
 * cli: the subcommands of the fragebogen program. Each takes the arguments
 * after its name (argv[0] is the subcommand) and returns the exit status:
 * 0 success, 1 the input has problems, 2 the call was wrong.
 */
#ifndef FB_CLI_H
#define FB_CLI_H

int validate_main(int argc, char **argv);
int print_main(int argc, char **argv);

#endif
