/* test-shortlist.c: WervingShortlistEntry and the shortlist calls of
 * WervingClient against a real werving-portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "werving-json-private.h"
#include "werving-test-portal.h"

#define CALL WERVING_TEST_CALL

static gint64
demo_vacancy (WervingClient *client,
              const char    *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = CALL (client, &error, list_vacancies, status, NULL, 0);
  g_autoptr(WervingVacancy) vacancy = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (werving_page_get_n_items (page), >, 0);
  vacancy = g_list_model_get_item (werving_page_get_items (page), 0);
  return werving_vacancy_get_id (vacancy);
}

static void
test_json (void)
{
  static const char *good =
    "{\"cv_id\":7,\"stage\":\"interview\",\"note\":\"Bellen\",\"added_at\":\"2026-11-23T09:30:00Z\","
    "\"updated_at\":\"2026-11-24T10:00:00Z\",\"available\":true,\"summary\":{\"id\":7,\"visibility\":\"anonymous\","
    "\"headline\":\"Lasser\",\"occupation\":null,\"skills\":[\"MIG\"],\"region\":\"Utrecht\",\"hours_min\":24,"
    "\"hours_max\":40,\"education_level\":\"mbo-2\",\"available_from\":null,\"driving_licence\":true,"
    "\"languages\":[\"nl\"],\"updated_at\":\"2026-11-23T09:30:00Z\"}}";
  static const char *hidden =
    "{\"cv_id\":8,\"stage\":\"hired\",\"note\":\"\",\"added_at\":\"2026-11-23T09:30:00Z\","
    "\"updated_at\":\"2026-11-23T09:30:00Z\",\"available\":false,\"summary\":null}";
  static const char *bad[] = {
    "{\"cv_id\":8,\"stage\":\"promoted\",\"available\":false,\"summary\":null}",
    "{\"stage\":\"hired\",\"available\":false,\"summary\":null}",
    "{\"cv_id\":8,\"stage\":\"hired\",\"available\":true,\"summary\":{\"id\":\"x\"}}",
    "[]",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = werving_json_parse (good, strlen (good), &error);
  g_autoptr(WervingShortlistEntry) entry = werving_shortlist_entry_new_from_json (node, &error);
  g_autoptr(JsonNode) hidden_node = werving_json_parse (hidden, strlen (hidden), &error);
  g_autoptr(WervingShortlistEntry) gone = werving_shortlist_entry_new_from_json (hidden_node, &error);
  g_autofree char *stage = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (werving_shortlist_entry_get_cv_id (entry), ==, 7);
  g_assert_cmpstr (werving_shortlist_entry_get_stage (entry), ==, "interview");
  g_assert_cmpstr (werving_shortlist_entry_get_note (entry), ==, "Bellen");
  g_assert_true (werving_shortlist_entry_get_available (entry));
  g_assert_cmpstr (werving_cv_summary_get_headline (werving_shortlist_entry_get_summary (entry)), ==, "Lasser");
  g_assert_cmpint (g_date_time_get_day_of_month (werving_shortlist_entry_get_updated_at (entry)), ==, 24);
  g_object_get (entry, "stage", &stage, NULL);
  g_assert_cmpstr (stage, ==, "interview");

  g_assert_false (werving_shortlist_entry_get_available (gone));
  g_assert_null (werving_shortlist_entry_get_summary (gone));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(JsonNode) bad_node = werving_json_parse (bad[i], strlen (bad[i]), &bad_error);
      g_autoptr(WervingShortlistEntry) bad_entry = werving_shortlist_entry_new_from_json (bad_node, &bad_error);

      g_assert_null (bad_entry);
      g_assert_error (bad_error, WERVING_ERROR, WERVING_ERROR_PARSE);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) jobseeker = NULL;
  g_autoptr(WervingCv) own = NULL;
  g_autoptr(WervingShortlistEntry) added = NULL;
  g_autoptr(WervingShortlistEntry) moved = NULL;
  g_autoptr(WervingShortlistEntry) invalid = NULL;
  g_autoptr(WervingPage) page = NULL;
  g_autoptr(WervingShortlistEntry) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_note = NULL;
  const GPtrArray *field_errors;
  gint64 vacancy, cv;

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  jobseeker = werving_test_client_new (portal, WERVING_TEST_JOBSEEKER);
  own = CALL (jobseeker, &error, get_my_cv);
  g_assert_no_error (error);
  cv = werving_cv_summary_get_id (WERVING_CV_SUMMARY (own));
  vacancy = demo_vacancy (client, "active");

  added = CALL (client, &error, put_shortlist_entry, vacancy, cv, "shortlisted", "Eerst bellen");
  g_assert_no_error (error);
  g_assert_cmpstr (werving_shortlist_entry_get_note (added), ==, "Eerst bellen");
  g_assert_true (werving_shortlist_entry_get_available (added));
  g_assert_cmpint (werving_cv_summary_get_id (werving_shortlist_entry_get_summary (added)), ==, cv);
  g_assert_null (werving_cv_summary_get_name (werving_shortlist_entry_get_summary (added)));

  /* NULL keeps the note. */
  moved = CALL (client, &error, put_shortlist_entry, vacancy, cv, "replied", NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_shortlist_entry_get_stage (moved), ==, "replied");
  g_assert_cmpstr (werving_shortlist_entry_get_note (moved), ==, "Eerst bellen");
  werving_shortlist_entry_update_from (added, moved);
  g_assert_cmpstr (werving_shortlist_entry_get_stage (added), ==, "replied");

  long_note = g_strnfill (WERVING_SHORTLIST_NOTE_MAX + 1, 'x');
  invalid = CALL (client, &error, put_shortlist_entry, vacancy, cv, "replied", long_note);
  g_assert_null (invalid);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_VALIDATION);
  field_errors = werving_error_get_field_errors (error);
  g_assert_nonnull (field_errors);
  g_assert_cmpuint (field_errors->len, ==, 1);
  g_clear_error (&error);

  page = CALL (client, &error, list_shortlist, vacancy, NULL, 0);
  g_assert_no_error (error);
  g_assert_cmpint (werving_page_get_total (page), ==, 1);
  listed = g_list_model_get_item (werving_page_get_items (page), 0);
  g_assert_cmpint (werving_shortlist_entry_get_cv_id (listed), ==, cv);
  g_assert_cmpstr (werving_shortlist_entry_get_stage (listed), ==, "replied");

  g_assert_true (CALL (client, &error, delete_shortlist_entry, vacancy, cv));
  g_assert_no_error (error);
  g_assert_false (CALL (client, &error, delete_shortlist_entry, vacancy, cv));
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/shortlist/json", test_json);
  g_test_add_func ("/core/shortlist/round-trip", test_round_trip);

  return g_test_run ();
}
