/* werving-saved-searches.h: named CV searches kept in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "werving-client.h"

G_BEGIN_DECLS

#define WERVING_TYPE_SAVED_SEARCHES (werving_saved_searches_get_type ())
G_DECLARE_FINAL_TYPE (WervingSavedSearches, werving_saved_searches, WERVING, SAVED_SEARCHES, GObject)

/* Only the criteria (WervingCvQuery's string), the name and when the search
 * was last opened are stored: never a result, never candidate data (R9).
 * Emits "changed" when the list changes. */
WervingSavedSearches *werving_saved_searches_new              (GSettings            *settings);
/* (transfer full): the names, in the order they were saved */
GStrv                 werving_saved_searches_dup_names        (WervingSavedSearches *self);
/* (transfer full) (nullable) */
WervingCvQuery       *werving_saved_searches_dup_query        (WervingSavedSearches *self,
                                                               const char           *name);
/* Unix seconds; 0 when unknown. */
gint64                werving_saved_searches_get_last_opened  (WervingSavedSearches *self,
                                                               const char           *name);
/* Saves (or replaces) @name; it counts as opened now. */
void                  werving_saved_searches_add              (WervingSavedSearches *self,
                                                               const char           *name,
                                                               WervingCvQuery       *query);
void                  werving_saved_searches_remove           (WervingSavedSearches *self,
                                                               const char           *name);
/* Sets "last opened" to @when (unix seconds). */
void                  werving_saved_searches_set_last_opened  (WervingSavedSearches *self,
                                                               const char           *name,
                                                               gint64                when);
/* Counts CVs of @name updated since it was last opened: the search with
 * updated_since = that day (the API's resolution), one result per page,
 * reading `total`. */
void                  werving_saved_searches_count_new_async  (WervingSavedSearches *self,
                                                               WervingClient        *client,
                                                               const char           *name,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
/* Returns the count, -1 on error; @is_estimate TRUE when the portal only
 * estimated it. */
gint64                werving_saved_searches_count_new_finish (WervingSavedSearches *self,
                                                               GAsyncResult         *result,
                                                               gboolean             *is_estimate,
                                                               GError              **error);
/* Parses werving_cv_query_to_string(); unknown parameters are dropped. */
WervingCvQuery       *werving_saved_searches_parse_query      (const char           *text);

G_END_DECLS
