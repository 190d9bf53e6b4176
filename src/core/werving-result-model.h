/* werving-result-model.h: a lazily paged GListModel over a CV search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "werving-client.h"

G_BEGIN_DECLS

#define WERVING_TYPE_RESULT_MODEL (werving_result_model_get_type ())
G_DECLARE_FINAL_TYPE (WervingResultModel, werving_result_model, WERVING, RESULT_MODEL, GObject)

/* A GListModel of WervingCvSummary. Items not fetched yet are placeholders
 * (WervingCvSummary:loading is TRUE); asking for one fetches its page and
 * items-changed replaces the placeholders when it arrives. At most
 * max-pages pages are kept; the least recently used go and are fetched again
 * when asked for.
 */
WervingResultModel *werving_result_model_new_search  (WervingClient      *client,
                                                      WervingCvQuery     *query);
WervingResultModel *werving_result_model_new_matches (WervingClient      *client,
                                                      gint64              vacancy_id);

/* Starts over with other criteria; cancels what is in flight. */
void                werving_result_model_set_query   (WervingResultModel *self,
                                                      WervingCvQuery     *query);
/* Fetches again after an error. */
void                werving_result_model_retry       (WervingResultModel *self);

gboolean            werving_result_model_get_loading           (WervingResultModel *self);
const GError       *werving_result_model_get_error             (WervingResultModel *self);
gint64              werving_result_model_get_total             (WervingResultModel *self);
gboolean            werving_result_model_get_total_is_estimate (WervingResultModel *self);
guint               werving_result_model_get_page_size         (WervingResultModel *self);
guint               werving_result_model_get_n_pages_kept      (WervingResultModel *self);

G_END_DECLS
