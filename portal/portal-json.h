/* portal-json.h: typed access to request bodies, timestamps and cursors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses a request body into an object. Anything but a JSON object, invalid
 * UTF-8 or nesting deeper than a sane limit is PORTAL_ERROR_BAD_REQUEST. */
JsonObject *portal_json_parse_object    (const char  *data,
                                         gsize        length,
                                         GError     **error);

/* Member readers. An absent member leaves *present FALSE and succeeds; a
 * JSON null sets *is_null (when given; otherwise null is a wrong type).
 * A wrong type is PORTAL_ERROR_BAD_REQUEST naming the member. */
gboolean    portal_json_get_string      (JsonObject  *object,
                                         const char  *name,
                                         gboolean    *present,
                                         gboolean    *is_null,
                                         const char **out,
                                         GError     **error);
gboolean    portal_json_get_int         (JsonObject  *object,
                                         const char  *name,
                                         gboolean    *present,
                                         gboolean    *is_null,
                                         gint64      *out,
                                         GError     **error);

/* Required string: absent or null adds a "required" field error; a wrong
 * type is a bad request. Returns NULL when missing. */
const char *portal_json_require_string  (JsonObject  *object,
                                         const char  *name,
                                         JsonArray   *field_errors,
                                         GError     **error);

/* RFC 3339 UTC, "2026-11-23T09:30:00Z"; 0 sets null. */
char       *portal_format_timestamp     (gint64       unix_seconds);
void        portal_json_set_timestamp   (JsonObject  *object,
                                         const char  *name,
                                         gint64       unix_seconds);
/* Today's date in UTC as YYYY-MM-DD. */
char       *portal_today                (void);
/* TRUE for a real calendar date written YYYY-MM-DD. */
gboolean    portal_is_valid_date        (const char  *text);
/* Seconds until the next midnight UTC. */
gint64      portal_seconds_until_midnight (void);
gint64      portal_now                  (void);

/* Opaque paging cursors holding two integers. */
char       *portal_cursor_encode        (gint64       a,
                                         gint64       b);
gboolean    portal_cursor_decode        (const char  *cursor,
                                         gint64      *a,
                                         gint64      *b,
                                         GError     **error);

/* A list answer: {"items","next_cursor","total","total_is_estimate"}. */
JsonObject *portal_json_list_new        (JsonArray   *items,
                                         const char  *next_cursor,
                                         gint64       total);

G_END_DECLS
