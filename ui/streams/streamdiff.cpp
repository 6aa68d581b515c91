#include "streams/streamdiff.h"

#include <QColor>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

QString child(const QString &parent, const QString &name)
{
    return parent.isEmpty() ? name : parent + QLatin1Char('.') + name;
}

void diffValues(const QString &path, const QJsonObject &a, const QJsonObject &b, QList<AttributeChange> *out);

void diffMaps(const QString &path, const QJsonObject &a, const QJsonObject &b, QList<AttributeChange> *out)
{
    QStringList names = a.keys();
    for (const QString &n : b.keys())
        if (!a.contains(n))
            names << n;
    names.sort();
    for (const QString &n : names) {
        const QString at = child(path, n);
        if (!a.contains(n))
            out->append({at, AttributeChange::Kind::Added, QJsonObject(), b.value(n).toObject()});
        else if (!b.contains(n))
            out->append({at, AttributeChange::Kind::Removed, a.value(n).toObject(), QJsonObject()});
        else
            diffValues(at, a.value(n).toObject(), b.value(n).toObject(), out);
    }
}

void diffValues(const QString &path, const QJsonObject &a, const QJsonObject &b, QList<AttributeChange> *out)
{
    if (a == b)
        return;
    if (a.contains(p("M")) && b.contains(p("M"))) {
        diffMaps(path, a.value(p("M")).toObject(), b.value(p("M")).toObject(), out);
        return;
    }
    if (a.contains(p("L")) && b.contains(p("L"))) {
        const QJsonArray la = a.value(p("L")).toArray(), lb = b.value(p("L")).toArray();
        for (qsizetype i = 0; i < std::max(la.size(), lb.size()); ++i) {
            const QString at = QStringLiteral("%1[%2]").arg(path).arg(i);
            if (i >= la.size())
                out->append({at, AttributeChange::Kind::Added, QJsonObject(), lb.at(i).toObject()});
            else if (i >= lb.size())
                out->append({at, AttributeChange::Kind::Removed, la.at(i).toObject(), QJsonObject()});
            else
                diffValues(at, la.at(i).toObject(), lb.at(i).toObject(), out);
        }
        return;
    }
    out->append({path, AttributeChange::Kind::Changed, a, b});
}

QString plain(const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.size() == 1) {
            const QString t = o.begin().key();
            const QJsonValue inner = o.begin().value();
            if (t == p("S") || t == p("N") || t == p("B"))
                return t == p("S") ? QStringLiteral("\"%1\"").arg(inner.toString()) : inner.toString();
            if (t == p("BOOL"))
                return inner.toBool() ? p("true") : p("false");
            if (t == p("NULL"))
                return p("null");
            if (t == p("M")) {
                QStringList parts;
                const QJsonObject m = inner.toObject();
                for (auto it = m.begin(); it != m.end(); ++it)
                    parts << QStringLiteral("\"%1\": %2").arg(it.key(), plain(it.value()));
                return QStringLiteral("{%1}").arg(parts.join(QLatin1String(", ")));
            }
            QStringList parts;
            for (const QJsonValue &e : inner.toArray())
                parts << (t == p("L") ? plain(e) : t == p("SS") ? QStringLiteral("\"%1\"").arg(e.toString()) : e.toString());
            return QStringLiteral("[%1]").arg(parts.join(QLatin1String(", ")));
        }
    }
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

// A CSS colour that lays a little of `hue` over whatever base the view paints:
// translucent, so the text keeps the palette's Text colour and the line reads
// on a light base and a dark one, without knowing the palette (which a pure
// function cannot). About colours::blend(Base, hue, 0.3) once painted.
QString tint(int hue)
{
    const QColor c = QColor::fromHsv(hue, 190, 220);
    return QStringLiteral("rgba(%1, %2, %3, 30%)").arg(c.red()).arg(c.green()).arg(c.blue());
}

// One side of the HTML: the item as indented plain JSON, a line per
// attribute down to the changed paths, changed lines on a coloured ground.
void renderMap(const QString &path, const QJsonObject &map, const QMap<QString, AttributeChange::Kind> &marks,
               const QSet<QString> &ancestors, bool newSide, int depth, QString *html)
{
    const QString indent = QString(depth * 2, QLatin1Char(' ')).replace(QLatin1Char(' '), p("&nbsp;"));
    QStringList names = map.keys();
    names.sort();
    for (const QString &n : names) {
        const QString at = child(path, n);
        const QJsonObject v = map.value(n).toObject();
        if (ancestors.contains(at) && v.contains(p("M"))) {
            *html += QStringLiteral("%1%2: {<br>").arg(indent, n.toHtmlEscaped());
            renderMap(at, v.value(p("M")).toObject(), marks, ancestors, newSide, depth + 1, html);
            *html += indent + p("}<br>");
            continue;
        }
        const QString line = QStringLiteral("%1%2: %3").arg(indent, n.toHtmlEscaped(), plain(v).toHtmlEscaped());
        QString colour;
        if (marks.contains(at) || ancestors.contains(at)) {
            const auto kind = marks.value(at, AttributeChange::Kind::Changed);
            colour = tint(kind == AttributeChange::Kind::Added ? 130 : kind == AttributeChange::Kind::Removed ? 0 : 50);
        }
        *html += colour.isEmpty() ? line + p("<br>")
                                  : QStringLiteral("<span style=\"background-color:%1\"><b>%2</b></span><br>").arg(colour, line);
    }
    Q_UNUSED(newSide);
}

} // namespace

QList<AttributeChange> diffImages(const QJsonObject &oldImage, const QJsonObject &newImage)
{
    QList<AttributeChange> out;
    diffMaps(QString(), oldImage, newImage, &out);
    return out;
}

QString shortValue(const QJsonObject &value, int max)
{
    QString text = plain(value);
    if (text.size() > max)
        text = text.left(max - 1) + QChar(0x2026);
    return text;
}

QString diffHtml(const QJsonObject &oldImage, const QJsonObject &newImage, const QList<AttributeChange> &changes)
{
    QMap<QString, AttributeChange::Kind> marks;
    QSet<QString> ancestors; // maps that hold a change, opened up to show where
    for (const AttributeChange &c : changes) {
        marks.insert(c.path, c.kind);
        QString prefix = c.path;
        for (qsizetype dot = prefix.lastIndexOf(QLatin1Char('.')); dot > 0; dot = prefix.lastIndexOf(QLatin1Char('.'))) {
            prefix.truncate(dot);
            ancestors.insert(prefix);
        }
        const qsizetype bracket = c.path.indexOf(QLatin1Char('['));
        if (bracket > 0)
            marks.insert(c.path.left(bracket), AttributeChange::Kind::Changed); // lists are shown whole
    }
    QString left, right;
    renderMap(QString(), oldImage, marks, ancestors, false, 0, &left);
    renderMap(QString(), newImage, marks, ancestors, true, 0, &right);
    return QStringLiteral("<table width=\"100%\" cellspacing=\"8\"><tr><th align=\"left\">%1</th><th align=\"left\">%2</th></tr>"
                          "<tr><td valign=\"top\"><tt>%3</tt></td><td valign=\"top\"><tt>%4</tt></td></tr></table>")
        .arg(QCoreApplication::translate("StreamDiff", "Old image"), QCoreApplication::translate("StreamDiff", "New image"), left, right);
}

} // namespace dd::ui
