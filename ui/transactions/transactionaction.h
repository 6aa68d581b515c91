// TransactionAction: one action of a TransactWriteItems request (Put,
// Update, Delete, ConditionCheck) or of a TransactGetItems request (Get) as
// the transaction builder edits it: the form's fields kept as text, so that
// a half-typed draft survives saving and loading. Turns into the request's
// TransactItems element (DynamoDB JSON) and back. Value type; the functions
// are pure and safe from any thread.
//
// Keys, items and values are DynamoDB JSON, plain JSON, or plain JSON whose
// top-level values may be typed DynamoDB values ({":tags": {"SS": ["a"]},
// ":n": 5}), so that sets (SS, NS, BS) and binaries can be written beside
// plain numbers and strings.
#pragma once

#include "common/tablekeys.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace dd::ui {

struct TransactionAction {
    Q_DECLARE_TR_FUNCTIONS(TransactionAction)
public:
    enum class Type { Put, Update, Delete, ConditionCheck, Get }; // the builder's combo order: do not reorder

    Type type = Type::Put;
    QString table;        // TableName
    QString keyText;      // Key (Item for Put), DynamoDB JSON or plain JSON
    QString condition;    // ConditionExpression, may be empty (required for ConditionCheck; none for Get)
    QString projection;   // ProjectionExpression (Get only), may be empty
    QString update;       // UpdateExpression (Update only)
    QString namesText;    // ExpressionAttributeNames as a JSON object, may be empty
    QString valuesText;   // ExpressionAttributeValues, DynamoDB JSON or plain JSON, may be empty
    bool returnOldOnFailure = false; // ReturnValuesOnConditionCheckFailure ALL_OLD

    static QString typeName(Type type); // "Put", "Update", ... (the wire names)

    // The TransactItems element ({"Put": {...}}). Returns false and sets
    // *error (one translated line) when a field does not parse or a required
    // one is missing.
    bool toRequest(QJsonObject *element, QString *error) const;
    // From a TransactItems element as AWS documents it. False and *error on
    // an unknown action or malformed member.
    static bool fromRequest(const QJsonObject &element, TransactionAction *action, QString *error);

    // The draft form (every field as text) and back; fromDraft never fails.
    QJsonObject toDraft() const;
    static TransactionAction fromDraft(const QJsonObject &draft);

    // One line for the action list: "Update Accounts {pk: alice}".
    QString summary() const;
};

// DynamoDB's limit on actions per TransactWriteItems call
// (docs: "TransactWriteItems ... up to 100 action requests").
inline constexpr int kMaxTransactionActions = 100;

// Checks a whole transaction before running it: each action converts, at most
// kMaxTransactionActions, no two actions on the same item (keys of Put items
// come from `keys`, by table, when known). Returns one translated line per
// problem, prefixed with the action's 1-based number; empty when it may run.
QStringList validateTransaction(const QList<TransactionAction> &actions, const QMap<QString, TableKeys> &keys);

// The TransactItems array of valid actions (call validateTransaction first).
QJsonArray transactItems(const QList<TransactionAction> &actions);

// Whether the actions make a TransactGetItems call (all of them Get) rather
// than a TransactWriteItems one. validateTransaction rejects a mix.
bool isReadTransaction(const QList<TransactionAction> &actions);

// `valuesText` (ExpressionAttributeValues in any notation above, may be
// empty) with one more value, `name` (":tags"), a set of `type` ("SS", "NS",
// "BS") holding `elements` separated by commas, as DynamoDB JSON in
// *newValuesText. False and *error (one translated line) when the values do
// not parse or the set breaks DynamoDB's rules (empty, duplicates, a bad
// number or base64).
bool addSetValue(const QString &valuesText, const QString &type, const QString &name, const QString &elements,
                 QString *newValuesText, QString *error);

// Parses attribute text in any of the notations above into `out`
// (attribute name -> typed value). False and *error (one line) when it does not parse.
bool parseAttributeText(const QString &text, QJsonObject *out, QString *error);

} // namespace dd::ui
