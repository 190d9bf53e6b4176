/* werving-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-application.h"
#include "werving-outbox.h"

G_BEGIN_DECLS

#define WERVING_TYPE_WINDOW (werving_window_get_type ())
G_DECLARE_FINAL_TYPE (WervingWindow, werving_window, WERVING, WINDOW, AdwApplicationWindow)

WervingWindow *werving_window_new         (WervingApplication *application);
/* Shows the Messages section with one conversation open (notifications). */
void           werving_window_open_thread (WervingWindow      *self,
                                           gint64              thread_id);

/* The client of the account the sections show (also while the user signs in
 * to another one), or %NULL before a portal was chosen. */
WervingClient *werving_window_get_client  (WervingWindow      *self);

/* The signed-in account's outbox, or %NULL when signed out. */
WervingOutbox *werving_window_get_outbox  (WervingWindow      *self);

G_END_DECLS
