#include "policies/policytext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace dd::ui::policytext {

namespace {

Problem problemAt(const QString &text, int position, int length, const QString &what)
{
    Problem p;
    p.position = std::clamp(position, 0, int(text.size()));
    p.length = length;
    for (int i = 0; i < p.position; ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    p.message = QCoreApplication::translate("dd::ui::policytext", "Line %1, column %2: %3").arg(p.line).arg(p.column).arg(what);
    return p;
}

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

// The end of the JSON value starting at `pos` of valid JSON `s`.
int skipValue(const QString &s, int pos)
{
    int depth = 0;
    bool inString = false;
    for (int i = pos; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"')) {
                inString = false;
                if (depth == 0)
                    return i + 1;
            }
            continue;
        }
        if (c == QLatin1Char('"'))
            inString = true;
        else if (c == QLatin1Char('{') || c == QLatin1Char('['))
            ++depth;
        else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            if (--depth == 0)
                return i + 1;
            if (depth < 0)
                return i; // the end of a literal that ends its container
        } else if (depth == 0 && (c == QLatin1Char(',') || isSpace(c)))
            return i;
    }
    return int(s.size());
}

int skipSpace(const QString &s, int pos)
{
    while (pos < s.size() && isSpace(s.at(pos)))
        ++pos;
    return pos;
}

// A recursive-descent check of JSON text (RFC 8259) that stops at the
// first token that is wrong and says what was expected there; QJsonDocument
// reports some errors a token or more later ("unterminated object" for a
// missing comma).
class JsonChecker {
public:
    explicit JsonChecker(const QString &text) : m_s(text) {}

    std::optional<Problem> run()
    {
        skip();
        if (m_pos < m_s.size() && m_s.at(m_pos) != QLatin1Char('{'))
            return fail(QCoreApplication::translate("dd::ui::policytext",
                                                    "a policy is a JSON object: {\"Version\": \"2012-10-17\", \"Statement\": [...]}"));
        if (!value(0))
            return m_problem;
        skip();
        if (m_pos < m_s.size())
            return fail(QCoreApplication::translate("dd::ui::policytext", "unexpected text after the end of the policy"));
        return std::nullopt;
    }

private:
    // Deeper than any policy needs; keeps the recursion bounded.
    static constexpr int kMaxDepth = 256;

    QChar peek() const { return m_pos < m_s.size() ? m_s.at(m_pos) : QChar(); }
    bool atEnd() const { return m_pos >= m_s.size(); }
    void skip()
    {
        while (m_pos < m_s.size() && isSpace(m_s.at(m_pos)))
            ++m_pos;
    }
    Problem fail(const QString &what, int at = -1, int length = 1)
    {
        if (atEnd() && at < 0)
            m_problem = problemAt(m_s, int(m_s.size()), 1,
                                  QCoreApplication::translate("dd::ui::policytext", "the text ends too early: %1").arg(what));
        else
            m_problem = problemAt(m_s, at < 0 ? int(m_pos) : at, length, what);
        return m_problem;
    }
    bool failed(const QString &what, int at = -1)
    {
        fail(what, at);
        return false;
    }

    bool value(int depth)
    {
        skip();
        if (depth > kMaxDepth)
            return failed(QCoreApplication::translate("dd::ui::policytext", "nested too deeply"));
        const QChar c = peek();
        if (c == QLatin1Char('{'))
            return object(depth + 1);
        if (c == QLatin1Char('['))
            return array(depth + 1);
        if (c == QLatin1Char('"'))
            return string();
        if (c == QLatin1Char('-') || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            return number();
        for (const char *word : {"true", "false", "null"}) {
            if (QStringView(m_s).mid(m_pos).startsWith(QLatin1String(word))) {
                m_pos += qsizetype(strlen(word));
                return true;
            }
        }
        return failed(QCoreApplication::translate("dd::ui::policytext",
                                                  "expected a value: a string in double quotes, a number, an object, an array, "
                                                  "true, false or null"));
    }

    bool object(int depth)
    {
        ++m_pos; // '{'
        skip();
        if (peek() == QLatin1Char('}')) {
            ++m_pos;
            return true;
        }
        for (;;) {
            skip();
            if (peek() == QLatin1Char('}'))
                return failed(QCoreApplication::translate("dd::ui::policytext", "a comma before } with no member after it"));
            if (peek() != QLatin1Char('"'))
                return failed(QCoreApplication::translate("dd::ui::policytext", "expected a member name in double quotes"));
            if (!string())
                return false;
            skip();
            if (peek() != QLatin1Char(':'))
                return failed(QCoreApplication::translate("dd::ui::policytext", "expected : after the member name"));
            ++m_pos;
            if (!value(depth))
                return false;
            skip();
            if (peek() == QLatin1Char('}')) {
                ++m_pos;
                return true;
            }
            if (peek() != QLatin1Char(','))
                return failed(QCoreApplication::translate("dd::ui::policytext", "expected a comma or } after the member"));
            ++m_pos;
        }
    }

    bool array(int depth)
    {
        ++m_pos; // '['
        skip();
        if (peek() == QLatin1Char(']')) {
            ++m_pos;
            return true;
        }
        for (;;) {
            skip();
            if (peek() == QLatin1Char(']'))
                return failed(QCoreApplication::translate("dd::ui::policytext", "a comma before ] with no element after it"));
            if (!value(depth))
                return false;
            skip();
            if (peek() == QLatin1Char(']')) {
                ++m_pos;
                return true;
            }
            if (peek() != QLatin1Char(','))
                return failed(QCoreApplication::translate("dd::ui::policytext", "expected a comma or ] after the element"));
            ++m_pos;
        }
    }

    bool string()
    {
        const int open = int(m_pos);
        ++m_pos; // '"'
        while (!atEnd()) {
            const QChar c = m_s.at(m_pos);
            if (c == QLatin1Char('"')) {
                ++m_pos;
                return true;
            }
            if (c.unicode() < 0x20)
                return failed(QCoreApplication::translate("dd::ui::policytext",
                                                          "a line break or control character inside a string (is a \" missing?)"));
            if (c == QLatin1Char('\\')) {
                const QChar e = m_pos + 1 < m_s.size() ? m_s.at(m_pos + 1) : QChar();
                if (e == QLatin1Char('u')) {
                    for (int i = 2; i < 6; ++i)
                        if (m_pos + i >= m_s.size() || !isxdigit(m_s.at(m_pos + i).toLatin1()))
                            return failed(QCoreApplication::translate("dd::ui::policytext", "\\u needs four hexadecimal digits"));
                    m_pos += 6;
                    continue;
                }
                if (!QStringLiteral("\"\\/bfnrt").contains(e) || e.isNull())
                    return failed(QCoreApplication::translate("dd::ui::policytext", "an escape sequence JSON does not know"));
                m_pos += 2;
                continue;
            }
            ++m_pos;
        }
        return failed(QCoreApplication::translate("dd::ui::policytext", "this string has no closing \""), open);
    }

    bool number()
    {
        const int start = int(m_pos);
        const auto digits = [this] {
            const qsizetype from = m_pos;
            while (!atEnd() && peek() >= QLatin1Char('0') && peek() <= QLatin1Char('9'))
                ++m_pos;
            return m_pos > from;
        };
        const auto bad = [this, start] {
            return failed(QCoreApplication::translate("dd::ui::policytext", "not a JSON number"), start);
        };
        if (peek() == QLatin1Char('-'))
            ++m_pos;
        if (peek() == QLatin1Char('0'))
            ++m_pos;
        else if (!digits())
            return bad();
        if (peek() == QLatin1Char('.')) {
            ++m_pos;
            if (!digits())
                return bad();
        }
        if (peek() == QLatin1Char('e') || peek() == QLatin1Char('E')) {
            ++m_pos;
            if (peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
                ++m_pos;
            if (!digits())
                return bad();
        }
        if (!atEnd() && (peek().isLetterOrNumber() || peek() == QLatin1Char('.')))
            return bad();
        return true;
    }

    const QString &m_s;
    qsizetype m_pos = 0;
    Problem m_problem;
};

// A member of the top-level object: its key and the span of its value.
struct Member {
    QString key;
    int valueStart = 0;
    int valueEnd = 0;
};

// The members of valid JSON object text `s`, and in *close the offset of its closing brace.
QList<Member> topLevelMembers(const QString &s, int *close)
{
    QList<Member> out;
    int pos = skipSpace(s, 0) + 1; // past '{'
    for (;;) {
        pos = skipSpace(s, pos);
        if (pos >= s.size() || s.at(pos) == QLatin1Char('}'))
            break;
        const int keyEnd = skipValue(s, pos);
        Member m;
        m.key = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(s.mid(pos, keyEnd - pos)).toUtf8()).array().at(0).toString();
        pos = skipSpace(s, keyEnd) + 1; // past ':'
        m.valueStart = skipSpace(s, pos);
        m.valueEnd = skipValue(s, m.valueStart);
        out << m;
        pos = skipSpace(s, m.valueEnd);
        if (pos < s.size() && s.at(pos) == QLatin1Char(','))
            ++pos;
    }
    *close = pos;
    return out;
}

QSet<QString> sidsOf(const QJsonValue &statement)
{
    QSet<QString> out;
    const QJsonArray list = statement.isArray() ? statement.toArray() : QJsonArray{statement};
    for (const QJsonValue &v : list)
        if (const QString sid = v.toObject().value(QStringLiteral("Sid")).toString(); !sid.isEmpty())
            out << sid;
    return out;
}

} // namespace

QStringList placeholders()
{
    return {QStringLiteral("<user-name>"), QStringLiteral("<role-name>"), QStringLiteral("<account-id>")};
}

std::pair<int, int> firstPlaceholder(const QString &text)
{
    std::pair<int, int> first{-1, 0};
    for (const QString &p : placeholders()) {
        const int at = int(text.indexOf(p));
        if (at >= 0 && (first.first < 0 || at < first.first))
            first = {at, int(p.size())};
    }
    return first;
}

std::optional<Problem> check(const QString &text)
{
    if (auto problem = JsonChecker(text).run())
        return problem;
    // The checker follows RFC 8259 as QJsonDocument does; should they ever
    // disagree, Qt's verdict (at its offset, which counts UTF-8 bytes) stands.
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError)
        return problemAt(text, int(QString::fromUtf8(utf8.left(error.offset)).size()), 1, error.errorString());
    const auto [at, length] = firstPlaceholder(text);
    if (at >= 0) {
        const QString placeholder = text.mid(at, length);
        QString what;
        if (placeholder == QLatin1String("<user-name>"))
            what = QCoreApplication::translate("dd::ui::policytext", "replace %1 with the name of an IAM user").arg(placeholder);
        else if (placeholder == QLatin1String("<role-name>"))
            what = QCoreApplication::translate("dd::ui::policytext", "replace %1 with the name of an IAM role").arg(placeholder);
        else
            what = QCoreApplication::translate("dd::ui::policytext", "replace %1 with a 12-digit AWS account ID").arg(placeholder);
        return problemAt(text, at, length, what);
    }
    return std::nullopt;
}

QString formatted(const QString &json)
{
    QJsonParseError error;
    QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return json;
    QString out;
    out.reserve(json.size() * 2);
    int indent = 0;
    const auto newline = [&out, &indent] {
        out += QLatin1Char('\n');
        out += QString(indent * 2, QLatin1Char(' '));
    };
    bool inString = false;
    for (int i = 0; i < json.size(); ++i) {
        const QChar c = json.at(i);
        if (inString) {
            out += c;
            if (c == QLatin1Char('\\') && i + 1 < json.size())
                out += json.at(++i);
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (isSpace(c))
            continue;
        if (c == QLatin1Char('"')) {
            inString = true;
            out += c;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            const int next = skipSpace(json, i + 1);
            const QChar close = c == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']');
            out += c;
            if (next < json.size() && json.at(next) == close) {
                out += close;
                i = next;
            } else {
                ++indent;
                newline();
            }
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            --indent;
            newline();
            out += c;
        } else if (c == QLatin1Char(',')) {
            out += c;
            newline();
        } else if (c == QLatin1Char(':')) {
            out += QLatin1String(": ");
        } else {
            out += c;
        }
    }
    return out;
}

QString withStatements(const QString &policy, const QString &statements)
{
    if (policy.trimmed().isEmpty())
        return formatted(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[%1]}").arg(statements));
    const QJsonDocument doc = QJsonDocument::fromJson(policy.toUtf8());
    if (!doc.isObject())
        return QString();

    // A Sid names one statement of a policy: a template's own gets a number.
    QSet<QString> taken = sidsOf(doc.object().value(QStringLiteral("Statement")));
    QString added = statements;
    const QJsonArray newOnes = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(statements).toUtf8()).array();
    for (const QString &sid : sidsOf(newOnes)) {
        if (!taken.contains(sid)) {
            taken << sid;
            continue;
        }
        int n = 2;
        while (taken.contains(sid + QString::number(n)))
            ++n;
        taken << sid + QString::number(n);
        added.replace(QStringLiteral("\"Sid\":\"%1\"").arg(sid), QStringLiteral("\"Sid\":\"%1%2\"").arg(sid).arg(n));
    }

    int close = 0;
    const QList<Member> members = topLevelMembers(policy, &close);
    QString out = policy;
    auto statement = std::find_if(members.begin(), members.end(), [](const Member &m) { return m.key == QLatin1String("Statement"); });
    if (statement == members.end()) {
        out.insert(close, QStringLiteral("%1\"Statement\":[%2]").arg(members.isEmpty() ? QString() : QStringLiteral(","), added));
    } else if (policy.at(statement->valueStart) == QLatin1Char('[')) {
        const int bracket = statement->valueEnd - 1;
        const bool empty = skipSpace(policy, statement->valueStart + 1) == bracket;
        out.insert(bracket, empty ? added : QStringLiteral(",") + added);
    } else {
        const QString one = policy.mid(statement->valueStart, statement->valueEnd - statement->valueStart);
        out.replace(statement->valueStart, statement->valueEnd - statement->valueStart, QStringLiteral("[%1,%2]").arg(one, added));
    }
    return formatted(out);
}

} // namespace dd::ui::policytext
