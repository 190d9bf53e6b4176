/* werving-drafts.h: vacancy drafts kept on disk while they are being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "werving-vacancy.h"

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
/* A draft: the form's vacancy plus what the form holds beyond it (text typed
 * in the occupation and skill entries), the vacancy's id (0 while new) and
 * the uuid that names a new vacancy's draft. */
JsonNode *werving_drafts_build           (WervingVacancy  *form,
                                          gint64           vacancy_id,
                                          const char      *new_uuid,
                                          const char      *occupation_text,
                                          const char      *skill_text);
/* All out arguments are set on success (transfer full); FALSE for a file
 * that is not a draft of this format. */
gboolean  werving_drafts_parse           (JsonNode        *root,
                                          WervingVacancy **form,
                                          char           **new_uuid,
                                          GDateTime      **saved_at,
                                          char           **occupation_text,
                                          char           **skill_text);
/* The writable members of @vacancy under the given id and status: the domain
 * object takes its identity only from JSON. */
WervingVacancy *werving_drafts_copy_vacancy (WervingVacancy *vacancy,
                                             gint64          id,
                                             const char     *status);

/* Removes every draft of an account and its folder (sign-out, R9). */
gboolean  werving_drafts_wipe            (const char  *dir,
                                          GError     **error);

G_END_DECLS
