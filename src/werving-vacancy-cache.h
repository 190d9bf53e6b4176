/* werving-vacancy-cache.h: the organisation's own vacancy list kept on disk,
 * so it stays readable while the portal cannot be reached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "werving-vacancy.h"

G_BEGIN_DECLS

/* g_get_user_cache_dir ()/werving/<sha256 of portal and e-mail, as the
 * outbox>/vacancies.json */
char      *werving_vacancy_cache_get_path (const char  *portal,
                                           const char  *email);
/* Writes the WervingVacancy items of @vacancies atomically, mode 0600 (its
 * folder 0700), with the time of @loaded_at. Vacancies are the organisation's
 * own data, never candidate data (R9). */
gboolean   werving_vacancy_cache_save     (const char  *path,
                                           GListModel  *vacancies,
                                           GDateTime   *loaded_at,
                                           GError     **error);
/* Returns: (transfer full) (nullable): a GListStore of WervingVacancy, NULL
 * when there is no readable cache; @loaded_at (out, transfer full) when the
 * list was loaded from the portal. */
GListStore *werving_vacancy_cache_load    (const char  *path,
                                           GDateTime  **loaded_at,
                                           GError     **error);
/* Removes the account's cached list and its folder (sign-out, R9); a missing
 * cache is no error. Warns about what it could not remove. */
void       werving_vacancy_cache_wipe     (const char  *portal,
                                           const char  *email);

G_END_DECLS
