// Item text in the two notations of the item editor: DynamoDB JSON
// ({"pk": {"S": "a"}}), the wire form and the canonical one, and plain JSON
// ({"pk": "a"}). Numbers stay exact in both directions (plain JSON numbers
// are kept as their literal text, never as doubles). Pure functions; safe
// from any thread.
#pragma once

#include <QJsonObject>
#include <QString>

namespace dd::ui::itemjson {

// Where parsing failed, for pointing the editor at the spot.
struct ParseError {
    QString message; // one line, translated
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based
    QString path;    // attribute path such as "address.city" when the error is about a value
};

// Indented DynamoDB JSON of an item, members in name order.
QString toDynamoText(const QJsonObject &item);
// Indented plain JSON of an item: S/N/BOOL/NULL/M/L as JSON, sets as arrays,
// binaries as base64 strings.
QString toPlainText(const QJsonObject &item);
// One compact DynamoDB JSON line (JSON Lines export).
QByteArray toDynamoLine(const QJsonObject &item);

// s as a JSON string literal: ", \ and control characters escaped, the
// rest as it is. Also a valid string literal of Python and JavaScript.
QString quoted(const QString &s);

// Parses DynamoDB JSON text into an item and checks every value with
// DynamoDB's rules (types, numbers, sets, nesting). Returns false and sets
// *error on failure.
bool parseDynamoText(const QString &text, QJsonObject *item, ParseError *error);

// Parses plain JSON text into a DynamoDB item: strings S, numbers N (exact),
// booleans BOOL, null NULL, arrays L, objects M. `hints` (the item as loaded,
// may be empty) keeps the types that plain JSON cannot spell: an array where
// the hint has SS/NS/BS becomes that set, a string where it has B stays
// binary.
bool parsePlainText(const QString &text, const QJsonObject &hints, QJsonObject *item, ParseError *error);

} // namespace dd::ui::itemjson

namespace dd::ui::itemjson {
// One attribute value as indented plain JSON.
QString attributeToPlainText(const QJsonObject &attribute);

// The deepest value of an item that DynamoDB would refuse, by DynamoDB's
// rules (model::attributeFromJson): returns false and sets *path ("a.b[2]")
// and *message when there is one, true when every value is valid.
bool findInvalid(const QJsonObject &item, QString *path, QString *message);
}
