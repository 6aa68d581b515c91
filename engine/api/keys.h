// Key extraction and validation for item operations, with AWS's messages.
#pragma once

#include "model/attributevalue.h"
#include "model/result.h"
#include "storage/itemstore.h"
#include "storage/tabledef.h"

namespace dd::api {

struct ItemKey {
    model::Item attributes;     // the key attributes only, as an item
    storage::StoredKey stored;  // encoded for storage
};

// From a Key parameter: exactly the table's key attributes, of the declared
// types ("The provided key element does not match the schema").
Result<ItemKey> keyFromKeyParameter(const storage::TableDef &table, const model::Item &key);
// The same checks and errors, giving only the stored key (for reads that
// look an item up and need no key item).
Result<storage::StoredKey> storedKeyFromKeyParameter(const storage::TableDef &table, const model::Item &key);

// From a whole item (PutItem): "One or more parameter values were invalid:
// Missing the key X in the item", type mismatches, empty and oversized keys,
// and index key attributes of the wrong type.
Result<ItemKey> keyFromItem(const storage::TableDef &table, const model::Item &item);

// Every top-level attribute name of an item to be written is 1 byte to 64 KB long.
Result<void> checkAttributeNames(const model::Item &item);

// Index key attributes present in `item` must have their declared types.
Result<void> checkIndexKeyTypes(const storage::TableDef &table, const model::Item &item);

} // namespace dd::api
