/*
 * docdir: the folder where a user finds the files the program writes for
 * them (exports, codebooks): the XDG documents folder if there is one,
 * else the home folder.
 *
 * The documents folder is the line XDG_DOCUMENTS_DIR="…" of
 * $XDG_CONFIG_HOME/user-dirs.dirs ($HOME/.config/user-dirs.dirs when
 * XDG_CONFIG_HOME is unset, empty or not absolute), as xdg-user-dirs writes
 * it. The value stands in double quotes and starts with "$HOME/" or "/"; a
 * backslash takes the next character literally. Other forms, comments (#)
 * and other lines are ignored; of several valid lines the last counts. It
 * is used if it names an existing folder that is not the home folder
 * itself (xdg-user-dirs' way of saying "none").
 *
 * The home folder is $HOME, or when that is unset or empty the one of the
 * user's passwd entry, or as a last resort ".".
 *
 * The file is read through fio (at most DOCDIR_MAX bytes; a larger or
 * unreadable file counts as none), folders are checked with fio_stat().
 * Nothing is created. There are no errors: some folder always comes back.
 *
 * Ownership: docdir_find() returns a new string for free().
 */
#ifndef FB_DOCDIR_H
#define FB_DOCDIR_H

#define DOCDIR_MAX (64u << 10)

/* The folder for the user's files, without a trailing slash (but "/"). */
char *docdir_find(void);

#endif
