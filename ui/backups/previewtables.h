// Filling the history view's two preview grids from a
// Dynamodesk.PreviewRestore response: the items then (key columns first,
// then every other attribute in order of first appearance) and the items
// that differ from now (key, what changed, the item then and now). Cells
// are one-line summaries (common/attributeformat.h) with the full value as
// a tooltip. Pure functions over QStandardItemModel; GUI thread.
#pragma once

#include "common/tablekeys.h"

#include <QJsonArray>

class QStandardItemModel;

namespace dd::ui {

// Replaces the content of `model` with `items` (DynamoDB JSON items).
void fillItemsModel(QStandardItemModel *model, const QJsonArray &items, const TableKeys &keys);

// Replaces the content of `model` with `differences` ([{Key, Then?, Now?}]).
void fillDifferencesModel(QStandardItemModel *model, const QJsonArray &differences, const TableKeys &keys);

} // namespace dd::ui
