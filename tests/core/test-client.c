/* test-client.c: WervingClient against a real werving-portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "werving-test-portal.h"

#define CALL WERVING_TEST_CALL

static char *
future_date (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_sign_in (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingOrganisation) org = NULL;
  g_autoptr(GError) error = NULL;
  WervingSession *session;

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  g_assert_true (werving_client_get_signed_in (client));
  session = werving_client_get_session (client);
  g_assert_cmpstr (werving_session_get_account_kind (session), ==, "organisation");
  g_assert_cmpstr (werving_session_get_account_email (session), ==, WERVING_TEST_DEMO_ORG);

  org = CALL (client, &error, get_organisation);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_organisation_get_email (org), ==, WERVING_TEST_DEMO_ORG);
  g_assert_true (werving_organisation_is_verified (org));
}

static void
test_wrong_password (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (portal == NULL)
    return;

  client = werving_client_new (portal->url, &error);
  g_assert_no_error (error);
  session = CALL (client, &error, sign_in, WERVING_TEST_DEMO_ORG, "not-the-password");
  g_assert_null (session);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (werving_error_get_status (error), ==, 401);
  g_assert_false (werving_client_get_signed_in (client));
}

static void
set_true (GObject  *object,
          gboolean *flag)
{
  *flag = TRUE;
}

static void
test_sign_out (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) other = NULL;
  g_autoptr(WervingSession) resumed = NULL;
  g_autoptr(WervingOrganisation) org = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh_token = NULL;
  gboolean signed_out = FALSE;

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  refresh_token = g_strdup (werving_session_get_refresh_token (werving_client_get_session (client)));
  g_signal_connect (client, "signed-out", G_CALLBACK (set_true), &signed_out);

  g_assert_true (CALL (client, &error, sign_out));
  g_assert_no_error (error);
  g_assert_true (signed_out);
  g_assert_false (werving_client_get_signed_in (client));

  org = CALL (client, &error, get_organisation);
  g_assert_null (org);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  /* The portal revoked the refresh token too. */
  other = werving_client_new (portal->url, &error);
  resumed = CALL (other, &error, resume, refresh_token);
  g_assert_null (resumed);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_UNAUTHENTICATED);
}

typedef struct
{
  guint refreshes;
  guint session_changes;
} Counts;

static void
on_request (WervingClient *client,
            const char    *method,
            const char    *path,
            Counts        *counts)
{
  if (g_str_equal (path, "/v1/sessions/refresh"))
    counts->refreshes++;
}

static void
on_session (WervingClient *client,
            GParamSpec    *pspec,
            Counts        *counts)
{
  counts->session_changes++;
}

static void
test_refresh_once (void)
{
  const char *args[] = { "--access-ttl", "1", NULL };
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (args);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingCvQuery) query = werving_cv_query_new ();
  GAsyncResult *results[5] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *old_refresh = NULL;
  Counts counts = { 0, };

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  old_refresh = g_strdup (werving_session_get_refresh_token (werving_client_get_session (client)));
  g_signal_connect (client, "request", G_CALLBACK (on_request), &counts);
  g_signal_connect (client, "notify::session", G_CALLBACK (on_session), &counts);

  werving_test_sleep (2100);

  /* Five calls at once, all with the expired token. */
  werving_client_get_organisation_async (client, NULL, werving_test_store_result, &results[0]);
  werving_client_list_vacancies_async (client, NULL, NULL, 0, NULL, werving_test_store_result, &results[1]);
  werving_client_get_quota_async (client, NULL, werving_test_store_result, &results[2]);
  werving_client_list_threads_async (client, NULL, 0, NULL, werving_test_store_result, &results[3]);
  werving_client_search_cvs_async (client, query, NULL, 5, NULL, werving_test_store_result, &results[4]);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    werving_test_wait (&results[i]);

  {
    g_autoptr(WervingOrganisation) org = werving_client_get_organisation_finish (client, results[0], &error);
    g_assert_no_error (error);
    g_assert_nonnull (org);
  }
  {
    g_autoptr(WervingPage) page = werving_client_list_vacancies_finish (client, results[1], &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(WervingQuota) quota = werving_client_get_quota_finish (client, results[2], &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(WervingPage) page = werving_client_list_threads_finish (client, results[3], &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(WervingPage) page = werving_client_search_cvs_finish (client, results[4], &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    g_object_unref (results[i]);

  g_assert_cmpuint (counts.refreshes, ==, 1);
  g_assert_cmpuint (counts.session_changes, ==, 1);
  g_assert_cmpstr (werving_session_get_refresh_token (werving_client_get_session (client)), !=, old_refresh);
}

static void
test_resources (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingClient) jobseeker = NULL;
  g_autoptr(WervingVacancy) draft = werving_vacancy_new ();
  g_autoptr(WervingVacancy) created = NULL;
  g_autoptr(WervingVacancy) fetched = NULL;
  g_autoptr(WervingVacancy) updated = NULL;
  g_autoptr(WervingVacancy) published = NULL;
  g_autoptr(WervingVacancy) closed = NULL;
  g_autoptr(WervingVacancy) renewed = NULL;
  g_autoptr(WervingVacancy) gone = NULL;
  g_autoptr(WervingPage) vacancies = NULL;
  g_autoptr(WervingPage) cvs = NULL;
  g_autoptr(WervingPage) matches = NULL;
  g_autoptr(WervingPage) threads = NULL;
  g_autoptr(WervingPage) messages = NULL;
  g_autoptr(WervingCvSummary) first = NULL;
  g_autoptr(WervingCv) cv = NULL;
  g_autoptr(WervingCv) my_cv = NULL;
  g_autoptr(WervingCv) my_cv_after = NULL;
  g_autoptr(WervingThread) thread = NULL;
  g_autoptr(WervingThread) thread_again = NULL;
  g_autoptr(WervingMessage) message = NULL;
  g_autoptr(WervingQuota) quota = NULL;
  g_autoptr(WervingOrganisation) org = NULL;
  g_autoptr(WervingOrganisation) org_after = NULL;
  g_autoptr(WervingCvQuery) query = werving_cv_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *closing = future_date (30);
  g_autofree char *later = future_date (60);
  gint64 id;

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);

  /* Organisation */
  org = CALL (client, &error, get_organisation);
  g_assert_no_error (error);
  werving_organisation_set_phone (org, "030-7654321");
  org_after = CALL (client, &error, update_organisation, org);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_organisation_get_phone (org_after), ==, "030-7654321");

  /* Vacancy life cycle */
  werving_vacancy_set_title (draft, "Bakker in de nachtploeg");
  werving_vacancy_set_description (draft, "Brood bakken voor heel Utrecht.");
  werving_vacancy_set_place (draft, "Utrecht");
  werving_vacancy_set_contract_type (draft, "permanent");
  werving_vacancy_set_hours_min (draft, 24);
  werving_vacancy_set_hours_max (draft, 38);
  werving_vacancy_set_closing_date (draft, closing);
  created = CALL (client, &error, create_vacancy, draft, NULL);
  g_assert_no_error (error);
  id = werving_vacancy_get_id (created);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (werving_vacancy_get_status (created), ==, "draft");

  fetched = CALL (client, &error, get_vacancy, id);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_vacancy_get_title (fetched), ==, "Bakker in de nachtploeg");

  werving_vacancy_set_title (fetched, "Bakker (nacht)");
  updated = CALL (client, &error, update_vacancy, fetched);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_vacancy_get_title (updated), ==, "Bakker (nacht)");

  vacancies = CALL (client, &error, list_vacancies, "draft", NULL, 100);
  g_assert_no_error (error);
  g_assert_cmpint (werving_page_get_count (vacancies, "draft"), >=, 1);
  {
    gboolean found = FALSE;
    GListModel *items = werving_page_get_items (vacancies);

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(WervingVacancy) v = g_list_model_get_item (items, i);
        found = found || werving_vacancy_get_id (v) == id;
      }
    g_assert_true (found);
  }

  published = CALL (client, &error, publish_vacancy, id);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_vacancy_get_status (published), ==, "active");

  /* CVs */
  cvs = CALL (client, &error, search_cvs, query, NULL, 10);
  g_assert_no_error (error);
  g_assert_cmpuint (werving_page_get_n_items (cvs), ==, 10);
  g_assert_nonnull (werving_page_get_next_cursor (cvs));
  first = g_list_model_get_item (werving_page_get_items (cvs), 0);

  cv = CALL (client, &error, get_cv, werving_cv_summary_get_id (first));
  g_assert_no_error (error);
  g_assert_cmpint (werving_cv_summary_get_id (WERVING_CV_SUMMARY (cv)), ==, werving_cv_summary_get_id (first));
  if (werving_cv_summary_is_anonymous (WERVING_CV_SUMMARY (cv)))
    g_assert_false (werving_cv_has_personalia (cv));
  /* The quota came with the answer's headers. */
  g_assert_cmpint (werving_quota_get_cv_views_limit (werving_client_get_quota (client)), ==, 100);
  g_assert_cmpint (werving_quota_get_cv_views_remaining (werving_client_get_quota (client)), <, 100);

  quota = CALL (client, &error, get_quota);
  g_assert_no_error (error);
  g_assert_cmpint (werving_quota_get_cv_views_used (quota), >=, 1);
  g_assert_cmpint (werving_quota_get_new_contacts_limit (quota), ==, 25);

  matches = CALL (client, &error, list_matches, id, NULL, 5);
  g_assert_no_error (error);

  /* Threads */
  thread = CALL (client, &error, create_thread, id, werving_cv_summary_get_id (first),
                 "Goedemorgen, heeft u interesse in deze baan?", NULL);
  g_assert_no_error (error);
  g_assert_cmpint (werving_thread_get_vacancy_id (thread), ==, id);

  message = CALL (client, &error, send_message, werving_thread_get_id (thread), "Een tweede bericht.", NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_message_get_sender (message), ==, "organisation");

  messages = CALL (client, &error, list_messages, werving_thread_get_id (thread), NULL, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (werving_page_get_n_items (messages), ==, 2);

  /* list_all follows the cursor past the API's largest page (100). */
  for (guint i = 0; i < 103; i++)
    {
      g_autofree char *body = g_strdup_printf ("Bericht %u", i);
      g_autoptr(WervingMessage) more = CALL (client, &error, send_message, werving_thread_get_id (thread), body, NULL);

      g_assert_no_error (error);
    }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) all = NULL;

    werving_client_list_all_messages_async (client, werving_thread_get_id (thread), NULL,
                                            werving_test_store_result, &result);
    werving_test_wait (&result);
    all = werving_client_list_all_finish (client, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 105);
    g_assert_cmpstr (werving_message_get_body (g_ptr_array_index (all, 0)), ==,
                     "Goedemorgen, heeft u interesse in deze baan?");
    g_assert_cmpstr (werving_message_get_body (g_ptr_array_index (all, 104)), ==, "Bericht 102");
  }

  thread_again = CALL (client, &error, get_thread, werving_thread_get_id (thread));
  g_assert_no_error (error);
  g_assert_true (CALL (client, &error, mark_thread_read, werving_thread_get_id (thread)));
  g_assert_no_error (error);

  threads = CALL (client, &error, list_threads, NULL, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (werving_page_get_n_items (threads), >=, 1);

  closed = CALL (client, &error, close_vacancy, id);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_vacancy_get_status (closed), ==, "closed");
  renewed = CALL (client, &error, renew_vacancy, id, later);
  g_assert_no_error (error);
  g_assert_cmpstr (werving_vacancy_get_status (renewed), ==, "active");
  g_assert_cmpstr (werving_vacancy_get_closing_date (renewed), ==, later);

  /* A published vacancy cannot be deleted; a draft can. */
  g_assert_false (CALL (client, &error, delete_vacancy, id));
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&created);
  created = CALL (client, &error, create_vacancy, draft, NULL);
  g_assert_no_error (error);
  g_assert_true (CALL (client, &error, delete_vacancy, werving_vacancy_get_id (created)));
  g_assert_no_error (error);
  gone = CALL (client, &error, get_vacancy, werving_vacancy_get_id (created));
  g_assert_null (gone);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Jobseeker side */
  jobseeker = werving_test_client_new (portal, WERVING_TEST_JOBSEEKER);
  my_cv = CALL (jobseeker, &error, get_my_cv);
  g_assert_no_error (error);
  g_assert_nonnull (werving_cv_get_status (my_cv));
  my_cv_after = CALL (jobseeker, &error, set_my_cv_visibility, "anonymous");
  g_assert_no_error (error);
  g_assert_cmpstr (werving_cv_get_status (my_cv_after), ==, "anonymous");
}

static void
test_register (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingOrganisation) org = werving_organisation_new ();
  g_autoptr(WervingOrganisation) registered = NULL;
  g_autoptr(WervingOrganisation) again = NULL;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(WervingVacancy) draft = werving_vacancy_new ();
  g_autoptr(WervingVacancy) created = NULL;
  g_autoptr(WervingVacancy) published = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *closing = future_date (30);
  g_autofree char *kvk = NULL;

  if (portal == NULL)
    return;

  client = werving_client_new (portal->url, &error);
  kvk = g_strdup_printf ("%08u", g_random_int_range (10000000, 99999999));
  g_object_set (org, "kvk", kvk, "name", "Uitzendbureau Vlot", "kind", "intermediary",
                "contact-name", "Piet Pieters", "email", "piet@vlot.test", "phone", "020-1234567", NULL);
  registered = CALL (client, &error, register_organisation, org, "een-lang-wachtwoord");
  g_assert_no_error (error);
  g_assert_cmpstr (werving_organisation_get_verification (registered), ==, "pending");

  again = CALL (client, &error, register_organisation, org, "een-lang-wachtwoord");
  g_assert_null (again);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_CONFLICT);
  g_clear_error (&error);

  session = CALL (client, &error, sign_in, "piet@vlot.test", "een-lang-wachtwoord");
  g_assert_no_error (error);

  werving_vacancy_set_title (draft, "Heftruckchauffeur");
  werving_vacancy_set_description (draft, "Laden en lossen.");
  werving_vacancy_set_place (draft, "Tilburg");
  werving_vacancy_set_contract_type (draft, "temporary");
  werving_vacancy_set_closing_date (draft, closing);
  created = CALL (client, &error, create_vacancy, draft, NULL);
  g_assert_no_error (error);

  /* R6: not verified yet. */
  published = CALL (client, &error, publish_vacancy, werving_vacancy_get_id (created));
  g_assert_null (published);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_ORGANISATION_NOT_VERIFIED);
}

static void
test_field_errors (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingVacancy) draft = werving_vacancy_new ();
  g_autoptr(WervingVacancy) created = NULL;
  g_autoptr(WervingOrganisation) org = werving_organisation_new ();
  g_autoptr(WervingOrganisation) registered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  werving_vacancy_set_title (draft, "ab");
  werving_vacancy_set_postcode (draft, "12345");
  werving_vacancy_set_hours_min (draft, 50);
  created = CALL (client, &error, create_vacancy, draft, NULL);
  g_assert_null (created);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_VALIDATION);
  g_assert_nonnull (werving_error_find_field_error (error, "title"));
  g_assert_cmpstr (werving_error_find_field_error (error, "postcode")->code, ==, "pattern");
  g_assert_nonnull (werving_error_find_field_error (error, "hours_min"));
  message = werving_error_to_user_message (error);
  g_assert_cmpstr (message, ==, "Some fields are not filled in correctly.");
  g_clear_error (&error);

  werving_organisation_set_kvk (org, "123");
  registered = CALL (client, &error, register_organisation, org, "kort");
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_VALIDATION);
  g_assert_cmpstr (werving_error_find_field_error (error, "kvk")->code, ==, "pattern");
  g_assert_nonnull (werving_error_find_field_error (error, "name"));
}

static void
test_quota_exceeded (void)
{
  const char *args[] = { "--cv-view-quota", "2", NULL };
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (args);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingCvQuery) query = werving_cv_query_new ();
  g_autoptr(WervingPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GListModel *items;

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  page = CALL (client, &error, search_cvs, query, NULL, 3);
  g_assert_no_error (error);
  items = werving_page_get_items (page);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WervingCvSummary) summary = g_list_model_get_item (items, i);
      g_autoptr(WervingCv) cv = CALL (client, &error, get_cv, werving_cv_summary_get_id (summary));

      if (i < 2)
        {
          g_assert_no_error (error);
          g_assert_cmpint (werving_quota_get_cv_views_remaining (werving_client_get_quota (client)), ==, 1 - i);
          continue;
        }
      g_assert_null (cv);
      g_assert_error (error, WERVING_ERROR, WERVING_ERROR_QUOTA_EXCEEDED);
      g_assert_cmpstr (werving_error_get_quota (error), ==, "cv-views");
      g_assert_cmpint (werving_error_get_retry_after (error), >, 0);
      g_assert_cmpint (werving_error_get_retry_after (error), <=, 24 * 3600);
      g_assert_cmpuint (werving_error_get_status (error), ==, 429);
    }

  message = werving_error_to_user_message (error);
  g_assert_true (g_str_has_prefix (message, "You have viewed the maximum number of CVs for today"));
}

static void
test_network_error (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingOrganisation) org = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);

  g_cancellable_cancel (cancellable);
  werving_client_get_organisation_async (client, cancellable, werving_test_store_result, &result);
  werving_test_wait (&result);
  org = werving_client_get_organisation_finish (client, result, &error);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_CANCELLED);
  g_clear_error (&error);

  werving_test_portal_kill (portal);
  org = CALL (client, &error, get_organisation);
  g_assert_null (org);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_NETWORK);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Reachable turns FALSE on a network failure, not on a portal's refusal,
 * and TRUE again with the next answer, from a portal restarted on its port. */
static void
test_reachable (void)
{
  g_autoptr(WervingTestPortal) portal = werving_test_portal_start (NULL);
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingOrganisation) org = NULL;
  g_autoptr(WervingVacancy) missing = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  if (portal == NULL)
    return;

  client = werving_test_client_new (portal, WERVING_TEST_DEMO_ORG);
  g_assert_true (werving_client_get_reachable (client));
  g_signal_connect (client, "notify::reachable", G_CALLBACK (count_notify), &notified);

  /* A refusal is an answer: still reachable, nothing notified. */
  missing = CALL (client, &error, get_vacancy, 999999);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (werving_client_get_reachable (client));
  g_assert_cmpuint (notified, ==, 0);

  werving_test_portal_kill (portal);
  org = CALL (client, &error, get_organisation);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_false (werving_client_get_reachable (client));
  g_assert_cmpuint (notified, ==, 1);

  /* A second failure changes nothing. */
  org = CALL (client, &error, get_organisation);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpuint (notified, ==, 1);

  werving_test_portal_restart (portal);
  org = CALL (client, &error, get_organisation);
  g_assert_no_error (error);
  g_assert_nonnull (org);
  g_assert_true (werving_client_get_reachable (client));
  g_assert_cmpuint (notified, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/client/sign-in", test_sign_in);
  g_test_add_func ("/core/client/sign-in/wrong-password", test_wrong_password);
  g_test_add_func ("/core/client/sign-out", test_sign_out);
  g_test_add_func ("/core/client/refresh/once-for-concurrent-calls", test_refresh_once);
  g_test_add_func ("/core/client/resources", test_resources);
  g_test_add_func ("/core/client/register", test_register);
  g_test_add_func ("/core/client/field-errors", test_field_errors);
  g_test_add_func ("/core/client/quota-exceeded", test_quota_exceeded);
  g_test_add_func ("/core/client/network-error", test_network_error);
  g_test_add_func ("/core/client/reachable", test_reachable);

  return g_test_run ();
}
