#include "security/resourcepolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace dd::security {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

const QString kInvalidDocument = QStringLiteral("One or more parameter values were invalid: Invalid policy document: ");

ApiError invalidDocument(const QString &why) { return ApiError::validation(kInvalidDocument + why); }

// Compact JSON of one value.
QString compact(const QJsonValue &v)
{
    const QByteArray list = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(list.mid(1, list.size() - 2));
}

// A one-element list as its element; longer lists as sent.
QJsonValue collapsed(const QJsonValue &v)
{
    if (v.isArray() && v.toArray().size() == 1)
        return v.toArray().first();
    return v;
}

// A JSON object with members in the order given (QJsonObject would sort them).
QString orderedObject(const std::vector<std::pair<QString, QString>> &members)
{
    QString out = QStringLiteral("{");
    for (const auto &[name, json] : members) {
        if (out.size() > 1)
            out += u',';
        out += compact(name) + u':' + json;
    }
    return out + u'}';
}

bool isAccountId(const QString &s)
{
    return s.size() == 12 && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

// Line and column (1-based, as AWS counts them) of the first `"Principal"`
// member's value in `text`, for the syntax error a bare principal string gets.
std::pair<int, int> principalPosition(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\"(?:Not)?Principal\"\\s*:\\s*"));
    const QRegularExpressionMatch m = re.match(text);
    const qsizetype at = m.hasMatch() ? m.capturedEnd() : 0;
    int line = 1, column = 1;
    for (qsizetype i = 0; i < at; ++i) {
        if (text[i] == u'\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

// The stream actions (DynamoDB Streams' operations); every other
// "dynamodb:" action is a table's.
bool isStreamAction(const QString &action)
{
    static const QStringList stream = {p("dynamodb:getrecords"), p("dynamodb:getsharditerator"), p("dynamodb:describestream"),
                                       p("dynamodb:liststreams")};
    return stream.contains(action.toLower());
}

// Condition keys that, with a fixed value, keep an Allow to "*" from being
// unbounded (as Block Public Access reads a policy).
bool boundsPrincipals(const QJsonObject &condition)
{
    static const QStringList keys = {p("aws:principalaccount"), p("aws:principalarn"), p("aws:principalorgid"), p("aws:sourceaccount"),
                                     p("aws:sourcearn"), p("aws:sourceip"), p("aws:sourcevpc"), p("aws:sourcevpce"), p("aws:userid"),
                                     p("aws:username"), p("aws:principalorgpaths")};
    for (auto op = condition.begin(); op != condition.end(); ++op) {
        const QString name = op.key();
        if (name.contains(u"Not") || name.startsWith(u"ForAnyValue") || name.endsWith(u"IfExists") || name == u"Null")
            continue;
        const QJsonObject block = op.value().toObject();
        for (auto k = block.begin(); k != block.end(); ++k) {
            if (!keys.contains(k.key().toLower()))
                continue;
            const QJsonArray values = k.value().isArray() ? k.value().toArray() : QJsonArray{k.value()};
            bool fixed = !values.isEmpty();
            for (const QJsonValue &v : values)
                fixed = fixed && v.isString() && !v.toString().contains(u'*') && !v.toString().contains(u'?');
            if (fixed)
                return true;
        }
    }
    return false;
}

} // namespace

Result<ResourcePolicyDocument> readResourcePolicy(const QString &text, const PolicyTarget &target)
{
    if (text.toUtf8().size() > kMaxResourcePolicyBytes)
        return ApiError::validation(
            QStringLiteral("One or more parameter values were invalid: Maximum policy size of %1 bytes exceeded").arg(kMaxResourcePolicyBytes));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return invalidDocument(p("This policy contains invalid Json"));
    const QJsonObject root = doc.object();
    const bool versionGiven = root.contains(p("Version"));
    const QString version = versionGiven ? root.value(p("Version")).toString() : p("2008-10-17");
    if (version != u"2012-10-17" && version != u"2008-10-17")
        return invalidDocument(QStringLiteral("The policy's Version must be 2012-10-17 or 2008-10-17"));
    if (!root.contains(p("Statement")))
        return invalidDocument(p("Missing required field Statement"));
    const QJsonValue statementValue = root.value(p("Statement"));
    const QJsonArray statements = statementValue.isArray() ? statementValue.toArray() : QJsonArray{statementValue};
    if (statements.isEmpty())
        return invalidDocument(p("Could not parse the policy: Statement is empty!"));

    const QString ourRoot = QStringLiteral("arn:aws:iam::%1:root").arg(target.accountId);
    QStringList sids;
    QStringList canonicalStatements;
    QJsonArray normalized; // for Policy::parse: Effect title-cased, principals as ARNs
    QStringList invalidActions;
    for (const QJsonValue &sv : statements) {
        if (!sv.isObject())
            return invalidDocument(p("Statement must be an object or a list of objects"));
        QJsonObject st = sv.toObject();
        if (st.contains(p("Sid"))) {
            const QString sid = st.value(p("Sid")).toString();
            if (sids.contains(sid))
                return invalidDocument(p("The Statement Ids in the policy are not unique"));
            sids.append(sid);
        }
        for (const char *required : {"Effect", "Resource", "Action", "Principal"}) {
            const QString alt = QStringLiteral("Not") + p(required);
            if (!st.contains(p(required)) && (qstrcmp(required, "Effect") == 0 || !st.contains(alt)))
                return invalidDocument(QStringLiteral("Missing required field %1").arg(p(required)));
        }
        const QString effect = st.value(p("Effect")).toString();
        if (effect.compare(p("allow"), Qt::CaseInsensitive) != 0 && effect.compare(p("deny"), Qt::CaseInsensitive) != 0)
            return invalidDocument(QStringLiteral("Effect must be Allow or Deny, not %1").arg(compact(st.value(p("Effect")))));
        const bool allow = effect.compare(p("allow"), Qt::CaseInsensitive) == 0;
        st.insert(p("Effect"), allow ? p("Allow") : p("Deny"));

        // The principal: "*", or {"AWS": ids or ARNs, ...}.
        const char *principalMember = st.contains(p("Principal")) ? "Principal" : "NotPrincipal";
        QJsonValue principal = st.value(p(principalMember));
        bool toEveryone = false;
        if (principal.isString()) {
            if (principal.toString() != u"*") {
                const auto [line, column] = principalPosition(text);
                return invalidDocument(QStringLiteral("Syntax error at position (%1,%2)").arg(line).arg(column));
            }
            toEveryone = true;
        } else if (principal.isObject()) {
            QJsonObject byType = principal.toObject();
            for (auto it = byType.begin(); it != byType.end(); ++it) {
                const QJsonArray names = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
                QJsonArray out;
                for (const QJsonValue &n : names) {
                    if (!n.isString())
                        return invalidDocument(p("Invalid principal in policy document."));
                    QString name = n.toString();
                    if (it.key() == u"AWS") {
                        if (name == u"*")
                            toEveryone = true;
                        else if (isAccountId(name))
                            name = QStringLiteral("arn:aws:iam::%1:root").arg(name);
                        else if (!name.startsWith(u"arn:aws:iam::") && !name.startsWith(u"arn:aws:sts::"))
                            return ApiError::validation(p("One or more parameter values were invalid: Invalid principal in policy document."));
                        // Users of this account must exist (when the endpoint knows its users).
                        if (target.principalExists && name.startsWith(QStringLiteral("arn:aws:iam::%1:").arg(target.accountId))
                            && name != ourRoot && !target.principalExists(name))
                            return ApiError::validation(p("One or more parameter values were invalid: Invalid principal in policy document."));
                    }
                    if (!out.contains(QJsonValue(name)))
                        out.append(name);
                }
                it.value() = collapsed(out);
            }
            principal = byType;
        } else {
            return invalidDocument(p("Invalid principal in policy document."));
        }
        st.insert(p(principalMember), principal);
        if (allow && toEveryone && qstrcmp(principalMember, "Principal") == 0
            && !boundsPrincipals(st.value(p("Condition")).toObject()))
            return ApiError::validation(p("Resource-based policy grants unbounded access in one or more elements. Please revise the policy to "
                                          "ensure least-privilege form of access"));

        // Actions that do not fit the resource the policy is attached to.
        const QJsonValue actionValue = st.value(p(st.contains(p("Action")) ? "Action" : "NotAction"));
        const QJsonArray actions = actionValue.isArray() ? actionValue.toArray() : QJsonArray{actionValue};
        const QJsonValue resourceValue = st.value(p(st.contains(p("Resource")) ? "Resource" : "NotResource"));
        const QJsonArray resources = resourceValue.isArray() ? resourceValue.toArray() : QJsonArray{resourceValue};
        if (st.contains(p("Action"))) {
            for (const QJsonValue &a : actions) {
                const QString action = a.toString();
                if (action.contains(u'*') || action.contains(u'?'))
                    continue;
                const bool streamAction = isStreamAction(action);
                if (target.streamArn.isEmpty() && streamAction) {
                    if (!invalidActions.contains(action))
                        invalidActions.append(action);
                    continue;
                }
                // A resource of the other kind: its relative id ("table/T/stream/L") does not fit the action.
                for (const QJsonValue &r : resources) {
                    const QString resource = r.toString();
                    static const QRegularExpression arn(QStringLiteral("^arn:[^:]*:dynamodb:[^:]*:[^:]*:(table/.+)$"));
                    const QRegularExpressionMatch m = arn.match(resource);
                    if (!m.hasMatch() || resource.contains(u'*') || resource.contains(u'?'))
                        continue;
                    const bool streamResource = m.captured(1).contains(u"/stream/");
                    if (streamResource != streamAction)
                        return invalidDocument(QStringLiteral("The relative-id \"%1\" is invalid for ARN \"%2\"").arg(m.captured(1), resource));
                }
            }
        }

        // The canonical statement, in AWS's member order.
        std::vector<std::pair<QString, QString>> members;
        if (st.contains(p("Sid")))
            members.emplace_back(p("Sid"), compact(st.value(p("Sid"))));
        members.emplace_back(p("Effect"), compact(st.value(p("Effect"))));
        members.emplace_back(p(principalMember), compact(principal));
        for (const char *m : {"Action", "NotAction", "Resource", "NotResource"})
            if (st.contains(p(m)))
                members.emplace_back(p(m), compact(collapsed(st.value(p(m)))));
        if (st.contains(p("Condition"))) {
            QJsonObject condition = st.value(p("Condition")).toObject();
            for (auto op = condition.begin(); op != condition.end(); ++op) {
                QJsonObject block = op.value().toObject();
                for (auto k = block.begin(); k != block.end(); ++k)
                    k.value() = collapsed(k.value());
                op.value() = block;
            }
            st.insert(p("Condition"), condition);
            members.emplace_back(p("Condition"), compact(condition));
        }
        canonicalStatements.append(orderedObject(members));
        normalized.append(st);
    }
    if (!invalidActions.isEmpty()) {
        QStringList quoted;
        for (const QString &a : std::as_const(invalidActions))
            quoted.append(u'"' + a + u'"');
        return invalidDocument(QStringLiteral("The following action names are invalid: %1").arg(quoted.join(p(", "))));
    }

    QJsonObject forParse{{p("Version"), version}, {p("Statement"), normalized}};
    Result<Policy> parsed = Policy::parse(forParse, Policy::Kind::Resource);
    if (!parsed.ok())
        return invalidDocument(parsed.error().message());

    ResourcePolicyDocument out;
    out.canonical = orderedObject({{p("Version"), compact(version)},
                                   {p("Statement"), u'[' + canonicalStatements.join(u',') + u']'}});
    out.sameness = out.canonical + (versionGiven ? QString() : p(" (no Version)"));
    out.policy = std::make_shared<const Policy>(std::move(*parsed));
    return out;
}

std::shared_ptr<const Policy> ResourcePolicyCache::get(const QString &canonical)
{
    QMutexLocker lock(&m_mutex);
    if (auto it = m_policies.constFind(canonical); it != m_policies.constEnd())
        return *it;
    // A stored policy was read when it was put: it parses.
    const QJsonDocument doc = QJsonDocument::fromJson(canonical.toUtf8());
    Result<Policy> parsed = Policy::parse(doc.object(), Policy::Kind::Resource);
    if (!parsed.ok())
        return nullptr;
    if (m_policies.size() >= 4096)
        m_policies.clear();
    auto policy = std::make_shared<const Policy>(std::move(*parsed));
    m_policies.insert(canonical, policy);
    return policy;
}

} // namespace dd::security
