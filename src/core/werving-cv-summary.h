/* werving-cv-summary.h: one CV as a search result lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WERVING_TYPE_CV_SUMMARY (werving_cv_summary_get_type ())
G_DECLARE_DERIVABLE_TYPE (WervingCvSummary, werving_cv_summary, WERVING, CV_SUMMARY, GObject)

struct _WervingCvSummaryClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

WervingCvSummary    *werving_cv_summary_new_placeholder   (void);
WervingCvSummary    *werving_cv_summary_new_from_json     (JsonNode         *node,
                                                           GError          **error);

gint64               werving_cv_summary_get_id               (WervingCvSummary *self);
gboolean             werving_cv_summary_get_loading          (WervingCvSummary *self);
const char          *werving_cv_summary_get_visibility       (WervingCvSummary *self);
gboolean             werving_cv_summary_is_anonymous         (WervingCvSummary *self);
const char          *werving_cv_summary_get_headline         (WervingCvSummary *self);
const char          *werving_cv_summary_get_occupation_code  (WervingCvSummary *self);
const char          *werving_cv_summary_get_occupation_label (WervingCvSummary *self);
const char * const  *werving_cv_summary_get_skills           (WervingCvSummary *self);
const char          *werving_cv_summary_get_region           (WervingCvSummary *self);
gint64               werving_cv_summary_get_hours_min        (WervingCvSummary *self);
gint64               werving_cv_summary_get_hours_max        (WervingCvSummary *self);
const char          *werving_cv_summary_get_education_level  (WervingCvSummary *self);
const char          *werving_cv_summary_get_available_from   (WervingCvSummary *self);
gboolean             werving_cv_summary_get_driving_licence  (WervingCvSummary *self);
const char * const  *werving_cv_summary_get_languages        (WervingCvSummary *self);
GDateTime           *werving_cv_summary_get_updated_at       (WervingCvSummary *self);
const char * const  *werving_cv_summary_get_matched          (WervingCvSummary *self);
const char          *werving_cv_summary_get_name             (WervingCvSummary *self);

G_END_DECLS
