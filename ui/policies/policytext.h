// The text of a resource-based policy as the policy editor handles it:
// checked before it is sent (JSON syntax with line and column, an object at
// the top, no template placeholder left), re-indented without reordering
// its members (QJsonDocument would sort them, putting "Statement" before
// "Version" and "Action" before "Effect"), and grown by a template's
// statements. DynamoDB stores the text as sent and counts its whitespace
// against the 20 KB limit, so nothing here compacts it behind the user's
// back. Pure functions; safe from any thread.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace dd::ui::policytext {

// DynamoDB's limit on a resource-based policy, whitespace included
// (PutResourcePolicy, "The maximum size supported for a resource-based
// policy document is 20 KB").
constexpr int kMaxPolicyBytes = 20 * 1024;

// What keeps a text from being sent.
struct Problem {
    QString message; // one line, translated, starting with "Line L, column C: "
    int position = 0; // character offset of the spot in the text
    int length = 1;   // characters to mark from there
    int line = 1;     // 1-based
    int column = 1;   // 1-based, in characters
};

// The first problem of `text`: a JSON syntax error, a top-level value that
// is not an object, or a template placeholder (placeholders()) still in it.
// Nothing for a valid document; an empty text is the caller's to refuse.
std::optional<Problem> check(const QString &text);

// The placeholders that templates leave for the user to replace, e.g. "<user-name>".
QStringList placeholders();
// The first placeholder in `text` as {offset, length}; {-1, 0} if none.
std::pair<int, int> firstPlaceholder(const QString &text);

// `json` indented by two spaces, members and array elements in the order
// written, strings and numbers exactly as written; `json` itself if it is
// not valid JSON.
QString formatted(const QString &json);

// `policy` with `statements` (one or more compact statement objects
// separated by commas, each with its Sid written "Sid":"X") added at the end
// of its Statement list, formatted: a new document (Version 2012-10-17) when
// `policy` is blank; a single Statement object becomes a list; a Sid the
// policy already has gets a number ("X2"). Empty when `policy` is not a JSON
// object.
QString withStatements(const QString &policy, const QString &statements);

} // namespace dd::ui::policytext
