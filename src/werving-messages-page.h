/* werving-messages-page.h: conversations with candidates, live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"
#include "werving-conversation-view.h"
#include "werving-events.h"
#include "werving-outbox.h"

G_BEGIN_DECLS

#define WERVING_TYPE_MESSAGES_PAGE (werving_messages_page_get_type ())
G_DECLARE_FINAL_TYPE (WervingMessagesPage, werving_messages_page, WERVING, MESSAGES_PAGE, GtkWidget)

WervingClient           *werving_messages_page_get_client       (WervingMessagesPage *self);
/* Loads the threads. Unless set before, creates (and owns) a WervingEvents
 * for live updates and the account's WervingOutbox (its default path).
 */
void                     werving_messages_page_set_client       (WervingMessagesPage *self,
                                                                 WervingClient       *client);
/* Share the window's events channel instead of opening a second one. */
void                     werving_messages_page_set_events       (WervingMessagesPage *self,
                                                                 WervingEvents       *events);
WervingEvents           *werving_messages_page_get_events       (WervingMessagesPage *self);
/* Share the account's one outbox (there must be one per outbox file). */
void                     werving_messages_page_set_outbox       (WervingMessagesPage *self,
                                                                 WervingOutbox       *outbox);
WervingOutbox           *werving_messages_page_get_outbox       (WervingMessagesPage *self);
/* The unread messages over all threads (the sidebar's badge). */
guint                    werving_messages_page_get_unread_count (WervingMessagesPage *self);
/* (transfer none): the threads shown (search applied, newest activity
 * first), a GListModel of WervingThread
 */
GListModel              *werving_messages_page_get_threads      (WervingMessagesPage *self);
/* Opens thread @id (after the list loaded, if it is loading) and marks it
 * read. The target of "app.open-thread" (a notification's click).
 */
void                     werving_messages_page_open_thread      (WervingMessagesPage *self,
                                                                 gint64               id);
/* Fetches the threads again (e.g. after a vacancy closed). */
void                     werving_messages_page_reload           (WervingMessagesPage *self);
WervingConversationView *werving_messages_page_get_conversation_view (WervingMessagesPage *self);

G_END_DECLS
