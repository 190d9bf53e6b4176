/* test-cvs-privacy.c: R1 — scrubbing and what anonymous CVs reveal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cvs-test-util.h"
#include "portal-error.h"
#include "portal-privacy.h"
#include "portal-seed.h"
#include "portal-store-cvs.h"

static void
assert_scrubbed (const char         *text,
                 const char * const *names,
                 const char         *expected)
{
  g_autofree char *out = portal_privacy_scrub (text, names);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_scrub_email (void)
{
  assert_scrubbed ("Mail naar jan.devries12@example.nl of J_Jansen+cv@mail.example.com.", NULL,
                   "Mail naar [verwijderd] of [verwijderd].");
}

static void
test_scrub_phone (void)
{
  const char *numbers[] = {
    "06-12345678", "0612345678", "06 12 34 56 78", "+31 6 1234 5678", "+31612345678",
    "0031 6 12345678", "020-1234567", "(020) 123 4567", "010 - 123 45 67", "+31 (0)20 123 4567",
    "123456782",  /* a BSN */
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("Bel %s na 17 uur.", numbers[i]);

      assert_scrubbed (text, NULL, "Bel [verwijderd] na 17 uur.");
    }
}

static void
test_scrub_url (void)
{
  assert_scrubbed ("Zie https://www.linkedin.com/in/jan-de-vries-123 en www.example.nl/cv.", NULL,
                   "Zie [verwijderd] en [verwijderd].");
  assert_scrubbed ("Portfolio: jandevries.nl/werk, GitHub github.com/jdv", NULL,
                   "Portfolio: [verwijderd], GitHub [verwijderd]");
}

static void
test_scrub_names (void)
{
  const char *names[] = { "Jan", "Vries", "Kerkstraat", NULL };
  const char *accented[] = { "Zoë", "Wiśniewski", NULL };

  assert_scrubbed ("Ik ben Jan de Vries, JAN voor vrienden; ik woon aan de Kerkstraat 12.", names,
                   "Ik ben [verwijderd] de [verwijderd], [verwijderd] voor vrienden; ik woon aan de [verwijderd] 12.");
  /* Whole words only: "januari" and "Vriesland" are not names. */
  assert_scrubbed ("Sinds januari in Vriesland.", names, "Sinds januari in Vriesland.");
  assert_scrubbed ("Groet, zoë WIŚNIEWSKI", accented, "Groet, [verwijderd] [verwijderd]");
}

static void
test_scrub_keeps_ordinary_text (void)
{
  const char *text = "Van 2015-2019 werkte ik 32 uur per week met ASP.NET en Node.js, o.a. voor 120 klanten.";

  assert_scrubbed (text, NULL, text);
}

static void
test_scrub_postcode_and_date (void)
{
  assert_scrubbed ("Adres: 3511 AB Utrecht, geboren 14-03-1987, ofwel 1987-03-14.", NULL,
                   "Adres: [verwijderd] Utrecht, geboren [verwijderd], ofwel [verwijderd].");
}

static void
test_scrub_invalid_utf8 (void)
{
  assert_scrubbed ("bad \xff\xfe text", NULL, "");
  assert_scrubbed (NULL, NULL, "");
}

static void
test_name_words (void)
{
  g_auto(GStrv) words = portal_privacy_name_words ("Anne-Fleur", "van der Linden");

  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_cmpstr (words[0], ==, "Anne");
  g_assert_cmpstr (words[1], ==, "Fleur");
  g_assert_cmpstr (words[2], ==, "Linden");
}

static void
test_age_band (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 15, 12, 0, 0);
  gint64 t = g_date_time_to_unix (now);

  g_assert_cmpstr (portal_privacy_age_band ("2008-06-15", t), ==, "18-24");
  g_assert_cmpstr (portal_privacy_age_band ("2008-06-16", t), ==, "15-17");
  g_assert_cmpstr (portal_privacy_age_band ("1991-06-15", t), ==, "35-44");
  g_assert_cmpstr (portal_privacy_age_band ("1991-06-16", t), ==, "25-34");
  g_assert_cmpstr (portal_privacy_age_band ("1950-01-01", t), ==, "65+");
  g_assert_null (portal_privacy_age_band ("1991-13-01", t));
  g_assert_null (portal_privacy_age_band ("gisteren", t));
}

/* R1 over generated data */

typedef struct
{
  gint64  id;
  char   *first_name;
  char   *last_name;
  char   *birth_date;
  char   *email;
  char   *phone;
  char   *street;
  char   *house_number;
  char   *postcode;
  char   *photo_url;
  char   *linkedin;
  char   *national_id;
} Personalia;

static void
personalia_free (gpointer data)
{
  Personalia *p = data;

  g_free (p->first_name);
  g_free (p->last_name);
  g_free (p->birth_date);
  g_free (p->email);
  g_free (p->phone);
  g_free (p->street);
  g_free (p->house_number);
  g_free (p->postcode);
  g_free (p->photo_url);
  g_free (p->linkedin);
  g_free (p->national_id);
  g_free (p);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static GPtrArray *
load_personalia (sqlite3    *db,
                 const char *where)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (personalia_free);
  g_autofree char *sql = g_strdup_printf (
    "SELECT p.id, first_name, last_name, birth_date, email, phone, street, house_number, postcode,"
    " photo_url, linkedin, national_id FROM cv_private p JOIN cvs c ON c.id = p.id WHERE %s ORDER BY p.id", where);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Personalia *p = g_new0 (Personalia, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->first_name = column_dup (stmt, 1);
      p->last_name = column_dup (stmt, 2);
      p->birth_date = column_dup (stmt, 3);
      p->email = column_dup (stmt, 4);
      p->phone = column_dup (stmt, 5);
      p->street = column_dup (stmt, 6);
      p->house_number = column_dup (stmt, 7);
      p->postcode = column_dup (stmt, 8);
      p->photo_url = column_dup (stmt, 9);
      p->linkedin = column_dup (stmt, 10);
      p->national_id = column_dup (stmt, 11);
      g_ptr_array_add (all, p);
    }
  sqlite3_finalize (stmt);
  return all;
}

static gboolean
contains_word (const char *haystack,
               const char *word)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *w = g_utf8_casefold (word, -1);
  size_t len = strlen (w);

  for (const char *p = strstr (h, w); p != NULL; p = strstr (p + 1, w))
    {
      gboolean start_ok = p == h || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean end_ok = p[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + len));

      if (start_ok && end_ok)
        return TRUE;
    }
  return FALSE;
}

/* The digits of @text, with every separator inside digit runs removed. */
static char *
digits_only (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
    else if (!strchr (" -().+/", *p))
      g_string_append_c (out, '|');
  return g_string_free (out, FALSE);
}

static void
assert_reveals_nothing (const char       *json,
                        const Personalia *p)
{
  g_auto(GStrv) names = portal_privacy_name_words (p->first_name, p->last_name);
  g_autofree char *address = g_strdup_printf ("%s %s", p->street, p->house_number);
  g_autofree char *json_digits = digits_only (json);
  g_autofree char *phone_digits = digits_only (p->phone);
  const char *phone_tail = phone_digits + MAX (0, (int) strlen (phone_digits) - 8);
  int y, m, d;
  g_autofree char *dutch_date = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (contains_word (json, names[i]))
      g_error ("CV %" G_GINT64_FORMAT " reveals name part '%s': %s", p->id, names[i], json);
  g_assert_null (strstr (json, p->email));
  g_assert_null (strstr (json, p->phone));
  g_assert_null (strstr (json_digits, phone_tail));
  g_assert_null (strstr (json, p->street));
  g_assert_null (strstr (json, address));
  g_assert_null (strstr (json, p->postcode));
  g_assert_null (strstr (json, p->birth_date));
  g_assert_cmpint (sscanf (p->birth_date, "%d-%d-%d", &y, &m, &d), ==, 3);
  dutch_date = g_strdup_printf ("%02d-%02d-%04d", d, m, y);
  g_assert_null (strstr (json, dutch_date));
  g_assert_null (strstr (json, p->national_id));
  if (p->photo_url != NULL)
    g_assert_null (strstr (json, p->photo_url));
  if (p->linkedin != NULL)
    g_assert_null (strstr (json, p->linkedin));
  g_assert_null (strstr (json, "\"personalia\""));
  g_assert_null (strstr (json, "\"name\""));
  g_assert_null (strstr (json, "birth_date"));
  g_assert_null (strstr (json, "@"));
}

static void
test_anonymous_reveals_nothing (void)
{
  CvsTestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) anonymous = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = NULL;
  guint embedded = 0, from_search = 0;

  cvs_test_db_open (&t);
  g_assert_true (portal_seed_cvs (t.db, 3000, 7, &error));
  g_assert_no_error (error);

  anonymous = load_personalia (t.db, "c.visibility = 1");
  g_assert_cmpuint (anonymous->len, >, 1500);
  for (guint i = 0; i < anonymous->len; i++)
    {
      Personalia *p = g_ptr_array_index (anonymous, i);
      g_autoptr(JsonObject) cv = portal_store_cvs_get_for_employer (t.db, p->id, NULL);
      g_autofree char *json = NULL;
      g_autofree char *raw = NULL;

      g_hash_table_insert (by_id, &p->id, p);
      if (cv == NULL)
        continue;  /* expired */
      json = cvs_test_to_json (cv);
      assert_reveals_nothing (json, p);
      g_assert_cmpstr (json_object_get_string_member (cv, "visibility"), ==, "anonymous");
      g_assert_true (json_object_has_member (cv, "age_band"));

      /* The generator really put personalia in some of these texts. */
      raw = g_strdup_printf ("SELECT count(*) FROM cv_private WHERE id = %" G_GINT64_FORMAT " AND summary IS NOT NULL", p->id);
      embedded += cvs_test_int64 (t.db, raw);
    }
  g_assert_cmpuint (embedded, >, anonymous->len / 10);

  /* Search results (CvSummary) too. */
  ids = cvs_test_search_all (t.db, "sort=recent", 100);
  g_assert_cmpuint (ids->len, >, 2000);
  {
    g_autofree char *cursor = NULL;

    do
      {
        g_autoptr(JsonObject) page = cvs_test_search (t.db, "", cursor, 100);
        JsonArray *items = json_object_get_array_member (page, "items");

        for (guint i = 0; i < json_array_get_length (items); i++)
          {
            JsonObject *item = json_array_get_object_element (items, i);
            gint64 id = json_object_get_int_member (item, "id");
            Personalia *p = g_hash_table_lookup (by_id, &id);

            if (p != NULL)
              {
                g_autofree char *json = cvs_test_to_json (item);

                assert_reveals_nothing (json, p);
                from_search++;
              }
          }
        g_free (cursor);
        cursor = g_strdup (json_object_get_string_member (page, "next_cursor"));
      }
    while (cursor != NULL);
  }
  g_assert_cmpuint (from_search, >, 1500);

  cvs_test_db_close (&t);
}

static void
test_open_shows_personalia (void)
{
  CvsTestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  guint checked = 0;

  cvs_test_db_open (&t);
  g_assert_true (portal_seed_cvs (t.db, 400, 8, &error));
  open = load_personalia (t.db, "c.visibility = 2");
  g_assert_cmpuint (open->len, >, 40);
  for (guint i = 0; i < open->len; i++)
    {
      Personalia *p = g_ptr_array_index (open, i);
      g_autoptr(JsonObject) cv = portal_store_cvs_get_for_employer (t.db, p->id, NULL);
      g_autofree char *name = g_strdup_printf ("%s %s", p->first_name, p->last_name);
      g_autofree char *display = portal_store_cvs_display_name (t.db, p->id);
      JsonObject *personalia;

      if (cv == NULL)
        continue;
      personalia = json_object_get_object_member (cv, "personalia");
      g_assert_cmpstr (json_object_get_string_member (cv, "name"), ==, name);
      g_assert_cmpstr (display, ==, name);
      g_assert_cmpstr (json_object_get_string_member (personalia, "email"), ==, p->email);
      g_assert_cmpstr (json_object_get_string_member (personalia, "phone"), ==, p->phone);
      g_assert_cmpstr (json_object_get_string_member (personalia, "postcode"), ==, p->postcode);
      g_assert_cmpstr (json_object_get_string_member (personalia, "birth_date"), ==, p->birth_date);
      checked++;
    }
  g_assert_cmpuint (checked, >, 30);
  cvs_test_db_close (&t);
}

static void
test_names_not_searchable (void)
{
  CvsTestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) anonymous = NULL;
  guint tried = 0;

  cvs_test_db_open (&t);
  g_assert_true (portal_seed_cvs (t.db, 1500, 9, &error));
  anonymous = load_personalia (t.db, "c.visibility = 1 AND p.summary LIKE '%' || p.last_name || '%'");
  g_assert_cmpuint (anonymous->len, >, 10);
  for (guint i = 0; i < anonymous->len && tried < 20; i++, tried++)
    {
      Personalia *p = g_ptr_array_index (anonymous, i);
      g_auto(GStrv) words = portal_privacy_name_words (NULL, p->last_name);
      g_autofree char *query = g_strdup_printf ("q=%s", words[0]);
      g_autoptr(GArray) ids = cvs_test_search_all (t.db, query, 100);

      /* Names are not indexed, so an anonymous CV cannot be found by one. */
      for (guint j = 0; j < ids->len; j++)
        g_assert_cmpint (g_array_index (ids, gint64, j), !=, p->id);
    }
  cvs_test_db_close (&t);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cvs/privacy/scrub/email", test_scrub_email);
  g_test_add_func ("/cvs/privacy/scrub/phone", test_scrub_phone);
  g_test_add_func ("/cvs/privacy/scrub/url", test_scrub_url);
  g_test_add_func ("/cvs/privacy/scrub/names", test_scrub_names);
  g_test_add_func ("/cvs/privacy/scrub/keeps-ordinary-text", test_scrub_keeps_ordinary_text);
  g_test_add_func ("/cvs/privacy/scrub/postcode-and-date", test_scrub_postcode_and_date);
  g_test_add_func ("/cvs/privacy/scrub/invalid-utf8", test_scrub_invalid_utf8);
  g_test_add_func ("/cvs/privacy/name-words", test_name_words);
  g_test_add_func ("/cvs/privacy/age-band", test_age_band);
  g_test_add_func ("/cvs/privacy/anonymous-reveals-nothing", test_anonymous_reveals_nothing);
  g_test_add_func ("/cvs/privacy/open-shows-personalia", test_open_shows_personalia);
  g_test_add_func ("/cvs/privacy/names-not-searchable", test_names_not_searchable);

  return g_test_run ();
}
