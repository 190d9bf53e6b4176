/* fuzz-json.c: libFuzzer target for the JSON mapping of every domain object
 *
 *   CC=clang meson setup _build-fuzz -Dfuzzing=true -Dapp=false
 *   ninja -C _build-fuzz && _build-fuzz/src/core/fuzz/fuzz-json src/core/fuzz/corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-core.h"
#include "werving-error-private.h"
#include "werving-json-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

typedef gpointer (*ParseFunc) (JsonNode *node, GError **error);

static gpointer
parse_page (JsonNode  *node,
            GError   **error)
{
  return werving_page_new_from_json (node, WERVING_TYPE_THREAD,
                                     (WervingItemParseFunc) werving_thread_new_from_json, error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const ParseFunc parsers[] = {
    (ParseFunc) werving_organisation_new_from_json,
    (ParseFunc) werving_vacancy_new_from_json,
    (ParseFunc) werving_cv_summary_new_from_json,
    (ParseFunc) werving_cv_new_from_json,
    (ParseFunc) werving_thread_new_from_json,
    (ParseFunc) werving_message_new_from_json,
    (ParseFunc) werving_session_new_from_json,
    (ParseFunc) werving_quota_new_from_json,
    parse_page,
  };
  g_autoptr(JsonNode) node = werving_json_parse ((const char *) data, size, NULL);
  g_autoptr(GError) problem = NULL;

  if (node == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (parsers); i++)
    {
      g_autoptr(GError) error = NULL;
      gpointer object = parsers[i] (node, &error);

      g_assert ((object == NULL) != (error == NULL));
      g_clear_object (&object);
    }

  problem = werving_error_new_from_problem (422, node, "12");
  g_free (werving_error_to_user_message (problem));
  return 0;
}
