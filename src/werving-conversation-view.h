/* werving-conversation-view.h: one thread's messages and the composer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"
#include "werving-outbox.h"

G_BEGIN_DECLS

#define WERVING_TYPE_CONVERSATION_VIEW (werving_conversation_view_get_type ())
G_DECLARE_FINAL_TYPE (WervingConversationView, werving_conversation_view, WERVING, CONVERSATION_VIEW, GtkWidget)

void           werving_conversation_view_set_client     (WervingConversationView *self,
                                                         WervingClient           *client);
/* Messages are sent only through @outbox, so an outage loses nothing. */
void           werving_conversation_view_set_outbox     (WervingConversationView *self,
                                                         WervingOutbox           *outbox);
/* (nullable) (transfer none) */
WervingThread *werving_conversation_view_get_thread     (WervingConversationView *self);
/* Opens @thread (NULL closes): loads its messages and its draft. */
void           werving_conversation_view_set_thread     (WervingConversationView *self,
                                                         WervingThread           *thread);
/* A newer copy of the open thread (read-only state, revealed contact). */
void           werving_conversation_view_update_thread  (WervingConversationView *self,
                                                         WervingThread           *thread);
/* Appends a message of the open thread that arrived live (no-op if shown). */
void           werving_conversation_view_add_message    (WervingConversationView *self,
                                                         WervingMessage          *message);
/* (transfer none): the rows shown, a GListModel of GtkStringObject (a day
 * separator), WervingMessage and WervingOutboxItem (not yet delivered).
 */
GListModel    *werving_conversation_view_get_rows       (WervingConversationView *self);
/* (transfer none): the composer's text */
GtkTextBuffer *werving_conversation_view_get_buffer     (WervingConversationView *self);
/* Whether the composer is replaced by the R2 explanation. */
gboolean       werving_conversation_view_get_read_only  (WervingConversationView *self);
const char    *werving_conversation_view_get_read_only_explanation (WervingConversationView *self);
/* Writes a pending draft now instead of after the debounce. */
void           werving_conversation_view_save_draft     (WervingConversationView *self);
void           werving_conversation_view_set_show_back  (WervingConversationView *self,
                                                         gboolean                 show_back);

G_END_DECLS
