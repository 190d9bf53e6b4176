/* portal-seed.h: deterministic synthetic Dutch CVs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Creates one CV (visibility "hidden", "anonymous" or "open") owned by an
 * existing jobseeker account, fresh (updated now). Returns its id, or 0 on
 * error. Deterministic for @seed apart from the timestamps. */
gint64   portal_seed_cv_for_jobseeker (sqlite3     *db,
                                       gint64       jobseeker_id,
                                       const char  *visibility,
                                       guint64      seed,
                                       GError     **error);

/* Adds @n synthetic CVs without accounts in one transaction: about 70 %
 * anonymous, 20 % open, 5 % hidden, 5 % expired. Same @seed, same CVs. */
gboolean portal_seed_cvs              (sqlite3     *db,
                                       guint        n,
                                       guint64      seed,
                                       GError     **error);

/* As portal_seed_cvs, with the clock fixed at @now_unix (seconds) so that
 * two runs produce byte-identical rows. */
gboolean portal_seed_cvs_at           (sqlite3     *db,
                                       guint        n,
                                       guint64      seed,
                                       gint64       now_unix,
                                       GError     **error);

G_END_DECLS
