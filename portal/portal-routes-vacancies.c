/* portal-routes-vacancies.c: the organisation's own vacancies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "portal-json.h"
#include "portal-routes.h"

static const char * const contract_types[] = { "permanent", "temporary", "freelance", "internship", "on-call", NULL };
static const char * const education_levels[] = { "vmbo", "mbo-1", "mbo-2", "mbo-3", "mbo-4", "havo", "vwo", "hbo", "wo", NULL };
static const char * const salary_periods[] = { "hour", "month", "year", NULL };
static const char * const statuses[] = { "draft", "active", "closed", "expired", NULL };

#define SALARY_MAX 1e9

static gboolean
bad_type (const char  *name,
          const char  *expected,
          GError     **error)
{
  g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST, "Member “%s” must be %s", name, expected);
  return FALSE;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static double
number_of (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                          : json_node_get_double (node);
}

/* Copies a nullable string member, checking its type and an optional
 * enumeration or maximum length. */
static gboolean
apply_string (JsonObject          *vacancy,
              JsonObject          *body,
              const char          *name,
              const char * const  *allowed,
              guint                max_length,
              JsonArray           *errors,
              GError             **error)
{
  gboolean present, is_null;
  const char *value;

  if (!portal_json_get_string (body, name, &present, &is_null, &value, error))
    return FALSE;
  if (!present)
    return TRUE;
  if (value == NULL)
    {
      json_object_set_null_member (vacancy, name);
      return TRUE;
    }
  if (allowed != NULL && !g_strv_contains (allowed, value))
    portal_field_errors_add (errors, name, "enum", "This is not one of the allowed values");
  else if (max_length > 0 && g_utf8_strlen (value, -1) > (glong) max_length)
    portal_field_errors_add (errors, name, "max", "This field is too long");
  json_object_set_string_member (vacancy, name, value);
  return TRUE;
}

static gboolean
apply_hours (JsonObject  *vacancy,
             JsonObject  *body,
             const char  *name,
             JsonArray   *errors,
             GError     **error)
{
  gboolean present, is_null;
  gint64 value;

  if (!portal_json_get_int (body, name, &present, &is_null, &value, error))
    return FALSE;
  if (!present)
    return TRUE;
  if (is_null)
    json_object_set_null_member (vacancy, name);
  else
    {
      if (value < 1)
        portal_field_errors_add (errors, name, "min", "Hours a week are at least 1");
      else if (value > 40)
        portal_field_errors_add (errors, name, "max", "Hours a week are at most 40");
      json_object_set_int_member (vacancy, name, value);
    }
  return TRUE;
}

static gboolean
apply_occupation (JsonObject  *vacancy,
                  JsonObject  *body,
                  JsonArray   *errors,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (body, "occupation");
  JsonObject *in, *out;
  const char *code, *label;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      json_object_set_null_member (vacancy, "occupation");
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_type ("occupation", "an object or null", error);
  in = json_node_get_object (node);
  if (!portal_json_get_string (in, "code", NULL, NULL, &code, error) ||
      !portal_json_get_string (in, "label", NULL, NULL, &label, error))
    return FALSE;
  if (code == NULL)
    portal_field_errors_add (errors, "occupation.code", "required", "This field is required");
  else if (!g_regex_match_simple ("^[0-9]{4}$", code, 0, 0))
    portal_field_errors_add (errors, "occupation.code", "pattern", "An occupation code has 4 digits");
  if (label == NULL || *label == '\0')
    portal_field_errors_add (errors, "occupation.label", "required", "This field is required");
  out = json_object_new ();
  json_object_set_string_member (out, "code", code != NULL ? code : "");
  json_object_set_string_member (out, "label", label != NULL ? label : "");
  json_object_set_object_member (vacancy, "occupation", out);
  return TRUE;
}

static gboolean
apply_salary (JsonObject  *vacancy,
              JsonObject  *body,
              JsonArray   *errors,
              GError     **error)
{
  JsonNode *node = json_object_get_member (body, "salary");
  JsonNode *min, *max;
  JsonObject *in, *out;
  const char *period;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      json_object_set_null_member (vacancy, "salary");
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_type ("salary", "an object or null", error);
  in = json_node_get_object (node);
  min = json_object_get_member (in, "min");
  max = json_object_get_member (in, "max");
  if ((min != NULL && !is_number (min)) || (max != NULL && !is_number (max)))
    return bad_type ("salary.min/max", "numbers", error);
  if (!portal_json_get_string (in, "period", NULL, NULL, &period, error))
    return FALSE;

  /* 1e999 parses as infinity and values of 1e17 and up are written in
   * exponent form, which json-glib 1.6 turns into invalid JSON ("inf.0",
   * "1e+17.0") in every later answer: bound them. */
  if (min == NULL)
    portal_field_errors_add (errors, "salary.min", "required", "This field is required");
  else if (number_of (min) < 0)
    portal_field_errors_add (errors, "salary.min", "min", "A salary cannot be negative");
  else if (!(number_of (min) <= SALARY_MAX))
    portal_field_errors_add (errors, "salary.min", "max", "A salary is at most 1,000,000,000");
  if (max == NULL)
    portal_field_errors_add (errors, "salary.max", "required", "This field is required");
  else if (number_of (max) < 0)
    portal_field_errors_add (errors, "salary.max", "min", "A salary cannot be negative");
  else if (!(number_of (max) <= SALARY_MAX))
    portal_field_errors_add (errors, "salary.max", "max", "A salary is at most 1,000,000,000");
  if (min != NULL && max != NULL && number_of (min) > number_of (max))
    portal_field_errors_add (errors, "salary.max", "min", "The maximum salary is below the minimum");
  if (period == NULL)
    portal_field_errors_add (errors, "salary.period", "required", "This field is required");
  else if (!g_strv_contains (salary_periods, period))
    portal_field_errors_add (errors, "salary.period", "enum", "Must be “hour”, “month” or “year”");

  out = json_object_new ();
  json_object_set_member (out, "min", min != NULL ? json_node_copy (min) : json_node_new (JSON_NODE_NULL));
  json_object_set_member (out, "max", max != NULL ? json_node_copy (max) : json_node_new (JSON_NODE_NULL));
  json_object_set_string_member (out, "period", period != NULL ? period : "month");
  json_object_set_object_member (vacancy, "salary", out);
  return TRUE;
}

static gboolean
apply_skills (JsonObject  *vacancy,
              JsonObject  *body,
              JsonArray   *errors,
              GError     **error)
{
  JsonNode *node = json_object_get_member (body, "skills");
  JsonArray *in, *out;
  guint n;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      json_object_set_array_member (vacancy, "skills", json_array_new ());
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bad_type ("skills", "an array of strings", error);
  in = json_node_get_array (node);
  n = json_array_get_length (in);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (in, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return bad_type ("skills", "an array of strings", error);
    }
  if (n > 30)
    portal_field_errors_add (errors, "skills", "max", "At most 30 skills");
  out = json_array_new ();
  for (guint i = 0; i < n; i++)
    {
      const char *skill = json_array_get_string_element (in, i);
      glong length = g_utf8_strlen (skill, -1);

      if (length == 0 || length > 60)
        {
          g_autofree char *field = g_strdup_printf ("skills[%u]", i);

          portal_field_errors_add (errors, field, length == 0 ? "min" : "max",
                                   "A skill has 1 to 60 characters");
        }
      json_array_add_string_element (out, skill);
    }
  json_object_set_array_member (vacancy, "skills", out);
  return TRUE;
}

static gboolean
apply_date (JsonObject  *vacancy,
            JsonObject  *body,
            const char  *name,
            JsonArray   *errors,
            GError     **error)
{
  gboolean present, is_null;
  const char *value;

  if (!portal_json_get_string (body, name, &present, &is_null, &value, error))
    return FALSE;
  if (!present)
    return TRUE;
  if (value == NULL)
    json_object_set_null_member (vacancy, name);
  else
    {
      if (!portal_is_valid_date (value))
        portal_field_errors_add (errors, name, "format", "A date is written YYYY-MM-DD");
      json_object_set_string_member (vacancy, name, value);
    }
  return TRUE;
}

/* Merges the writable members of @body into @vacancy: wrong JSON types are
 * a bad request (FALSE), rule violations go to @errors. */
static gboolean
apply_body (JsonObject  *vacancy,
            JsonObject  *body,
            JsonArray   *errors,
            GError     **error)
{
  gboolean present, is_null;
  const char *title;

  if (!portal_json_get_string (body, "title", &present, &is_null, &title, error))
    return FALSE;
  if (present)
    {
      glong length = title != NULL ? g_utf8_strlen (title, -1) : 0;

      if (title == NULL)
        portal_field_errors_add (errors, "title", "required", "A vacancy needs a title");
      else if (length < 3)
        portal_field_errors_add (errors, "title", "min", "A title has at least 3 characters");
      else if (length > 120)
        portal_field_errors_add (errors, "title", "max", "A title has at most 120 characters");
      json_object_set_string_member (vacancy, "title", title != NULL ? title : "");
    }
  if (!apply_string (vacancy, body, "description", NULL, 10000, errors, error) ||
      !apply_occupation (vacancy, body, errors, error) ||
      !apply_string (vacancy, body, "place", NULL, 100, errors, error) ||
      !apply_string (vacancy, body, "postcode", NULL, 0, errors, error) ||
      !apply_hours (vacancy, body, "hours_min", errors, error) ||
      !apply_hours (vacancy, body, "hours_max", errors, error) ||
      !apply_string (vacancy, body, "contract_type", contract_types, 0, errors, error) ||
      !apply_string (vacancy, body, "education_level", education_levels, 0, errors, error) ||
      !apply_salary (vacancy, body, errors, error) ||
      !apply_skills (vacancy, body, errors, error) ||
      !apply_date (vacancy, body, "start_date", errors, error) ||
      !apply_date (vacancy, body, "closing_date", errors, error))
    return FALSE;

  if (json_object_get_member (vacancy, "description") != NULL &&
      JSON_NODE_HOLDS_NULL (json_object_get_member (vacancy, "description")))
    json_object_set_string_member (vacancy, "description", "");
  if (json_object_has_member (body, "postcode"))
    {
      const char *postcode = json_object_get_string_member_with_default (vacancy, "postcode", NULL);

      if (postcode != NULL && !g_regex_match_simple ("^[1-9][0-9]{3} ?[A-Z]{2}$", postcode, 0, 0))
        portal_field_errors_add (errors, "postcode", "pattern", "A Dutch postcode looks like 1234 AB");
    }
  if (json_object_has_member (body, "hours_min") || json_object_has_member (body, "hours_max"))
    {
      JsonNode *min = json_object_get_member (vacancy, "hours_min");
      JsonNode *max = json_object_get_member (vacancy, "hours_max");

      if (min != NULL && max != NULL && !JSON_NODE_HOLDS_NULL (min) && !JSON_NODE_HOLDS_NULL (max) &&
          json_node_get_int (min) > json_node_get_int (max))
        portal_field_errors_add (errors, "hours_max", "min", "The maximum hours are below the minimum");
    }
  return TRUE;
}

static JsonObject *
new_vacancy (void)
{
  JsonObject *vacancy = json_object_new ();
  const char *nullable[] = { "occupation", "place", "postcode", "hours_min", "hours_max", "contract_type",
                             "education_level", "salary", "start_date", "closing_date" };

  json_object_set_string_member (vacancy, "title", "");
  json_object_set_string_member (vacancy, "description", "");
  for (guint i = 0; i < G_N_ELEMENTS (nullable); i++)
    json_object_set_null_member (vacancy, nullable[i]);
  json_object_set_array_member (vacancy, "skills", json_array_new ());
  return vacancy;
}

static void
reply_validation (PortalRequest *request,
                  JsonArray     *errors)
{
  g_autoptr(GError) error = g_error_new_literal (PORTAL_ERROR, PORTAL_ERROR_VALIDATION,
                                                 "Some fields of the vacancy are not valid");

  portal_request_reply_error (request, error, errors, NULL);
}

/* An active vacancy needs a closing date that has not passed. */
static void
check_closing_date (JsonObject *vacancy,
                    JsonArray  *errors)
{
  const char *closing = json_object_get_string_member_with_default (vacancy, "closing_date", NULL);
  g_autofree char *today = portal_today ();

  if (closing == NULL)
    portal_field_errors_add (errors, "closing_date", "required", "A published vacancy needs a closing date");
  else if (portal_is_valid_date (closing) && strcmp (closing, today) < 0)
    portal_field_errors_add (errors, "closing_date", "past", "The closing date has passed");
}

gboolean
portal_routes_require_verified (PortalRequest *request)
{
  g_autofree char *verification = portal_store_organisation_verification (portal_request_get_store (request),
                                                                          request->account_id);

  if (g_strcmp0 (verification, "verified") == 0)
    return TRUE;
  if (g_strcmp0 (verification, "blocked") == 0)
    portal_request_reply_problem (request, PORTAL_ERROR_FORBIDDEN, "This organisation is blocked");
  else
    portal_request_reply_problem (request, PORTAL_ERROR_ORGANISATION_NOT_VERIFIED,
                                  "The portal has not verified this organisation yet");
  return FALSE;
}

void
portal_route_vacancy_list (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) list = NULL;
  const char *status = g_hash_table_lookup (request->query, "status");
  const char *cursor;
  guint limit;

  if (status != NULL && !g_strv_contains (statuses, status))
    {
      g_autoptr(JsonArray) errors = json_array_new ();

      portal_field_errors_add (errors, "status", "enum", "Must be draft, active, closed or expired");
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "The status filter is not valid");
      portal_request_reply_error (request, error, errors, NULL);
      return;
    }
  if (!portal_request_get_paging (request, &cursor, &limit, &error) ||
      (list = portal_store_vacancy_list (portal_request_get_store (request), request->account_id,
                                         status, cursor, limit, &error)) == NULL)
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  portal_request_reply_json (request, SOUP_STATUS_OK, list);
}

void
portal_route_vacancy_create (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(JsonObject) vacancy = new_vacancy ();
  g_autoptr(JsonObject) created = NULL;
  JsonObject *body = portal_request_get_body (request, &error);

  if (body == NULL || !apply_body (vacancy, body, errors, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (!json_object_has_member (body, "title"))
    portal_field_errors_add (errors, "title", "required", "A vacancy needs a title");
  if (json_array_get_length (errors) > 0)
    {
      reply_validation (request, errors);
      return;
    }
  created = portal_store_vacancy_create (portal_request_get_store (request), request->account_id, vacancy, &error);
  if (created == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_CREATED, created);
}

void
portal_route_vacancy_get (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) vacancy = portal_store_vacancy_get (portal_request_get_store (request),
                                                            request->account_id, request->id, &error);

  if (vacancy == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, vacancy);
}

void
portal_route_vacancy_patch (PortalRequest *request)
{
  PortalStore *store = portal_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(JsonObject) vacancy = NULL;
  g_autoptr(JsonObject) updated = NULL;
  JsonObject *body;

  vacancy = portal_store_vacancy_get (store, request->account_id, request->id, &error);
  if (vacancy == NULL || (body = portal_request_get_body (request, &error)) == NULL ||
      !apply_body (vacancy, body, errors, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (g_strcmp0 (json_object_get_string_member (vacancy, "status"), "active") == 0 &&
      json_object_has_member (body, "closing_date"))
    check_closing_date (vacancy, errors);
  if (json_array_get_length (errors) > 0)
    {
      reply_validation (request, errors);
      return;
    }
  updated = portal_store_vacancy_update (store, request->account_id, request->id, vacancy, &error);
  if (updated == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, updated);
}

void
portal_route_vacancy_delete (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!portal_store_vacancy_delete_draft (portal_request_get_store (request), request->account_id,
                                          request->id, &error))
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}

static void
require_for_publish (JsonObject *vacancy,
                     const char *name,
                     JsonArray  *errors)
{
  JsonNode *node = json_object_get_member (vacancy, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) ||
      (json_node_get_value_type (node) == G_TYPE_STRING && *json_node_get_string (node) == '\0'))
    portal_field_errors_add (errors, name, "required", "A published vacancy needs this field");
}

void
portal_route_vacancy_publish (PortalRequest *request)
{
  PortalStore *store = portal_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(JsonObject) vacancy = NULL;
  g_autoptr(JsonObject) published = NULL;

  vacancy = portal_store_vacancy_get (store, request->account_id, request->id, &error);
  if (vacancy == NULL)
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (!portal_routes_require_verified (request))
    return;
  if (g_strcmp0 (json_object_get_string_member (vacancy, "status"), "draft") != 0)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_CONFLICT, "Only a draft can be published");
      return;
    }
  require_for_publish (vacancy, "title", errors);
  require_for_publish (vacancy, "description", errors);
  require_for_publish (vacancy, "place", errors);
  require_for_publish (vacancy, "contract_type", errors);
  check_closing_date (vacancy, errors);
  if (json_array_get_length (errors) > 0)
    {
      reply_validation (request, errors);
      return;
    }
  published = portal_store_vacancy_set_state (store, request->account_id, request->id, "active", NULL, &error);
  if (published == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, published);
}

void
portal_route_vacancy_close (PortalRequest *request)
{
  PortalStore *store = portal_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) vacancy = portal_store_vacancy_get (store, request->account_id, request->id, &error);
  g_autoptr(JsonObject) closed = NULL;
  const char *status;

  if (vacancy == NULL)
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  status = json_object_get_string_member (vacancy, "status");
  if (g_strcmp0 (status, "active") != 0 && g_strcmp0 (status, "expired") != 0)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_CONFLICT, "Only an active vacancy can be closed");
      return;
    }
  closed = portal_store_vacancy_set_state (store, request->account_id, request->id, "closed", NULL, &error);
  if (closed == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, closed);
}

void
portal_route_vacancy_renew (PortalRequest *request)
{
  PortalStore *store = portal_request_get_store (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(JsonObject) vacancy = NULL;
  g_autoptr(JsonObject) renewed = NULL;
  g_autoptr(JsonObject) check = json_object_new ();
  JsonObject *body;
  const char *closing, *status;

  vacancy = portal_store_vacancy_get (store, request->account_id, request->id, &error);
  if (vacancy == NULL || (body = portal_request_get_body (request, &error)) == NULL ||
      ((closing = portal_json_require_string (body, "closing_date", errors, &error)) == NULL && error != NULL))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (closing != NULL)
    {
      if (!portal_is_valid_date (closing))
        portal_field_errors_add (errors, "closing_date", "format", "A date is written YYYY-MM-DD");
      json_object_set_string_member (check, "closing_date", closing);
      check_closing_date (check, errors);
    }
  if (json_array_get_length (errors) > 0)
    {
      reply_validation (request, errors);
      return;
    }
  if (!portal_routes_require_verified (request))
    return;
  status = json_object_get_string_member (vacancy, "status");
  if (g_strcmp0 (status, "closed") != 0 && g_strcmp0 (status, "expired") != 0)
    {
      portal_request_reply_problem (request, PORTAL_ERROR_CONFLICT,
                                    "Only a closed or expired vacancy can be renewed");
      return;
    }
  renewed = portal_store_vacancy_set_state (store, request->account_id, request->id, "active", closing, &error);
  if (renewed == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, renewed);
}
