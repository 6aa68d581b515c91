// The PartiQL statements DynamoDB accepts, parsed by recursive descent.
// Keywords are case-insensitive; identifiers are kept as written (unquoted
// ones are plain names, "double-quoted" ones any text, with "" for a quote);
// 'single-quoted' text is a string, with '' for a quote.
#include "partiql/statement.h"

#include <QHash>
#include <QSet>

namespace dd::partiql {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

struct Token {
    enum class Type { End, Word, QuotedName, String, Number, Punct, Parameter };
    Type type = Type::End;
    QString text;   // a word, name, string or number as written (strings unescaped); a punctuation mark
    qsizetype at = 0;
};

// The words that are keywords where they stand (an attribute or table of
// one of these names is written in double quotes).
const QSet<QString> &keywords()
{
    static const QSet<QString> k = {
        p("SELECT"), p("FROM"), p("WHERE"), p("AND"), p("OR"), p("NOT"), p("BETWEEN"), p("IN"), p("IS"),
        p("MISSING"), p("NULL"), p("TRUE"), p("FALSE"), p("INSERT"), p("INTO"), p("VALUE"), p("UPDATE"), p("SET"),
        p("REMOVE"), p("DELETE"), p("RETURNING"), p("ORDER"), p("BY"), p("ASC"), p("DESC"), p("EXISTS"), p("VALUES"),
    };
    return k;
}

// Parentheses, NOTs and nested values deeper than this are refused, before
// the recursion they take could exhaust a thread's stack (DynamoDB keeps
// items within 32 levels of nesting).
constexpr int kMaxDepth = 64;

ApiError malformed(const QString &detail)
{
    return ApiError::validation(p("Statement wasn't well formed, can't be processed: ") + detail);
}

class Parser {
public:
    Parser(const QString &text, const QJsonArray &parameters) : m_text(text), m_parameters(parameters) {}

    Result<Statement> statement()
    {
        DD_CHECK(tokenize());
        Statement s;
        if (word("SELECT"))
            DD_CHECK(select(s));
        else if (word("INSERT"))
            DD_CHECK(insert(s));
        else if (word("UPDATE"))
            DD_CHECK(update(s));
        else if (word("DELETE"))
            DD_CHECK(remove(s));
        else if (word("EXISTS")) {
            s.kind = Statement::Kind::Exists;
            DD_CHECK(expect("("));
            if (!word("SELECT"))
                return unexpected();
            DD_CHECK(select(s));
            s.kind = Statement::Kind::Exists;
            DD_CHECK(expect(")"));
        } else
            return malformed(p("Expected data manipulation"));
        if (peek().type != Token::Type::End) {
            for (const char *clause : {"LIMIT", "GROUP", "HAVING", "OFFSET"}) {
                if (isWord(peek(), clause))
                    return ApiError::validation(QStringLiteral("Unsupported clause: %1").arg(qstrcmp(clause, "GROUP") == 0 ? p("GROUP BY") : p(clause)));
            }
            return unexpected();
        }
        if (m_nextParameter != m_parameters.size())
            return ApiError::validation(p("Number of parameters in request and statement don't match."));
        return s;
    }

private:
    const QString &m_text;
    const QJsonArray &m_parameters;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0;

    // Counts one level of nesting for as long as it lives.
    struct Nested {
        int &depth;
        explicit Nested(int &d) : depth(++d) {}
        ~Nested() { --depth; }
        bool tooDeep() const { return depth > kMaxDepth; }
    };
    static ApiError tooDeep() { return malformed(p("Nesting is too deep")); }
    qsizetype m_nextParameter = 0;

    // ---- tokens ----

    Result<void> tokenize()
    {
        const qsizetype n = m_text.size();
        qsizetype i = 0;
        while (i < n) {
            const QChar c = m_text[i];
            if (c.isSpace()) {
                ++i;
                continue;
            }
            if (c == u'-' && i + 1 < n && m_text[i + 1] == u'-') { // a comment to the end of the line
                while (i < n && m_text[i] != u'\n')
                    ++i;
                continue;
            }
            Token t;
            t.at = i;
            if (c.isLetter() || c == u'_') {
                qsizetype j = i + 1;
                while (j < n && (m_text[j].isLetterOrNumber() || m_text[j] == u'_' || m_text[j] == u'$'))
                    ++j;
                t.type = Token::Type::Word;
                t.text = m_text.mid(i, j - i);
                i = j;
            } else if (c == u'"' || c == u'\'') {
                QString s;
                qsizetype j = i + 1;
                for (;;) {
                    if (j >= n)
                        return malformed(p("Unexpected end of statement"));
                    if (m_text[j] == c) {
                        if (j + 1 < n && m_text[j + 1] == c) {
                            s += c;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    s += m_text[j++];
                }
                t.type = c == u'"' ? Token::Type::QuotedName : Token::Type::String;
                t.text = s;
                i = j + 1;
            } else if (c.isDigit() || (c == u'.' && i + 1 < n && m_text[i + 1].isDigit())) {
                qsizetype j = i;
                while (j < n && m_text[j].isDigit())
                    ++j;
                if (j < n && m_text[j] == u'.') {
                    ++j;
                    while (j < n && m_text[j].isDigit())
                        ++j;
                }
                if (j < n && (m_text[j] == u'e' || m_text[j] == u'E')) {
                    qsizetype k = j + 1;
                    if (k < n && (m_text[k] == u'+' || m_text[k] == u'-'))
                        ++k;
                    if (k < n && m_text[k].isDigit()) {
                        while (k < n && m_text[k].isDigit())
                            ++k;
                        j = k;
                    }
                }
                t.type = Token::Type::Number;
                t.text = m_text.mid(i, j - i);
                i = j;
            } else if (c == u'?') {
                t.type = Token::Type::Parameter;
                t.text = p("?");
                ++i;
            } else {
                static const char *const twoChar[] = {"<<", ">>", "<=", ">=", "<>", "!="};
                t.type = Token::Type::Punct;
                for (const char *two : twoChar) {
                    if (i + 1 < n && m_text[i] == QLatin1Char(two[0]) && m_text[i + 1] == QLatin1Char(two[1])) {
                        t.text = p(two);
                        break;
                    }
                }
                if (t.text.isEmpty()) {
                    if (!QStringView(u"=<>()[]{},.:*+-").contains(c))
                        return malformed(p("Unexpected token"));
                    t.text = c;
                }
                i += t.text.size();
            }
            m_tokens.push_back(std::move(t));
        }
        Token end;
        end.at = n;
        m_tokens.push_back(end);
        return {};
    }

    const Token &peek(size_t ahead = 0) const { return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)]; }
    const Token &next() { const Token &t = peek(); if (m_pos < m_tokens.size() - 1) ++m_pos; return t; }

    bool isWord(const Token &t, const char *w) const
    {
        return t.type == Token::Type::Word && t.text.compare(QLatin1String(w), Qt::CaseInsensitive) == 0;
    }
    bool word(const char *w)
    {
        if (!isWord(peek(), w))
            return false;
        next();
        return true;
    }
    bool punct(const char *s)
    {
        if (peek().type != Token::Type::Punct || peek().text != QLatin1String(s))
            return false;
        next();
        return true;
    }
    Result<void> expect(const char *s)
    {
        if (punct(s))
            return {};
        return unexpected();
    }
    Result<void> expectWord(const char *w)
    {
        if (word(w))
            return {};
        return unexpected();
    }

    // DynamoDB's parse errors name the kind of token, not where it is.
    ApiError unexpected() const
    {
        const Token &t = peek();
        if (t.type == Token::Type::End)
            return malformed(p("Unexpected end of statement"));
        if (t.type == Token::Type::Word && keywords().contains(t.text.toUpper()))
            return malformed(p("Unexpected keyword"));
        return malformed(p("Unexpected token"));
    }

    // ---- names and paths ----

    // A table, index or attribute name: an unquoted word that is not a
    // keyword, or a quoted name.
    std::optional<QString> name()
    {
        const Token &t = peek();
        if (t.type == Token::Type::QuotedName || (t.type == Token::Type::Word && !keywords().contains(t.text.toUpper()))) {
            next();
            return t.text;
        }
        return std::nullopt;
    }

    Result<Path> path()
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
    Result<void> tableName(Statement &s)
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

    // ---- values ----

    bool startsValue() const
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
    Result<QJsonObject> value()
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

    Result<QJsonObject> map()
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

    Result<QJsonObject> list()
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
    Result<QJsonObject> set()
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

    // ---- expressions ----

    static std::unique_ptr<Expr> make(Expr::Kind kind)
    {
        auto e = std::make_unique<Expr>();
        e->kind = kind;
        return e;
    }

    Result<std::unique_ptr<Expr>> orExpr()
    {
        DD_ASSIGN(std::unique_ptr<Expr> first, andExpr());
        if (!isWord(peek(), "OR"))
            return first;
        auto e = make(Expr::Kind::Or);
        e->args.push_back(std::move(first));
        while (word("OR")) {
            DD_ASSIGN(std::unique_ptr<Expr> next, andExpr());
            e->args.push_back(std::move(next));
        }
        return e;
    }

    Result<std::unique_ptr<Expr>> andExpr()
    {
        DD_ASSIGN(std::unique_ptr<Expr> first, notExpr());
        if (!isWord(peek(), "AND"))
            return first;
        auto e = make(Expr::Kind::And);
        e->args.push_back(std::move(first));
        while (word("AND")) {
            DD_ASSIGN(std::unique_ptr<Expr> next, notExpr());
            e->args.push_back(std::move(next));
        }
        return e;
    }

    Result<std::unique_ptr<Expr>> notExpr()
    {
        const Nested level(m_depth);
        if (level.tooDeep())
            return tooDeep();
        if (word("NOT")) {
            DD_ASSIGN(std::unique_ptr<Expr> inner, notExpr());
            auto e = make(Expr::Kind::Not);
            e->args.push_back(std::move(inner));
            return e;
        }
        return predicate();
    }

    Result<std::unique_ptr<Expr>> predicate()
    {
        DD_ASSIGN(std::unique_ptr<Expr> left, additive());
        static const char *const comparators[] = {"=", "<>", "!=", "<=", ">=", "<", ">"};
        for (const char *op : comparators) {
            if (punct(op)) {
                DD_ASSIGN(std::unique_ptr<Expr> right, additive());
                auto e = make(Expr::Kind::Compare);
                e->op = QLatin1String(op) == QLatin1String("!=") ? p("<>") : p(op);
                e->args.push_back(std::move(left));
                e->args.push_back(std::move(right));
                return e;
            }
        }
        if (word("IS")) {
            const bool negated = word("NOT");
            // IS [NOT] MISSING, NULL, or a type.
            static const QHash<QString, QString> types = {
                {p("NULL"), p("NULL")}, {p("BOOLEAN"), p("BOOL")}, {p("BLOB"), p("B")}, {p("STRING"), p("S")},
                {p("NUMERIC"), p("N")}, {p("STRUCT"), p("M")}, {p("TUPLE"), p("M")}, {p("LIST"), p("L")},
            };
            const Token &t = peek();
            if (t.type != Token::Type::Word)
                return unexpected();
            const QString type = t.text.toUpper();
            if (type != u"MISSING" && !types.contains(type))
                return ApiError::validation(QStringLiteral("Unsupported data type for IS operator: %1. Supported data types are "
                                                           "[MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]").arg(t.text));
            next();
            auto e = make(type == u"MISSING" ? Expr::Kind::IsMissing : Expr::Kind::IsType);
            e->op = types.value(type);
            e->negated = negated;
            e->args.push_back(std::move(left));
            return e;
        }
        const bool negated = isWord(peek(), "NOT") && (isWord(peek(1), "BETWEEN") || isWord(peek(1), "IN"));
        if (negated)
            next();
        if (word("BETWEEN")) {
            DD_ASSIGN(std::unique_ptr<Expr> low, additive());
            DD_CHECK(expectWord("AND"));
            DD_ASSIGN(std::unique_ptr<Expr> high, additive());
            auto e = make(Expr::Kind::Between);
            e->args.push_back(std::move(left));
            e->args.push_back(std::move(low));
            e->args.push_back(std::move(high));
            return wrapNot(std::move(e), negated);
        }
        if (word("IN")) {
            const bool bracket = punct("[");
            if (!bracket)
                DD_CHECK(expect("("));
            auto e = make(Expr::Kind::In);
            e->args.push_back(std::move(left));
            for (;;) {
                DD_ASSIGN(std::unique_ptr<Expr> v, additive());
                e->args.push_back(std::move(v));
                if (punct(bracket ? "]" : ")"))
                    break;
                DD_CHECK(expect(","));
            }
            return wrapNot(std::move(e), negated);
        }
        return left;
    }

    static std::unique_ptr<Expr> wrapNot(std::unique_ptr<Expr> e, bool negated)
    {
        if (!negated)
            return e;
        auto n = make(Expr::Kind::Not);
        n->args.push_back(std::move(e));
        return n;
    }

    Result<std::unique_ptr<Expr>> additive()
    {
        DD_ASSIGN(std::unique_ptr<Expr> left, primary());
        for (;;) {
            const char *op = punct("+") ? "+" : punct("-") ? "-" : nullptr;
            if (!op)
                return left;
            DD_ASSIGN(std::unique_ptr<Expr> right, primary());
            auto e = make(Expr::Kind::Arith);
            e->op = p(op);
            e->args.push_back(std::move(left));
            e->args.push_back(std::move(right));
            left = std::move(e);
        }
    }

    Result<std::unique_ptr<Expr>> primary()
    {
        const Nested level(m_depth);
        if (level.tooDeep())
            return tooDeep();
        if (punct("(")) {
            DD_ASSIGN(std::unique_ptr<Expr> inner, orExpr());
            DD_CHECK(expect(")"));
            return inner;
        }
        if (startsValue()) {
            auto e = make(Expr::Kind::Value);
            DD_ASSIGN(e->value, value());
            return e;
        }
        // A function: a plain word followed by "(".
        if (peek().type == Token::Type::Word && peek(1).type == Token::Type::Punct && peek(1).text == u"(") {
            const Token f = next();
            static const QSet<QString> functions = {p("begins_with"), p("contains"), p("attribute_type"), p("size"),
                                                    p("list_append"), p("set_add"), p("set_delete"), p("attribute_exists"),
                                                    p("attribute_not_exists"), p("if_not_exists")};
            const QString fn = f.text.toLower();
            if (!functions.contains(fn))
                return ApiError::validation(QStringLiteral("Unrecognized function: %1").arg(f.text));
            next(); // (
            auto e = make(Expr::Kind::Call);
            e->op = fn;
            if (!punct(")")) {
                for (;;) {
                    DD_ASSIGN(std::unique_ptr<Expr> a, additive());
                    e->args.push_back(std::move(a));
                    if (punct(")"))
                        break;
                    DD_CHECK(expect(","));
                }
            }
            return e;
        }
        auto e = make(Expr::Kind::Path);
        DD_ASSIGN(e->path, path());
        return e;
    }

    // ---- statements ----

    Result<void> select(Statement &s)
    {
        s.kind = Statement::Kind::Select;
        if (!punct("*")) {
            for (;;) {
                DD_ASSIGN(Path pth, path());
                s.projection.push_back(std::move(pth));
                if (!punct(","))
                    break;
            }
        }
        DD_CHECK(expectWord("FROM"));
        DD_CHECK(tableName(s));
        if (word("WHERE")) {
            DD_ASSIGN(s.where, orExpr());
        }
        if (word("ORDER")) {
            DD_CHECK(expectWord("BY"));
            DD_ASSIGN(Path pth, path());
            s.orderBy = std::move(pth);
            if (word("DESC"))
                s.orderDescending = true;
            else
                (void)word("ASC");
        }
        return {};
    }

    Result<void> insert(Statement &s)
    {
        s.kind = Statement::Kind::Insert;
        DD_CHECK(expectWord("INTO"));
        DD_CHECK(tableName(s));
        if (!s.index.isEmpty())
            return ApiError::validation(p("FROM clause may only contain a single table name in data manipulation statements"));
        DD_CHECK(expectWord("VALUE"));
        if (peek().type != Token::Type::Punct || peek().text != u"{") {
            if (peek().type != Token::Type::Parameter)
                return unexpected();
        }
        DD_ASSIGN(QJsonObject v, value());
        if (v.size() != 1 || !v.contains(p("M")))
            return ApiError::validation(p("The value of an INSERT must be a tuple of the item's attributes"));
        s.item = v.value(p("M")).toObject();
        if (isWord(peek(), "RETURNING"))
            return ApiError::validation(p("RETURNING is not supported in INSERT"));
        return {};
    }

    Result<void> update(Statement &s)
    {
        s.kind = Statement::Kind::Update;
        DD_CHECK(tableName(s));
        if (!s.index.isEmpty())
            return ApiError::validation(p("This operation is not supported on an index"));
        for (;;) {
            if (word("SET")) {
                for (;;) {
                    UpdateAction a;
                    DD_ASSIGN(a.path, path());
                    DD_CHECK(expect("="));
                    DD_ASSIGN(a.value, additive());
                    s.actions.push_back(std::move(a));
                    if (!punct(","))
                        break;
                }
            } else if (word("REMOVE")) {
                for (;;) {
                    UpdateAction a;
                    a.remove = true;
                    DD_ASSIGN(a.path, path());
                    s.actions.push_back(std::move(a));
                    if (!punct(","))
                        break;
                }
            } else
                break;
        }
        if (s.actions.empty())
            return unexpected();
        if (peek().type == Token::Type::End)
            return ApiError::validation(p("Where clause does not contain a mandatory equality on all key attributes"));
        DD_CHECK(expectWord("WHERE"));
        DD_ASSIGN(s.where, orExpr());
        return returning(s, true);
    }

    Result<void> remove(Statement &s)
    {
        s.kind = Statement::Kind::Delete;
        DD_CHECK(expectWord("FROM"));
        DD_CHECK(tableName(s));
        if (!s.index.isEmpty())
            return ApiError::validation(p("This operation is not supported on an index"));
        if (peek().type == Token::Type::End)
            return ApiError::validation(p("Where clause does not contain a mandatory equality on all key attributes"));
        DD_CHECK(expectWord("WHERE"));
        DD_ASSIGN(s.where, orExpr());
        return returning(s, false);
    }

    // RETURNING ALL OLD * | MODIFIED OLD * | ALL NEW * | MODIFIED NEW * (a DELETE: ALL OLD * only).
    Result<void> returning(Statement &s, bool isUpdate)
    {
        if (!word("RETURNING"))
            return {};
        QString r;
        if (word("ALL"))
            r = p("ALL_");
        else if (word("MODIFIED"))
            r = p("UPDATED_");
        else
            return unexpected();
        if (word("OLD"))
            r += p("OLD");
        else if (word("NEW"))
            r += p("NEW");
        else
            return unexpected();
        if (!punct("*"))
            return ApiError::validation(p("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause"));
        if (!isUpdate && r != u"ALL_OLD") {
            const QString written = QString(r).replace(p("UPDATED"), p("MODIFIED")).replace(u'_', u' ');
            return ApiError::validation(QStringLiteral("Invalid returning clause: RETURNING %1 *. Only RETURNING ALL OLD * is allowed in DELETE statements.").arg(written));
        }
        s.returning = r;
        return {};
    }
};

} // namespace

Result<Statement> parseStatement(const QString &text, const QJsonArray &parameters)
{
    return Parser(text, parameters).statement();
}

} // namespace dd::partiql
