/* werving-thread.h: a conversation with one candidate about one vacancy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WERVING_TYPE_THREAD (werving_thread_get_type ())
G_DECLARE_FINAL_TYPE (WervingThread, werving_thread, WERVING, THREAD, GObject)

WervingThread *werving_thread_new                      (void);
WervingThread *werving_thread_new_from_json            (JsonNode  *node,
                                                        GError   **error);
gint64         werving_thread_get_id                   (WervingThread *self);
gint64         werving_thread_get_vacancy_id           (WervingThread *self);
const char    *werving_thread_get_vacancy_title        (WervingThread *self);
gint64         werving_thread_get_cv_id                (WervingThread *self);
const char    *werving_thread_get_candidate_label      (WervingThread *self);
gint64         werving_thread_get_unread_count         (WervingThread *self);
GDateTime     *werving_thread_get_last_message_at      (WervingThread *self);
const char    *werving_thread_get_last_message_preview (WervingThread *self);
gboolean       werving_thread_get_read_only            (WervingThread *self);
const char    *werving_thread_get_revealed_name        (WervingThread *self);
const char    *werving_thread_get_revealed_email       (WervingThread *self);
const char    *werving_thread_get_revealed_phone       (WervingThread *self);
GDateTime     *werving_thread_get_created_at           (WervingThread *self);

G_END_DECLS
