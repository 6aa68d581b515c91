#include "browser/queryspec.h"

#include "model/json.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace dd::ui::queryspec {

namespace {

// Placeholders for the names and values of one request.
class Placeholders {
public:
    // "address.city" -> "#n0.#n1", "lines[0].sku" -> "#n2[0].#n3".
    QString path(const QString &path, bool split)
    {
        if (!split)
            return name(path);
        static const QRegularExpression part(QStringLiteral("([^.\\[\\]]+)((?:\\[[0-9]+\\])*)"));
        QStringList out;
        for (const QString &segment : path.split(QLatin1Char('.'))) {
            const auto m = part.match(segment);
            if (!m.hasMatch() || m.capturedLength() != segment.size())
                out << name(segment);
            else
                out << name(m.captured(1)) + m.captured(2);
        }
        return out.join(QLatin1Char('.'));
    }
    QString value(const QJsonObject &v)
    {
        const QString p = QStringLiteral(":v%1").arg(m_values.size());
        m_values.insert(p, v);
        return p;
    }
    const QJsonObject &names() const { return m_names; }
    const QJsonObject &values() const { return m_values; }

private:
    QString name(const QString &n)
    {
        if (const auto it = m_byName.constFind(n); it != m_byName.constEnd())
            return *it;
        const QString p = QStringLiteral("#n%1").arg(m_byName.size());
        m_byName.insert(n, p);
        m_names.insert(p, n);
        return p;
    }
    QHash<QString, QString> m_byName;
    QJsonObject m_names;
    QJsonObject m_values;
};

bool condition(const QueryCondition &c, bool splitPath, Placeholders &ph, QString *out, QString *error)
{
    const QString what = c.attribute.trimmed();
    if (what.isEmpty()) {
        *error = QCoreApplication::translate("dd::ui::queryspec", "A condition needs an attribute name");
        return false;
    }
    const QString n = ph.path(what, splitPath);
    auto one = [&](const QString &text, QString *placeholder) {
        QJsonObject v;
        QString e;
        if (!typedValue(c.type, text, &v, &e)) {
            *error = QStringLiteral("%1: %2").arg(what, e);
            return false;
        }
        *placeholder = ph.value(v);
        return true;
    };
    QString a, b;
    if (c.op == QLatin1String("exists")) {
        *out = QStringLiteral("attribute_exists(%1)").arg(n);
    } else if (c.op == QLatin1String("not_exists")) {
        *out = QStringLiteral("attribute_not_exists(%1)").arg(n);
    } else if (c.op == QLatin1String("between")) {
        if (!one(c.value, &a) || !one(c.value2, &b))
            return false;
        *out = QStringLiteral("%1 BETWEEN %2 AND %3").arg(n, a, b);
    } else if (c.op == QLatin1String("begins_with") || c.op == QLatin1String("contains")) {
        if (!one(c.value, &a))
            return false;
        *out = QStringLiteral("%1(%2, %3)").arg(c.op, n, a);
    } else if (c.op == QLatin1String("in")) {
        QStringList list;
        for (const QString &part : c.value.split(QLatin1Char(','))) {
            if (!one(part.trimmed(), &a))
                return false;
            list << a;
        }
        *out = QStringLiteral("%1 IN (%2)").arg(n, list.join(QLatin1String(", ")));
    } else if (QStringList{QStringLiteral("="), QStringLiteral("<>"), QStringLiteral("<"), QStringLiteral("<="),
                           QStringLiteral(">"), QStringLiteral(">=")}.contains(c.op)) {
        if (!one(c.value, &a))
            return false;
        *out = QStringLiteral("%1 %2 %3").arg(n, c.op, a);
    } else {
        *error = QCoreApplication::translate("dd::ui::queryspec", "Unknown operator %1").arg(c.op);
        return false;
    }
    return true;
}

} // namespace

QStringList sortOperators()
{
    return {QStringLiteral("="), QStringLiteral("<"), QStringLiteral("<="), QStringLiteral(">"), QStringLiteral(">="),
            QStringLiteral("between"), QStringLiteral("begins_with")};
}

QString sortOperatorLabel(const QString &op)
{
    // QueryBuilder's context, where these words were first translated.
    if (op == QLatin1String("between"))
        return QCoreApplication::translate("dd::ui::QueryBuilder", "between");
    if (op == QLatin1String("begins_with"))
        return QCoreApplication::translate("dd::ui::QueryBuilder", "begins with");
    return op;
}

QStringList filterOperators()
{
    return {QStringLiteral("="), QStringLiteral("<>"), QStringLiteral("<"), QStringLiteral("<="), QStringLiteral(">"),
            QStringLiteral(">="), QStringLiteral("between"), QStringLiteral("in"), QStringLiteral("begins_with"),
            QStringLiteral("contains"), QStringLiteral("exists"), QStringLiteral("not_exists")};
}

bool typedValue(const QString &type, const QString &text, QJsonObject *value, QString *error)
{
    if (type == QLatin1String("BOOL")) {
        const QString t = text.trimmed().toLower();
        if (t != QLatin1String("true") && t != QLatin1String("false")) {
            *error = QCoreApplication::translate("dd::ui::queryspec", "A BOOL value is true or false");
            return false;
        }
        *value = QJsonObject{{type, t == QLatin1String("true")}};
        return true;
    }
    if (type == QLatin1String("NULL")) {
        *value = QJsonObject{{type, true}};
        return true;
    }
    if (type == QLatin1String("N")) {
        *value = QJsonObject{{type, text.trimmed()}};
    } else if (type == QLatin1String("B")) {
        if (!QByteArray::fromBase64Encoding(text.trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors)) {
            *error = QCoreApplication::translate("dd::ui::queryspec", "A binary value is written in base64");
            return false;
        }
        *value = QJsonObject{{type, text.trimmed()}};
    } else {
        *value = QJsonObject{{QStringLiteral("S"), text}};
    }
    const auto parsed = model::attributeFromJson(*value);
    if (!parsed.ok()) {
        *error = parsed.error().message();
        return false;
    }
    return true;
}

bool apply(const QuerySpec &spec, bool query, QJsonObject *request, QString *error)
{
    Placeholders ph;
    if (query) {
        if (spec.partitionName.isEmpty()) {
            *error = QCoreApplication::translate("dd::ui::queryspec", "The table's key schema is not known yet");
            return false;
        }
        QList<QueryCondition> partitions{QueryCondition{spec.partitionName, QStringLiteral("="), spec.partitionType, spec.partitionValue, QString()}};
        for (QueryCondition c : spec.morePartitions) {
            c.op = QStringLiteral("=");
            partitions << c;
        }
        QStringList clauses;
        for (const QueryCondition &c : partitions) {
            if (c.value.isEmpty()) {
                *error = QCoreApplication::translate("dd::ui::queryspec", "A Query needs a value for the partition key %1").arg(c.attribute);
                return false;
            }
            QString clause;
            if (!condition(c, false, ph, &clause, error))
                return false;
            clauses << clause;
        }
        QList<QueryCondition> sorts = spec.sorts;
        if (sorts.isEmpty() && !spec.sort.op.isEmpty() && !spec.sortName.isEmpty()) {
            QueryCondition sort = spec.sort;
            sort.attribute = spec.sortName;
            sort.type = spec.sortType;
            sorts << sort;
        }
        // Sort attributes left to right without gaps, = on all but the last
        // one used ("Multi-attribute key schema", DynamoDB Developer Guide).
        qsizetype last = -1;
        for (qsizetype i = 0; i < sorts.size(); ++i)
            if (!sorts[i].op.isEmpty())
                last = i;
        for (qsizetype i = 0; i <= last; ++i) {
            const QueryCondition &c = sorts[i];
            if (c.op.isEmpty()) {
                *error = QCoreApplication::translate("dd::ui::queryspec", "A condition on the sort key %1 needs one on %2 first (= on every sort attribute before it)")
                             .arg(sorts[last].attribute, c.attribute);
                return false;
            }
            if (i < last && c.op != QLatin1String("=")) {
                *error = QCoreApplication::translate("dd::ui::queryspec", "The sort key %1 needs = because %2 has a condition; only the last sort attribute used may have another operator")
                             .arg(c.attribute, sorts[last].attribute);
                return false;
            }
            if (!sortOperators().contains(c.op)) {
                *error = QCoreApplication::translate("dd::ui::queryspec", "A key condition cannot use %1").arg(c.op);
                return false;
            }
            QString clause;
            if (!condition(c, false, ph, &clause, error))
                return false;
            clauses << clause;
        }
        const QString key = clauses.join(QLatin1String(" AND "));
        request->insert(QStringLiteral("KeyConditionExpression"), key);
    }
    QStringList filters;
    for (const QueryCondition &c : spec.filters) {
        if (c.attribute.trimmed().isEmpty() && c.value.isEmpty())
            continue; // an untouched row
        QString f;
        if (!condition(c, true, ph, &f, error))
            return false;
        filters << (spec.filters.size() > 1 && spec.matchAny ? QStringLiteral("(%1)").arg(f) : f);
    }
    if (!filters.isEmpty())
        request->insert(QStringLiteral("FilterExpression"), filters.join(spec.matchAny ? QLatin1String(" OR ") : QLatin1String(" AND ")));
    QStringList projection;
    for (const QString &p : spec.projection)
        if (!p.trimmed().isEmpty())
            projection << ph.path(p.trimmed(), true);
    if (!projection.isEmpty())
        request->insert(QStringLiteral("ProjectionExpression"), projection.join(QLatin1String(", ")));
    if (!ph.names().isEmpty())
        request->insert(QStringLiteral("ExpressionAttributeNames"), ph.names());
    if (!ph.values().isEmpty())
        request->insert(QStringLiteral("ExpressionAttributeValues"), ph.values());
    return true;
}

} // namespace dd::ui::queryspec
