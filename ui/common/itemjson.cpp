#include "common/itemjson.h"

#include "model/json.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace dd::ui::itemjson {

namespace {

void writeString(const QString &s, QString &out) { out += quoted(s); }

void newline(QString &out, int indent)
{
    out += QLatin1Char('\n');
    out += QString(indent * 2, QLatin1Char(' '));
}

void writePlain(const QJsonObject &attr, QString &out, int indent);

void writePlainMembers(const QJsonObject &map, QString &out, int indent)
{
    if (map.isEmpty()) {
        out += QLatin1String("{}");
        return;
    }
    out += QLatin1Char('{');
    QStringList keys = map.keys();
    std::sort(keys.begin(), keys.end());
    bool first = true;
    for (const QString &k : keys) {
        if (!first)
            out += QLatin1Char(',');
        first = false;
        newline(out, indent + 1);
        writeString(k, out);
        out += QLatin1String(": ");
        writePlain(map.value(k).toObject(), out, indent + 1);
    }
    newline(out, indent);
    out += QLatin1Char('}');
}

void writePlainArray(const QJsonArray &a, bool attributes, bool numbers, QString &out, int indent)
{
    if (a.isEmpty()) {
        out += QLatin1String("[]");
        return;
    }
    out += QLatin1Char('[');
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (i)
            out += QLatin1Char(',');
        newline(out, indent + 1);
        if (attributes)
            writePlain(a.at(i).toObject(), out, indent + 1);
        else if (numbers)
            out += a.at(i).toString();
        else
            writeString(a.at(i).toString(), out);
    }
    newline(out, indent);
    out += QLatin1Char(']');
}

void writePlain(const QJsonObject &attr, QString &out, int indent)
{
    if (attr.size() != 1) {
        out += QLatin1String("null");
        return;
    }
    const QString type = attr.constBegin().key();
    const QJsonValue v = attr.constBegin().value();
    if (type == QLatin1String("S") || type == QLatin1String("B"))
        writeString(v.toString(), out);
    else if (type == QLatin1String("N"))
        out += v.toString();
    else if (type == QLatin1String("BOOL"))
        out += v.toBool() ? QLatin1String("true") : QLatin1String("false");
    else if (type == QLatin1String("NULL"))
        out += QLatin1String("null");
    else if (type == QLatin1String("M"))
        writePlainMembers(v.toObject(), out, indent);
    else if (type == QLatin1String("L"))
        writePlainArray(v.toArray(), true, false, out, indent);
    else if (type == QLatin1String("NS"))
        writePlainArray(v.toArray(), false, true, out, indent);
    else
        writePlainArray(v.toArray(), false, false, out, indent);
}

// A small JSON parser that keeps number literals as text (QJsonDocument
// would turn them into doubles and lose digits past the 15th).
class PlainParser {
public:
    explicit PlainParser(const QString &text) : m_s(text) {}

    bool parseItem(const QJsonObject &hints, QJsonObject *item, ParseError *error)
    {
        skipSpace();
        if (peek() != QLatin1Char('{'))
            return fail(QCoreApplication::translate("dd::ui::itemjson", "An item must be a JSON object"), error);
        QJsonObject map;
        if (!parseObject(QJsonObject{{QStringLiteral("M"), hints}}, &map, QString(), error))
            return false;
        skipSpace();
        if (m_pos < m_s.size())
            return fail(QCoreApplication::translate("dd::ui::itemjson", "Unexpected text after the item"), error);
        *item = map.value(QStringLiteral("M")).toObject();
        return true;
    }

private:
    QChar peek() const { return m_pos < m_s.size() ? m_s.at(m_pos) : QChar(); }
    void skipSpace()
    {
        while (m_pos < m_s.size() && m_s.at(m_pos).isSpace())
            ++m_pos;
    }
    bool fail(const QString &message, ParseError *error, const QString &path = QString())
    {
        error->message = message;
        error->path = path;
        error->line = 1;
        int lineStart = 0;
        for (qsizetype i = 0; i < m_pos && i < m_s.size(); ++i)
            if (m_s.at(i) == QLatin1Char('\n')) {
                ++error->line;
                lineStart = int(i) + 1;
            }
        error->column = int(m_pos) - lineStart + 1;
        return false;
    }
    static QString join(const QString &path, const QString &member)
    {
        return path.isEmpty() ? member : path + QLatin1Char('.') + member;
    }

    bool parseString(QString *out, ParseError *error)
    {
        ++m_pos; // opening quote
        QString s;
        while (m_pos < m_s.size()) {
            const QChar c = m_s.at(m_pos++);
            if (c == QLatin1Char('"')) {
                *out = s;
                return true;
            }
            if (c != QLatin1Char('\\')) {
                s += c;
                continue;
            }
            if (m_pos >= m_s.size())
                break;
            const QChar e = m_s.at(m_pos++);
            switch (e.unicode()) {
            case '"': s += QLatin1Char('"'); break;
            case '\\': s += QLatin1Char('\\'); break;
            case '/': s += QLatin1Char('/'); break;
            case 'b': s += QLatin1Char('\b'); break;
            case 'f': s += QLatin1Char('\f'); break;
            case 'n': s += QLatin1Char('\n'); break;
            case 'r': s += QLatin1Char('\r'); break;
            case 't': s += QLatin1Char('\t'); break;
            case 'u': {
                bool ok = false;
                const uint code = m_s.mid(m_pos, 4).toUInt(&ok, 16);
                if (!ok || m_pos + 4 > m_s.size())
                    return fail(QCoreApplication::translate("dd::ui::itemjson", "Bad \\u escape in a string"), error);
                s += QChar(char16_t(code));
                m_pos += 4;
                break;
            }
            default:
                return fail(QCoreApplication::translate("dd::ui::itemjson", "Bad escape in a string"), error);
            }
        }
        return fail(QCoreApplication::translate("dd::ui::itemjson", "Unterminated string"), error);
    }

    bool parseNumber(QString *out, ParseError *error)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_s.size() && QStringView(u"+-.eE0123456789").contains(m_s.at(m_pos)))
            ++m_pos;
        *out = m_s.mid(start, m_pos - start);
        static const QRegularExpression re(QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
        if (!re.match(*out).hasMatch()) {
            m_pos = start;
            return fail(QCoreApplication::translate("dd::ui::itemjson", "Bad number"), error);
        }
        return true;
    }

    bool parseObject(const QJsonObject &hint, QJsonObject *out, const QString &path, ParseError *error)
    {
        const QJsonObject hintMembers = hint.value(QStringLiteral("M")).toObject();
        ++m_pos; // {
        QJsonObject map;
        skipSpace();
        if (peek() == QLatin1Char('}')) {
            ++m_pos;
            *out = QJsonObject{{QStringLiteral("M"), map}};
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != QLatin1Char('"'))
                return fail(QCoreApplication::translate("dd::ui::itemjson", "Expected a member name in quotes"), error, path);
            QString name;
            if (!parseString(&name, error))
                return false;
            if (map.contains(name))
                return fail(QCoreApplication::translate("dd::ui::itemjson", "Duplicate member \"%1\"").arg(name), error, join(path, name));
            skipSpace();
            if (peek() != QLatin1Char(':'))
                return fail(QCoreApplication::translate("dd::ui::itemjson", "Expected ':' after a member name"), error, join(path, name));
            ++m_pos;
            QJsonObject value;
            if (!parseValue(hintMembers.value(name).toObject(), &value, join(path, name), error))
                return false;
            map.insert(name, value);
            skipSpace();
            if (peek() == QLatin1Char(',')) {
                ++m_pos;
                continue;
            }
            if (peek() == QLatin1Char('}')) {
                ++m_pos;
                break;
            }
            return fail(QCoreApplication::translate("dd::ui::itemjson", "Expected ',' or '}'"), error, path);
        }
        *out = QJsonObject{{QStringLiteral("M"), map}};
        return true;
    }

    bool parseArray(const QJsonObject &hint, QJsonObject *out, const QString &path, ParseError *error)
    {
        const QString hintType = hint.size() == 1 ? hint.constBegin().key() : QString();
        const QJsonArray hintList = hint.value(QStringLiteral("L")).toArray();
        ++m_pos; // [
        QJsonArray list;
        skipSpace();
        if (peek() == QLatin1Char(']'))
            ++m_pos;
        else {
            for (;;) {
                QJsonObject value;
                const QString at = QStringLiteral("%1[%2]").arg(path).arg(list.size());
                if (!parseValue(hintList.at(list.size()).toObject(), &value, at, error))
                    return false;
                list.append(value);
                skipSpace();
                if (peek() == QLatin1Char(',')) {
                    ++m_pos;
                    continue;
                }
                if (peek() == QLatin1Char(']')) {
                    ++m_pos;
                    break;
                }
                return fail(QCoreApplication::translate("dd::ui::itemjson", "Expected ',' or ']'"), error, path);
            }
        }
        // A set in the loaded item stays a set when every element still fits it.
        const QString elementType = hintType == QLatin1String("SS") ? QStringLiteral("S")
                                  : hintType == QLatin1String("NS") ? QStringLiteral("N")
                                  : hintType == QLatin1String("BS") ? QStringLiteral("S") : QString();
        if (!elementType.isEmpty() && !list.isEmpty()) {
            QJsonArray set;
            for (const auto &v : list) {
                const QJsonObject o = v.toObject();
                if (!o.contains(elementType)) {
                    set = QJsonArray();
                    break;
                }
                set.append(o.value(elementType));
            }
            if (!set.isEmpty()) {
                *out = QJsonObject{{hintType, set}};
                return true;
            }
        }
        *out = QJsonObject{{QStringLiteral("L"), list}};
        return true;
    }

    bool parseValue(const QJsonObject &hint, QJsonObject *out, const QString &path, ParseError *error)
    {
        skipSpace();
        const QChar c = peek();
        if (c == QLatin1Char('{'))
            return parseObject(hint, out, path, error);
        if (c == QLatin1Char('['))
            return parseArray(hint, out, path, error);
        if (c == QLatin1Char('"')) {
            QString s;
            if (!parseString(&s, error))
                return false;
            const bool binary = hint.contains(QStringLiteral("B"));
            *out = QJsonObject{{binary ? QStringLiteral("B") : QStringLiteral("S"), s}};
            return true;
        }
        if (c == QLatin1Char('-') || c.isDigit()) {
            QString n;
            if (!parseNumber(&n, error))
                return false;
            *out = QJsonObject{{QStringLiteral("N"), n}};
            return true;
        }
        for (const auto &[word, value] : {std::pair{QStringLiteral("true"), QJsonObject{{QStringLiteral("BOOL"), true}}},
                                         std::pair{QStringLiteral("false"), QJsonObject{{QStringLiteral("BOOL"), false}}},
                                         std::pair{QStringLiteral("null"), QJsonObject{{QStringLiteral("NULL"), true}}}}) {
            if (QStringView(m_s).mid(m_pos).startsWith(word)) {
                m_pos += word.size();
                *out = value;
                return true;
            }
        }
        return fail(QCoreApplication::translate("dd::ui::itemjson", "Expected a value"), error, path);
    }

    const QString &m_s;
    qsizetype m_pos = 0;
};

// Line and column of a byte offset in the UTF-8 text.
void locate(const QByteArray &utf8, int offset, ParseError *error)
{
    error->line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < utf8.size(); ++i)
        if (utf8.at(i) == '\n') {
            ++error->line;
            lineStart = i + 1;
        }
    error->column = offset - lineStart + 1;
}

// The deepest invalid value under `attribute` (which is invalid itself).
void deepest(const QJsonValue &attribute, const QString &path, QString *outPath, QString *message)
{
    *outPath = path;
    const QJsonObject o = attribute.toObject();
    if (o.size() != 1)
        return;
    const QJsonValue v = o.constBegin().value();
    if (o.constBegin().key() == QLatin1String("M") && v.isObject()) {
        const QJsonObject m = v.toObject();
        for (auto it = m.begin(); it != m.end(); ++it) {
            auto r = model::attributeFromJson(it.value());
            if (!r.ok()) {
                *message = r.error().message();
                deepest(it.value(), path + QLatin1Char('.') + it.key(), outPath, message);
                return;
            }
        }
    } else if (o.constBegin().key() == QLatin1String("L") && v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            auto r = model::attributeFromJson(a.at(i));
            if (!r.ok()) {
                *message = r.error().message();
                deepest(a.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), outPath, message);
                return;
            }
        }
    }
}

} // namespace

QString quoted(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : s) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\t': out += QLatin1String("\\t"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

bool findInvalid(const QJsonObject &item, QString *path, QString *message)
{
    for (auto it = item.begin(); it != item.end(); ++it) {
        auto r = model::attributeFromJson(it.value());
        if (!r.ok()) {
            *message = r.error().message();
            deepest(it.value(), it.key(), path, message);
            return false;
        }
    }
    return true;
}

QString toDynamoText(const QJsonObject &item)
{
    // QJsonDocument writes members in key order; DynamoDB JSON has no raw numbers.
    return QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Indented)).trimmed();
}

QString toPlainText(const QJsonObject &item)
{
    QString out;
    writePlainMembers(item, out, 0);
    return out;
}

QString attributeToPlainText(const QJsonObject &attribute)
{
    QString out;
    writePlain(attribute, out, 0);
    return out;
}

QByteArray toDynamoLine(const QJsonObject &item)
{
    return QJsonDocument(item).toJson(QJsonDocument::Compact);
}

bool parseDynamoText(const QString &text, QJsonObject *item, ParseError *error)
{
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &pe);
    if (pe.error != QJsonParseError::NoError) {
        error->message = pe.errorString();
        locate(utf8, pe.offset, error);
        return false;
    }
    if (!doc.isObject()) {
        error->message = QCoreApplication::translate("dd::ui::itemjson", "An item must be a JSON object");
        error->line = error->column = 1;
        return false;
    }
    const QJsonObject obj = doc.object();
    // Name the deepest attribute at fault, and put the cursor on its member.
    QString path, message;
    if (!findInvalid(obj, &path, &message)) {
        error->message = message;
        error->path = path;
        const QString last = path.section(QLatin1Char('.'), -1).section(QLatin1Char('['), 0, 0);
        const int at = int(utf8.indexOf(QByteArray('"' + last.toUtf8() + '"')));
        if (at >= 0)
            locate(utf8, at, error);
        return false;
    }
    *item = obj;
    return true;
}

bool parsePlainText(const QString &text, const QJsonObject &hints, QJsonObject *item, ParseError *error)
{
    PlainParser parser(text);
    QJsonObject parsed;
    if (!parser.parseItem(hints, &parsed, error))
        return false;
    QString path, message;
    if (!findInvalid(parsed, &path, &message)) {
        error->message = message;
        error->path = path;
        return false;
    }
    *item = parsed;
    return true;
}

} // namespace dd::ui::itemjson
