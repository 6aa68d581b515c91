#include "designer/accesspattern.h"

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

} // namespace

QStringList AccessPattern::operators()
{
    return {p("="), p("<"), p("<="), p(">"), p(">="), p("between"), p("begins_with")};
}

QJsonObject AccessPattern::toJson() const
{
    QJsonObject o{{p("name"), name}, {p("partition"), partition}};
    if (!sort.isEmpty()) {
        o.insert(p("sort"), sort);
        o.insert(p("sortOperator"), sortOperator);
    }
    if (descending)
        o.insert(p("descending"), true);
    return o;
}

AccessPattern AccessPattern::fromJson(const QJsonObject &o)
{
    AccessPattern a;
    a.name = o.value(p("name")).toString();
    a.partition = o.value(p("partition")).toString();
    a.sort = o.value(p("sort")).toString();
    a.sortOperator = o.value(p("sortOperator")).toString(p("="));
    if (!operators().contains(a.sortOperator))
        a.sortOperator = p("=");
    a.descending = o.value(p("descending")).toBool();
    return a;
}

} // namespace dd::ui
