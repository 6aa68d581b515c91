// Typed rendering of DynamoDB attribute values ({"S": "x"}, {"M": {...}},
// ...) for grids, tooltips and the tree: one line per value, nested values
// summarised. Pure functions; safe from any thread.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariant>

namespace dd::ui::format {

// The type tag of one attribute value: "S", "N", ..., "NULL"; empty if malformed.
QString typeOf(const QJsonObject &attribute);

// One line for a grid cell: strings as they are (line breaks shown as ⏎),
// numbers exactly as stored, binaries by size and a base64 prefix, sets as
// {a, b}, maps as {k: v, ...} and lists as [v, ...], cut at maxChars with "…".
QString summary(const QJsonObject &attribute, int maxChars = 200);

// The value as indented plain JSON (numbers exact), for tooltips.
QString plainText(const QJsonObject &attribute);

// What a grid cell of the value shows in Qt's display, tool-tip,
// alignment and foreground roles (null for other roles and for a missing
// value): the summary, the type and plain text, numbers to the right, and
// NULL/BOOL dimmed and nested values, binaries and sets in the link colour.
// Reads the application's palette: GUI thread only.
QVariant cellData(const QJsonObject &attribute, int role);

} // namespace dd::ui::format
