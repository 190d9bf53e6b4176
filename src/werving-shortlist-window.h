/* werving-shortlist-window.h: the shortlist of one vacancy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"

G_BEGIN_DECLS

#define WERVING_TYPE_SHORTLIST_WINDOW (werving_shortlist_window_get_type ())
G_DECLARE_FINAL_TYPE (WervingShortlistWindow, werving_shortlist_window, WERVING, SHORTLIST_WINDOW, AdwWindow)

/* Loads the shortlist of @vacancy at once. */
WervingShortlistWindow *werving_shortlist_window_new        (GtkWindow              *parent,
                                                             WervingClient          *client,
                                                             WervingVacancy         *vacancy);
/* (transfer none): the entries, a GListModel of WervingShortlistEntry */
GListModel             *werving_shortlist_window_get_entries (WervingShortlistWindow *self);
/* "loading", "empty", "error" or "list" */
const char             *werving_shortlist_window_get_state   (WervingShortlistWindow *self);
/* Shows only entries at this stage (one of werving_shortlist_stages), or
 * all when NULL. */
void                    werving_shortlist_window_set_stage_filter (WervingShortlistWindow *self,
                                                                   const char             *stage);
/* (nullable) (transfer none): the row of CV @cv_id (for tests) */
GtkWidget              *werving_shortlist_window_get_row     (WervingShortlistWindow *self,
                                                              gint64                  cv_id);

G_END_DECLS
