/* The rjkiosk subcommands. Each takes the arguments after its name (argv[0] is the command
 * name) and returns the process exit status: 0 success, 1 failure, 2 usage error. */
#ifndef RJK_APP_COMMANDS_H
#define RJK_APP_COMMANDS_H

int cmd_check(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_sessions(int argc, char **argv);
int cmd_purge(int argc, char **argv);
/* rjkiosk report ... --out FILE.pdf (app/cmd_report.c) */
int cmd_report(int argc, char **argv);
/* rjkiosk preview PATH [--step ID] ... (app/cmd_preview.c) */
int cmd_preview(int argc, char **argv);
/* rjkiosk settings [--data DIR] [--xapi-base IRI | --no-xapi-base] (app/cmd_settings.c) */
int cmd_settings(int argc, char **argv);
/* rjkiosk set-pin [--data DIR] [--stdin] */
int cmd_set_pin(int argc, char **argv);
/* rjkiosk lrs, push, import, class: the learning record store (app/cmd_lrs.c) */
int cmd_lrs(int argc, char **argv);
int cmd_push(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_class(int argc, char **argv);

#endif
