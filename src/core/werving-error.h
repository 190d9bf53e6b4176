/* werving-error.h: the client's error domain, one code per problem type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * WervingErrorCode:
 *
 * One code per RFC 9457 problem `type` of the API, plus what can go wrong
 * before an answer arrives. A problem type this client does not know maps to
 * %WERVING_ERROR_UNKNOWN_PROBLEM (the HTTP status is kept).
 */
typedef enum
{
  WERVING_ERROR_VALIDATION,
  WERVING_ERROR_BAD_REQUEST,
  WERVING_ERROR_UNAUTHENTICATED,
  WERVING_ERROR_FORBIDDEN,
  WERVING_ERROR_NOT_FOUND,
  WERVING_ERROR_NO_ACTIVE_VACANCY,
  WERVING_ERROR_QUOTA_EXCEEDED,
  WERVING_ERROR_ORGANISATION_NOT_VERIFIED,
  WERVING_ERROR_CONFLICT,
  WERVING_ERROR_PAYLOAD_TOO_LARGE,
  WERVING_ERROR_RATE_LIMITED,
  WERVING_ERROR_INTERNAL,
  WERVING_ERROR_UNKNOWN_PROBLEM,
  WERVING_ERROR_NETWORK,
  WERVING_ERROR_TLS_CERTIFICATE,
  WERVING_ERROR_INSECURE_URL,
  WERVING_ERROR_PARSE,
  WERVING_ERROR_CANCELLED,
} WervingErrorCode;

#define WERVING_ERROR (werving_error_quark ())
GQuark werving_error_quark (void);

/**
 * WervingFieldError:
 * @field: the member of the request body, e.g. "title" or "salary.min"
 * @code: the machine-readable rule, e.g. "pattern", "too-short"
 * @detail: the server's human-readable text (not translated)
 */
typedef struct
{
  char *field;
  char *code;
  char *detail;
} WervingFieldError;

#define WERVING_TYPE_FIELD_ERROR (werving_field_error_get_type ())
GType              werving_field_error_get_type (void) G_GNUC_CONST;
WervingFieldError *werving_field_error_new      (const char              *field,
                                                 const char              *code,
                                                 const char              *detail);
WervingFieldError *werving_field_error_copy     (const WervingFieldError *self);
void               werving_field_error_free     (WervingFieldError       *self);
char              *werving_field_error_to_user_message (const WervingFieldError *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WervingFieldError, werving_field_error_free)

/* Details kept with a WERVING_ERROR; all return 0/-1/NULL for other errors. */
guint             werving_error_get_status            (const GError *error);
const char       *werving_error_get_problem_type      (const GError *error);
const char       *werving_error_get_detail            (const GError *error);
const GPtrArray  *werving_error_get_field_errors      (const GError *error);
const WervingFieldError *werving_error_find_field_error (const GError *error,
                                                         const char   *field);
gint64            werving_error_get_retry_after       (const GError *error);
const char       *werving_error_get_quota             (const GError *error);
const char       *werving_error_get_certificate_fingerprint (const GError *error);

/* The problem name ("not-found") for a code, and back. */
const char       *werving_error_code_to_problem_name  (WervingErrorCode code);
WervingErrorCode  werving_error_code_from_problem_type (const char *type);

char             *werving_error_to_user_message       (const GError *error);

G_END_DECLS
