/* werving-cv-query.h: the criteria of a CV search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WERVING_TYPE_CV_QUERY (werving_cv_query_get_type ())
G_DECLARE_FINAL_TYPE (WervingCvQuery, werving_cv_query, WERVING, CV_QUERY, GObject)

/* The criteria names are the API's query parameters: "q", "skills" (comma
 * separated), "occupation", "place", "radius_km", "education_min",
 * "hours_min", "hours_max", "driving_licence", "languages", "available_from",
 * "updated_since", "sort". Setting NULL or "" removes a criterion.
 */
WervingCvQuery *werving_cv_query_new             (void);
WervingCvQuery *werving_cv_query_copy            (WervingCvQuery *self);
gboolean        werving_cv_query_is_known_param  (const char     *name);
void            werving_cv_query_set             (WervingCvQuery *self,
                                                  const char     *name,
                                                  const char     *value);
const char     *werving_cv_query_get             (WervingCvQuery *self,
                                                  const char     *name);
gboolean        werving_cv_query_equal           (WervingCvQuery *self,
                                                  WervingCvQuery *other);
/* "q=java&sort=recent", escaped, in a fixed order; "" when empty. */
char           *werving_cv_query_to_string       (WervingCvQuery *self);

G_END_DECLS
