/* test-portal-http.c: werving-portal over HTTP, as a client sees it
 *
 * Every test starts its own server on a fresh database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "portal-test-client.h"

#define DEMO "demo@werving.test"
#define PENDING "pending@werving.test"
#define JOBSEEKER "jobseeker@werving.test"

static const char * const demo_args[] = { "--demo", "--cvs", "40", NULL };

static char *
date_in_days (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static char *
vacancy_json (const char *title)
{
  g_autofree char *closing = date_in_days (30);

  return g_strdup_printf ("{\"title\":\"%s\",\"description\":\"Een mooie baan.\","
                          "\"occupation\":{\"code\":\"2512\",\"label\":\"Softwareontwikkelaar\"},"
                          "\"place\":\"Utrecht\",\"postcode\":\"3511 AB\",\"hours_min\":24,\"hours_max\":36,"
                          "\"contract_type\":\"permanent\",\"education_level\":\"hbo\","
                          "\"salary\":{\"min\":3000,\"max\":4200,\"period\":\"month\"},"
                          "\"skills\":[\"C\",\"SQL\"],\"closing_date\":\"%s\"}",
                          title, closing);
}

static gint64
create_vacancy (PortalTestServer *server,
                const char       *token,
                const char       *title)
{
  g_autofree char *body = vacancy_json (title);
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", "/v1/vacancies", token, body, NULL);

  g_assert_cmpuint (reply->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (reply), "status"), ==, "draft");
  return json_object_get_int_member (portal_test_reply_object (reply), "id");
}

static guint
post_status (PortalTestServer *server,
             const char       *token,
             const char       *path,
             const char       *body)
{
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", path, token, body, NULL);

  return reply->status;
}

static gint64
publish_new_vacancy (PortalTestServer *server,
                     const char       *token,
                     const char       *title)
{
  gint64 id = create_vacancy (server, token, title);
  g_autofree char *path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/publish", id);

  g_assert_cmpuint (post_status (server, token, path, NULL), ==, 200);
  return id;
}

/* The ids of the first @n CVs a search finds. */
static GArray *
find_cvs (PortalTestServer *server,
          const char       *token,
          guint             n)
{
  g_autofree char *path = g_strdup_printf ("/v1/cvs?sort=recent&limit=%u", n);
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "GET", path, token, NULL, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *items;

  g_assert_cmpuint (reply->status, ==, 200);
  items = json_object_get_array_member (portal_test_reply_object (reply), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

      g_array_append_val (ids, id);
    }
  g_assert_cmpuint (ids->len, ==, n);
  return ids;
}

static gint64
start_thread (PortalTestServer *server,
              const char       *token,
              gint64            vacancy_id,
              gint64            cv_id,
              guint             expected_status)
{
  g_autofree char *body = g_strdup_printf ("{\"vacancy_id\":%" G_GINT64_FORMAT ",\"cv_id\":%" G_GINT64_FORMAT
                                           ",\"body\":\"Goedendag, interesse in deze vacature?\"}",
                                           vacancy_id, cv_id);
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", "/v1/threads", token, body, NULL);

  if (reply->status != expected_status)
    g_error ("start thread: expected %u, got %u: %s", expected_status, reply->status, reply->body);
  return reply->status == 201 ? json_object_get_int_member (portal_test_reply_object (reply), "id") : 0;
}

static void
test_health (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "GET", "/v1/health", NULL, NULL, NULL);
  g_autoptr(PortalTestReply) missing = portal_test_request (server, "GET", "/v1/nothing-here", NULL, NULL, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (reply), "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (reply), "version"), ==, "0.1.0");
  portal_test_assert_problem (missing, 404, "not-found");
  portal_test_server_stop (server);
}

static void
test_sessions (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autoptr(PortalTestReply) registered = NULL;
  g_autoptr(PortalTestReply) signed_in = NULL;
  g_autoptr(PortalTestReply) me = NULL;
  g_autoptr(PortalTestReply) refreshed = NULL;
  g_autoptr(PortalTestReply) reused = NULL;
  g_autoptr(PortalTestReply) wrong = NULL;
  g_autoptr(PortalTestReply) signed_out = NULL;
  g_autoptr(PortalTestReply) after = NULL;
  g_autoptr(PortalTestReply) refresh_after = NULL;
  g_autoptr(PortalTestReply) no_token = NULL;
  g_autofree char *refresh_body = NULL;
  g_autofree char *reuse_body = NULL;
  g_autofree char *final_refresh_body = NULL;
  JsonObject *session, *account, *rotated;
  const char *access, *new_access;

  registered = portal_test_request (server, "POST", "/v1/organisations", NULL,
                                    "{\"kvk\":\"01234567\",\"name\":\"Bakkerij Jansen\",\"kind\":\"employer\","
                                    "\"contact_name\":\"Piet Jansen\",\"email\":\"piet@bakkerij.test\","
                                    "\"phone\":\"030-1234567\",\"password\":\"lang-genoeg-1\"}", NULL);
  g_assert_cmpuint (registered->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (registered), "verification"), ==, "pending");
  g_assert_false (json_object_has_member (portal_test_reply_object (registered), "password"));
  g_assert_false (json_object_has_member (portal_test_reply_object (registered), "password_hash"));

  wrong = portal_test_request (server, "POST", "/v1/sessions", NULL,
                               "{\"email\":\"piet@bakkerij.test\",\"password\":\"verkeerd-wachtwoord\"}", NULL);
  portal_test_assert_problem (wrong, 401, "unauthenticated");

  signed_in = portal_test_request (server, "POST", "/v1/sessions", NULL,
                                   "{\"email\":\"PIET@bakkerij.test\",\"password\":\"lang-genoeg-1\"}", NULL);
  g_assert_cmpuint (signed_in->status, ==, 201);
  session = portal_test_reply_object (signed_in);
  g_assert_cmpstr (json_object_get_string_member (session, "token_type"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (session, "expires_in"), ==, 900);
  account = json_object_get_object_member (session, "account");
  g_assert_cmpstr (json_object_get_string_member (account, "kind"), ==, "organisation");
  g_assert_cmpstr (json_object_get_string_member (account, "email"), ==, "piet@bakkerij.test");
  access = json_object_get_string_member (session, "access_token");

  me = portal_test_request (server, "GET", "/v1/organisations/me", access, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (me), "kvk"), ==, "01234567");

  no_token = portal_test_request (server, "GET", "/v1/organisations/me", "not-a-token", NULL, NULL);
  portal_test_assert_problem (no_token, 401, "unauthenticated");

  /* Refresh rotates: the old refresh token stops working. */
  refresh_body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", json_object_get_string_member (session, "refresh_token"));
  refreshed = portal_test_request (server, "POST", "/v1/sessions/refresh", NULL, refresh_body, NULL);
  g_assert_cmpuint (refreshed->status, ==, 201);
  rotated = portal_test_reply_object (refreshed);
  g_assert_cmpstr (json_object_get_string_member (rotated, "refresh_token"), !=,
                   json_object_get_string_member (session, "refresh_token"));
  reused = portal_test_request (server, "POST", "/v1/sessions/refresh", NULL, refresh_body, NULL);
  portal_test_assert_problem (reused, 401, "unauthenticated");

  /* Signing out revokes the access token and its refresh token. */
  new_access = json_object_get_string_member (rotated, "access_token");
  signed_out = portal_test_request (server, "DELETE", "/v1/sessions/current", new_access, NULL, NULL);
  g_assert_cmpuint (signed_out->status, ==, 204);
  after = portal_test_request (server, "GET", "/v1/organisations/me", new_access, NULL, NULL);
  portal_test_assert_problem (after, 401, "unauthenticated");
  final_refresh_body = g_strdup_printf ("{\"refresh_token\":\"%s\"}",
                                        json_object_get_string_member (rotated, "refresh_token"));
  refresh_after = portal_test_request (server, "POST", "/v1/sessions/refresh", NULL, final_refresh_body, NULL);
  portal_test_assert_problem (refresh_after, 401, "unauthenticated");

  portal_test_server_stop (server);
}

static void
test_access_ttl (void)
{
  /* Three seconds, not one: under valgrind a request takes long enough that
   * a one-second token (counted in whole seconds) could expire before use. */
  const char * const args[] = { "--access-ttl", "3", NULL };
  PortalTestServer *server = portal_test_server_start (args);
  g_autofree char *token = portal_test_register (server, "11223344", "kort@leven.test");
  g_autoptr(PortalTestReply) fresh = portal_test_request (server, "GET", "/v1/organisations/me", token, NULL, NULL);
  g_autoptr(PortalTestReply) stale = NULL;

  g_assert_cmpuint (fresh->status, ==, 200);
  g_usleep (4100 * 1000);
  stale = portal_test_request (server, "GET", "/v1/organisations/me", token, NULL, NULL);
  portal_test_assert_problem (stale, 401, "unauthenticated");
  portal_test_server_stop (server);
}

static void
test_throttling (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autofree char *token = portal_test_register (server, "22334455", "doelwit@bedrijf.test");
  g_autoptr(PortalTestReply) blocked = NULL;
  g_autoptr(PortalTestReply) other = NULL;
  JsonObject *problem;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", "/v1/sessions", NULL,
                                                              "{\"email\":\"doelwit@bedrijf.test\",\"password\":\"raden-raden\"}",
                                                              NULL);
      portal_test_assert_problem (reply, 401, "unauthenticated");
    }
  /* Even the right password is refused now. */
  blocked = portal_test_request (server, "POST", "/v1/sessions", NULL,
                                 "{\"email\":\"doelwit@bedrijf.test\",\"password\":\"" PORTAL_TEST_PASSWORD "\"}", NULL);
  portal_test_assert_problem (blocked, 429, "rate-limited");
  g_assert_nonnull (soup_message_headers_get_one (blocked->headers, "Retry-After"));
  problem = portal_test_reply_object (blocked);
  g_assert_cmpint (json_object_get_int_member (problem, "retry_after"), >, 0);
  g_assert_cmpint (json_object_get_int_member (problem, "retry_after"), <=, 900);
  g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (blocked->headers, "Retry-After"), NULL, 10), ==,
                   json_object_get_int_member (problem, "retry_after"));

  /* Another e-mail address is not affected. */
  g_free (portal_test_register (server, "22334466", "ander@bedrijf.test"));
  other = portal_test_request (server, "GET", "/v1/organisations/me", token, NULL, NULL);
  g_assert_cmpuint (other->status, ==, 200);
  portal_test_server_stop (server);
}

static void
test_organisation_validation (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autoptr(PortalTestReply) invalid = NULL;
  g_autoptr(PortalTestReply) duplicate = NULL;
  g_autoptr(PortalTestReply) patched = NULL;
  g_autoptr(PortalTestReply) bad_patch = NULL;
  g_autofree char *token = NULL;

  invalid = portal_test_request (server, "POST", "/v1/organisations", NULL,
                                 "{\"kvk\":\"1234567\",\"name\":\"X\",\"kind\":\"bureau\",\"contact_name\":\"Y\","
                                 "\"email\":\"geen-adres\",\"phone\":\"bel me\",\"password\":\"kort\"}", NULL);
  portal_test_assert_problem (invalid, 422, "validation");
  g_assert_true (portal_test_has_field_error (invalid, "kvk"));
  g_assert_true (portal_test_has_field_error (invalid, "kind"));
  g_assert_true (portal_test_has_field_error (invalid, "email"));
  g_assert_true (portal_test_has_field_error (invalid, "phone"));
  g_assert_true (portal_test_has_field_error (invalid, "password"));
  g_assert_false (portal_test_has_field_error (invalid, "name"));

  token = portal_test_register (server, "33445566", "eerste@bedrijf.test");
  duplicate = portal_test_request (server, "POST", "/v1/organisations", NULL,
                                   "{\"kvk\":\"33445567\",\"name\":\"Tweede\",\"kind\":\"employer\","
                                   "\"contact_name\":\"Y\",\"email\":\"eerste@bedrijf.test\","
                                   "\"phone\":\"0201234567\",\"password\":\"lang-genoeg-1\"}", NULL);
  portal_test_assert_problem (duplicate, 409, "conflict");

  patched = portal_test_request (server, "PATCH", "/v1/organisations/me", token,
                                 "{\"name\":\"Nieuwe naam B.V.\"}", NULL);
  g_assert_cmpuint (patched->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (patched), "name"), ==, "Nieuwe naam B.V.");
  g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (patched), "phone"), ==, "+31 20 555 1234");
  bad_patch = portal_test_request (server, "PATCH", "/v1/organisations/me", token, "{\"phone\":\"abc\"}", NULL);
  portal_test_assert_problem (bad_patch, 422, "validation");
  g_assert_true (portal_test_has_field_error (bad_patch, "phone"));
  portal_test_server_stop (server);
}

static void
test_vacancy_lifecycle (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autofree char *token = portal_test_register (server, "44556677", "hr@werkgever.test");
  g_autofree char *past = date_in_days (-2);
  g_autofree char *future = date_in_days (40);
  g_autofree char *path = NULL;
  g_autofree char *publish = NULL;
  g_autofree char *close = NULL;
  g_autofree char *renew = NULL;
  g_autofree char *renew_body = NULL;
  g_autofree char *past_body = NULL;
  gint64 id, second;

  {
    g_autoptr(PortalTestReply) invalid =
      portal_test_request (server, "POST", "/v1/vacancies", token,
                           "{\"title\":\"Ab\",\"hours_min\":30,\"hours_max\":20,\"postcode\":\"0123 ab\","
                           "\"contract_type\":\"forever\",\"salary\":{\"min\":5000,\"max\":4000,\"period\":\"month\"},"
                           "\"closing_date\":\"2026-02-30\"}", NULL);
    portal_test_assert_problem (invalid, 422, "validation");
    g_assert_true (portal_test_has_field_error (invalid, "title"));
    g_assert_true (portal_test_has_field_error (invalid, "hours_max"));
    g_assert_true (portal_test_has_field_error (invalid, "postcode"));
    g_assert_true (portal_test_has_field_error (invalid, "contract_type"));
    g_assert_true (portal_test_has_field_error (invalid, "salary.max"));
    g_assert_true (portal_test_has_field_error (invalid, "closing_date"));
  }
  {
    g_autoptr(PortalTestReply) untitled = portal_test_request (server, "POST", "/v1/vacancies", token, "{}", NULL);

    portal_test_assert_problem (untitled, 422, "validation");
    g_assert_true (portal_test_has_field_error (untitled, "title"));
  }

  /* A bare draft is fine; publishing it asks for the missing fields. */
  {
    g_autoptr(PortalTestReply) draft = portal_test_request (server, "POST", "/v1/vacancies", token,
                                                            "{\"title\":\"Kok\"}", NULL);
    g_autoptr(PortalTestReply) incomplete = NULL;

    g_assert_cmpuint (draft->status, ==, 201);
    id = json_object_get_int_member (portal_test_reply_object (draft), "id");
    g_assert_true (json_object_get_null_member (portal_test_reply_object (draft), "closing_date"));
    path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT, id);
    publish = g_strdup_printf ("%s/publish", path);
    close = g_strdup_printf ("%s/close", path);
    renew = g_strdup_printf ("%s/renew", path);

    /* R6 first: this organisation is not verified yet. */
    incomplete = portal_test_request (server, "POST", publish, token, NULL, NULL);
    portal_test_assert_problem (incomplete, 403, "organisation-not-verified");
  }
  portal_test_server_admin (server, "verify", "hr@werkgever.test");
  {
    g_autoptr(PortalTestReply) incomplete = portal_test_request (server, "POST", publish, token, NULL, NULL);

    portal_test_assert_problem (incomplete, 422, "validation");
    g_assert_true (portal_test_has_field_error (incomplete, "closing_date"));
    g_assert_true (portal_test_has_field_error (incomplete, "place"));
    g_assert_false (portal_test_has_field_error (incomplete, "title"));
  }
  past_body = g_strdup_printf ("{\"description\":\"Koken\",\"place\":\"Breda\",\"contract_type\":\"temporary\","
                               "\"closing_date\":\"%s\"}", past);
  {
    g_autoptr(PortalTestReply) patched = portal_test_request (server, "PATCH", path, token, past_body, NULL);
    g_autoptr(PortalTestReply) late = portal_test_request (server, "POST", publish, token, NULL, NULL);

    g_assert_cmpuint (patched->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (patched), "place"), ==, "Breda");
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (patched), "title"), ==, "Kok");
    portal_test_assert_problem (late, 422, "validation");
    g_assert_true (portal_test_has_field_error (late, "closing_date"));
  }
  renew_body = g_strdup_printf ("{\"closing_date\":\"%s\"}", future);
  {
    g_autoptr(PortalTestReply) patched = portal_test_request (server, "PATCH", path, token, renew_body, NULL);
    g_autoptr(PortalTestReply) published = portal_test_request (server, "POST", publish, token, NULL, NULL);
    g_autoptr(PortalTestReply) again = portal_test_request (server, "POST", publish, token, NULL, NULL);
    g_autoptr(PortalTestReply) delete_active = portal_test_request (server, "DELETE", path, token, NULL, NULL);

    g_assert_cmpuint (patched->status, ==, 200);
    g_assert_cmpuint (published->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (published), "status"), ==, "active");
    portal_test_assert_problem (again, 409, "conflict");
    portal_test_assert_problem (delete_active, 409, "conflict");
  }
  {
    g_autoptr(PortalTestReply) closed = portal_test_request (server, "POST", close, token, NULL, NULL);
    g_autoptr(PortalTestReply) renewed = portal_test_request (server, "POST", renew, token, renew_body, NULL);
    g_autoptr(PortalTestReply) renew_active = portal_test_request (server, "POST", renew, token, renew_body, NULL);
    g_autoptr(PortalTestReply) renew_past = NULL;

    g_assert_cmpuint (closed->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (closed), "status"), ==, "closed");
    g_assert_cmpuint (renewed->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (renewed), "status"), ==, "active");
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (renewed), "closing_date"), ==, future);
    portal_test_assert_problem (renew_active, 409, "conflict");
    renew_past = portal_test_request (server, "POST", renew, token, past_body, NULL);
    portal_test_assert_problem (renew_past, 422, "validation");
  }

  /* Lists filter by status and count every status. */
  second = create_vacancy (server, token, "Afwasser");
  {
    g_autoptr(PortalTestReply) all = portal_test_request (server, "GET", "/v1/vacancies?limit=1", token, NULL, NULL);
    g_autoptr(PortalTestReply) drafts = portal_test_request (server, "GET", "/v1/vacancies?status=draft", token, NULL, NULL);
    g_autoptr(PortalTestReply) bad = portal_test_request (server, "GET", "/v1/vacancies?status=weg", token, NULL, NULL);
    g_autoptr(PortalTestReply) bad_limit = portal_test_request (server, "GET", "/v1/vacancies?limit=101", token, NULL, NULL);
    g_autoptr(PortalTestReply) page2 = NULL;
    g_autofree char *next = NULL;
    JsonObject *list = portal_test_reply_object (all);
    JsonObject *counts = json_object_get_object_member (list, "counts");
    JsonArray *items;

    g_assert_cmpuint (all->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (counts, "draft"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (counts, "active"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (counts, "closed"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (counts, "expired"), ==, 0);
    items = json_object_get_array_member (list, "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, second);
    next = g_strdup_printf ("/v1/vacancies?limit=1&cursor=%s", json_object_get_string_member (list, "next_cursor"));
    page2 = portal_test_request (server, "GET", next, token, NULL, NULL);
    items = json_object_get_array_member (portal_test_reply_object (page2), "items");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, id);
    g_assert_true (json_object_get_null_member (portal_test_reply_object (page2), "next_cursor"));

    items = json_object_get_array_member (portal_test_reply_object (drafts), "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    portal_test_assert_problem (bad, 422, "validation");
    g_assert_true (portal_test_has_field_error (bad, "status"));
    portal_test_assert_problem (bad_limit, 400, "bad-request");
  }
  {
    g_autofree char *second_path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT, second);
    g_autoptr(PortalTestReply) deleted = portal_test_request (server, "DELETE", second_path, token, NULL, NULL);
    g_autoptr(PortalTestReply) gone = portal_test_request (server, "GET", second_path, token, NULL, NULL);

    g_assert_cmpuint (deleted->status, ==, 204);
    portal_test_assert_problem (gone, 404, "not-found");
  }
  portal_test_server_stop (server);
}

static void
test_demo_expired (void)
{
  PortalTestServer *server = portal_test_server_start (demo_args);
  g_autofree char *token = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autoptr(PortalTestReply) list = portal_test_request (server, "GET", "/v1/vacancies", token, NULL, NULL);
  JsonObject *counts = json_object_get_object_member (portal_test_reply_object (list), "counts");

  /* The demo has one vacancy in every status; "expired" is computed from
   * an active vacancy whose closing date passed. */
  g_assert_cmpint (json_object_get_int_member (counts, "draft"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "active"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "closed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "expired"), ==, 1);
  portal_test_server_stop (server);
}

static void
test_unverified (void)
{
  PortalTestServer *server = portal_test_server_start (demo_args);
  g_autofree char *token = portal_test_sign_in (server, PENDING, PORTAL_TEST_PASSWORD);
  g_autofree char *demo = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autoptr(GArray) cvs = find_cvs (server, demo, 1);
  g_autofree char *cv_path = g_strdup_printf ("/v1/cvs/%" G_GINT64_FORMAT, g_array_index (cvs, gint64, 0));
  gint64 id = create_vacancy (server, token, "Broodbakker");
  g_autofree char *publish = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/publish", id);
  g_autoptr(PortalTestReply) published = portal_test_request (server, "POST", publish, token, NULL, NULL);
  g_autoptr(PortalTestReply) search = portal_test_request (server, "GET", "/v1/cvs?q=bakker", token, NULL, NULL);
  g_autoptr(PortalTestReply) detail = portal_test_request (server, "GET", cv_path, token, NULL, NULL);
  g_autoptr(PortalTestReply) quota = portal_test_request (server, "GET", "/v1/quota", token, NULL, NULL);

  portal_test_assert_problem (published, 403, "organisation-not-verified");
  portal_test_assert_problem (search, 403, "organisation-not-verified");
  portal_test_assert_problem (detail, 403, "organisation-not-verified");
  /* Nothing was counted against the quota. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (portal_test_reply_object (quota), "cv_views"),
                                               "used"), ==, 0);

  /* Once verified, the same calls work. */
  portal_test_server_admin (server, "verify", PENDING);
  {
    g_autoptr(PortalTestReply) ok = portal_test_request (server, "POST", publish, token, NULL, NULL);
    g_autoptr(PortalTestReply) found = portal_test_request (server, "GET", "/v1/cvs", token, NULL, NULL);

    g_assert_cmpuint (ok->status, ==, 200);
    g_assert_cmpuint (found->status, ==, 200);
  }
  portal_test_server_stop (server);
}

static void
test_no_active_vacancy (void)
{
  PortalTestServer *server = portal_test_server_start (demo_args);
  g_autofree char *token = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autoptr(GArray) cvs = find_cvs (server, token, 2);
  gint64 draft = create_vacancy (server, token, "Nog een concept");
  gint64 active = publish_new_vacancy (server, token, "Actieve vacature");
  g_autofree char *close = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT "/close", active);
  g_autofree char *messages = NULL;
  gint64 thread;

  start_thread (server, token, draft, g_array_index (cvs, gint64, 0), 409);
  {
    g_autofree char *body = g_strdup_printf ("{\"vacancy_id\":%" G_GINT64_FORMAT ",\"cv_id\":%" G_GINT64_FORMAT
                                             ",\"body\":\"Hallo\"}", draft, g_array_index (cvs, gint64, 0));
    g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", "/v1/threads", token, body, NULL);

    portal_test_assert_problem (reply, 409, "no-active-vacancy");
  }
  thread = start_thread (server, token, active, g_array_index (cvs, gint64, 0), 201);
  /* One thread per vacancy and CV. */
  start_thread (server, token, active, g_array_index (cvs, gint64, 0), 409);

  /* After closing, the organisation can no longer write in the thread. */
  g_assert_cmpuint (post_status (server, token, close, NULL), ==, 200);
  start_thread (server, token, active, g_array_index (cvs, gint64, 1), 409);
  messages = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT "/messages", thread);
  {
    g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", messages, token, "{\"body\":\"Nog iets\"}", NULL);
    g_autofree char *thread_path = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT, thread);
    g_autoptr(PortalTestReply) detail = portal_test_request (server, "GET", thread_path, token, NULL, NULL);

    portal_test_assert_problem (reply, 409, "no-active-vacancy");
    g_assert_true (json_object_get_boolean_member (portal_test_reply_object (detail), "read_only"));
  }
  portal_test_server_stop (server);
}

static void
test_contact_cap (void)
{
  const char * const args[] = { "--demo", "--cvs", "40", "--contact-quota", "2", NULL };
  PortalTestServer *server = portal_test_server_start (args);
  g_autofree char *token = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autoptr(GArray) cvs = find_cvs (server, token, 3);
  gint64 vacancy = publish_new_vacancy (server, token, "Veel kandidaten");
  g_autofree char *body = g_strdup_printf ("{\"vacancy_id\":%" G_GINT64_FORMAT ",\"cv_id\":%" G_GINT64_FORMAT
                                           ",\"body\":\"Hallo\"}", vacancy, g_array_index (cvs, gint64, 2));
  g_autoptr(PortalTestReply) capped = NULL;
  g_autoptr(PortalTestReply) quota = NULL;
  JsonObject *problem, *contacts;

  /* The demo thread was created today too, so one contact is left. */
  start_thread (server, token, vacancy, g_array_index (cvs, gint64, 0), 201);
  capped = portal_test_request (server, "POST", "/v1/threads", token, body, NULL);
  portal_test_assert_problem (capped, 429, "quota-exceeded");
  problem = portal_test_reply_object (capped);
  g_assert_cmpstr (json_object_get_string_member (problem, "quota"), ==, "new-contacts");
  g_assert_cmpint (json_object_get_int_member (problem, "retry_after"), >, 0);
  g_assert_nonnull (soup_message_headers_get_one (capped->headers, "Retry-After"));

  quota = portal_test_request (server, "GET", "/v1/quota", token, NULL, NULL);
  contacts = json_object_get_object_member (portal_test_reply_object (quota), "new_contacts");
  g_assert_cmpint (json_object_get_int_member (contacts, "limit"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (contacts, "used"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (contacts, "remaining"), ==, 0);
  portal_test_server_stop (server);
}

static void
test_cv_quota_and_log (void)
{
  const char * const args[] = { "--demo", "--cvs", "40", "--cv-view-quota", "2", NULL };
  PortalTestServer *server = portal_test_server_start (args);
  g_autofree char *token = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autofree char *jobseeker = portal_test_sign_in (server, JOBSEEKER, PORTAL_TEST_PASSWORD);
  g_autoptr(PortalTestReply) own = portal_test_request (server, "GET", "/v1/me/cv", jobseeker, NULL, NULL);
  g_autoptr(GArray) cvs = find_cvs (server, token, 2);
  gint64 own_id = json_object_get_int_member (portal_test_reply_object (own), "id");
  g_autofree char *own_path = g_strdup_printf ("/v1/cvs/%" G_GINT64_FORMAT, own_id);
  g_autofree char *other_path = g_strdup_printf ("/v1/cvs/%" G_GINT64_FORMAT,
                                                 g_array_index (cvs, gint64, 0) != own_id
                                                   ? g_array_index (cvs, gint64, 0)
                                                   : g_array_index (cvs, gint64, 1));

  g_assert_cmpuint (own->status, ==, 200);
  {
    g_autoptr(PortalTestReply) missing = portal_test_request (server, "GET", "/v1/cvs/99999999", token, NULL, NULL);
    g_autoptr(PortalTestReply) first = portal_test_request (server, "GET", own_path, token, NULL, NULL);

    /* A CV that does not exist is not counted. */
    portal_test_assert_problem (missing, 404, "not-found");
    g_assert_cmpstr (soup_message_headers_get_one (missing->headers, "X-Quota-Remaining"), ==, "2");
    g_assert_cmpuint (first->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (first->headers, "X-Quota-Limit"), ==, "2");
    g_assert_cmpstr (soup_message_headers_get_one (first->headers, "X-Quota-Remaining"), ==, "1");
    g_assert_nonnull (soup_message_headers_get_one (first->headers, "X-Quota-Reset"));
    /* The demo CV is anonymous: no personalia. */
    g_assert_false (json_object_has_member (portal_test_reply_object (first), "personalia"));
  }
  {
    g_autoptr(PortalTestReply) second = portal_test_request (server, "GET", other_path, token, NULL, NULL);
    g_autoptr(PortalTestReply) third = portal_test_request (server, "GET", own_path, token, NULL, NULL);
    JsonObject *problem;

    g_assert_cmpuint (second->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (second->headers, "X-Quota-Remaining"), ==, "0");
    portal_test_assert_problem (third, 429, "quota-exceeded");
    problem = portal_test_reply_object (third);
    g_assert_cmpstr (json_object_get_string_member (problem, "quota"), ==, "cv-views");
    g_assert_nonnull (soup_message_headers_get_one (third->headers, "Retry-After"));
    g_assert_false (json_object_has_member (problem, "headline"));
  }
  /* R5: the jobseeker sees who viewed the CV, once per successful view. */
  {
    g_autoptr(PortalTestReply) views = portal_test_request (server, "GET", "/v1/me/cv/views", jobseeker, NULL, NULL);
    JsonObject *list = portal_test_reply_object (views);
    JsonArray *items = json_object_get_array_member (list, "items");

    g_assert_cmpuint (views->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "organisation_name"), ==,
                     "Demo Uitzendbureau B.V.");
  }
  /* Only the jobseeker touches their CV (R8). */
  {
    g_autoptr(PortalTestReply) org = portal_test_request (server, "PATCH", "/v1/me/cv", token,
                                                          "{\"visibility\":\"open\"}", NULL);
    g_autoptr(PortalTestReply) mine = portal_test_request (server, "PATCH", "/v1/me/cv", jobseeker,
                                                           "{\"visibility\":\"hidden\"}", NULL);
    g_autoptr(PortalTestReply) bad = portal_test_request (server, "PATCH", "/v1/me/cv", jobseeker,
                                                          "{\"visibility\":\"public\"}", NULL);

    portal_test_assert_problem (org, 403, "forbidden");
    g_assert_cmpuint (mine->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (mine), "status"), ==, "hidden");
    portal_test_assert_problem (bad, 422, "validation");
  }
  portal_test_server_stop (server);
}

/* Object-level authorisation: another organisation's objects are 404. */
static void
test_two_organisations (void)
{
  PortalTestServer *server = portal_test_server_start (demo_args);
  g_autofree char *owner = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autofree char *intruder = portal_test_register (server, "55667788", "nieuwsgierig@concurrent.test");
  g_autofree char *jobseeker = portal_test_sign_in (server, JOBSEEKER, PORTAL_TEST_PASSWORD);
  g_autoptr(GArray) cvs = find_cvs (server, owner, 1);
  gint64 vacancy = publish_new_vacancy (server, owner, "Geheime vacature");
  gint64 draft = create_vacancy (server, owner, "Geheim concept");
  gint64 thread = start_thread (server, owner, vacancy, g_array_index (cvs, gint64, 0), 201);
  g_autofree char *renew_body = NULL;
  g_autofree char *future = date_in_days (20);
  g_autofree char *thread_body = NULL;
  g_autofree char *v = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT, vacancy);
  g_autofree char *d = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT, draft);
  g_autofree char *t = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT, thread);
  struct { const char *method; char *path; const char *body; } calls[] = {
    { "GET", g_strdup (v), NULL },
    { "PATCH", g_strdup (v), "{\"title\":\"Overgenomen\"}" },
    { "DELETE", g_strdup (d), NULL },
    { "POST", g_strconcat (d, "/publish", NULL), NULL },
    { "POST", g_strconcat (v, "/close", NULL), NULL },
    { "POST", g_strconcat (v, "/renew", NULL), NULL },
    { "GET", g_strconcat (v, "/matches", NULL), NULL },
    { "GET", g_strdup (t), NULL },
    { "GET", g_strconcat (t, "/messages", NULL), NULL },
    { "POST", g_strconcat (t, "/messages", NULL), "{\"body\":\"Hallo daar\"}" },
    { "POST", g_strconcat (t, "/read", NULL), NULL },
  };

  portal_test_server_admin (server, "verify", "nieuwsgierig@concurrent.test");
  renew_body = g_strdup_printf ("{\"closing_date\":\"%s\"}", future);
  calls[5].body = renew_body;
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(PortalTestReply) reply = portal_test_request (server, calls[i].method, calls[i].path, intruder,
                                                              calls[i].body, NULL);

      if (reply->status != 404)
        g_error ("%s %s by another organisation: %u %s", calls[i].method, calls[i].path, reply->status, reply->body);
      portal_test_assert_problem (reply, 404, "not-found");
      g_free (calls[i].path);
    }

  /* Contacting through someone else's vacancy is 404 too. */
  thread_body = g_strdup_printf ("{\"vacancy_id\":%" G_GINT64_FORMAT ",\"cv_id\":%" G_GINT64_FORMAT ",\"body\":\"Hoi\"}",
                                 vacancy, g_array_index (cvs, gint64, 0));
  {
    g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", "/v1/threads", intruder, thread_body, NULL);
    g_autoptr(PortalTestReply) list = portal_test_request (server, "GET", "/v1/threads", intruder, NULL, NULL);
    g_autoptr(PortalTestReply) vacancies = portal_test_request (server, "GET", "/v1/vacancies", intruder, NULL, NULL);
    g_autoptr(PortalTestReply) still = portal_test_request (server, "GET", v, owner, NULL, NULL);
    g_autoptr(PortalTestReply) js_vacancy = portal_test_request (server, "GET", v, jobseeker, NULL, NULL);
    g_autoptr(PortalTestReply) js_thread = portal_test_request (server, "GET", t, jobseeker, NULL, NULL);

    portal_test_assert_problem (reply, 404, "not-found");
    g_assert_cmpint (json_object_get_int_member (portal_test_reply_object (list), "total"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (portal_test_reply_object (vacancies), "total"), ==, 0);
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (still), "title"), ==, "Geheime vacature");
    /* A jobseeker is not an organisation, and not a party to this thread. */
    portal_test_assert_problem (js_vacancy, 403, "forbidden");
    if (js_thread->status != 404)
      g_assert_cmpint (json_object_get_int_member (portal_test_reply_object (js_thread), "cv_id"), ==,
                       g_array_index (cvs, gint64, 0));
  }
  portal_test_server_stop (server);
}

static void
test_idempotency (void)
{
  PortalTestServer *server = portal_test_server_start (demo_args);
  g_autofree char *token = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autofree char *other = portal_test_register (server, "66778899", "tweede@bedrijf.test");
  g_autoptr(PortalTestReply) threads = portal_test_request (server, "GET", "/v1/threads", token, NULL, NULL);
  JsonArray *items = json_object_get_array_member (portal_test_reply_object (threads), "items");
  gint64 thread = json_object_get_int_member (json_array_get_object_element (items, 0), "id");
  g_autofree char *path = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT "/messages", thread);
  const char * const key[] = { "Idempotency-Key", "bericht-42", NULL };
  const char * const bad_key[] = { "Idempotency-Key", "", NULL };
  const char * const vacancy_key[] = { "Idempotency-Key", "vacature-1", NULL };
  g_autoptr(PortalTestReply) first = portal_test_request (server, "POST", path, token, "{\"body\":\"Eén keer\"}", key);
  g_autoptr(PortalTestReply) second = portal_test_request (server, "POST", path, token, "{\"body\":\"Eén keer\"}", key);
  g_autoptr(PortalTestReply) different = portal_test_request (server, "POST", path, token, "{\"body\":\"Anders\"}", key);
  g_autoptr(PortalTestReply) invalid = portal_test_request (server, "POST", path, token, "{\"body\":\"x\"}", bad_key);
  g_autoptr(PortalTestReply) list = NULL;
  g_autoptr(PortalTestReply) vacancy1 = NULL;
  g_autoptr(PortalTestReply) vacancy2 = NULL;
  g_autofree char *vacancy_body = vacancy_json ("Zelfde sleutel");
  guint count = 0;

  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (second->status, ==, 201);
  g_assert_cmpstr (first->body, ==, second->body);
  portal_test_assert_problem (different, 409, "conflict");
  portal_test_assert_problem (invalid, 400, "bad-request");

  list = portal_test_request (server, "GET", path, token, NULL, NULL);
  items = json_object_get_array_member (portal_test_reply_object (list), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "body"), "Eén keer") == 0)
      count++;
  g_assert_cmpuint (count, ==, 1);

  /* Keys are per account: the same key from another account is new. */
  vacancy1 = portal_test_request (server, "POST", "/v1/vacancies", token, vacancy_body, vacancy_key);
  vacancy2 = portal_test_request (server, "POST", "/v1/vacancies", other, vacancy_body, vacancy_key);
  g_assert_cmpuint (vacancy1->status, ==, 201);
  g_assert_cmpuint (vacancy2->status, ==, 201);
  g_assert_cmpint (json_object_get_int_member (portal_test_reply_object (vacancy1), "id"), !=,
                   json_object_get_int_member (portal_test_reply_object (vacancy2), "id"));
  portal_test_server_stop (server);
}

static void
test_payload_too_large (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autofree char *token = portal_test_register (server, "77889900", "groot@bericht.test");
  gsize size = 70 * 1024;
  g_autofree char *body = g_malloc (size);
  g_autoptr(PortalTestReply) big = NULL;
  g_autoptr(PortalTestReply) health = NULL;

  memset (body, ' ', size);
  body[0] = '{';
  body[size - 1] = '}';
  big = portal_test_request_raw (server, "POST", "/v1/vacancies", token, "application/json", body, size, NULL);
  portal_test_assert_problem (big, 413, "payload-too-large");
  health = portal_test_request (server, "GET", "/v1/health", NULL, NULL, NULL);
  g_assert_cmpuint (health->status, ==, 200);
  portal_test_server_stop (server);
}

static void
test_malformed (void)
{
  PortalTestServer *server = portal_test_server_start (NULL);
  g_autofree char *token = portal_test_register (server, "88990011", "rommel@invoer.test");
  g_autofree char *deep = NULL;
  const char *bodies[] = {
    "{\"title\": ",
    "[1, 2, 3]",
    "\"just a string\"",
    "{\"title\": 42}",
    "{\"title\":\"Goed\",\"hours_min\":\"veel\"}",
    "{\"title\":\"Goed\",\"skills\":[1,2]}",
    "{\"title\":\"Goed\",\"salary\":\"veel\"}",
    "{\"title\":\"Goed\",\"occupation\":[]}",
    "{'title': 'enkele aanhalingstekens'}",
    "{\"title\": \"\\uzz\"}",
    "{\"title\": \"Goed\"} extra",
    "{\"title\": \"Goed\",}",
    "",
  };
  GString *nested = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", "/v1/vacancies", token, bodies[i], NULL);

      portal_test_assert_problem (reply, 400, "bad-request");
    }
  for (guint i = 0; i < 30000; i++)
    g_string_append_c (nested, '[');
  deep = g_string_free (nested, FALSE);
  {
    g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", "/v1/vacancies", token, deep, NULL);
    g_autoptr(PortalTestReply) invalid_utf8 = portal_test_request_raw (server, "POST", "/v1/sessions", NULL,
                                                                       "application/json",
                                                                       "{\"email\":\"\xff\xfe\"}", 14, NULL);
    g_autoptr(PortalTestReply) bad_id = portal_test_request (server, "GET", "/v1/vacancies/abc", token, NULL, NULL);
    g_autoptr(PortalTestReply) bad_cursor = portal_test_request (server, "GET", "/v1/vacancies?cursor=bm9wZQ", token, NULL, NULL);
    g_autoptr(PortalTestReply) sign_in_type = portal_test_request (server, "POST", "/v1/sessions", NULL,
                                                                   "{\"email\":[],\"password\":1}", NULL);
    g_autoptr(PortalTestReply) health = portal_test_request (server, "GET", "/v1/health", NULL, NULL, NULL);
    g_autoptr(PortalTestReply) wrong_method = portal_test_request (server, "PUT", "/v1/vacancies", token, "{}", NULL);

    portal_test_assert_problem (reply, 400, "bad-request");
    portal_test_assert_problem (wrong_method, 404, "not-found");
    g_assert_cmpstr (soup_message_headers_get_one (wrong_method->headers, "Allow"), ==, "GET, POST");
    portal_test_assert_problem (invalid_utf8, 400, "bad-request");
    portal_test_assert_problem (bad_id, 400, "bad-request");
    portal_test_assert_problem (bad_cursor, 400, "bad-request");
    portal_test_assert_problem (sign_in_type, 400, "bad-request");
    g_assert_cmpuint (health->status, ==, 200);
  }
  portal_test_server_stop (server);
}

static void
test_threads_jobseeker (void)
{
  PortalTestServer *server = portal_test_server_start (demo_args);
  g_autofree char *org = portal_test_sign_in (server, DEMO, PORTAL_TEST_PASSWORD);
  g_autofree char *jobseeker = portal_test_sign_in (server, JOBSEEKER, PORTAL_TEST_PASSWORD);
  g_autoptr(PortalTestReply) js_threads = portal_test_request (server, "GET", "/v1/threads", jobseeker, NULL, NULL);
  JsonArray *items = json_object_get_array_member (portal_test_reply_object (js_threads), "items");
  JsonObject *thread = json_array_get_object_element (items, 0);
  gint64 id = json_object_get_int_member (thread, "id");
  g_autofree char *path = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT, id);
  g_autofree char *messages = g_strconcat (path, "/messages", NULL);
  g_autofree char *read = g_strconcat (path, "/read", NULL);
  g_autofree char *reveal = g_strconcat (path, "/reveal", NULL);
  const char *label = json_object_get_string_member (thread, "candidate_label");

  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_true (g_str_has_prefix (label, "Kandidaat "));
  /* The demo thread: the organisation wrote, the jobseeker answered. */
  g_assert_cmpint (json_object_get_int_member (thread, "unread_count"), ==, 0);
  g_assert_true (json_object_get_null_member (thread, "revealed_contact"));
  {
    g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", messages, jobseeker,
                                                            "{\"body\":\"Wanneer kan ik langskomen?\"}", NULL);
    g_autoptr(PortalTestReply) org_view = portal_test_request (server, "GET", path, org, NULL, NULL);
    g_autoptr(PortalTestReply) empty = portal_test_request (server, "POST", messages, jobseeker, "{\"body\":\"\"}", NULL);

    g_assert_cmpuint (reply->status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (reply), "sender"), ==, "jobseeker");
    g_assert_cmpint (json_object_get_int_member (portal_test_reply_object (org_view), "unread_count"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (org_view), "last_message_preview"), ==,
                     "Wanneer kan ik langskomen?");
    portal_test_assert_problem (empty, 422, "validation");
  }
  {
    g_autoptr(PortalTestReply) marked = portal_test_request (server, "POST", read, org, NULL, NULL);
    g_autoptr(PortalTestReply) org_view = portal_test_request (server, "GET", path, org, NULL, NULL);
    g_autoptr(PortalTestReply) org_reveal = portal_test_request (server, "POST", reveal, org, NULL, NULL);
    g_autoptr(PortalTestReply) js_create = portal_test_request (server, "POST", "/v1/threads", jobseeker,
                                                                "{\"vacancy_id\":1,\"cv_id\":1,\"body\":\"x\"}", NULL);

    g_assert_cmpuint (marked->status, ==, 204);
    g_assert_cmpint (json_object_get_int_member (portal_test_reply_object (org_view), "unread_count"), ==, 0);
    portal_test_assert_problem (org_reveal, 403, "forbidden");
    portal_test_assert_problem (js_create, 403, "forbidden");
  }
  {
    g_autoptr(PortalTestReply) revealed = portal_test_request (server, "POST", reveal, jobseeker, NULL, NULL);
    g_autoptr(PortalTestReply) org_view = portal_test_request (server, "GET", path, org, NULL, NULL);
    JsonObject *contact = json_object_get_object_member (portal_test_reply_object (org_view), "revealed_contact");

    g_assert_cmpuint (revealed->status, ==, 200);
    g_assert_nonnull (contact);
    g_assert_cmpstr (json_object_get_string_member (contact, "email"), !=, "");
    g_assert_cmpstr (json_object_get_string_member (portal_test_reply_object (org_view), "candidate_label"), ==,
                     json_object_get_string_member (contact, "name"));
  }
  portal_test_server_stop (server);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/health", test_health);
  g_test_add_func ("/portal/sessions/lifecycle", test_sessions);
  g_test_add_func ("/portal/sessions/access-ttl", test_access_ttl);
  g_test_add_func ("/portal/sessions/throttling", test_throttling);
  g_test_add_func ("/portal/organisations/validation", test_organisation_validation);
  g_test_add_func ("/portal/vacancies/lifecycle", test_vacancy_lifecycle);
  g_test_add_func ("/portal/vacancies/demo-statuses", test_demo_expired);
  g_test_add_func ("/portal/rules/r6-unverified", test_unverified);
  g_test_add_func ("/portal/rules/r2-no-active-vacancy", test_no_active_vacancy);
  g_test_add_func ("/portal/rules/r3-contact-cap", test_contact_cap);
  g_test_add_func ("/portal/rules/r4-r5-cv-quota-and-log", test_cv_quota_and_log);
  g_test_add_func ("/portal/authorisation/two-organisations", test_two_organisations);
  g_test_add_func ("/portal/threads/jobseeker", test_threads_jobseeker);
  g_test_add_func ("/portal/idempotency/replay", test_idempotency);
  g_test_add_func ("/portal/robustness/payload-too-large", test_payload_too_large);
  g_test_add_func ("/portal/robustness/malformed", test_malformed);

  return g_test_run ();
}
