/* werving-shortlist-menu.h: "Add to Shortlist" for the CV shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"

G_BEGIN_DECLS

#define WERVING_TYPE_SHORTLIST_MENU (werving_shortlist_menu_get_type ())
G_DECLARE_FINAL_TYPE (WervingShortlistMenu, werving_shortlist_menu, WERVING, SHORTLIST_MENU, GtkWidget)

/* A menu button listing the organisation's draft and active vacancies when
 * it opens, marking those whose shortlist already holds the CV; choosing
 * another puts the CV on its shortlist (stage "shortlisted"). */
void       werving_shortlist_menu_set_client (WervingShortlistMenu *self,
                                              WervingClient        *client);
/* 0 makes the button insensitive. */
void       werving_shortlist_menu_set_cv_id  (WervingShortlistMenu *self,
                                              gint64                cv_id);
/* Opens the menu (and loads it), as a click does. */
void       werving_shortlist_menu_popup      (WervingShortlistMenu *self);
/* (transfer none): the list of vacancies in the menu (for tests) */
GtkListBox *werving_shortlist_menu_get_list  (WervingShortlistMenu *self);
/* TRUE while vacancies or shortlists are being fetched. */
gboolean   werving_shortlist_menu_get_loading (WervingShortlistMenu *self);

G_END_DECLS
