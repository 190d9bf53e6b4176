/* portal-store-cvs.h: CV storage and search (SQLite, FTS5)
 *
 * The only place that holds SQL about CVs. Personalia live in their own
 * table (cv_private) and are read only by the owner and open-CV code paths,
 * so an anonymous CV cannot leak them by accident (R1). Hidden and expired
 * CVs are never returned to employers (R7).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A CV stays findable this long after it was published or last renewed. */
#define PORTAL_CV_VALIDITY_DAYS 180
/* Totals are exact up to this many matches, an estimate beyond. */
#define PORTAL_CV_TOTAL_EXACT_MAX 10000
#define PORTAL_CV_LIMIT_DEFAULT 20
#define PORTAL_CV_LIMIT_MAX 100

typedef struct _PortalCvQuery PortalCvQuery;

/* Creates the CV tables, indexes and the Dutch places table if they do not
 * exist yet. Idempotent; call once after opening the database. */
gboolean       portal_store_cvs_init_schema        (sqlite3     *db,
                                                    GError     **error);

/* Parses and validates the query of GET /v1/cvs (char * -> char *):
 * q, skills, occupation, place, radius_km, education_min, hours_min,
 * hours_max, driving_licence, languages, available_from, updated_since,
 * sort, and also cursor and limit. On bad input returns NULL with
 * PORTAL_ERROR_VALIDATION and one entry per bad field appended to
 * @field_errors (which may be NULL). Unknown parameters are ignored. */
PortalCvQuery *portal_cv_query_new_from_params     (GHashTable  *params,
                                                    JsonArray   *field_errors,
                                                    GError     **error);

/* The query behind GET /v1/vacancies/{id}/matches, from a contract Vacancy
 * JSON object: occupation, skills (any), place + 25 km, education, hours.
 * Search results then carry "matched". Never fails. */
PortalCvQuery *portal_cv_query_new_for_vacancy     (JsonObject  *vacancy);

void           portal_cv_query_free                (PortalCvQuery *q);

/* The cursor and limit given in the params (NULL and
 * PORTAL_CV_LIMIT_DEFAULT when absent), for passing on to search. */
const char    *portal_cv_query_get_cursor          (PortalCvQuery *q);
guint          portal_cv_query_get_limit           (PortalCvQuery *q);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortalCvQuery, portal_cv_query_free)

/* One page: {"items":[CvSummary...],"next_cursor":str|null,"total":n,
 * "total_is_estimate":bool}. @cursor NULL for the first page; @limit
 * 1..PORTAL_CV_LIMIT_MAX. A garbage cursor or a bad limit gives
 * PORTAL_ERROR_VALIDATION. */
JsonObject    *portal_store_cvs_search             (sqlite3       *db,
                                                    PortalCvQuery *q,
                                                    const char    *cursor,
                                                    guint          limit,
                                                    GError       **error);

/* The Cv JSON an organisation may see: R1-safe for anonymous CVs, with
 * "name" and "personalia" for open ones. PORTAL_ERROR_NOT_FOUND when the
 * CV is hidden, expired or absent. */
JsonObject    *portal_store_cvs_get_for_employer   (sqlite3     *db,
                                                    gint64       cv_id,
                                                    GError     **error);

/* The CvSummary of a findable CV without "name", even for an open CV:
 * what a shortlist shows without counting a CV view (R1, R4, R5). NULL when
 * the CV is hidden, expired or absent. */
JsonObject    *portal_store_cvs_get_anonymous_summary (sqlite3  *db,
                                                    gint64       cv_id);

/* TRUE when an organisation may see this CV (exists, not hidden, not
 * expired); cheaper than get_for_employer for thread creation. */
gboolean       portal_store_cvs_is_findable        (sqlite3     *db,
                                                    gint64       cv_id);

/* The jobseeker's own Cv JSON, with personalia, "status" (the visibility)
 * and "expires_at". PORTAL_ERROR_NOT_FOUND when they have no CV. */
JsonObject    *portal_store_cvs_get_for_owner      (sqlite3     *db,
                                                    gint64       jobseeker_id,
                                                    GError     **error);

/* "hidden", "anonymous" or "open" (PORTAL_ERROR_VALIDATION otherwise;
 * PORTAL_ERROR_NOT_FOUND when the jobseeker has no CV). R8: only call this
 * for the jobseeker themself. */
gboolean       portal_store_cvs_set_visibility     (sqlite3     *db,
                                                    gint64       jobseeker_id,
                                                    const char  *visibility,
                                                    GError     **error);

/* expires_at = now + PORTAL_CV_VALIDITY_DAYS; also bumps updated_at. */
gboolean       portal_store_cvs_renew              (sqlite3     *db,
                                                    gint64       jobseeker_id,
                                                    GError     **error);

/* The person's name when the CV is open, NULL when anonymous, hidden or
 * absent. */
char          *portal_store_cvs_display_name       (sqlite3     *db,
                                                    gint64       cv_id);

/* {"name","email","phone"} for a reveal inside one thread (R8), or NULL
 * when the CV does not exist. */
JsonObject    *portal_store_cvs_contact_details    (sqlite3     *db,
                                                    gint64       cv_id);

/* The CV id of a jobseeker's CV, 0 when none. */
gint64         portal_store_cvs_id_for_jobseeker   (sqlite3     *db,
                                                    gint64       jobseeker_id);

/* The jobseeker who owns a CV, 0 for synthetic CVs without an account. */
gint64         portal_store_cvs_get_jobseeker_id   (sqlite3     *db,
                                                    gint64       cv_id);

/* A stable label such as "Kandidaat 7K3Q" for an anonymous candidate. */
char          *portal_cv_candidate_label           (gint64       cv_id);

G_END_DECLS
