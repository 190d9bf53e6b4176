/* werving-error.c: the client's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "werving-error-private.h"

#define PROBLEM_PREFIX "https://werving.example/problems/"

typedef struct
{
  guint      status;
  char      *problem_type;
  char      *detail;
  GPtrArray *field_errors;   /* of WervingFieldError */
  gint64     retry_after;    /* seconds, -1 if none */
  char      *quota;
  char      *certificate_fingerprint;
} WervingErrorPrivate;

static void
werving_error_private_init (WervingErrorPrivate *priv)
{
  if (priv == NULL)
    return;
  priv->retry_after = -1;
  priv->field_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) werving_field_error_free);
}

static void
werving_error_private_copy (const WervingErrorPrivate *src,
                            WervingErrorPrivate       *dest)
{
  if (src == NULL || dest == NULL)
    return;
  dest->status = src->status;
  dest->problem_type = g_strdup (src->problem_type);
  dest->detail = g_strdup (src->detail);
  dest->retry_after = src->retry_after;
  dest->quota = g_strdup (src->quota);
  dest->certificate_fingerprint = g_strdup (src->certificate_fingerprint);
  for (guint i = 0; i < src->field_errors->len; i++)
    g_ptr_array_add (dest->field_errors,
                     werving_field_error_copy (g_ptr_array_index (src->field_errors, i)));
}

static void
werving_error_private_clear (WervingErrorPrivate *priv)
{
  if (priv == NULL)
    return;
  g_clear_pointer (&priv->problem_type, g_free);
  g_clear_pointer (&priv->detail, g_free);
  g_clear_pointer (&priv->field_errors, g_ptr_array_unref);
  g_clear_pointer (&priv->quota, g_free);
  g_clear_pointer (&priv->certificate_fingerprint, g_free);
}

G_DEFINE_EXTENDED_ERROR (WervingError, werving_error)

/* For errors this file just created in the WERVING_ERROR domain. */
static WervingErrorPrivate *
private_of (GError *error)
{
  WervingErrorPrivate *priv = werving_error_get_private (error);

  if (priv == NULL)
    g_error ("WERVING_ERROR without private data");
  return priv;
}

static const char * const problem_names[] = {
  [WERVING_ERROR_VALIDATION] = "validation",
  [WERVING_ERROR_BAD_REQUEST] = "bad-request",
  [WERVING_ERROR_UNAUTHENTICATED] = "unauthenticated",
  [WERVING_ERROR_FORBIDDEN] = "forbidden",
  [WERVING_ERROR_NOT_FOUND] = "not-found",
  [WERVING_ERROR_NO_ACTIVE_VACANCY] = "no-active-vacancy",
  [WERVING_ERROR_QUOTA_EXCEEDED] = "quota-exceeded",
  [WERVING_ERROR_ORGANISATION_NOT_VERIFIED] = "organisation-not-verified",
  [WERVING_ERROR_CONFLICT] = "conflict",
  [WERVING_ERROR_PAYLOAD_TOO_LARGE] = "payload-too-large",
  [WERVING_ERROR_RATE_LIMITED] = "rate-limited",
  [WERVING_ERROR_INTERNAL] = "internal",
};

const char *
werving_error_code_to_problem_name (WervingErrorCode code)
{
  if ((guint) code < G_N_ELEMENTS (problem_names))
    return problem_names[code];
  return NULL;
}

WervingErrorCode
werving_error_code_from_problem_type (const char *type)
{
  const char *name = type;

  if (type == NULL)
    return WERVING_ERROR_UNKNOWN_PROBLEM;
  if (g_str_has_prefix (type, PROBLEM_PREFIX))
    name = type + strlen (PROBLEM_PREFIX);
  else if (strrchr (type, '/') != NULL)
    name = strrchr (type, '/') + 1;

  for (guint i = 0; i < G_N_ELEMENTS (problem_names); i++)
    if (g_strcmp0 (problem_names[i], name) == 0)
      return (WervingErrorCode) i;

  return WERVING_ERROR_UNKNOWN_PROBLEM;
}

/* WervingFieldError */

G_DEFINE_BOXED_TYPE (WervingFieldError, werving_field_error,
                     werving_field_error_copy, werving_field_error_free)

WervingFieldError *
werving_field_error_new (const char *field,
                         const char *code,
                         const char *detail)
{
  WervingFieldError *self = g_new0 (WervingFieldError, 1);

  self->field = g_strdup (field);
  self->code = g_strdup (code);
  self->detail = g_strdup (detail);
  return self;
}

WervingFieldError *
werving_field_error_copy (const WervingFieldError *self)
{
  return werving_field_error_new (self->field, self->code, self->detail);
}

void
werving_field_error_free (WervingFieldError *self)
{
  if (self == NULL)
    return;
  g_free (self->field);
  g_free (self->code);
  g_free (self->detail);
  g_free (self);
}

/**
 * werving_field_error_to_user_message:
 *
 * Returns: one translated sentence to show next to the field.
 */
char *
werving_field_error_to_user_message (const WervingFieldError *self)
{
  const char *code = self->code ? self->code : "";

  if (g_str_equal (code, "required") || g_str_equal (code, "missing"))
    return g_strdup (_("This field is required."));
  if (g_str_equal (code, "too-short") || g_str_equal (code, "min-length"))
    return g_strdup (_("This is too short."));
  if (g_str_equal (code, "too-long") || g_str_equal (code, "max-length"))
    return g_strdup (_("This is too long."));
  if (g_str_equal (code, "pattern") || g_str_equal (code, "format") ||
      g_str_equal (code, "invalid") || g_str_equal (code, "type"))
    return g_strdup (_("This does not have the right format."));
  if (g_str_equal (code, "min"))
    return g_strdup (_("This is too short or too low."));
  if (g_str_equal (code, "max"))
    return g_strdup (_("This is too long or too high."));
  if (g_str_equal (code, "range") || g_str_equal (code, "out-of-range"))
    return g_strdup (_("This value is out of range."));
  if (g_str_equal (code, "enum"))
    return g_strdup (_("Choose one of the offered options."));
  if (g_str_equal (code, "too-many"))
    return g_strdup (_("There are too many entries."));
  if (g_str_equal (code, "in-past") || g_str_equal (code, "past") ||
      g_str_equal (code, "not-future"))
    return g_strdup (_("This date must not be in the past."));
  if (g_str_equal (code, "order") || g_str_equal (code, "min-greater-than-max"))
    return g_strdup (_("The minimum must not be higher than the maximum."));
  if (g_str_equal (code, "taken") || g_str_equal (code, "duplicate"))
    return g_strdup (_("This is already in use."));

  return g_strdup (_("This value is not valid."));
}

/* Accessors */

static WervingErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != WERVING_ERROR)
    return NULL;
  return werving_error_get_private (error);
}

guint
werving_error_get_status (const GError *error)
{
  WervingErrorPrivate *priv = get_private (error);
  return priv ? priv->status : 0;
}

const char *
werving_error_get_problem_type (const GError *error)
{
  WervingErrorPrivate *priv = get_private (error);
  return priv ? priv->problem_type : NULL;
}

const char *
werving_error_get_detail (const GError *error)
{
  WervingErrorPrivate *priv = get_private (error);
  return priv ? priv->detail : NULL;
}

/**
 * werving_error_get_field_errors:
 *
 * Returns: (transfer none) (nullable): the WervingFieldErrors of a
 * validation error, or NULL for any other error.
 */
const GPtrArray *
werving_error_get_field_errors (const GError *error)
{
  WervingErrorPrivate *priv = get_private (error);
  return priv ? priv->field_errors : NULL;
}

const WervingFieldError *
werving_error_find_field_error (const GError *error,
                                const char   *field)
{
  const GPtrArray *errors = werving_error_get_field_errors (error);

  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const WervingFieldError *fe = g_ptr_array_index (errors, i);
      if (g_strcmp0 (fe->field, field) == 0)
        return fe;
    }
  return NULL;
}

gint64
werving_error_get_retry_after (const GError *error)
{
  WervingErrorPrivate *priv = get_private (error);
  return priv ? priv->retry_after : -1;
}

void
werving_error_set_retry_after (GError *error,
                               gint64  seconds)
{
  WervingErrorPrivate *priv = get_private (error);
  if (priv != NULL)
    priv->retry_after = seconds;
}

const char *
werving_error_get_quota (const GError *error)
{
  WervingErrorPrivate *priv = get_private (error);
  return priv ? priv->quota : NULL;
}

const char *
werving_error_get_certificate_fingerprint (const GError *error)
{
  WervingErrorPrivate *priv = get_private (error);
  return priv ? priv->certificate_fingerprint : NULL;
}

/* Construction */

static const char *
member_string (JsonObject *object,
               const char *name,
               gsize       max)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *s;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  s = json_node_get_string (node);
  return strlen (s) <= max ? s : NULL;
}

static gint64
parse_retry_after (const char *header)
{
  guint64 v;

  if (header == NULL || !g_ascii_string_to_unsigned (header, 10, 0, G_MAXINT32, &v, NULL))
    return -1;
  return (gint64) v;
}

static WervingErrorCode
code_for_status (guint status)
{
  switch (status)
    {
    case 400: return WERVING_ERROR_BAD_REQUEST;
    case 401: return WERVING_ERROR_UNAUTHENTICATED;
    case 403: return WERVING_ERROR_FORBIDDEN;
    case 404: return WERVING_ERROR_NOT_FOUND;
    case 409: return WERVING_ERROR_CONFLICT;
    case 413: return WERVING_ERROR_PAYLOAD_TOO_LARGE;
    case 422: return WERVING_ERROR_VALIDATION;
    case 429: return WERVING_ERROR_RATE_LIMITED;
    default:
      return status >= 500 ? WERVING_ERROR_INTERNAL : WERVING_ERROR_UNKNOWN_PROBLEM;
    }
}

GError *
werving_error_new_from_problem (guint       status,
                                JsonNode   *body,
                                const char *retry_after_header)
{
  JsonObject *object = NULL;
  const char *type = NULL;
  const char *title = NULL;
  WervingErrorCode code;
  WervingErrorPrivate *priv;
  GError *error;

  if (body != NULL && JSON_NODE_HOLDS_OBJECT (body))
    {
      object = json_node_get_object (body);
      type = member_string (object, "type", 1024);
      title = member_string (object, "title", 1024);
    }

  code = type ? werving_error_code_from_problem_type (type) : code_for_status (status);

  error = g_error_new (WERVING_ERROR, code, "HTTP %u %s%s%s", status,
                       type ? type : "(no problem document)",
                       title ? ": " : "", title ? title : "");
  priv = private_of (error);
  priv->status = status;
  priv->problem_type = g_strdup (type);
  priv->retry_after = parse_retry_after (retry_after_header);

  if (object == NULL)
    return error;

  priv->detail = g_strdup (member_string (object, "detail", 4096));
  priv->quota = g_strdup (member_string (object, "quota", 64));

  if (priv->retry_after < 0)
    {
      JsonNode *node = json_object_get_member (object, "retry_after");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) >= 0)
        priv->retry_after = json_node_get_int (node);
    }

  {
    JsonNode *node = json_object_get_member (object, "errors");
    JsonArray *array;

    if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
      return error;

    array = json_node_get_array (node);
    for (guint i = 0; i < json_array_get_length (array) && i < 200; i++)
      {
        JsonNode *item = json_array_get_element (array, i);
        JsonObject *fe;
        const char *field;

        if (!JSON_NODE_HOLDS_OBJECT (item))
          continue;
        fe = json_node_get_object (item);
        field = member_string (fe, "field", 256);
        if (field == NULL)
          continue;
        g_ptr_array_add (priv->field_errors,
                         werving_field_error_new (field, member_string (fe, "code", 64),
                                                  member_string (fe, "detail", 1024)));
      }
  }

  return error;
}

GError *
werving_error_new_from_transport (const GError *error,
                                  const char   *certificate_fingerprint)
{
  GError *result;

  if (error->domain == WERVING_ERROR)
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (WERVING_ERROR, WERVING_ERROR_CANCELLED, error->message);

  if (error->domain == G_TLS_ERROR)
    {
      result = g_error_new_literal (WERVING_ERROR, WERVING_ERROR_TLS_CERTIFICATE, error->message);
      private_of (result)->certificate_fingerprint = g_strdup (certificate_fingerprint);
      return result;
    }

  return g_error_new (WERVING_ERROR, WERVING_ERROR_NETWORK, "%s", error->message);
}

/* User messages */

static char *
format_reset_time (gint64 retry_after)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, (double) MAX (retry_after, 0));

  /* TRANSLATORS: a time of day, as in "you can view more CVs from 01:00" */
  return g_date_time_format (then, _("%H:%M"));
}

char *
werving_error_to_user_message (const GError *error)
{
  gint64 retry_after;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != WERVING_ERROR)
    return g_strdup_printf (_("Something went wrong: %s"), error->message);

  retry_after = werving_error_get_retry_after (error);

  switch ((WervingErrorCode) error->code)
    {
    case WERVING_ERROR_VALIDATION:
      return g_strdup (_("Some fields are not filled in correctly."));
    case WERVING_ERROR_BAD_REQUEST:
      return g_strdup (_("The portal did not understand the request; Werving may need an update."));
    case WERVING_ERROR_UNAUTHENTICATED:
      return g_strdup (_("The e-mail address or password is wrong, or your session has ended."));
    case WERVING_ERROR_FORBIDDEN:
      return g_strdup (_("Your account is not allowed to do this."));
    case WERVING_ERROR_NOT_FOUND:
      return g_strdup (_("This item no longer exists or is not available to you."));
    case WERVING_ERROR_NO_ACTIVE_VACANCY:
      return g_strdup (_("You can only contact candidates about a vacancy that is published and still open."));
    case WERVING_ERROR_QUOTA_EXCEEDED:
      {
        g_autofree char *when = format_reset_time (retry_after);
        const char *quota = werving_error_get_quota (error);

        if (g_strcmp0 (quota, "new-contacts") == 0)
          return g_strdup_printf (_("You have contacted the maximum number of new candidates for today; you can contact more from %s."), when);
        return g_strdup_printf (_("You have viewed the maximum number of CVs for today; you can view more from %s."), when);
      }
    case WERVING_ERROR_ORGANISATION_NOT_VERIFIED:
      return g_strdup (_("The portal has not verified your organisation yet, so you cannot publish vacancies or view CVs."));
    case WERVING_ERROR_CONFLICT:
      return g_strdup (_("This conflicts with what is already on the portal."));
    case WERVING_ERROR_PAYLOAD_TOO_LARGE:
      return g_strdup (_("The text is too long to send."));
    case WERVING_ERROR_RATE_LIMITED:
      {
        gint64 minutes = retry_after > 0 ? (retry_after + 59) / 60 : 1;

        return g_strdup_printf (ngettext ("Too many attempts; wait %d minute and try again.",
                                          "Too many attempts; wait %d minutes and try again.",
                                          (gulong) minutes),
                                (int) minutes);
      }
    case WERVING_ERROR_INTERNAL:
      return g_strdup (_("The portal ran into a problem; try again later."));
    case WERVING_ERROR_UNKNOWN_PROBLEM:
      return g_strdup (_("The portal refused the request."));
    case WERVING_ERROR_NETWORK:
      return g_strdup (_("Werving cannot reach the portal; check your internet connection."));
    case WERVING_ERROR_TLS_CERTIFICATE:
      return g_strdup (_("The portal’s security certificate is not trusted, so Werving did not connect."));
    case WERVING_ERROR_INSECURE_URL:
      return g_strdup (_("The portal address must start with https://."));
    case WERVING_ERROR_PARSE:
      return g_strdup (_("The portal sent an answer Werving does not understand."));
    case WERVING_ERROR_CANCELLED:
      return g_strdup (_("The operation was cancelled."));
    default:
      return g_strdup_printf (_("Something went wrong: %s"), error->message);
    }
}
