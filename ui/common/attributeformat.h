// Typed rendering of DynamoDB attribute values ({"S": "x"}, {"M": {...}},
// ...) for grids, tooltips and the tree: one line per value, nested values
// summarised. Pure functions; safe from any thread.
#pragma once

#include <QJsonObject>
#include <QString>

namespace dd::ui::format {

// The type tag of one attribute value: "S", "N", ..., "NULL"; empty if malformed.
QString typeOf(const QJsonObject &attribute);

// One line for a grid cell: strings as they are (line breaks shown as ⏎),
// numbers exactly as stored, binaries by size and a base64 prefix, sets as
// {a, b}, maps as {k: v, ...} and lists as [v, ...], cut at maxChars with "…".
QString summary(const QJsonObject &attribute, int maxChars = 200);

// The value as indented plain JSON (numbers exact), for tooltips.
QString plainText(const QJsonObject &attribute);

} // namespace dd::ui::format
