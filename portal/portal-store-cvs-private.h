/* portal-store-cvs-private.h: internals shared by the CV store's files and
 * the generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "portal-store-cvs.h"

G_BEGIN_DECLS

typedef enum
{
  PORTAL_CV_HIDDEN = 0,
  PORTAL_CV_ANONYMOUS = 1,
  PORTAL_CV_OPEN = 2,
} PortalCvVisibility;

#define PORTAL_CV_VALIDITY_SECONDS ((gint64) PORTAL_CV_VALIDITY_DAYS * 24 * 3600)

typedef struct
{
  const char *title;
  const char *employer;
  const char *start;          /* "YYYY-MM" */
  const char *end;            /* "YYYY-MM" or NULL (current job) */
  const char *description;
} PortalCvExperience;

typedef struct
{
  const char *level;
  const char *field;
  const char *institution;
  guint       year;
} PortalCvEducation;

/* Everything a new CV holds. Strings are the jobseeker's own writing; the
 * writer scrubs what employers will see. */
typedef struct
{
  gint64                    jobseeker_id;      /* 0: no account */
  PortalCvVisibility        visibility;
  gint64                    created_at;
  gint64                    updated_at;        /* never older than the newest CV's */
  guint                     place_index;       /* into portal_places */
  int                       occupation_index;  /* into portal_occupations, -1 none */
  guint                     hours_min;
  guint                     hours_max;
  guint                     education_rank;
  gboolean                  driving_licence;
  gint64                    available_from_day; /* days since 1970-01-01 */
  guint                     language_mask;
  const char               *headline;
  const char * const       *skills;
  const char               *summary;
  const PortalCvExperience *experience;
  guint                     n_experience;
  const PortalCvEducation  *education;
  guint                     n_education;
  /* personalia */
  const char               *first_name;
  const char               *last_name;
  const char               *birth_date;        /* "YYYY-MM-DD" */
  const char               *email;
  const char               *phone;
  const char               *street;
  const char               *house_number;
  const char               *postcode;
  const char               *photo_url;
  const char               *linkedin;
  const char               *national_id;
} PortalCvRecord;

typedef struct _PortalCvWriter PortalCvWriter;

/* Prepared statements for adding many CVs inside the caller's transaction. */
PortalCvWriter *portal_cv_writer_new   (sqlite3               *db,
                                        GError               **error);
gint64          portal_cv_writer_add   (PortalCvWriter        *writer,
                                        const PortalCvRecord  *record,
                                        GError               **error);
/* Refreshes the per-skill counts the planner uses. */
gboolean        portal_cv_writer_finish (PortalCvWriter       *writer,
                                         GError              **error);
void            portal_cv_writer_free  (PortalCvWriter        *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortalCvWriter, portal_cv_writer_free)

/* Gives a CV the next seq and @updated_at (raised to the newest CV's, so
 * that seq order stays updated_at order), re-indexing it. Renewal uses it,
 * and bulk seeding to keep CVs newer than the batch after it. */
gboolean    portal_cvs_move_to_front    (sqlite3     *db,
                                         gint64       cv_id,
                                         gint64       updated_at,
                                         GError     **error);
/* Lets the writer add rows older than CVs already stored (the caller then
 * moves those newer CVs to the front). */
void        portal_cv_writer_set_clock  (PortalCvWriter *writer,
                                         gint64          updated_at);

/* Shared helpers */
gboolean    portal_cvs_sql_error        (sqlite3     *db,
                                         GError     **error);
gboolean    portal_cvs_exec             (sqlite3     *db,
                                         const char  *sql,
                                         GError     **error);
char       *portal_cvs_skill_key        (const char  *skill);
char       *portal_cvs_format_day       (gint64       day);
char       *portal_cvs_format_time      (gint64       unix_seconds);
gboolean    portal_cvs_parse_day        (const char  *text,
                                         gint64      *day);
gint64      portal_cvs_now              (void);
JsonNode   *portal_cvs_parse_json       (const char  *text);
/* Adds the CvSummary members common to search and detail from a row of
 * portal_cvs_summary_columns, read from @stmt starting at column @col. */
#define PORTAL_CVS_SUMMARY_COLUMNS \
  "c.id, c.visibility, c.updated_at, c.place_id, c.occupation_id, c.hours_min, c.hours_max, " \
  "c.edu_rank, c.licence, c.available_from, c.lang_mask, d.headline, d.skills"
#define PORTAL_CVS_N_SUMMARY_COLUMNS 13
JsonObject *portal_cvs_summary_from_row (sqlite3     *db,
                                         sqlite3_stmt *stmt,
                                         int          col);

G_END_DECLS
