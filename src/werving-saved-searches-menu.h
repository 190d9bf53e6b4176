/* werving-saved-searches-menu.h: "Save Search…" and the "Saved Searches"
 * menu of the Candidates section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-saved-searches.h"

G_BEGIN_DECLS

#define WERVING_TYPE_SAVED_SEARCHES_MENU (werving_saved_searches_menu_get_type ())
G_DECLARE_FINAL_TYPE (WervingSavedSearchesMenu, werving_saved_searches_menu, WERVING, SAVED_SEARCHES_MENU, GtkWidget)

/* Lives inside a WervingCandidatesPage: saves its current query and runs a
 * saved one there. */
WervingSavedSearches *werving_saved_searches_menu_get_searches (WervingSavedSearchesMenu *self);
/* Saves the page's current criteria as @name (what the dialog does). */
void                  werving_saved_searches_menu_save         (WervingSavedSearchesMenu *self,
                                                                const char               *name);
/* Runs @name in the page and resets its "last opened". */
void                  werving_saved_searches_menu_open         (WervingSavedSearchesMenu *self,
                                                                const char               *name);
/* Opens the menu and recounts what is new. */
void                  werving_saved_searches_menu_popup        (WervingSavedSearchesMenu *self);
/* (transfer none): the menu's rows (for tests) */
GtkListBox           *werving_saved_searches_menu_get_list     (WervingSavedSearchesMenu *self);

G_END_DECLS
