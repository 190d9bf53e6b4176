/* portal-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "portal-error.h"

G_DEFINE_QUARK (portal-error-quark, portal_error)

static const struct
{
  const char *name;
  guint       status;
  const char *title;
} problems[] = {
  [PORTAL_ERROR_BAD_REQUEST] = { "bad-request", 400, "The request is malformed" },
  [PORTAL_ERROR_VALIDATION] = { "validation", 422, "Some fields are not valid" },
  [PORTAL_ERROR_UNAUTHENTICATED] = { "unauthenticated", 401, "You are not signed in" },
  [PORTAL_ERROR_FORBIDDEN] = { "forbidden", 403, "You may not do this" },
  [PORTAL_ERROR_NOT_FOUND] = { "not-found", 404, "Not found" },
  [PORTAL_ERROR_NO_ACTIVE_VACANCY] = { "no-active-vacancy", 409, "The vacancy is not active" },
  [PORTAL_ERROR_QUOTA_EXCEEDED] = { "quota-exceeded", 429, "The daily quota is used up" },
  [PORTAL_ERROR_ORGANISATION_NOT_VERIFIED] = { "organisation-not-verified", 403, "The organisation is not verified yet" },
  [PORTAL_ERROR_CONFLICT] = { "conflict", 409, "This conflicts with the current state" },
  [PORTAL_ERROR_PAYLOAD_TOO_LARGE] = { "payload-too-large", 413, "The request body is too large" },
  [PORTAL_ERROR_RATE_LIMITED] = { "rate-limited", 429, "Too many attempts" },
  [PORTAL_ERROR_INTERNAL] = { "internal", 500, "Internal server error" },
};

const char *
portal_error_problem_name (PortalErrorCode code)
{
  if ((guint) code >= G_N_ELEMENTS (problems))
    code = PORTAL_ERROR_INTERNAL;
  return problems[code].name;
}

const char *
portal_error_problem_title (PortalErrorCode code)
{
  if ((guint) code >= G_N_ELEMENTS (problems))
    code = PORTAL_ERROR_INTERNAL;
  return problems[code].title;
}

guint
portal_error_http_status (PortalErrorCode code)
{
  if ((guint) code >= G_N_ELEMENTS (problems))
    code = PORTAL_ERROR_INTERNAL;
  return problems[code].status;
}

void
portal_field_errors_add (JsonArray  *errors,
                         const char *field,
                         const char *code,
                         const char *detail)
{
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, "field", field);
  json_object_set_string_member (item, "code", code);
  json_object_set_string_member (item, "detail", detail);
  json_array_add_object_element (errors, item);
}
