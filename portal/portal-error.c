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
} problems[] = {
  [PORTAL_ERROR_BAD_REQUEST] = { "bad-request", 400 },
  [PORTAL_ERROR_VALIDATION] = { "validation", 422 },
  [PORTAL_ERROR_UNAUTHENTICATED] = { "unauthenticated", 401 },
  [PORTAL_ERROR_FORBIDDEN] = { "forbidden", 403 },
  [PORTAL_ERROR_NOT_FOUND] = { "not-found", 404 },
  [PORTAL_ERROR_NO_ACTIVE_VACANCY] = { "no-active-vacancy", 409 },
  [PORTAL_ERROR_QUOTA_EXCEEDED] = { "quota-exceeded", 429 },
  [PORTAL_ERROR_ORGANISATION_NOT_VERIFIED] = { "organisation-not-verified", 403 },
  [PORTAL_ERROR_CONFLICT] = { "conflict", 409 },
  [PORTAL_ERROR_PAYLOAD_TOO_LARGE] = { "payload-too-large", 413 },
  [PORTAL_ERROR_RATE_LIMITED] = { "rate-limited", 429 },
  [PORTAL_ERROR_INTERNAL] = { "internal", 500 },
};

const char *
portal_error_problem_name (PortalErrorCode code)
{
  if ((guint) code >= G_N_ELEMENTS (problems))
    code = PORTAL_ERROR_INTERNAL;
  return problems[code].name;
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
