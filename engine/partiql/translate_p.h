// Internal to the PartiQL translation's .cpp files (translate*.cpp): the
// Writer of expressions with placeholders (translate_writer.cpp), what every
// statement reads of its WHERE clause and puts in its request
// (translate_where.cpp), and SELECT's translation (translate_select.cpp).
#pragma once

#include "partiql/translate.h"

#include <QHash>

namespace dd::partiql::translate_detail {

inline QString p(const char *s) { return QString::fromLatin1(s); }

inline ApiError invalid(const QString &m) { return ApiError::validation(m); }

// Writes expressions with #n and :v placeholders.
class Writer {
public:
    QJsonObject names;
    QJsonObject values;

    QString name(const QString &n);
    QString value(const QJsonObject &v);
    QString path(const Path &path);
    Result<QString> operand(const Expr &e);
    Result<QString> condition(const Expr &e);
    Result<QString> setValue(const Expr &e);

private:
    QHash<QString, QString> m_names;

    static Result<void> orderable(const QString &op, const std::vector<std::unique_ptr<Expr>> &args);
};

// Whether e is the top-level attribute `name`.
bool isAttribute(const Expr &e, const QString &name);
// The top-level conjuncts of a WHERE clause.
std::vector<const Expr *> conjuncts(const Expr *where);
// `name = value` (either way round): the value.
std::optional<QJsonObject> equalityOn(const Expr &e, const QString &name);
// Whether c is a condition a Query's key condition may hold on sort key `name`.
bool sortKeyCondition(const Expr &c, const QString &name);
// A key attribute's value: of the schema's type.
Result<void> checkKeyValue(const storage::KeyElement &k, const QJsonObject &v);
// The key schema's attributes: the partition key, then the sort key if any.
std::vector<storage::KeyElement> keyElements(const storage::KeySchema &keys);
// `operation`'s request on the one item whose key the WHERE clause gives.
Result<Translation> oneItem(const Statement &s, const storage::TableDef &table, const char *operation, const QString &missing,
                            std::vector<const Expr *> &rest);
// `first` and the conditions `parts`, joined with AND.
Result<QString> joinConditions(Writer &w, const std::vector<const Expr *> &parts, const QString &first = QString());
// The Writer's names and values as the request's ExpressionAttributeNames and -Values.
void putExpressions(QJsonObject &request, const Writer &w);

// SELECT: a GetItem (in a batch or a transaction), a Query or a Scan.
Result<Translation> select(const Statement &s, const storage::TableDef &table, Use use);

} // namespace dd::partiql::translate_detail
