/* test-portal-shortlist.c: the shortlist of a vacancy over HTTP
 *
 * Stages and private notes per CV, 201/200/204, validation, the anonymous
 * summary, a CV that went hidden, and who may not see a shortlist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "portal-test-client.h"

#define DEMO "demo@werving.test"
#define JOBSEEKER "jobseeker@werving.test"
#define SECRET "Notitie: pas na 1 maart beschikbaar, salaris bespreken"

static const char * const demo_args[] = { "--demo", "--cvs", "40", NULL };

static gint64
first_vacancy (PortalTestServer *server,
               const char       *token,
               const char       *status)
{
  g_autofree char *path = g_strdup_printf ("/v1/vacancies?status=%s", status);
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "GET", path, token, NULL, NULL);
  JsonArray *items = json_object_get_array_member (portal_test_reply_object (reply), "items");

  g_assert_cmpuint (json_array_get_length (items), >, 0);
  return json_object_get_int_member (json_array_get_object_element (items, 0), "id");
}

static gint64
own_cv_id (PortalTestServer *server,
           const char       *jobseeker)
{
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "GET", "/v1/me/cv", jobseeker, NULL, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_get_int_member (portal_test_reply_object (reply), "id");
}

static PortalTestReply *
put_entry (PortalTestServer *server,
           const char       *token,
           gint64            vacancy,
           gint64            cv,
           const char       *body)
{
  g_autofree char *path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/shortlist/%" G_GINT64_FORMAT,
                                           vacancy, cv);

  return portal_test_request (server, "PUT", path, token, body, NULL);
}

static gint64
cv_views_used (PortalTestServer *server,
               const char       *token)
{
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "GET", "/v1/quota", token, NULL, NULL);

  return json_object_get_int_member (json_object_get_object_member (portal_test_reply_object (reply), "cv_views"),
                                     "used");
}

static void
test_round_trip (void)
{
  PortalTestServer *server = portal_test_server_start (demo_args);
  g_autofree char *org = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autofree char *js = portal_test_sign_in (server, JOBSEEKER, PORTAL_TEST_PASSWORD);
  gint64 vacancy = first_vacancy (server, org, "draft");
  gint64 cv = own_cv_id (server, js);
  gint64 views = cv_views_used (server, org);
  g_autofree char *list_path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/shortlist", vacancy);
  g_autofree char *entry_path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, list_path, cv);
  g_autofree char *long_note = NULL;
  GString *note = g_string_new ("{\"stage\":\"hired\",\"note\":\"");

  {
    g_autoptr(PortalTestReply) added = put_entry (server, org, vacancy, cv,
                                                  "{\"stage\":\"shortlisted\",\"note\":\"" SECRET "\"}");
    g_autoptr(PortalTestReply) moved = put_entry (server, org, vacancy, cv, "{\"stage\":\"interview\"}");
    g_autoptr(PortalTestReply) list = portal_test_request (server, "GET", list_path, org, NULL, NULL);
    JsonObject *entry, *summary;

    g_assert_cmpuint (added->status, ==, 201);
    g_assert_cmpuint (moved->status, ==, 200);
    entry = portal_test_reply_object (moved);
    g_assert_cmpstr (json_object_get_string_member (entry, "stage"), ==, "interview");
    g_assert_cmpstr (json_object_get_string_member (entry, "note"), ==, SECRET);
    g_assert_cmpuint (list->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (portal_test_reply_object (list), "total"), ==, 1);
    entry = json_array_get_object_element (json_object_get_array_member (portal_test_reply_object (list), "items"), 0);
    g_assert_cmpint (json_object_get_int_member (entry, "cv_id"), ==, cv);
    g_assert_true (json_object_get_boolean_member (entry, "available"));
    summary = json_object_get_object_member (entry, "summary");
    g_assert_cmpint (json_object_get_int_member (summary, "id"), ==, cv);
    g_assert_false (json_object_has_member (summary, "name"));
    g_assert_false (json_object_has_member (summary, "personalia"));
  }

  /* Listing is not a CV view (R4, R5). */
  g_assert_cmpint (cv_views_used (server, org), ==, views);

  /* Validation names the field. */
  for (guint i = 0; i < 2001; i++)
    g_string_append_c (note, 'x');
  g_string_append (note, "\"}");
  long_note = g_string_free (note, FALSE);
  {
    g_autoptr(PortalTestReply) bad_stage = put_entry (server, org, vacancy, cv, "{\"stage\":\"promoted\"}");
    g_autoptr(PortalTestReply) no_stage = put_entry (server, org, vacancy, cv, "{\"note\":\"hoi\"}");
    g_autoptr(PortalTestReply) too_long = put_entry (server, org, vacancy, cv, long_note);
    g_autoptr(PortalTestReply) wrong_type = put_entry (server, org, vacancy, cv, "{\"stage\":\"hired\",\"note\":1}");
    g_autoptr(PortalTestReply) unknown_cv = put_entry (server, org, vacancy, 987654321, "{\"stage\":\"hired\"}");
    g_autoptr(PortalTestReply) bad_id = portal_test_request (server, "PUT", "/v1/vacancies/1/shortlist/x", org,
                                                             "{\"stage\":\"hired\"}", NULL);

    portal_test_assert_problem (bad_stage, 422, "validation");
    g_assert_true (portal_test_has_field_error (bad_stage, "stage"));
    portal_test_assert_problem (no_stage, 422, "validation");
    g_assert_true (portal_test_has_field_error (no_stage, "stage"));
    portal_test_assert_problem (too_long, 422, "validation");
    g_assert_true (portal_test_has_field_error (too_long, "note"));
    portal_test_assert_problem (wrong_type, 400, "bad-request");
    portal_test_assert_problem (unknown_cv, 404, "not-found");
    portal_test_assert_problem (bad_id, 400, "bad-request");
  }

  {
    g_autoptr(PortalTestReply) removed = portal_test_request (server, "DELETE", entry_path, org, NULL, NULL);
    g_autoptr(PortalTestReply) again = portal_test_request (server, "DELETE", entry_path, org, NULL, NULL);
    g_autoptr(PortalTestReply) list = portal_test_request (server, "GET", list_path, org, NULL, NULL);

    g_assert_cmpuint (removed->status, ==, 204);
    portal_test_assert_problem (again, 404, "not-found");
    g_assert_cmpint (json_object_get_int_member (portal_test_reply_object (list), "total"), ==, 0);
  }
  portal_test_server_stop (server);
}

static void
test_hidden_and_private (void)
{
  PortalTestServer *server = portal_test_server_start (demo_args);
  g_autofree char *org = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autofree char *js = portal_test_sign_in (server, JOBSEEKER, PORTAL_TEST_PASSWORD);
  g_autofree char *other = portal_test_register (server, "55667788", "nieuwsgierig@concurrent.test");
  g_autofree char *pending = portal_test_sign_in (server, "pending@werving.test", PORTAL_TEST_PASSWORD);
  gint64 vacancy = first_vacancy (server, org, "active");
  gint64 cv = own_cv_id (server, js);
  g_autofree char *list_path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/shortlist", vacancy);
  g_autoptr(PortalTestReply) added = put_entry (server, org, vacancy, cv,
                                                "{\"stage\":\"contacted\",\"note\":\"" SECRET "\"}");

  g_assert_cmpuint (added->status, ==, 201);
  portal_test_server_admin (server, "verify", "nieuwsgierig@concurrent.test");

  /* Open: still no name on the shortlist. Hidden: the entry stays, empty. */
  {
    g_autoptr(PortalTestReply) open = portal_test_request (server, "PATCH", "/v1/me/cv", js,
                                                           "{\"visibility\":\"open\"}", NULL);
    g_autoptr(PortalTestReply) list = portal_test_request (server, "GET", list_path, org, NULL, NULL);
    JsonObject *entry = json_array_get_object_element (json_object_get_array_member (portal_test_reply_object (list),
                                                                                     "items"), 0);
    JsonObject *summary = json_object_get_object_member (entry, "summary");

    g_assert_cmpuint (open->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (summary, "visibility"), ==, "open");
    g_assert_false (json_object_has_member (summary, "name"));
    g_assert_null (strstr (list->body, "Sanne"));
  }
  {
    g_autoptr(PortalTestReply) hide = portal_test_request (server, "PATCH", "/v1/me/cv", js,
                                                           "{\"visibility\":\"hidden\"}", NULL);
    g_autoptr(PortalTestReply) list = portal_test_request (server, "GET", list_path, org, NULL, NULL);
    JsonObject *entry = json_array_get_object_element (json_object_get_array_member (portal_test_reply_object (list),
                                                                                     "items"), 0);

    g_assert_cmpuint (hide->status, ==, 200);
    g_assert_false (json_object_get_boolean_member (entry, "available"));
    g_assert_true (json_object_get_null_member (entry, "summary"));
    g_assert_cmpstr (json_object_get_string_member (entry, "note"), ==, SECRET);
  }

  /* Nobody else reads it: another organisation 404, a jobseeker 403, an
   * unverified organisation 403 organisation-not-verified (R6). */
  {
    g_autoptr(PortalTestReply) intruder = portal_test_request (server, "GET", list_path, other, NULL, NULL);
    g_autoptr(PortalTestReply) intruder_put = put_entry (server, other, vacancy, cv, "{\"stage\":\"hired\"}");
    g_autoptr(PortalTestReply) jobseeker = portal_test_request (server, "GET", list_path, js, NULL, NULL);
    g_autoptr(PortalTestReply) own = portal_test_request (server, "GET", "/v1/me/cv", js, NULL, NULL);
    g_autoptr(PortalTestReply) threads = portal_test_request (server, "GET", "/v1/threads", js, NULL, NULL);
    gint64 pending_draft = first_vacancy (server, pending, "draft");
    g_autoptr(PortalTestReply) unverified = put_entry (server, pending, pending_draft, cv, "{\"stage\":\"hired\"}");

    portal_test_assert_problem (intruder, 404, "not-found");
    portal_test_assert_problem (intruder_put, 404, "not-found");
    portal_test_assert_problem (jobseeker, 403, "forbidden");
    g_assert_null (strstr (own->body, "salaris bespreken"));
    g_assert_null (strstr (threads->body, "salaris bespreken"));
    portal_test_assert_problem (unverified, 403, "organisation-not-verified");
  }
  portal_test_server_stop (server);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/shortlist/round-trip", test_round_trip);
  g_test_add_func ("/portal/shortlist/hidden-and-private", test_hidden_and_private);

  return g_test_run ();
}
