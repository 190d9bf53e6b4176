/* werving-cv-query.c: the criteria of a CV search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-cv-query.h"

static const char * const known_params[] = {
  "q", "skills", "occupation", "place", "radius_km", "education_min", "hours_min",
  "hours_max", "driving_licence", "languages", "available_from", "updated_since", "sort",
};

struct _WervingCvQuery
{
  GObject  parent_instance;

  char    *values[G_N_ELEMENTS (known_params)];
};

G_DEFINE_FINAL_TYPE (WervingCvQuery, werving_cv_query, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
param_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_params); i++)
    if (g_strcmp0 (known_params[i], name) == 0)
      return (int) i;
  return -1;
}

static void
werving_cv_query_finalize (GObject *object)
{
  WervingCvQuery *self = WERVING_CV_QUERY (object);

  for (guint i = 0; i < G_N_ELEMENTS (known_params); i++)
    g_free (self->values[i]);

  G_OBJECT_CLASS (werving_cv_query_parent_class)->finalize (object);
}

static void
werving_cv_query_class_init (WervingCvQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_cv_query_finalize;

  /**
   * WervingCvQuery::changed:
   *
   * Emitted when a criterion changed value.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
werving_cv_query_init (WervingCvQuery *self)
{
}

WervingCvQuery *
werving_cv_query_new (void)
{
  return g_object_new (WERVING_TYPE_CV_QUERY, NULL);
}

WervingCvQuery *
werving_cv_query_copy (WervingCvQuery *self)
{
  WervingCvQuery *copy;

  g_return_val_if_fail (WERVING_IS_CV_QUERY (self), NULL);

  copy = werving_cv_query_new ();
  for (guint i = 0; i < G_N_ELEMENTS (known_params); i++)
    copy->values[i] = g_strdup (self->values[i]);
  return copy;
}

gboolean
werving_cv_query_is_known_param (const char *name)
{
  return param_index (name) >= 0;
}

void
werving_cv_query_set (WervingCvQuery *self,
                      const char     *name,
                      const char     *value)
{
  int i;

  g_return_if_fail (WERVING_IS_CV_QUERY (self));
  i = param_index (name);
  g_return_if_fail (i >= 0);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->values[i], value) == 0)
    return;

  g_free (self->values[i]);
  self->values[i] = g_strdup (value);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
werving_cv_query_get (WervingCvQuery *self,
                      const char     *name)
{
  int i;

  g_return_val_if_fail (WERVING_IS_CV_QUERY (self), NULL);
  i = param_index (name);
  g_return_val_if_fail (i >= 0, NULL);

  return self->values[i];
}

gboolean
werving_cv_query_equal (WervingCvQuery *self,
                        WervingCvQuery *other)
{
  g_return_val_if_fail (WERVING_IS_CV_QUERY (self), FALSE);
  g_return_val_if_fail (WERVING_IS_CV_QUERY (other), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (known_params); i++)
    if (g_strcmp0 (self->values[i], other->values[i]) != 0)
      return FALSE;
  return TRUE;
}

char *
werving_cv_query_to_string (WervingCvQuery *self)
{
  GString *s;

  g_return_val_if_fail (WERVING_IS_CV_QUERY (self), NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (known_params); i++)
    {
      if (self->values[i] == NULL)
        continue;
      if (s->len > 0)
        g_string_append_c (s, '&');
      g_string_append (s, known_params[i]);
      g_string_append_c (s, '=');
      /* Commas separate list values: keep them literal. */
      g_string_append_uri_escaped (s, self->values[i], ",", FALSE);
    }
  return g_string_free (s, FALSE);
}
