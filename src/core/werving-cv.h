/* werving-cv.h: one CV as its detail view shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "werving-cv-summary.h"

G_BEGIN_DECLS

/* One line of work experience; dates are YYYY-MM or YYYY-MM-DD, end NULL while current. */
typedef struct
{
  char *title;
  char *employer;
  char *start;
  char *end;
  char *description;
} WervingCvExperience;

/* One completed education. @year is -1 when unknown. */
typedef struct
{
  char   *level;
  char   *field;
  char   *institution;
  gint64  year;
} WervingCvEducation;

#define WERVING_TYPE_CV_EXPERIENCE (werving_cv_experience_get_type ())
#define WERVING_TYPE_CV_EDUCATION (werving_cv_education_get_type ())
GType                werving_cv_experience_get_type (void) G_GNUC_CONST;
WervingCvExperience *werving_cv_experience_copy     (const WervingCvExperience *self);
void                 werving_cv_experience_free     (WervingCvExperience       *self);
GType                werving_cv_education_get_type  (void) G_GNUC_CONST;
WervingCvEducation  *werving_cv_education_copy      (const WervingCvEducation  *self);
void                 werving_cv_education_free      (WervingCvEducation        *self);

#define WERVING_TYPE_CV (werving_cv_get_type ())
G_DECLARE_FINAL_TYPE (WervingCv, werving_cv, WERVING, CV, WervingCvSummary)

WervingCv       *werving_cv_new_from_json          (JsonNode   *node,
                                                    GError    **error);

const char      *werving_cv_get_summary            (WervingCv  *self);
const char      *werving_cv_get_age_band           (WervingCv  *self);
/* (element-type WervingCvExperience) */
GPtrArray       *werving_cv_get_experience         (WervingCv  *self);
/* (element-type WervingCvEducation) */
GPtrArray       *werving_cv_get_education          (WervingCv  *self);
gboolean         werving_cv_has_personalia         (WervingCv  *self);
const char      *werving_cv_get_personalia_name       (WervingCv *self);
const char      *werving_cv_get_personalia_birth_date (WervingCv *self);
const char      *werving_cv_get_personalia_email      (WervingCv *self);
const char      *werving_cv_get_personalia_phone      (WervingCv *self);
const char      *werving_cv_get_personalia_address    (WervingCv *self);
const char      *werving_cv_get_personalia_postcode   (WervingCv *self);
const char      *werving_cv_get_personalia_city       (WervingCv *self);
/* Jobseeker's own CV only: "hidden", "anonymous" or "open", and expiry. */
const char      *werving_cv_get_status             (WervingCv  *self);
GDateTime       *werving_cv_get_expires_at         (WervingCv  *self);

G_END_DECLS
