// The PartiQL parser's names and values: table, index and attribute names,
// document paths, and literals (maps, lists, sets, parameters) as attribute
// values in DynamoDB JSON.
#include "partiql/parser_p.h"

namespace dd::partiql::parser_detail {

// A table, index or attribute name: an unquoted word that is not a
// keyword, or a quoted name.
std::optional<QString> Parser::name()
{
    const Token &t = peek();
    if (t.type == Token::Type::QuotedName || (t.type == Token::Type::Word && !keywords().contains(t.text.toUpper()))) {
        next();
        return t.text;
    }
    return std::nullopt;
}

Result<Path> Parser::path()
{
    Path path;
    const std::optional<QString> first = name();
    if (!first)
        return unexpected();
    path.push_back({*first, -1});
    for (;;) {
        if (punct(".")) {
            const std::optional<QString> n = name();
            if (!n)
                return unexpected();
            path.push_back({*n, -1});
        } else if (punct("[")) {
            const Token &t = peek();
            if (t.type == Token::Type::Number && !t.text.contains(u'.') && !t.text.contains(u'e', Qt::CaseInsensitive)) {
                bool ok = false;
                const int index = t.text.toInt(&ok);
                if (!ok)
                    return malformed(QStringLiteral("List index %1 is out of range").arg(t.text));
                next();
                path.push_back({QString(), index});
            } else if (t.type == Token::Type::String) {
                next();
                path.push_back({t.text, -1});
            } else
                return unexpected();
            DD_CHECK(expect("]"));
        } else
            return path;
    }
}

// A table, or a table and an index ("table"."index").
Result<void> Parser::tableName(Statement &s)
{
    const std::optional<QString> t = name();
    if (!t)
        return malformed(p("Expected data manipulation"));
    s.table = *t;
    bool emptyIndex = false;
    if (punct(".")) {
        const std::optional<QString> i = name();
        if (!i)
            return unexpected();
        s.index = *i;
        emptyIndex = i->isEmpty();
        if (punct("."))
            return ApiError::validation(p("A path may contain at most 2 components in the FROM clause"));
    }
    if (s.table.isEmpty() || emptyIndex)
        return ApiError::validation(p("Path component cannot be an empty string"));
    return {};
}

bool Parser::startsValue() const
{
    const Token &t = peek();
    switch (t.type) {
    case Token::Type::String:
    case Token::Type::Number:
    case Token::Type::Parameter:
        return true;
    case Token::Type::Word:
        return isWord(t, "TRUE") || isWord(t, "FALSE") || isWord(t, "NULL");
    case Token::Type::Punct:
        return t.text == u"{" || t.text == u"[" || t.text == u"<<" || (t.text == u"-" && peek(1).type == Token::Type::Number);
    default:
        return false;
    }
}

// A literal (or parameter) as an attribute value.
Result<QJsonObject> Parser::value()
{
    const size_t at = m_pos;
    const Token t = next();
    switch (t.type) {
    case Token::Type::String:
        return QJsonObject{{p("S"), t.text}};
    case Token::Type::Number:
        return QJsonObject{{p("N"), t.text}};
    case Token::Type::Parameter: {
        if (m_nextParameter >= m_parameters.size())
            return ApiError::validation(p("Number of parameters in request and statement don't match."));
        return m_parameters[m_nextParameter++].toObject();
    }
    case Token::Type::Word:
        if (isWord(t, "TRUE") || isWord(t, "FALSE"))
            return QJsonObject{{p("BOOL"), isWord(t, "TRUE")}};
        if (isWord(t, "NULL"))
            return QJsonObject{{p("NULL"), true}};
        break;
    case Token::Type::Punct:
        if (t.text == u"-" && peek().type == Token::Type::Number)
            return QJsonObject{{p("N"), u'-' + next().text}};
        if (t.text == u"{")
            return map();
        if (t.text == u"[")
            return list();
        if (t.text == u"<<")
            return set();
        break;
    default:
        break;
    }
    m_pos = at;
    return unexpected();
}

Result<QJsonObject> Parser::map()
{
    const Nested level(m_depth);
    if (level.tooDeep())
        return tooDeep();
    QJsonObject m;
    if (!punct("}")) {
        for (;;) {
            const Token &k = peek();
            if (k.type != Token::Type::String && k.type != Token::Type::QuotedName)
                return unexpected();
            next();
            const QString key = k.text;
            DD_CHECK(expect(":"));
            DD_ASSIGN(QJsonObject v, value());
            if (m.contains(key))
                return ApiError::validation(QStringLiteral("Duplicate key '%1' in a tuple").arg(key));
            m.insert(key, v);
            if (punct("}"))
                break;
            DD_CHECK(expect(","));
        }
    }
    return QJsonObject{{p("M"), m}};
}

Result<QJsonObject> Parser::list()
{
    const Nested level(m_depth);
    if (level.tooDeep())
        return tooDeep();
    QJsonArray l;
    if (!punct("]")) {
        for (;;) {
            DD_ASSIGN(QJsonObject v, value());
            l.append(v);
            if (punct("]"))
                break;
            DD_CHECK(expect(","));
        }
    }
    return QJsonObject{{p("L"), l}};
}

// <<'a', 'b'>>: a string set; <<1, 2>> a number set; a binary set from parameters.
Result<QJsonObject> Parser::set()
{
    QJsonArray members;
    QString type;
    if (punct(">>"))
        return ApiError::validation(p("Empty bags are not supported"));
    for (;;) {
        DD_ASSIGN(QJsonObject v, value());
        const QString t = v.size() == 1 ? v.constBegin().key() : QString();
        if ((t != u"S" && t != u"N" && t != u"B") || (!type.isEmpty() && t != type))
            return ApiError::validation(p("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags"));
        type = t;
        members.append(v.constBegin().value());
        if (punct(">>"))
            break;
        DD_CHECK(expect(","));
    }
    return QJsonObject{{type + u'S', members}};
}

} // namespace dd::partiql::parser_detail
