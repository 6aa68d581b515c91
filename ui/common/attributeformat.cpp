#include "common/attributeformat.h"

#include "common/itemjson.h"

#include <QApplication>
#include <QJsonArray>
#include <QPalette>
#include <QStringList>

#include <algorithm>

namespace dd::ui::format {

namespace {

void append(const QJsonObject &attr, QString &out, int maxChars, bool quoteStrings);

void appendList(const QJsonArray &a, QString &out, int maxChars, QChar open, QChar close, bool attributes, bool quote)
{
    out += open;
    for (qsizetype i = 0; i < a.size() && out.size() < maxChars; ++i) {
        if (i)
            out += QLatin1String(", ");
        if (attributes)
            append(a.at(i).toObject(), out, maxChars, true);
        else if (quote)
            out += QLatin1Char('"') + a.at(i).toString() + QLatin1Char('"');
        else
            out += a.at(i).toString();
    }
    out += close;
}

void append(const QJsonObject &attr, QString &out, int maxChars, bool quoteStrings)
{
    const QString type = typeOf(attr);
    const QJsonValue v = attr.constBegin().value();
    if (type == QLatin1String("S")) {
        QString s = v.toString();
        s.replace(QLatin1Char('\n'), QChar(0x23CE));
        out += quoteStrings ? QLatin1Char('"') + s + QLatin1Char('"') : s;
    } else if (type == QLatin1String("N")) {
        out += v.toString();
    } else if (type == QLatin1String("B")) {
        const QString b64 = v.toString();
        const qsizetype bytes = QByteArray::fromBase64(b64.toLatin1()).size();
        out += QStringLiteral("<%1 B> %2").arg(bytes).arg(b64.left(16) + (b64.size() > 16 ? QStringLiteral("…") : QString()));
    } else if (type == QLatin1String("BOOL")) {
        out += v.toBool() ? QLatin1String("true") : QLatin1String("false");
    } else if (type == QLatin1String("NULL")) {
        out += QLatin1String("null");
    } else if (type == QLatin1String("M")) {
        const QJsonObject m = v.toObject();
        QStringList keys = m.keys();
        std::sort(keys.begin(), keys.end());
        out += QLatin1Char('{');
        bool first = true;
        for (const QString &k : keys) {
            if (out.size() >= maxChars)
                break;
            if (!first)
                out += QLatin1String(", ");
            first = false;
            out += k + QLatin1String(": ");
            append(m.value(k).toObject(), out, maxChars, true);
        }
        out += QLatin1Char('}');
    } else if (type == QLatin1String("L")) {
        appendList(v.toArray(), out, maxChars, QLatin1Char('['), QLatin1Char(']'), true, false);
    } else if (type == QLatin1String("SS")) {
        appendList(v.toArray(), out, maxChars, QLatin1Char('{'), QLatin1Char('}'), false, true);
    } else if (type == QLatin1String("NS")) {
        appendList(v.toArray(), out, maxChars, QLatin1Char('{'), QLatin1Char('}'), false, false);
    } else if (type == QLatin1String("BS")) {
        out += QStringLiteral("{%1 × B}").arg(v.toArray().size());
    } else {
        out += QLatin1Char('?');
    }
}

} // namespace

QString typeOf(const QJsonObject &attribute)
{
    return attribute.size() == 1 ? attribute.constBegin().key() : QString();
}

QString summary(const QJsonObject &attribute, int maxChars)
{
    QString out;
    append(attribute, out, maxChars, false);
    if (out.size() > maxChars) {
        out.truncate(maxChars);
        out += QChar(0x2026);
    }
    return out;
}

QString plainText(const QJsonObject &attribute)
{
    return itemjson::attributeToPlainText(attribute);
}

QVariant cellData(const QJsonObject &attribute, int role)
{
    if (attribute.isEmpty())
        return {};
    const QString type = typeOf(attribute);
    switch (role) {
    case Qt::DisplayRole:
        return summary(attribute);
    case Qt::ToolTipRole: {
        QString text = plainText(attribute);
        if (text.size() > 2000)
            text = text.left(2000) + QChar(0x2026);
        return QStringLiteral("%1\n%2").arg(type, text);
    }
    case Qt::TextAlignmentRole:
        return type == QLatin1String("N") ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (type == QLatin1String("NULL") || type == QLatin1String("BOOL"))
            return QApplication::palette().color(QPalette::PlaceholderText);
        if (type == QLatin1String("M") || type == QLatin1String("L") || type == QLatin1String("B") || type == QLatin1String("SS")
            || type == QLatin1String("NS") || type == QLatin1String("BS"))
            return QApplication::palette().color(QPalette::Link);
        return {};
    default:
        return {};
    }
}

} // namespace dd::ui::format
