// The PartiQL translation's Writer: a statement's conditions and values as
// expression text, its names and values as #n and :v placeholders.
#include "partiql/translate_p.h"

namespace dd::partiql::translate_detail {

using namespace Qt::StringLiterals;

QString Writer::name(const QString &n)
{
    auto it = m_names.constFind(n);
    if (it != m_names.constEnd())
        return *it;
    const QString id = u"#n"_s + QString::number(m_names.size());
    m_names.insert(n, id);
    names.insert(id, n);
    return id;
}

QString Writer::value(const QJsonObject &v)
{
    const QString id = u":v"_s + QString::number(values.size());
    values.insert(id, v);
    return id;
}

QString Writer::path(const Path &path)
{
    QString out;
    for (const PathStep &s : path) {
        if (s.index >= 0)
            out += u'[' + QString::number(s.index) + u']';
        else
            out += (out.isEmpty() ? QString() : p(".")) + name(s.name);
    }
    return out;
}

// A value: a path, a literal, size(path).
Result<QString> Writer::operand(const Expr &e)
{
    switch (e.kind) {
    case Expr::Kind::Path:
        return path(e.path);
    case Expr::Kind::Value:
        return value(e.value);
    case Expr::Kind::Call:
        if (e.op == u"size") {
            if (e.args.size() != 1 || e.args[0]->kind != Expr::Kind::Path)
                return invalid(p("size() takes one document path"));
            return u"size("_s + path(e.args[0]->path) + u')';
        }
        return invalid(QStringLiteral("The function %1 gives no value to compare").arg(e.op));
    default:
        return invalid(p("Only a document path, a value or size() can be compared"));
    }
}

// A condition.
Result<QString> Writer::condition(const Expr &e)
{
    switch (e.kind) {
    case Expr::Kind::Compare: {
        if (e.op != u"=" && e.op != u"<>")
            DD_CHECK(orderable(e.op, e.args));
        DD_ASSIGN(QString a, operand(*e.args[0]));
        DD_ASSIGN(QString b, operand(*e.args[1]));
        return a + u' ' + e.op + u' ' + b;
    }
    case Expr::Kind::Between: {
        DD_CHECK(orderable(p("BETWEEN"), e.args));
        DD_ASSIGN(QString a, operand(*e.args[0]));
        DD_ASSIGN(QString low, operand(*e.args[1]));
        DD_ASSIGN(QString high, operand(*e.args[2]));
        return a + u" BETWEEN "_s + low + u" AND "_s + high;
    }
    case Expr::Kind::In: {
        DD_ASSIGN(QString a, operand(*e.args[0]));
        QStringList list;
        for (size_t i = 1; i < e.args.size(); ++i) {
            DD_ASSIGN(QString v, operand(*e.args[i]));
            list << v;
        }
        return a + u" IN ("_s + list.join(p(", ")) + u')';
    }
    case Expr::Kind::And:
    case Expr::Kind::Or: {
        QStringList parts;
        for (const auto &a : e.args) {
            DD_ASSIGN(QString c, condition(*a));
            parts << u'(' + c + u')';
        }
        return parts.join(e.kind == Expr::Kind::And ? p(" AND ") : p(" OR "));
    }
    case Expr::Kind::Not: {
        DD_ASSIGN(QString c, condition(*e.args[0]));
        return u"NOT ("_s + c + u')';
    }
    case Expr::Kind::IsMissing:
    case Expr::Kind::IsType: {
        if (e.args[0]->kind != Expr::Kind::Path)
            return invalid(p("The left hand side argument to IS must be a Variable Reference, Literal, or Path"));
        const QString a = path(e.args[0]->path);
        if (e.kind == Expr::Kind::IsMissing)
            return (e.negated ? u"attribute_exists("_s : u"attribute_not_exists("_s) + a + u')';
        // IS NULL: the NULL value (a missing attribute is not NULL); IS STRING, ...: attribute_type.
        const QString is = u"attribute_type("_s + a + p(", ") + value(QJsonObject{{p("S"), e.op}}) + u')';
        return e.negated ? u"NOT "_s + is : is;
    }
    case Expr::Kind::Call: {
        if (e.op == u"begins_with" || e.op == u"contains" || e.op == u"attribute_type") {
            if (e.args.size() != 2)
                return invalid(QStringLiteral("The function %1 takes two arguments").arg(e.op));
            DD_ASSIGN(QString a, operand(*e.args[0]));
            DD_ASSIGN(QString b, operand(*e.args[1]));
            return e.op + u'(' + a + p(", ") + b + u')';
        }
        if (e.op == u"attribute_exists" || e.op == u"attribute_not_exists") {
            if (e.args.size() != 1 || e.args[0]->kind != Expr::Kind::Path)
                return invalid(QStringLiteral("The function %1 takes one document path").arg(e.op));
            return e.op + u'(' + path(e.args[0]->path) + u')';
        }
        return invalid(p("WHERE clause must contain an expression that resolves to a boolean"));
    }
    case Expr::Kind::Arith:
        return invalid(QStringLiteral("Unsupported operator in Condition Expression. Operator: %1").arg(e.op));
    default:
        return invalid(p("WHERE clause must contain an expression that resolves to a boolean"));
    }
}

// A SET action's value: a value, a path, a + b, a - b, list_append(a, b).
Result<QString> Writer::setValue(const Expr &e)
{
    switch (e.kind) {
    case Expr::Kind::Path:
        return path(e.path);
    case Expr::Kind::Value:
        return value(e.value);
    case Expr::Kind::Arith: {
        DD_ASSIGN(QString a, setValue(*e.args[0]));
        DD_ASSIGN(QString b, setValue(*e.args[1]));
        return a + u' ' + e.op + u' ' + b;
    }
    case Expr::Kind::Call:
        if ((e.op == u"list_append" || e.op == u"if_not_exists") && e.args.size() == 2) {
            DD_ASSIGN(QString a, setValue(*e.args[0]));
            DD_ASSIGN(QString b, setValue(*e.args[1]));
            return e.op + u'(' + a + p(", ") + b + u')';
        }
        return invalid(QStringLiteral("The function %1 cannot be used here").arg(e.op));
    default:
        return invalid(p("A SET action takes a value, a document path, an addition or subtraction, or a function"));
    }
}

// < <= > >= BETWEEN take strings, numbers and binary values only.
Result<void> Writer::orderable(const QString &op, const std::vector<std::unique_ptr<Expr>> &args)
{
    for (const auto &a : args) {
        if (a->kind != Expr::Kind::Value)
            continue;
        const QString type = a->value.size() == 1 ? a->value.constBegin().key() : QString();
        if (type != u"S" && type != u"N" && type != u"B")
            return invalid(QStringLiteral("Incorrect operand type for operator or function; operator or function: %1, operand type: %2").arg(op, type));
    }
    return {};
}

} // namespace dd::partiql::translate_detail
