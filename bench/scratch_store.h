/* What the store benchmarks (bench_store, bench_export) share: a one-step scenario and stores
 * in a scratch folder. */
#ifndef RJK_BENCH_SCRATCH_STORE_H
#define RJK_BENCH_SCRATCH_STORE_H

#include "core/store.h"

/* A scenario with one text step, "q1". */
extern struct scenario scratch_scenario;

/* The folder the stores go in, into dir (size bytes): given when not NULL, else a new one in
 * /var/tmp (exits when it cannot be made). True when it is a new one, to remove afterwards. */
bool scratch_folder(char *dir, size_t size, const char *given);

/* Opens (creating it) the store in dir/name; prints why and exits when it cannot. */
struct store *scratch_store_open(const char *dir, const char *name);

/* Removes the store's files and folder dir/name (bench-made folders only). */
void scratch_store_remove(const char *dir, const char *name);

/* qsort's comparison of doubles, smallest first. */
int scratch_by_value(const void *a, const void *b);

#endif
