#include "security/policy.h"

#include <QDateTime>
#include <QJsonArray>

#include <arpa/inet.h>

#include <array>
#include <cstring>

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

// A condition value: strings, numbers and booleans are all written as
// strings by IAM ("NumericLessThan": {"k": 5} is "5").
std::optional<QStringList> conditionValues(const QJsonValue &v)
{
    const auto one = [](const QJsonValue &e) -> std::optional<QString> {
        if (e.isString())
            return e.toString();
        if (e.isBool())
            return e.toBool() ? p("true") : p("false");
        if (e.isDouble()) {
            const double d = e.toDouble();
            return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
        }
        return std::nullopt;
    };
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray()) {
            const std::optional<QString> s = one(e);
            if (!s)
                return std::nullopt;
            out.append(*s);
        }
        return out;
    }
    const std::optional<QString> s = one(v);
    if (!s)
        return std::nullopt;
    return QStringList{*s};
}

using Op = Policy::Condition::Op;

// An operator's name without ForAllValues:/ForAnyValue: and IfExists.
std::optional<std::pair<Op, bool>> operatorNamed(const QString &name)
{
    static const QHash<QString, std::pair<Op, bool>> ops = {
        {p("StringEquals"), {Op::StringEquals, false}},
        {p("StringNotEquals"), {Op::StringEquals, true}},
        {p("StringEqualsIgnoreCase"), {Op::StringEqualsIgnoreCase, false}},
        {p("StringNotEqualsIgnoreCase"), {Op::StringEqualsIgnoreCase, true}},
        {p("StringLike"), {Op::StringLike, false}},
        {p("StringNotLike"), {Op::StringLike, true}},
        {p("NumericEquals"), {Op::NumericEquals, false}},
        {p("NumericNotEquals"), {Op::NumericEquals, true}},
        {p("NumericLessThan"), {Op::NumericLessThan, false}},
        {p("NumericLessThanEquals"), {Op::NumericLessThanEquals, false}},
        {p("NumericGreaterThan"), {Op::NumericGreaterThan, false}},
        {p("NumericGreaterThanEquals"), {Op::NumericGreaterThanEquals, false}},
        {p("DateEquals"), {Op::DateEquals, false}},
        {p("DateNotEquals"), {Op::DateEquals, true}},
        {p("DateLessThan"), {Op::DateLessThan, false}},
        {p("DateLessThanEquals"), {Op::DateLessThanEquals, false}},
        {p("DateGreaterThan"), {Op::DateGreaterThan, false}},
        {p("DateGreaterThanEquals"), {Op::DateGreaterThanEquals, false}},
        {p("Bool"), {Op::Bool, false}},
        {p("IpAddress"), {Op::IpAddress, false}},
        {p("NotIpAddress"), {Op::IpAddress, true}},
        {p("ArnEquals"), {Op::ArnLike, false}},
        {p("ArnLike"), {Op::ArnLike, false}},
        {p("ArnNotEquals"), {Op::ArnLike, true}},
        {p("ArnNotLike"), {Op::ArnLike, true}},
        {p("Null"), {Op::Null, false}},
    };
    const auto it = ops.constFind(name);
    if (it == ops.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<double> number(const QString &s)
{
    bool ok = false;
    const double d = s.toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

// A date as IAM takes it: ISO 8601 (with or without time and zone), or
// seconds since the epoch. Milliseconds since the epoch, or nullopt.
std::optional<qint64> dateMs(const QString &s)
{
    if (const std::optional<double> n = number(s))
        return qint64(*n * 1000);
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}

// An IPv4 or IPv6 address as 16 bytes (IPv4 mapped as ::ffff:a.b.c.d) and
// the number of its bits a prefix length counts from; nullopt if malformed.
std::optional<std::pair<std::array<unsigned char, 16>, int>> ipBytes(const QString &text)
{
    const QByteArray a = text.trimmed().toLatin1();
    std::array<unsigned char, 16> out{};
    in_addr v4{};
    if (inet_pton(AF_INET, a.constData(), &v4) == 1) {
        out[10] = out[11] = 0xff;
        std::memcpy(out.data() + 12, &v4, 4);
        return std::pair{out, 32};
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, a.constData(), &v6) == 1) {
        std::memcpy(out.data(), &v6, 16);
        return std::pair{out, 128};
    }
    return std::nullopt;
}

// A CIDR range ("203.0.113.0/24", "2001:db8::/32", or one address): its
// address bytes and prefix length in bits of the 16 bytes; nullopt if malformed.
std::optional<std::pair<std::array<unsigned char, 16>, int>> ipRange(const QString &range)
{
    const qsizetype slash = range.indexOf(u'/');
    auto address = ipBytes(slash < 0 ? range : range.left(slash));
    if (!address)
        return std::nullopt;
    int bits = address->second;
    if (slash >= 0) {
        bool ok = false;
        bits = range.mid(slash + 1).toInt(&ok);
        if (!ok || bits < 0 || bits > address->second)
            return std::nullopt;
    }
    return std::pair{address->first, bits + (128 - address->second)};
}

bool ipInRange(const QString &ip, const QString &range)
{
    const auto address = ipBytes(ip);
    const auto subnet = ipRange(range);
    if (!address || !subnet)
        return false;
    int bits = subnet->second;
    for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
        const unsigned char mask = bits >= 8 ? 0xff : static_cast<unsigned char>(0xff << (8 - bits));
        if ((address->first[size_t(i)] & mask) != (subnet->first[size_t(i)] & mask))
            return false;
    }
    return true;
}

// Whether one request value matches one policy value under a (positive) operator.
bool valueMatches(Op op, const QString &have, const QString &want)
{
    switch (op) {
    case Op::StringEquals: return have == want;
    case Op::StringEqualsIgnoreCase: return have.compare(want, Qt::CaseInsensitive) == 0;
    case Op::StringLike:
    case Op::ArnLike: return Policy::matches(want, have, Qt::CaseSensitive);
    case Op::Bool: return have.compare(want, Qt::CaseInsensitive) == 0;
    case Op::IpAddress: return ipInRange(have, want);
    case Op::Null: return false; // decided on presence alone
    default: break;
    }
    if (op == Op::NumericEquals || op == Op::NumericLessThan || op == Op::NumericLessThanEquals || op == Op::NumericGreaterThan
        || op == Op::NumericGreaterThanEquals) {
        const std::optional<double> a = number(have), b = number(want);
        if (!a || !b)
            return false;
        switch (op) {
        case Op::NumericEquals: return *a == *b;
        case Op::NumericLessThan: return *a < *b;
        case Op::NumericLessThanEquals: return *a <= *b;
        case Op::NumericGreaterThan: return *a > *b;
        default: return *a >= *b;
        }
    }
    const std::optional<qint64> a = dateMs(have), b = dateMs(want);
    if (!a || !b)
        return false;
    switch (op) {
    case Op::DateEquals: return *a == *b;
    case Op::DateLessThan: return *a < *b;
    case Op::DateLessThanEquals: return *a <= *b;
    case Op::DateGreaterThan: return *a > *b;
    default: return *a >= *b;
    }
}

// Whether a policy value is well formed for its operator (checked when the policy is read).
bool validValue(Op op, const QString &v)
{
    switch (op) {
    case Op::NumericEquals:
    case Op::NumericLessThan:
    case Op::NumericLessThanEquals:
    case Op::NumericGreaterThan:
    case Op::NumericGreaterThanEquals: return number(v).has_value();
    case Op::DateEquals:
    case Op::DateLessThan:
    case Op::DateLessThanEquals:
    case Op::DateGreaterThan:
    case Op::DateGreaterThanEquals: return dateMs(v).has_value();
    case Op::Bool:
    case Op::Null: return v.compare(p("true"), Qt::CaseInsensitive) == 0 || v.compare(p("false"), Qt::CaseInsensitive) == 0;
    case Op::IpAddress: return ipRange(v).has_value();
    default: return true;
    }
}

bool stringLikeOp(Op op) { return op == Op::StringEquals || op == Op::StringEqualsIgnoreCase || op == Op::StringLike || op == Op::ArnLike; }

// Whether a condition holds for `context`.
bool holds(const Policy::Condition &c, const ConditionContext &context, bool variables)
{
    const QStringList *have = context.values(c.key);
    if (c.op == Op::Null) {
        const bool absent = !have || have->isEmpty();
        return (c.values.first().compare(p("true"), Qt::CaseInsensitive) == 0) == absent;
    }
    if (!have || have->isEmpty()) {
        if (c.ifExists)
            return true;
        if (c.set == Policy::Condition::Set::ForAllValues)
            return true;
        if (c.set == Policy::Condition::Set::ForAnyValue)
            return false;
        return c.negated;
    }
    // The policy's values, with their variables filled in (a value naming
    // a key the request lacks matches nothing).
    QStringList wants;
    for (const QString &v : c.values) {
        if (stringLikeOp(c.op) && variables) {
            if (std::optional<QString> s = context.substitute(v))
                wants.append(*s);
        } else {
            wants.append(v);
        }
    }
    const auto matchesAny = [&](const QString &value) {
        for (const QString &want : std::as_const(wants))
            if (valueMatches(c.op, value, want))
                return true;
        return false;
    };
    switch (c.set) {
    case Policy::Condition::Set::ForAllValues:
        // Every value the request has is among the listed ones (negated: none is).
        for (const QString &value : *have)
            if (matchesAny(value) == c.negated)
                return false;
        return true;
    case Policy::Condition::Set::ForAnyValue:
        for (const QString &value : *have)
            if (matchesAny(value) != c.negated)
                return true;
        return false;
    case Policy::Condition::Set::None:
        break;
    }
    bool any = false;
    for (const QString &value : *have)
        any = any || matchesAny(value);
    return any != c.negated;
}

} // namespace

const QStringList *ConditionContext::values(const QString &key) const
{
    const auto it = m_values.constFind(key.toLower());
    return it == m_values.constEnd() ? nullptr : &*it;
}

std::optional<QString> ConditionContext::substitute(const QString &text) const
{
    if (!text.contains(u"${"))
        return text;
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype start = text.indexOf(u"${", i);
        if (start < 0) {
            out += text.mid(i);
            break;
        }
        const qsizetype end = text.indexOf(u'}', start);
        if (end < 0) {
            out += text.mid(i);
            break;
        }
        out += text.mid(i, start - i);
        QString inner = text.mid(start + 2, end - start - 2).trimmed();
        i = end + 1;
        if (inner == u"*" || inner == u"?" || inner == u"$") {
            out += inner;
            continue;
        }
        // ${key, 'default'}
        std::optional<QString> fallback;
        if (const qsizetype comma = inner.indexOf(u','); comma >= 0) {
            QString d = inner.mid(comma + 1).trimmed();
            if (d.size() >= 2 && d.startsWith(u'\'') && d.endsWith(u'\''))
                fallback = d.mid(1, d.size() - 2);
            inner = inner.left(comma).trimmed();
        }
        const QStringList *v = values(inner);
        if (v && v->size() == 1)
            out += v->first();
        else if (fallback)
            out += *fallback;
        else
            return std::nullopt;
    }
    return out;
}

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

bool Policy::Principals::applies(const PolicySubject &subject, bool *byName) const
{
    if (byName)
        *byName = false;
    if (any) {
        if (byName)
            *byName = true;
        return true;
    }
    const QString root = QStringLiteral("arn:aws:iam::%1:root").arg(subject.accountId);
    bool hit = false;
    for (const QString &arn : arns) {
        if (arn == subject.arn) {
            if (byName)
                *byName = true;
            return true;
        }
        hit = hit || arn == root;
    }
    return hit;
}

Result<Policy> Policy::parse(const QJsonObject &document, Kind kind)
{
    QJsonArray list;
    if (document.contains(p("Statement"))) {
        const QJsonValue v = document.value(p("Statement"));
        list = v.isArray() ? v.toArray() : QJsonArray{v};
    } else {
        list = QJsonArray{document};
    }
    Policy policy;
    policy.m_kind = kind;
    policy.m_version = document.contains(p("Statement")) ? document.value(p("Version")).toString(p("2008-10-17")) : p("2008-10-17");
    if (policy.m_version != u"2012-10-17" && policy.m_version != u"2008-10-17")
        return ApiError::validation(QStringLiteral("The policy's Version must be 2012-10-17 or 2008-10-17, not %1").arg(policy.m_version));
    if (list.isEmpty())
        return ApiError::validation(p("The policy has no statement"));
    int n = 0;
    for (const QJsonValue &v : list) {
        ++n;
        const QJsonObject o = v.toObject();
        const auto bad = [n](const QString &why) { return ApiError::validation(QStringLiteral("Statement %1 of the policy: %2").arg(n).arg(why)); };
        if (!v.isObject())
            return bad(p("not an object"));
        static const QStringList known = {p("Sid"), p("Effect"), p("Action"), p("NotAction"), p("Resource"), p("NotResource"),
                                          p("Principal"), p("NotPrincipal"), p("Condition")};
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                return bad(QStringLiteral("%1 is not a statement element").arg(it.key()));
        Statement st;
        st.sid = o.value(p("Sid")).toString();
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

        const bool hasPrincipal = o.contains(p("Principal")) || o.contains(p("NotPrincipal"));
        if (kind == Kind::Identity && hasPrincipal)
            return bad(p("an identity-based policy cannot name a Principal or NotPrincipal"));
        if (kind == Kind::Resource) {
            if (o.contains(p("Principal")) == o.contains(p("NotPrincipal")))
                return bad(p("it needs exactly one of Principal and NotPrincipal"));
            st.notPrincipal = o.contains(p("NotPrincipal"));
            const QJsonValue pv = o.value(p(st.notPrincipal ? "NotPrincipal" : "Principal"));
            Principals who;
            if (pv.isString()) {
                if (pv.toString() != u"*")
                    return bad(p("Principal must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:user/name\"}"));
                who.any = true;
            } else if (pv.isObject()) {
                const QJsonObject po = pv.toObject();
                for (auto it = po.begin(); it != po.end(); ++it) {
                    const std::optional<QStringList> names = strings(it.value());
                    if (!names || names->isEmpty())
                        return bad(QStringLiteral("Principal %1 must be a string or a list of strings").arg(it.key()));
                    if (it.key() != u"AWS" && it.key() != u"Service" && it.key() != u"Federated" && it.key() != u"CanonicalUser")
                        return bad(QStringLiteral("%1 is not a principal type (AWS, Service, Federated or CanonicalUser)").arg(it.key()));
                    if (it.key() != u"AWS")
                        continue; // services and federated users never sign requests here
                    for (const QString &name : *names) {
                        if (name == u"*")
                            who.any = true;
                        else if (name.size() == 12 && std::all_of(name.begin(), name.end(), [](QChar c) { return c.isDigit(); }))
                            who.arns.append(QStringLiteral("arn:aws:iam::%1:root").arg(name));
                        else if (name.startsWith(u"arn:aws:iam::") || name.startsWith(u"arn:aws:sts::"))
                            who.arns.append(name);
                        else
                            return bad(QStringLiteral("Invalid principal in policy: \"AWS\":\"%1\"").arg(name));
                    }
                }
            } else {
                return bad(p("Principal must be \"*\" or an object"));
            }
            st.principal = who;
        }

        if (o.contains(p("Condition"))) {
            if (!o.value(p("Condition")).isObject())
                return bad(p("Condition must be an object of operators"));
            const QJsonObject block = o.value(p("Condition")).toObject();
            for (auto it = block.begin(); it != block.end(); ++it) {
                Condition c;
                QString name = it.key();
                if (name.startsWith(u"ForAllValues:")) {
                    c.set = Condition::Set::ForAllValues;
                    name = name.mid(13);
                } else if (name.startsWith(u"ForAnyValue:")) {
                    c.set = Condition::Set::ForAnyValue;
                    name = name.mid(12);
                }
                if (name.endsWith(u"IfExists") && name != u"IfExists") {
                    c.ifExists = true;
                    name.chop(8);
                }
                const std::optional<std::pair<Op, bool>> op = operatorNamed(name);
                if (!op || (op->first == Op::Null && (c.ifExists || c.set != Condition::Set::None)))
                    return bad(QStringLiteral("%1 is not a condition operator Dynamodesk evaluates").arg(it.key()));
                c.op = op->first;
                c.negated = op->second;
                if (!it.value().isObject() || it.value().toObject().isEmpty())
                    return bad(QStringLiteral("Condition %1 must map condition keys to values").arg(it.key()));
                const QJsonObject keys = it.value().toObject();
                for (auto k = keys.begin(); k != keys.end(); ++k) {
                    Condition one = c;
                    one.key = k.key();
                    const std::optional<QStringList> values = conditionValues(k.value());
                    if (!values || values->isEmpty())
                        return bad(QStringLiteral("Condition %1 of %2 must have a value or a list of values").arg(it.key(), k.key()));
                    for (const QString &value : *values)
                        if (!validValue(c.op, value))
                            return bad(QStringLiteral("\"%1\" is not a value %2 takes").arg(value, it.key()));
                    if (c.op == Op::Null && values->size() != 1)
                        return bad(QStringLiteral("Null takes one value, true or false"));
                    one.values = *values;
                    st.conditions.push_back(std::move(one));
                }
            }
        }
        policy.m_statements.push_back(std::move(st));
    }
    return policy;
}

bool Policy::covers(const Statement &st, const QString &action, const QString &resource, const ConditionContext &context) const
{
    // Before 2012-10-17, "${aws:username}" is just text.
    const bool variables = m_version == u"2012-10-17";
    bool actionHit = false;
    for (const QString &a : st.actions)
        actionHit = actionHit || matches(a, action, Qt::CaseInsensitive);
    if (actionHit == st.notAction)
        return false;
    bool resourceHit = false;
    for (const QString &r : st.resources) {
        const std::optional<QString> pattern = variables ? context.substitute(r) : std::optional<QString>(r);
        resourceHit = resourceHit || (pattern && matches(*pattern, resource, Qt::CaseSensitive));
    }
    if (resourceHit == st.notResource)
        return false;
    for (const Condition &c : st.conditions)
        if (!holds(c, context, variables))
            return false;
    return true;
}

Policy::Decision Policy::evaluate(const QString &action, const QString &resource, const ConditionContext &context) const
{
    bool allowed = false;
    for (const Statement &st : m_statements) {
        if (!covers(st, action, resource, context))
            continue;
        if (!st.allow)
            return Decision::ExplicitDeny;
        allowed = true;
    }
    return allowed ? Decision::Allow : Decision::ImplicitDeny;
}

Policy::Decision Policy::evaluate(const PolicySubject &subject, const QString &action, const QString &resource,
                                  const ConditionContext &context) const
{
    bool allowed = false;
    for (const Statement &st : m_statements) {
        if (!st.principal)
            continue;
        bool byName = false;
        bool applies = st.principal->applies(subject, &byName);
        if (st.notPrincipal) {
            applies = !applies;
            byName = applies; // everyone not listed, this subject among them
        }
        if (!applies || !covers(st, action, resource, context))
            continue;
        if (!st.allow)
            return Decision::ExplicitDeny;
        allowed = allowed || byName;
    }
    return allowed ? Decision::Allow : Decision::ImplicitDeny;
}

} // namespace dd::security
