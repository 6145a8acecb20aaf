/*
 * main: entry point; dispatches to the subcommands.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *out)
{
	fputs("fragebogen – Fragebögen im Terminal ausfüllen, verschlüsselt speichern und\n"
	      "an das Studienteam senden.\n"
	      "\n"
	      "Aufruf:\n"
	      "  fragebogen validate [--walks N] [--seed ZAHL] FORMULAR…\n"
	      "      Prüft Formulardateien (JSON). Mit --walks macht es N Zufallsdurchläufe\n"
	      "      und meldet nie erreichte Fragen, Prüfungen, die nie oder immer\n"
	      "      auslösen, und Laufzeitfehler in Ausdrücken.\n"
	      "  fragebogen print FORMULAR\n"
	      "      Gibt den Fragebogen als lesbaren Text aus (Fragen, Antworten mit\n"
	      "      Codes, Filter und Prüfungen), etwa zum Korrekturlesen.\n"
	      "  fragebogen --help | --version\n"
	      "\n"
	      "Rückgabewerte: 0 in Ordnung, 1 Probleme in der Eingabe, 2 falscher Aufruf.\n",
	      out);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("fragebogen %s\n", FRAGEBOGEN_VERSION);
		return 0;
	}
	if (strcmp(cmd, "validate") == 0)
		return validate_main(argc - 1, argv + 1);
	if (strcmp(cmd, "print") == 0)
		return print_main(argc - 1, argv + 1);
	fprintf(stderr, "fragebogen: unbekannter Befehl „%s“ (siehe fragebogen --help)\n", cmd);
	return 2;
}
