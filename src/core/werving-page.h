/* werving-page.h: one page of a cursor-paginated list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses one list item; returns a new GObject or NULL with an error. */
typedef gpointer (*WervingItemParseFunc) (JsonNode  *node,
                                          GError   **error);

#define WERVING_TYPE_PAGE (werving_page_get_type ())
G_DECLARE_FINAL_TYPE (WervingPage, werving_page, WERVING, PAGE, GObject)

WervingPage *werving_page_new_from_json        (JsonNode             *node,
                                                GType                 item_type,
                                                WervingItemParseFunc  parse_item,
                                                GError              **error);

GListModel  *werving_page_get_items            (WervingPage *self);
guint        werving_page_get_n_items          (WervingPage *self);
const char  *werving_page_get_next_cursor      (WervingPage *self);
gint64       werving_page_get_total            (WervingPage *self);
gboolean     werving_page_get_total_is_estimate (WervingPage *self);
/* Vacancy lists: the number per status ("draft", ...), or -1. */
gint64       werving_page_get_count            (WervingPage *self,
                                                const char  *status);

G_END_DECLS
