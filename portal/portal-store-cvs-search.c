/* portal-store-cvs-search.c: CV queries, validation and paged search
 *
 * Each search picks the narrowest driving source and walks it in seq order
 * (newest first), so a page stops after `limit` rows instead of sorting the
 * match set:
 *   q             -> cv_fts (rowid = seq; relevance sorts the FTS matches)
 *   skills        -> cv_skills of the rarest skill
 *   small place   -> index cvs_place (a bounded sort of that place's CVs)
 *   occupation    -> index cvs_occupation (already in seq order)
 *   otherwise     -> the cvs table itself, backwards from the newest seq
 * Totals count at most PORTAL_CV_TOTAL_EXACT_MAX + 1 matches in the same
 * order and extrapolate from how much of the seq range that covered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-error.h"
#include "portal-seed-data.h"
#include "portal-store-cvs-private.h"

#include <math.h>
#include <string.h>

#define Q_MAX_CHARS 200
#define Q_MAX_WORDS 12
#define SKILLS_MAX 30
#define SKILL_MAX_CHARS 60
#define RADIUS_MAX_KM 300.0
#define VACANCY_RADIUS_KM 25.0
/* Below this share of all CVs a place filter drives through its index. */
#define PLACE_INDEX_SHARE 0.08
/* sort=relevance ranks (bm25) the newest this-many text matches: ranking
 * costs about 1.5 us per match, so this bounds it (and relevance paging,
 * R4) at a few milliseconds. Older matches still count in the total and
 * are all reachable with sort=recent. */
#define RELEVANCE_WINDOW 4000
/* Counting looks at no more than the newest this-many seqs; beyond that the
 * total is extrapolated and flagged as an estimate. */
#define COUNT_SCAN_BUDGET 60000

struct _PortalCvQuery
{
  gboolean           for_vacancy;
  gboolean           match_nothing;
  char              *fts;            /* FTS5 expression, NULL: no text */
  GPtrArray         *skill_keys;
  char              *occupation_code;
  const PortalPlace *place;
  double             radius_km;
  guint              education_min;
  guint              hours_min;      /* 0: none */
  guint              hours_max;      /* 0: none */
  gboolean           licence;
  guint              language_mask;
  gboolean           has_available;
  gint64             available_day;
  gboolean           has_since;
  gint64             since;
  gboolean           relevance;
  char              *cursor;
  guint              limit;
};

void
portal_cv_query_free (PortalCvQuery *q)
{
  if (q == NULL)
    return;
  g_free (q->fts);
  g_clear_pointer (&q->skill_keys, g_ptr_array_unref);
  g_free (q->occupation_code);
  g_free (q->cursor);
  g_free (q);
}

const char *
portal_cv_query_get_cursor (PortalCvQuery *q)
{
  return q->cursor;
}

guint
portal_cv_query_get_limit (PortalCvQuery *q)
{
  return q->limit;
}

static PortalCvQuery *
query_new (void)
{
  PortalCvQuery *q = g_new0 (PortalCvQuery, 1);

  q->skill_keys = g_ptr_array_new_with_free_func (g_free);
  q->limit = PORTAL_CV_LIMIT_DEFAULT;
  return q;
}

/* "word1" "word2" … from the letters and digits of @text: every other
 * character is a separator, so nothing the user types is FTS5 syntax. */
static char *
fts_expression (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  guint words = 0;

  while (*p && words < Q_MAX_WORDS)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && (g_unichar_isalnum (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p))))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          g_string_append_printf (out, "%s\"%.*s\"", words > 0 ? " " : "", (int) (p - start), start);
          words++;
        }
    }

  if (words == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_uint (const char *text,
            guint       max,
            guint      *value)
{
  guint64 v = 0;

  if (text == NULL || *text == '\0' || strlen (text) > 9)
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (*p - '0');
    }
  if (v > max)
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static void
add_error (JsonArray   *errors,
           guint       *n_errors,
           const char  *field,
           const char  *code,
           const char  *detail)
{
  if (errors != NULL)
    portal_field_errors_add (errors, field, code, detail);
  (*n_errors)++;
}

static gboolean
cursor_syntax_ok (const char *cursor)
{
  size_t len = strlen (cursor);

  if (len == 0 || len > 128)
    return FALSE;
  for (const char *p = cursor; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static void
parse_list (const char  *text,
            GPtrArray   *out)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);

      if (*item != '\0')
        g_ptr_array_add (out, g_strdup (item));
    }
}

PortalCvQuery *
portal_cv_query_new_from_params (GHashTable  *params,
                                 JsonArray   *field_errors,
                                 GError     **error)
{
  g_autoptr(PortalCvQuery) q = query_new ();
  const char *v;
  guint n_errors = 0;

#define PARAM(name) (params != NULL ? (const char *) g_hash_table_lookup (params, (name)) : NULL)

  if (params != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (value != NULL && !g_utf8_validate (value, -1, NULL))
          {
            add_error (field_errors, &n_errors, key, "encoding", "The value is not valid UTF-8.");
            g_hash_table_iter_steal (&iter);  /* not looked at again */
            g_free (key);
            g_free (value);
          }
    }

  if ((v = PARAM ("q")) != NULL && *v != '\0')
    {
      if (g_utf8_strlen (v, -1) > Q_MAX_CHARS)
        add_error (field_errors, &n_errors, "q", "too-long", "At most 200 characters.");
      else if ((q->fts = fts_expression (v)) == NULL)
        q->match_nothing = TRUE;  /* only punctuation: nothing to find */
    }

  if ((v = PARAM ("skills")) != NULL && *v != '\0')
    {
      g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func (g_free);

      parse_list (v, skills);
      if (skills->len > SKILLS_MAX)
        add_error (field_errors, &n_errors, "skills", "too-many", "At most 30 skills.");
      for (guint i = 0; i < skills->len && n_errors == 0; i++)
        {
          const char *skill = g_ptr_array_index (skills, i);

          if (g_utf8_strlen (skill, -1) > SKILL_MAX_CHARS)
            add_error (field_errors, &n_errors, "skills", "too-long", "A skill has at most 60 characters.");
          else
            g_ptr_array_add (q->skill_keys, portal_cvs_skill_key (skill));
        }
    }

  if ((v = PARAM ("occupation")) != NULL && *v != '\0')
    {
      guint code;

      if (strlen (v) != 4 || !parse_uint (v, 9999, &code))
        add_error (field_errors, &n_errors, "occupation", "pattern", "An occupation is a four-digit ISCO code.");
      else
        q->occupation_code = g_strdup (v);
    }

  if ((v = PARAM ("place")) != NULL && *v != '\0')
    {
      q->place = portal_place_lookup (v);
      if (q->place == NULL)
        add_error (field_errors, &n_errors, "place", "unknown", "Not a Dutch municipality this portal knows.");
      q->radius_km = 25.0;
    }

  if ((v = PARAM ("radius_km")) != NULL && *v != '\0')
    {
      char *end = NULL;
      double r = g_ascii_strtod (v, &end);

      if (end == v || *end != '\0' || !isfinite (r) || r < 0 || r > RADIUS_MAX_KM)
        add_error (field_errors, &n_errors, "radius_km", "range", "The radius is 0 to 300 km.");
      else if (PARAM ("place") == NULL || *PARAM ("place") == '\0')
        add_error (field_errors, &n_errors, "radius_km", "requires-place", "A radius needs a place.");
      else
        q->radius_km = r;
    }

  if ((v = PARAM ("education_min")) != NULL && *v != '\0')
    {
      q->education_min = portal_education_rank (v);
      if (q->education_min == 0)
        add_error (field_errors, &n_errors, "education_min", "enum",
                   "One of vmbo, mbo-1, mbo-2, mbo-3, mbo-4, havo, vwo, hbo, wo.");
    }

  if ((v = PARAM ("hours_min")) != NULL && *v != '\0' &&
      (!parse_uint (v, 40, &q->hours_min) || q->hours_min < 1))
    add_error (field_errors, &n_errors, "hours_min", "range", "Hours are 1 to 40.");
  if ((v = PARAM ("hours_max")) != NULL && *v != '\0' &&
      (!parse_uint (v, 40, &q->hours_max) || q->hours_max < 1))
    add_error (field_errors, &n_errors, "hours_max", "range", "Hours are 1 to 40.");
  if (q->hours_min > 0 && q->hours_max > 0 && q->hours_min > q->hours_max)
    add_error (field_errors, &n_errors, "hours_min", "range", "hours_min is more than hours_max.");

  if ((v = PARAM ("driving_licence")) != NULL && *v != '\0')
    {
      if (g_str_equal (v, "true"))
        q->licence = TRUE;
      else if (!g_str_equal (v, "false"))
        add_error (field_errors, &n_errors, "driving_licence", "boolean", "true or false.");
    }

  if ((v = PARAM ("languages")) != NULL && *v != '\0')
    {
      g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

      parse_list (v, codes);
      for (guint i = 0; i < codes->len; i++)
        {
          const char *code = g_ptr_array_index (codes, i);
          size_t len = strlen (code);
          gboolean well_formed = len >= 2 && len <= 3;
          int index;

          for (guint j = 0; j < len; j++)
            well_formed = well_formed && g_ascii_islower (code[j]);
          if (!well_formed)
            {
              add_error (field_errors, &n_errors, "languages", "pattern", "Languages are ISO 639 codes such as nl,en.");
              break;
            }
          index = portal_language_index (code);
          if (index < 0)
            q->match_nothing = TRUE;  /* nobody here speaks it */
          else
            q->language_mask |= 1u << index;
        }
    }

  if ((v = PARAM ("available_from")) != NULL && *v != '\0')
    {
      q->has_available = portal_cvs_parse_day (v, &q->available_day);
      if (!q->has_available)
        add_error (field_errors, &n_errors, "available_from", "date", "A date as YYYY-MM-DD.");
    }

  if ((v = PARAM ("updated_since")) != NULL && *v != '\0')
    {
      gint64 day;

      q->has_since = portal_cvs_parse_day (v, &day);
      q->since = day * 86400;
      if (!q->has_since)
        add_error (field_errors, &n_errors, "updated_since", "date", "A date as YYYY-MM-DD.");
    }

  q->relevance = q->fts != NULL;
  if ((v = PARAM ("sort")) != NULL && *v != '\0')
    {
      if (g_str_equal (v, "recent"))
        q->relevance = FALSE;
      else if (!g_str_equal (v, "relevance"))
        add_error (field_errors, &n_errors, "sort", "enum", "relevance or recent.");
    }

  if ((v = PARAM ("limit")) != NULL &&
      (!parse_uint (v, PORTAL_CV_LIMIT_MAX, &q->limit) || q->limit < 1))
    add_error (field_errors, &n_errors, "limit", "range", "limit is 1 to 100.");

  if ((v = PARAM ("cursor")) != NULL && *v != '\0')
    {
      if (!cursor_syntax_ok (v))
        add_error (field_errors, &n_errors, "cursor", "invalid", "Not a cursor this portal gave out.");
      else
        q->cursor = g_strdup (v);
    }

#undef PARAM

  if (n_errors > 0)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION,
                   "The search has %u invalid parameter(s)", n_errors);
      return NULL;
    }

  return g_steal_pointer (&q);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

PortalCvQuery *
portal_cv_query_new_for_vacancy (JsonObject *vacancy)
{
  PortalCvQuery *q = query_new ();
  JsonNode *node;
  const char *code;
  gint64 hmin, hmax;

  q->for_vacancy = TRUE;
  if (vacancy == NULL)
    return q;

  node = json_object_get_member (vacancy, "occupation");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
      (code = member_string (json_node_get_object (node), "code")) != NULL)
    q->occupation_code = g_strdup (code);

  node = json_object_get_member (vacancy, "skills");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *skills = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (skills) && i < SKILLS_MAX; i++)
        {
          JsonNode *skill = json_array_get_element (skills, i);

          if (JSON_NODE_HOLDS_VALUE (skill) && json_node_get_value_type (skill) == G_TYPE_STRING &&
              g_utf8_validate (json_node_get_string (skill), -1, NULL))
            g_ptr_array_add (q->skill_keys, portal_cvs_skill_key (json_node_get_string (skill)));
        }
    }

  q->place = portal_place_lookup (member_string (vacancy, "place"));
  q->radius_km = VACANCY_RADIUS_KM;
  q->education_min = portal_education_rank (member_string (vacancy, "education_level"));
  hmin = member_int (vacancy, "hours_min");
  hmax = member_int (vacancy, "hours_max");
  q->hours_min = hmin >= 1 && hmin <= 40 ? hmin : 0;
  q->hours_max = hmax >= 1 && hmax <= 40 ? hmax : 0;
  return q;
}

/* Cursors: base64url of "r:SEQ" (recent), "b:RANK:SEQ" (relevance) or
 * "m:SCORE:SEQ" (vacancy matches). */

typedef struct
{
  char   kind;
  double rank;
  gint64 seq;
} Cursor;

static char *
cursor_encode (char    kind,
               double  rank,
               gint64  seq)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;
  char *encoded;

  if (kind == 'r')
    text = g_strdup_printf ("r:%" G_GINT64_FORMAT, seq);
  else
    text = g_strdup_printf ("%c:%s:%" G_GINT64_FORMAT, kind,
                            g_ascii_dtostr (number, sizeof number, rank), seq);
  encoded = g_base64_encode ((const guchar *) text, strlen (text));
  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  if (strchr (encoded, '=') != NULL)
    *strchr (encoded, '=') = '\0';
  return encoded;
}

static gboolean
parse_seq (const char *text,
           gint64     *seq)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *seq = (gint64) v;
  return TRUE;
}

static gboolean
cursor_decode (const char *encoded,
               Cursor     *cursor)
{
  g_autoptr(GString) padded = NULL;
  g_autofree guchar *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  gsize len = 0;

  if (!cursor_syntax_ok (encoded))
    return FALSE;
  padded = g_string_new (encoded);
  g_strdelimit (padded->str, "-", '+');
  g_strdelimit (padded->str, "_", '/');
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  raw = g_base64_decode (padded->str, &len);
  if (raw == NULL || len == 0 || len > 64 || memchr (raw, '\0', len) != NULL)
    return FALSE;
  text = g_strndup ((const char *) raw, len);
  if (!g_str_is_ascii (text))
    return FALSE;

  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) == 2 && g_str_equal (parts[0], "r"))
    {
      cursor->kind = 'r';
      cursor->rank = 0;
      return parse_seq (parts[1], &cursor->seq);
    }
  if (g_strv_length (parts) == 3 && (g_str_equal (parts[0], "b") || g_str_equal (parts[0], "m")))
    {
      char *end = NULL;

      cursor->kind = parts[0][0];
      cursor->rank = g_ascii_strtod (parts[1], &end);
      if (end == parts[1] || *end != '\0' || !isfinite (cursor->rank))
        return FALSE;
      return parse_seq (parts[2], &cursor->seq);
    }
  return FALSE;
}

/* Resolving names to ids, and the plan */

typedef enum
{
  DRIVE_FTS,
  DRIVE_SKILL,
  DRIVE_PLACE,
  DRIVE_OCCUPATION,
  DRIVE_SCAN,
} Drive;

typedef struct
{
  gint64   now;
  gint64   lo;          /* lowest findable seq */
  gint64   max_seq;
  GArray  *skill_ids;   /* gint64, rarest first */
  gint64   rarest_skill_count;
  int      occupation_id;
  GString *place_ids;   /* "1,5,9" */
  double   place_share;
  gboolean empty;
} Resolved;

static void
resolved_clear (Resolved *r)
{
  g_clear_pointer (&r->skill_ids, g_array_unref);
  if (r->place_ids != NULL)
    g_string_free (r->place_ids, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Resolved, resolved_clear)

static gint64
first_seq_updated_after (sqlite3 *db,
                         gint64   t)
{
  sqlite3_stmt *stmt = NULL;
  gint64 seq = -1;

  /* seq order equals updated_at order (the store keeps it so). */
  if (sqlite3_prepare_v2 (db, "SELECT seq FROM cvs INDEXED BY cvs_updated WHERE updated_at > ?"
                              " ORDER BY updated_at LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_int64 (stmt, 1, t);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return seq;
}

typedef struct
{
  gint64 id;
  gint64 count;
} SkillCount;

static int
compare_skill_count (gconstpointer a,
                     gconstpointer b)
{
  const SkillCount *x = a, *y = b;

  return (x->count > y->count) - (x->count < y->count);
}

static gboolean
resolve_skills (sqlite3          *db,
                PortalCvQuery    *q,
                Resolved         *r,
                GError          **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (SkillCount));
  sqlite3_stmt *stmt = NULL;

  r->skill_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (q->skill_keys->len == 0)
    return TRUE;
  if (sqlite3_prepare_v2 (db, "SELECT id, cv_count FROM skills WHERE key = ?", -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  for (guint i = 0; i < q->skill_keys->len; i++)
    {
      const char *key = g_ptr_array_index (q->skill_keys, i);

      if (key == NULL)
        continue;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          SkillCount sc = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

          g_array_append_val (found, sc);
        }
      else if (!q->for_vacancy)
        r->empty = TRUE;  /* every skill is required and nobody has this one */
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  g_array_sort (found, compare_skill_count);
  if (found->len > 0)
    r->rarest_skill_count = g_array_index (found, SkillCount, 0).count;
  for (guint i = 0; i < found->len; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < r->skill_ids->len; j++)
        seen = seen || g_array_index (r->skill_ids, gint64, j) == g_array_index (found, SkillCount, i).id;
      if (!seen)
        g_array_append_val (r->skill_ids, g_array_index (found, SkillCount, i).id);
    }
  return TRUE;
}

static double
haversine_km (double lat1,
              double lon1,
              double lat2,
              double lon2)
{
  double rad = G_PI / 180.0;
  double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
  double a = sin (dlat / 2) * sin (dlat / 2) +
             cos (lat1 * rad) * cos (lat2 * rad) * sin (dlon / 2) * sin (dlon / 2);

  return 6371.0 * 2 * atan2 (sqrt (a), sqrt (1 - a));
}

static gboolean
resolve_place (sqlite3        *db,
               PortalCvQuery  *q,
               Resolved       *r,
               GError        **error)
{
  const PortalPlace *p = q->place;
  double dlat = q->radius_km / 111.0;
  double dlon = q->radius_km / (111.0 * cos (p->lat * G_PI / 180.0));
  sqlite3_stmt *stmt = NULL;
  guint total = 0, inside = 0;

  for (guint i = 0; i < portal_n_places; i++)
    total += portal_places[i].population_k;

  /* Bounding box on the index, then the exact distance. */
  if (sqlite3_prepare_v2 (db, "SELECT id, lat, lon FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  sqlite3_bind_double (stmt, 1, p->lat - dlat - 1e-9);
  sqlite3_bind_double (stmt, 2, p->lat + dlat + 1e-9);
  sqlite3_bind_double (stmt, 3, p->lon - dlon - 1e-9);
  sqlite3_bind_double (stmt, 4, p->lon + dlon + 1e-9);
  r->place_ids = g_string_new (NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);

      if (haversine_km (p->lat, p->lon, sqlite3_column_double (stmt, 1), sqlite3_column_double (stmt, 2)) > q->radius_km + 1e-9)
        continue;
      g_string_append_printf (r->place_ids, "%s%d", r->place_ids->len > 0 ? "," : "", id);
      if (id >= 1 && (guint) id <= portal_n_places)
        inside += portal_places[id - 1].population_k;
    }
  sqlite3_finalize (stmt);

  r->place_share = (double) inside / MAX (total, 1u);
  if (r->place_ids->len == 0)
    r->empty = TRUE;
  return TRUE;
}

static gboolean
resolve (sqlite3        *db,
         PortalCvQuery  *q,
         Resolved       *r,
         GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  r->now = portal_cvs_now ();
  r->empty = q->match_nothing;

  if (sqlite3_prepare_v2 (db, "SELECT max(seq) FROM cvs", -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    r->max_seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  r->lo = first_seq_updated_after (db, MAX (r->now - PORTAL_CV_VALIDITY_SECONDS, q->has_since ? q->since - 1 : 0));
  if (r->lo < 0)
    r->empty = TRUE;

  if (!resolve_skills (db, q, r, error))
    return FALSE;

  if (q->occupation_code != NULL)
    {
      r->occupation_id = -1;
      for (guint i = 0; i < portal_n_occupations; i++)
        if (g_str_equal (portal_occupations[i].code, q->occupation_code))
          r->occupation_id = i + 1;
      if (r->occupation_id < 0 && !q->for_vacancy)
        r->empty = TRUE;
    }

  if (q->place != NULL && !resolve_place (db, q, r, error))
    return FALSE;

  if (q->for_vacancy && r->occupation_id <= 0 && r->skill_ids->len == 0 && q->skill_keys->len + (q->occupation_code != NULL) > 0)
    r->empty = TRUE;  /* it asks for an occupation or skills nobody has */

  return TRUE;
}

/* The source with the fewest rows drives; text always drives (it has no
 * other index). Place rows come out of seq order and need a bounded sort,
 * hence their extra weight. */
static Drive
choose_drive (PortalCvQuery *q,
              Resolved      *r)
{
  double findable = MAX (r->max_seq - r->lo + 1, 1);
  double best = findable * 0.3;
  Drive drive = DRIVE_SCAN;

  if (q->fts != NULL)
    return DRIVE_FTS;
  if (r->skill_ids->len > 0 && r->rarest_skill_count < best)
    {
      best = r->rarest_skill_count;
      drive = DRIVE_SKILL;
    }
  if (r->occupation_id > 0 && findable / portal_n_occupations < best)
    {
      best = findable / portal_n_occupations;
      drive = DRIVE_OCCUPATION;
    }
  if (r->place_ids != NULL && r->place_share < PLACE_INDEX_SHARE && r->place_share * findable * 1.5 < best)
    drive = DRIVE_PLACE;
  return drive;
}

/* SQL */

typedef struct
{
  GString    *from_where;   /* "FROM … WHERE …" without cursor or order */
  const char *seq;          /* the driving seq column */
  char       *score;        /* vacancy matches: the score expression */
} Sql;

/* TRUE when the query filters on columns of the cvs row, so the driving
 * index alone cannot decide. */
static gboolean
needs_row (PortalCvQuery *q,
           Resolved      *r)
{
  return r->occupation_id > 0 || q->education_min > 0 || q->hours_min > 0 || q->hours_max > 0 ||
         r->place_ids != NULL || q->licence || q->language_mask != 0 || q->has_available;
}

static void
append_filters (GString        *s,
                PortalCvQuery  *q,
                Resolved       *r,
                const char     *seq,
                guint           first_skill,
                gboolean        row)
{
  if (row)
    g_string_append (s, " AND c.visibility > 0 AND c.expires_at > :now");
  if (!q->for_vacancy)
    {
      if (r->occupation_id > 0)
        g_string_append (s, " AND c.occupation_id = :occ");
      if (q->education_min > 0)
        g_string_append (s, " AND c.edu_rank >= :edu");
      if (q->hours_min > 0)
        g_string_append (s, " AND c.hours_max >= :hmin");
      if (q->hours_max > 0)
        g_string_append (s, " AND c.hours_min <= :hmax");
      for (guint i = first_skill; i < r->skill_ids->len; i++)
        g_string_append_printf (s, " AND EXISTS (SELECT 1 FROM cv_skills k%u WHERE k%u.skill_id = :sk%u"
                                   " AND k%u.seq = %s)", i, i, i, i, seq);
    }
  if (r->place_ids != NULL)
    g_string_append_printf (s, " AND c.place_id IN (%s)", r->place_ids->str);
  if (q->licence)
    g_string_append (s, " AND c.licence = 1");
  if (q->language_mask != 0)
    g_string_append (s, " AND (c.lang_mask & :mask) = :mask");
  if (q->has_available)
    g_string_append (s, " AND c.available_from <= :avail");
}

/* Text and skills live in indexes of findable CVs only, and seq >= lo
 * excludes the expired ones, so without row filters no cvs row is read. */
static void
build_search_sql (PortalCvQuery *q,
                  Resolved      *r,
                  Sql           *sql)
{
  GString *s = sql->from_where = g_string_new (NULL);
  gboolean row = needs_row (q, r);
  guint first_skill = 0;

  switch (choose_drive (q, r))
    {
    case DRIVE_FTS:
      g_string_append (s, row ? "FROM cv_fts f CROSS JOIN cvs c ON c.seq = f.rowid" : "FROM cv_fts f");
      g_string_append (s, " WHERE f.cv_fts MATCH :q AND f.rowid >= :lo");
      sql->seq = "f.rowid";
      break;
    case DRIVE_SKILL:
      g_string_append (s, row ? "FROM cv_skills k CROSS JOIN cvs c ON c.seq = k.seq" : "FROM cv_skills k");
      g_string_append (s, " WHERE k.skill_id = :sk0 AND k.seq >= :lo");
      sql->seq = "k.seq";
      first_skill = 1;
      break;
    case DRIVE_PLACE:
      g_string_append (s, "FROM cvs c INDEXED BY cvs_place WHERE c.seq >= :lo");
      sql->seq = "c.seq";
      row = TRUE;
      break;
    case DRIVE_OCCUPATION:
      g_string_append (s, "FROM cvs c INDEXED BY cvs_occupation WHERE c.seq >= :lo");
      sql->seq = "c.seq";
      row = TRUE;
      break;
    case DRIVE_SCAN:
      g_string_append (s, "FROM cvs c NOT INDEXED WHERE c.seq >= :lo");
      sql->seq = "c.seq";
      row = TRUE;
      break;
    }
  append_filters (s, q, r, sql->seq, first_skill, row);
}

/* Candidates share the occupation or a skill; they are collected from
 * those indexes first (a few thousand seqs) and only then joined to cvs,
 * scored and sorted. */
static void
build_match_sql (PortalCvQuery *q,
                 Resolved      *r,
                 Sql           *sql)
{
  GString *s = sql->from_where = g_string_new (NULL);
  GString *score = g_string_new ("(0");

  if (r->occupation_id > 0 || r->skill_ids->len > 0)
    {
      g_string_append (s, "FROM (");
      if (r->occupation_id > 0)
        g_string_append (s, "SELECT seq FROM cvs INDEXED BY cvs_occupation"
                            " WHERE visibility > 0 AND occupation_id = :occ AND seq >= :lo");
      for (guint i = 0; i < r->skill_ids->len; i++)
        g_string_append_printf (s, "%sSELECT seq FROM cv_skills WHERE skill_id = :sk%u AND seq >= :lo",
                                r->occupation_id > 0 || i > 0 ? " UNION " : "", i);
      g_string_append (s, ") AS candidate CROSS JOIN cvs c ON c.seq = candidate.seq WHERE c.seq >= :lo");
    }
  else
    g_string_append (s, "FROM cvs c WHERE c.seq >= :lo");
  append_filters (s, q, r, "c.seq", 0, TRUE);

  if (r->occupation_id > 0)
    g_string_append (score, " + (c.occupation_id = :occ)");
  for (guint i = 0; i < r->skill_ids->len; i++)
    g_string_append_printf (score, " + EXISTS (SELECT 1 FROM cv_skills m%u WHERE m%u.skill_id = :sk%u"
                                   " AND m%u.seq = c.seq)", i, i, i, i);
  if (q->education_min > 0)
    g_string_append (score, " + (c.edu_rank >= :edu)");
  if (q->hours_min > 0 || q->hours_max > 0)
    g_string_append (score, " + (c.hours_max >= :hmin AND c.hours_min <= :hmax)");
  g_string_append (score, ")");
  sql->score = g_string_free (score, FALSE);
  sql->seq = "c.seq";
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_common (sqlite3_stmt  *stmt,
             PortalCvQuery *q,
             Resolved      *r)
{
  int index;

  bind_named_int64 (stmt, ":now", r->now);
  bind_named_int64 (stmt, ":lo", r->lo);
  bind_named_int64 (stmt, ":occ", r->occupation_id);
  bind_named_int64 (stmt, ":edu", q->education_min);
  bind_named_int64 (stmt, ":hmin", q->hours_min > 0 ? q->hours_min : 0);
  bind_named_int64 (stmt, ":hmax", q->hours_max > 0 ? q->hours_max : 40);
  bind_named_int64 (stmt, ":mask", q->language_mask);
  bind_named_int64 (stmt, ":avail", q->available_day);
  for (guint i = 0; i < r->skill_ids->len; i++)
    {
      char name[16];

      g_snprintf (name, sizeof name, ":sk%u", i);
      bind_named_int64 (stmt, name, g_array_index (r->skill_ids, gint64, i));
    }
  index = sqlite3_bind_parameter_index (stmt, ":q");
  if (index > 0)
    sqlite3_bind_text (stmt, index, q->fts, -1, SQLITE_STATIC);
}

static gboolean
count_matches (sqlite3        *db,
               PortalCvQuery  *q,
               Resolved       *r,
               Sql            *sql,
               JsonObject     *page,
               GError        **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = 0, lowest = 0;

  gint64 floor = MAX (r->lo, r->max_seq - COUNT_SCAN_BUDGET + 1);

  /* One lower bound on seq (":lo" raised to the budget's floor), so the walk
   * stops there instead of filtering the rest. */
  text = g_strdup_printf ("SELECT count(*), min(s) FROM (SELECT %s AS s %s ORDER BY %s DESC LIMIT %d)",
                          sql->seq, sql->from_where->str, sql->seq, PORTAL_CV_TOTAL_EXACT_MAX + 1);
  if (sqlite3_prepare_v2 (db, text, -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  bind_common (stmt, q, r);
  bind_named_int64 (stmt, ":lo", floor);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return portal_cvs_sql_error (db, error);
    }
  count = sqlite3_column_int64 (stmt, 0);
  lowest = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);

  if (count <= PORTAL_CV_TOTAL_EXACT_MAX && floor > r->lo)
    {
      /* The budget ran out first: scale up what the newest seqs hold. */
      gint64 estimate = count * (r->max_seq - r->lo + 1) / MAX (r->max_seq - floor + 1, 1);

      json_object_set_int_member (page, "total", estimate);
      json_object_set_boolean_member (page, "total_is_estimate", TRUE);
    }
  else if (count > PORTAL_CV_TOTAL_EXACT_MAX)
    {
      /* Matches are spread evenly enough over seq to extrapolate. */
      double covered = (double) (r->max_seq - lowest + 1) / MAX (r->max_seq - r->lo + 1, 1);
      gint64 estimate = (gint64) (PORTAL_CV_TOTAL_EXACT_MAX / MAX (covered, 1e-9));

      json_object_set_int_member (page, "total", MAX (estimate, PORTAL_CV_TOTAL_EXACT_MAX + 1));
      json_object_set_boolean_member (page, "total_is_estimate", TRUE);
    }
  else
    {
      json_object_set_int_member (page, "total", count);
      json_object_set_boolean_member (page, "total_is_estimate", FALSE);
    }
  return TRUE;
}

/* The seq of the RELEVANCE_WINDOW-th newest match: relevance ranks only
 * the matches at or above it. */
static gint64
relevance_window_floor (sqlite3       *db,
                        PortalCvQuery *q,
                        Resolved      *r,
                        Sql           *sql)
{
  g_autofree char *text = g_strdup_printf ("SELECT min(s) FROM (SELECT %s AS s %s ORDER BY %s DESC LIMIT %d)",
                                           sql->seq, sql->from_where->str, sql->seq, RELEVANCE_WINDOW);
  sqlite3_stmt *stmt = NULL;
  gint64 floor = r->lo;

  if (sqlite3_prepare_v2 (db, text, -1, &stmt, NULL) != SQLITE_OK)
    return floor;
  bind_common (stmt, q, r);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    floor = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return floor;
}

static void
add_matched (JsonObject    *item,
             PortalCvQuery *q,
             Resolved      *r,
             sqlite3_stmt  *row)
{
  JsonArray *matched = json_array_new ();
  JsonArray *skills = json_object_get_array_member (item, "skills");

  if (r->occupation_id > 0 && sqlite3_column_int (row, 4) == r->occupation_id)
    json_array_add_string_element (matched, "occupation");
  for (guint i = 0; skills != NULL && i < json_array_get_length (skills); i++)
    {
      const char *skill = json_array_get_string_element (skills, i);
      g_autofree char *key = skill != NULL ? portal_cvs_skill_key (skill) : NULL;

      for (guint j = 0; key != NULL && j < q->skill_keys->len; j++)
        if (g_strcmp0 (key, g_ptr_array_index (q->skill_keys, j)) == 0)
          {
            g_autofree char *label = g_strconcat ("skills:", skill, NULL);

            json_array_add_string_element (matched, label);
            break;
          }
    }
  if (r->place_ids != NULL)
    json_array_add_string_element (matched, "place");
  if (q->education_min > 0 && (guint) sqlite3_column_int (row, 7) >= q->education_min)
    json_array_add_string_element (matched, "education");
  if ((q->hours_min > 0 || q->hours_max > 0) &&
      sqlite3_column_int (row, 6) >= (int) q->hours_min &&
      sqlite3_column_int (row, 5) <= (int) (q->hours_max > 0 ? q->hours_max : 40))
    json_array_add_string_element (matched, "hours");
  json_object_set_array_member (item, "matched", matched);
}

static JsonObject *
empty_page (void)
{
  JsonObject *page = json_object_new ();

  json_object_set_array_member (page, "items", json_array_new ());
  json_object_set_null_member (page, "next_cursor");
  json_object_set_int_member (page, "total", 0);
  json_object_set_boolean_member (page, "total_is_estimate", FALSE);
  return page;
}

JsonObject *
portal_store_cvs_search (sqlite3        *db,
                         PortalCvQuery  *q,
                         const char     *cursor_text,
                         guint           limit,
                         GError        **error)
{
  g_auto(Resolved) r = { 0 };
  Sql sql = { 0 };
  Cursor cursor = { 0 };
  g_autoptr(JsonObject) page = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = NULL, *row = NULL;
  JsonArray *items;
  char kind;
  int rc;

  g_return_val_if_fail (db != NULL && q != NULL, NULL);

  if (limit < 1 || limit > PORTAL_CV_LIMIT_MAX)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "limit is 1 to %d", PORTAL_CV_LIMIT_MAX);
      return NULL;
    }
  kind = q->for_vacancy ? 'm' : (q->relevance && q->fts != NULL) ? 'b' : 'r';
  if (cursor_text != NULL && *cursor_text != '\0' &&
      (!cursor_decode (cursor_text, &cursor) || cursor.kind != kind))
    {
      g_set_error_literal (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "Not a cursor for this search");
      return NULL;
    }

  if (!resolve (db, q, &r, &local_error))
    return NULL;
  if (r.empty)
    return empty_page ();

  if (q->for_vacancy)
    build_match_sql (q, &r, &sql);
  else
    build_search_sql (q, &r, &sql);

  page = json_object_new ();
  if (!count_matches (db, q, &r, &sql, page, &local_error))
    goto out;

  if (kind == 'r')
    text = g_strdup_printf ("SELECT %s, 0 %s%s%s%s ORDER BY %s DESC LIMIT %u", sql.seq, sql.from_where->str,
                            cursor.kind ? " AND " : "", cursor.kind ? sql.seq : "", cursor.kind ? " < :cur" : "",
                            sql.seq, limit + 1);
  else if (kind == 'b')
    text = g_strdup_printf ("SELECT f.rowid, f.rank %s AND f.rowid >= :window%s ORDER BY f.rank, f.rowid DESC LIMIT %u",
                            sql.from_where->str,
                            cursor.kind ? " AND (f.rank > :rank OR (f.rank = :rank AND f.rowid < :cur))" : "",
                            limit + 1);
  else
    text = g_strdup_printf ("SELECT seq, score FROM (SELECT c.seq AS seq, %s AS score %s)%s"
                            " ORDER BY score DESC, seq DESC LIMIT %u", sql.score, sql.from_where->str,
                            cursor.kind ? " WHERE score < :rank OR (score = :rank AND seq < :cur)" : "",
                            limit + 1);

  if (sqlite3_prepare_v2 (db, text, -1, &stmt, NULL) != SQLITE_OK)
    {
      portal_cvs_sql_error (db, &local_error);
      goto out;
    }
  bind_common (stmt, q, &r);
  bind_named_int64 (stmt, ":cur", cursor.seq);
  if (kind == 'b')
    bind_named_int64 (stmt, ":window", relevance_window_floor (db, q, &r, &sql));
  if (sqlite3_bind_parameter_index (stmt, ":rank") > 0)
    sqlite3_bind_double (stmt, sqlite3_bind_parameter_index (stmt, ":rank"), cursor.rank);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      double rank = sqlite3_column_double (stmt, 1);

      g_array_append_val (seqs, seq);
      g_array_append_val (ranks, rank);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      portal_cvs_sql_error (db, &local_error);
      goto out;
    }

  items = json_array_new ();
  json_object_set_array_member (page, "items", items);
  if (sqlite3_prepare_v2 (db, "SELECT " PORTAL_CVS_SUMMARY_COLUMNS " FROM cvs c JOIN cv_docs d ON d.id = c.id"
                              " WHERE c.seq = ?1 AND c.visibility > 0 AND c.expires_at > ?2", -1, &row, NULL) != SQLITE_OK)
    {
      portal_cvs_sql_error (db, &local_error);
      goto out;
    }
  for (guint i = 0; i < MIN (seqs->len, limit); i++)
    {
      JsonObject *item;

      /* The indexes already said so; R7 is checked once more on the row. */
      sqlite3_bind_int64 (row, 1, g_array_index (seqs, gint64, i));
      sqlite3_bind_int64 (row, 2, r.now);
      if (sqlite3_step (row) == SQLITE_ROW)
        {
          item = portal_cvs_summary_from_row (db, row, 0);
          if (q->for_vacancy)
            add_matched (item, q, &r, row);
          json_array_add_object_element (items, item);
        }
      sqlite3_reset (row);
    }
  sqlite3_finalize (row);

  if (seqs->len > limit)
    {
      g_autofree char *next = cursor_encode (kind, g_array_index (ranks, double, limit - 1),
                                             g_array_index (seqs, gint64, limit - 1));

      json_object_set_string_member (page, "next_cursor", next);
    }
  else
    json_object_set_null_member (page, "next_cursor");

out:
  if (sql.from_where != NULL)
    g_string_free (sql.from_where, TRUE);
  g_free (sql.score);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&page);
}
