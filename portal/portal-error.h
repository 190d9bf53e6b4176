/* portal-error.h: the portal's error domain, one code per problem type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One code per RFC 9457 problem `type` of the API document. */
typedef enum
{
  PORTAL_ERROR_BAD_REQUEST,
  PORTAL_ERROR_VALIDATION,
  PORTAL_ERROR_UNAUTHENTICATED,
  PORTAL_ERROR_FORBIDDEN,
  PORTAL_ERROR_NOT_FOUND,
  PORTAL_ERROR_NO_ACTIVE_VACANCY,
  PORTAL_ERROR_QUOTA_EXCEEDED,
  PORTAL_ERROR_ORGANISATION_NOT_VERIFIED,
  PORTAL_ERROR_CONFLICT,
  PORTAL_ERROR_PAYLOAD_TOO_LARGE,
  PORTAL_ERROR_RATE_LIMITED,
  PORTAL_ERROR_INTERNAL,
} PortalErrorCode;

#define PORTAL_ERROR (portal_error_quark ())
GQuark portal_error_quark (void);

/* The problem name ("validation", "not-found", ...) and HTTP status of a code. */
const char *portal_error_problem_name (PortalErrorCode code);
guint       portal_error_http_status  (PortalErrorCode code);
/* A short English title for the problem document. */
const char *portal_error_problem_title (PortalErrorCode code);

/* Appends {"field","code","detail"} to a validation error list. */
void        portal_field_errors_add   (JsonArray  *errors,
                                       const char *field,
                                       const char *code,
                                       const char *detail);

G_END_DECLS
