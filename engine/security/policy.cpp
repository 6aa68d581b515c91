#include "security/policy.h"

#include <QJsonArray>

namespace dd::security {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// A string or a list of strings; nullopt for anything else.
std::optional<QStringList> strings(const QJsonValue &v)
{
    if (v.isString())
        return QStringList{v.toString()};
    if (!v.isArray())
        return std::nullopt;
    QStringList out;
    for (const QJsonValue &e : v.toArray()) {
        if (!e.isString())
            return std::nullopt;
        out.append(e.toString());
    }
    return out;
}

} // namespace

bool Policy::matches(QStringView pattern, QStringView text, Qt::CaseSensitivity cs)
{
    // Iterative glob match with backtracking to the last '*'.
    qsizetype pi = 0, ti = 0, star = -1, mark = 0;
    const auto same = [cs](QChar a, QChar b) { return cs == Qt::CaseSensitive ? a == b : a.toCaseFolded() == b.toCaseFolded(); };
    while (ti < text.size()) {
        if (pi < pattern.size() && (pattern[pi] == u'?' || (pattern[pi] != u'*' && same(pattern[pi], text[ti])))) {
            ++pi;
            ++ti;
        } else if (pi < pattern.size() && pattern[pi] == u'*') {
            star = pi++;
            mark = ti;
        } else if (star >= 0) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < pattern.size() && pattern[pi] == u'*')
        ++pi;
    return pi == pattern.size();
}

Result<Policy> Policy::parse(const QJsonObject &document)
{
    QJsonArray list;
    if (document.contains(p("Statement"))) {
        const QJsonValue v = document.value(p("Statement"));
        list = v.isArray() ? v.toArray() : QJsonArray{v};
    } else {
        list = QJsonArray{document};
    }
    Policy policy;
    int n = 0;
    for (const QJsonValue &v : list) {
        ++n;
        const QJsonObject o = v.toObject();
        const auto bad = [n](const QString &why) { return ApiError::validation(QStringLiteral("Statement %1 of the policy: %2").arg(n).arg(why)); };
        if (!v.isObject())
            return bad(p("not an object"));
        for (const char *unsupported : {"Condition", "Principal", "NotPrincipal"})
            if (o.contains(p(unsupported)))
                return bad(QStringLiteral("%1 is not supported").arg(p(unsupported)));
        Statement st;
        const QString effect = o.value(p("Effect")).toString();
        if (effect != u"Allow" && effect != u"Deny")
            return bad(p("Effect must be Allow or Deny"));
        st.allow = effect == u"Allow";
        st.notAction = o.contains(p("NotAction"));
        if (st.notAction == o.contains(p("Action")))
            return bad(p("it needs exactly one of Action and NotAction"));
        const std::optional<QStringList> actions = strings(o.value(p(st.notAction ? "NotAction" : "Action")));
        if (!actions)
            return bad(p("Action must be a string or a list of strings"));
        st.actions = *actions;
        st.notResource = o.contains(p("NotResource"));
        if (st.notResource == o.contains(p("Resource")))
            return bad(p("it needs exactly one of Resource and NotResource"));
        const std::optional<QStringList> resources = strings(o.value(p(st.notResource ? "NotResource" : "Resource")));
        if (!resources)
            return bad(p("Resource must be a string or a list of strings"));
        st.resources = *resources;
        policy.m_statements.push_back(std::move(st));
    }
    return policy;
}

Policy::Decision Policy::evaluate(const QString &action, const QString &resource) const
{
    bool allowed = false;
    for (const Statement &st : m_statements) {
        bool actionHit = false;
        for (const QString &a : st.actions)
            actionHit = actionHit || matches(a, action, Qt::CaseInsensitive);
        bool resourceHit = false;
        for (const QString &r : st.resources)
            resourceHit = resourceHit || matches(r, resource, Qt::CaseSensitive);
        if (actionHit == st.notAction || resourceHit == st.notResource)
            continue;
        if (!st.allow)
            return Decision::ExplicitDeny;
        allowed = true;
    }
    return allowed ? Decision::Allow : Decision::ImplicitDeny;
}

} // namespace dd::security
