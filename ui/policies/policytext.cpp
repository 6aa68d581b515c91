#include "policies/policytext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

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
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes; the editor counts characters.
        const int at = int(QString::fromUtf8(utf8.left(error.offset)).size());
        return problemAt(text, at, 1, error.errorString());
    }
    if (!doc.isObject())
        return problemAt(text, skipSpace(text, 0), 1,
                         QCoreApplication::translate("dd::ui::policytext", "a policy is a JSON object: {\"Version\": \"2012-10-17\", \"Statement\": [...]}"));
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
