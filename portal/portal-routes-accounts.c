/* portal-routes-accounts.c: health, organisations and sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "portal-json.h"
#include "portal-routes.h"

#define REFRESH_TTL (30 * 24 * 3600)
#define THROTTLE_WINDOW (15 * 60)
#define THROTTLE_FAILURES 5

void
portal_route_health (PortalRequest *request)
{
  g_autoptr(JsonObject) health = json_object_new ();

  json_object_set_string_member (health, "status", "ok");
  json_object_set_string_member (health, "version", PACKAGE_VERSION);
  portal_request_reply_json (request, SOUP_STATUS_OK, health);
}

/* Organisations */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static void
check_length (JsonObject *body,
              const char *name,
              guint       min,
              guint       max,
              JsonArray  *errors)
{
  const char *value = json_object_get_string_member_with_default (body, name, NULL);
  glong length;

  if (value == NULL)
    return;
  length = g_utf8_strlen (value, -1);
  if (length < (glong) min || is_blank (value))
    portal_field_errors_add (errors, name, min > 1 ? "min" : "required",
                             min > 1 ? "This field is too short" : "This field must not be empty");
  else if (length > (glong) max)
    portal_field_errors_add (errors, name, "max", "This field is too long");
}

static gboolean
email_valid (const char *email)
{
  return g_regex_match_simple ("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", email, 0, 0) && strlen (email) <= 254;
}

static gboolean
phone_valid (const char *phone)
{
  guint digits = 0;

  if (!g_regex_match_simple ("^\\+?[0-9][0-9 ()-]*$", phone, 0, 0) || strlen (phone) > 40)
    return FALSE;
  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits++;
  return digits >= 9 && digits <= 15;
}

static gboolean
check_phone (JsonObject *body,
             JsonArray  *errors)
{
  const char *phone = json_object_get_string_member_with_default (body, "phone", NULL);

  if (phone != NULL && !phone_valid (phone))
    {
      portal_field_errors_add (errors, "phone", "format", "Not a valid phone number");
      return FALSE;
    }
  return TRUE;
}

/* Type-checks every string member of @names; a wrong type is a bad request. */
static gboolean
check_strings (JsonObject         *body,
               const char * const *names,
               gboolean            required,
               JsonArray          *errors,
               GError            **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value;

      if (required)
        {
          if (portal_json_require_string (body, names[i], errors, error) == NULL && *error != NULL)
            return FALSE;
        }
      else if (!portal_json_get_string (body, names[i], NULL, NULL, &value, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  PortalRequest *request;
  JsonObject    *fields;
} RegisterData;

static void
register_data_free (RegisterData *data)
{
  portal_request_unref (data->request);
  json_object_unref (data->fields);
  g_free (data);
}

static void
register_hashed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RegisterData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = portal_auth_hash_password_finish (result, &error);
  g_autoptr(JsonObject) organisation = NULL;

  if (hash != NULL)
    organisation = portal_store_organisation_create (portal_request_get_store (data->request),
                                                     data->fields, hash, &error);
  if (organisation == NULL)
    portal_request_reply_error (data->request, error, NULL, NULL);
  else
    portal_request_reply_json (data->request, SOUP_STATUS_CREATED, organisation);
  register_data_free (data);
}

void
portal_route_organisation_create (PortalRequest *request)
{
  static const char * const required[] = { "kvk", "name", "kind", "contact_name", "email", "phone", "password", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  JsonObject *body = portal_request_get_body (request, &error);
  const char *kvk, *kind, *email, *password;
  PortalAccountKind existing_kind;
  gint64 existing_id;
  RegisterData *data;

  if (body == NULL || !check_strings (body, required, TRUE, errors, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  kvk = json_object_get_string_member_with_default (body, "kvk", NULL);
  kind = json_object_get_string_member_with_default (body, "kind", NULL);
  email = json_object_get_string_member_with_default (body, "email", NULL);
  password = json_object_get_string_member_with_default (body, "password", NULL);

  if (kvk != NULL && !g_regex_match_simple ("^[0-9]{8}$", kvk, 0, 0))
    portal_field_errors_add (errors, "kvk", "pattern", "A KvK number has exactly 8 digits");
  check_length (body, "name", 1, 200, errors);
  if (kind != NULL && g_strcmp0 (kind, "employer") != 0 && g_strcmp0 (kind, "intermediary") != 0)
    portal_field_errors_add (errors, "kind", "enum", "Must be “employer” or “intermediary”");
  check_length (body, "contact_name", 1, 200, errors);
  if (email != NULL && !email_valid (email))
    portal_field_errors_add (errors, "email", "format", "Not a valid e-mail address");
  check_phone (body, errors);
  if (password != NULL && g_utf8_strlen (password, -1) < 10)
    portal_field_errors_add (errors, "password", "min", "A password has at least 10 characters");
  else if (password != NULL && strlen (password) > 1024)
    portal_field_errors_add (errors, "password", "max", "A password has at most 1024 bytes");

  if (json_array_get_length (errors) > 0)
    {
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "Some fields are not valid");
      portal_request_reply_error (request, error, errors, NULL);
      return;
    }
  /* Refuse duplicates before spending a password hash on them. */
  if (portal_store_account_find (portal_request_get_store (request), email, &existing_kind, &existing_id, NULL))
    {
      portal_request_reply_problem (request, PORTAL_ERROR_CONFLICT, "An account with this e-mail address already exists");
      return;
    }

  data = g_new0 (RegisterData, 1);
  data->request = portal_request_ref (request);
  data->fields = json_object_ref (body);
  portal_request_pause (request);
  portal_auth_hash_password_async (password, NULL, register_hashed_cb, data);
}

void
portal_route_organisation_get (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) organisation = portal_store_organisation_get (portal_request_get_store (request),
                                                                      request->account_id, &error);

  if (organisation == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, organisation);
}

void
portal_route_organisation_patch (PortalRequest *request)
{
  static const char * const writable[] = { "name", "contact_name", "phone", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(JsonObject) organisation = NULL;
  JsonObject *body = portal_request_get_body (request, &error);

  if (body == NULL || !check_strings (body, writable, FALSE, errors, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  for (guint i = 0; writable[i] != NULL; i++)
    if (json_object_has_member (body, writable[i]) &&
        json_object_get_string_member_with_default (body, writable[i], NULL) == NULL)
      portal_field_errors_add (errors, writable[i], "required", "This field cannot be emptied");
  check_length (body, "name", 1, 200, errors);
  check_length (body, "contact_name", 1, 200, errors);
  check_phone (body, errors);
  if (json_array_get_length (errors) > 0)
    {
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "Some fields are not valid");
      portal_request_reply_error (request, error, errors, NULL);
      return;
    }
  if (!portal_store_organisation_update (portal_request_get_store (request), request->account_id, body, &error) ||
      (organisation = portal_store_organisation_get (portal_request_get_store (request),
                                                     request->account_id, &error)) == NULL)
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  portal_request_reply_json (request, SOUP_STATUS_OK, organisation);
}

/* Sessions */

static void
reply_session (PortalRequest     *request,
               PortalAccountKind  kind,
               gint64             account_id)
{
  PortalStore *store = portal_request_get_store (request);
  guint ttl = portal_server_get_options (request->server)->access_ttl;
  g_autofree char *access = portal_auth_new_token ();
  g_autofree char *refresh = portal_auth_new_token ();
  g_autofree char *access_hash = portal_auth_hash_token (access);
  g_autofree char *refresh_hash = portal_auth_hash_token (refresh);
  g_autofree char *email = portal_store_account_email (store, kind, account_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) session = json_object_new ();
  JsonObject *account;
  gint64 now = portal_now ();

  if (!portal_store_session_create (store, kind, account_id, access_hash, now + ttl,
                                    refresh_hash, now + REFRESH_TTL, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  json_object_set_string_member (session, "access_token", access);
  json_object_set_string_member (session, "refresh_token", refresh);
  json_object_set_string_member (session, "token_type", "Bearer");
  json_object_set_int_member (session, "expires_in", ttl);
  account = json_object_new ();
  json_object_set_string_member (account, "kind", portal_account_kind_to_string (kind));
  json_object_set_int_member (account, "id", account_id);
  json_object_set_string_member (account, "email", email != NULL ? email : "");
  json_object_set_object_member (session, "account", account);
  portal_request_set_header (request, "Cache-Control", "no-store");
  portal_request_reply_json (request, SOUP_STATUS_CREATED, session);
}

typedef struct
{
  PortalRequest     *request;
  PortalAccountKind  kind;
  gint64             account_id;
  char              *email_hash;
} SignInData;

static void
sign_in_data_free (SignInData *data)
{
  portal_request_unref (data->request);
  g_free (data->email_hash);
  g_free (data);
}

static void
sign_in_verified_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SignInData *data = user_data;
  PortalStore *store = portal_request_get_store (data->request);

  if (!portal_auth_verify_password_finish (result, NULL) || data->kind == PORTAL_ACCOUNT_NONE)
    {
      portal_request_reply_problem (data->request, PORTAL_ERROR_UNAUTHENTICATED,
                                    "The e-mail address or the password is wrong");
    }
  else
    {
      portal_store_sign_in_failures_clear (store, data->email_hash);
      reply_session (data->request, data->kind, data->account_id);
    }
  sign_in_data_free (data);
}

void
portal_route_session_create (PortalRequest *request)
{
  PortalStore *store = portal_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autofree char *lower = NULL;
  g_autofree char *password_hash = NULL;
  JsonObject *body = portal_request_get_body (request, &error);
  const char *email = NULL, *password = NULL;
  SignInData *data;
  gint64 oldest;
  guint failures;

  if (body == NULL ||
      ((email = portal_json_require_string (body, "email", errors, &error)) == NULL && error != NULL) ||
      ((password = portal_json_require_string (body, "password", errors, &error)) == NULL && error != NULL))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (json_array_get_length (errors) > 0)
    {
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "E-mail address and password are required");
      portal_request_reply_error (request, error, errors, NULL);
      return;
    }

  data = g_new0 (SignInData, 1);
  lower = g_utf8_strdown (email, -1);
  data->email_hash = portal_auth_hash_token (lower);
  failures = portal_store_sign_in_failures (store, data->email_hash, portal_now () - THROTTLE_WINDOW, &oldest);
  if (failures >= THROTTLE_FAILURES)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_int_member (extra, "retry_after", MAX (1, oldest + THROTTLE_WINDOW - portal_now ()));
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_RATE_LIMITED,
                   "Too many failed sign-in attempts for this e-mail address; try again later");
      portal_request_reply_error (request, error, NULL, extra);
      g_free (data->email_hash);
      g_free (data);
      return;
    }

  data->request = portal_request_ref (request);
  if (!portal_store_account_find (store, email, &data->kind, &data->account_id, &password_hash))
    data->kind = PORTAL_ACCOUNT_NONE;
  /* Counted as a failure before the (slow, threaded) check and cleared on
   * success: parallel guesses cannot all pass the throttle check above
   * before the first of them is counted. */
  portal_store_sign_in_failure_add (store, data->email_hash);
  portal_request_pause (request);
  portal_auth_verify_password_async (password_hash, password, NULL, sign_in_verified_cb, data);
}

void
portal_route_session_refresh (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autofree char *hash = NULL;
  JsonObject *body = portal_request_get_body (request, &error);
  const char *token = NULL;
  PortalAccountKind kind;
  gint64 account_id;

  if (body == NULL ||
      ((token = portal_json_require_string (body, "refresh_token", errors, &error)) == NULL && error != NULL))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (token == NULL || *token == '\0')
    {
      if (token != NULL)
        portal_field_errors_add (errors, "refresh_token", "required", "This field is required");
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "refresh_token is required");
      portal_request_reply_error (request, error, errors, NULL);
      return;
    }
  hash = portal_auth_hash_token (token);
  if (!portal_store_session_consume_refresh (portal_request_get_store (request), hash, &kind, &account_id))
    {
      portal_request_reply_problem (request, PORTAL_ERROR_UNAUTHENTICATED,
                                    "The refresh token is not valid any more; sign in again");
      return;
    }
  reply_session (request, kind, account_id);
}

void
portal_route_session_delete (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!portal_store_session_revoke (portal_request_get_store (request), request->session_id, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  portal_events_close_session (portal_server_get_events (request->server), request->session_id);
  portal_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}
