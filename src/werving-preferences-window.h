/* werving-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WERVING_TYPE_PREFERENCES_WINDOW (werving_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (WervingPreferencesWindow, werving_preferences_window,
                      WERVING, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @current_portal and @current_email name the signed-in account (may be
 * NULL): it is signed out from the window, not forgotten here. */
WervingPreferencesWindow *werving_preferences_window_new (GtkWindow  *parent,
                                                          const char *current_portal,
                                                          const char *current_email);

/* Forgets an account that is not signed in: its secrets in the keyring, its
 * drafts, outbox and caches, and its place in the account list. */
void werving_preferences_window_forget_account (WervingPreferencesWindow *self,
                                                const char               *portal,
                                                const char               *email);

G_END_DECLS
