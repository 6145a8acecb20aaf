/*
 * cli: the subcommands of the fragebogen program. Each takes the arguments
 * after its name (argv[0] is the subcommand) and returns the exit status:
 * 0 success, 1 the input has problems, 2 the call was wrong.
 */
#ifndef FB_CLI_H
#define FB_CLI_H

int validate_main(int argc, char **argv);
int print_main(int argc, char **argv);
int init_main(int argc, char **argv);
int list_main(int argc, char **argv);
int show_main(int argc, char **argv);
int passwd_main(int argc, char **argv);
int import_main(int argc, char **argv);
int tui_main(int argc, char **argv);
int codebook_main(int argc, char **argv);
int keygen_main(int argc, char **argv);
int id_main(int argc, char **argv);
int export_main(int argc, char **argv);
int simulate_main(int argc, char **argv);
int aggregate_main(int argc, char **argv);

#endif
