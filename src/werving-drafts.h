/* werving-drafts.h: vacancy drafts kept on disk while they are being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* g_get_user_data_dir ()/werving/drafts/<sha256 of portal and e-mail>, the
 * same account hash as the outbox uses.
 */
char     *werving_drafts_get_dir         (const char  *portal,
                                          const char  *email);
/* <dir>/<id>.json for a saved vacancy, <dir>/new-<uuid>.json otherwise. */
char     *werving_drafts_get_path        (const char  *dir,
                                          gint64       vacancy_id,
                                          const char  *new_uuid);
/* The most recently written new-<uuid>.json in @dir, or NULL. */
char     *werving_drafts_find_newest_new (const char  *dir);
/* Writes atomically with mode 0600, creating @path's folder (0700). */
gboolean  werving_drafts_write           (const char  *path,
                                          JsonNode    *node,
                                          GError     **error);
/* Returns: (transfer full) (nullable): the draft, NULL if missing or unreadable */
JsonNode *werving_drafts_read            (const char  *path,
                                          GError     **error);
/* Removes every draft of an account and its folder (sign-out, R9). */
gboolean  werving_drafts_wipe            (const char  *dir,
                                          GError     **error);

G_END_DECLS
