// Credentials: the users an endpoint accepts when it checks signatures
// (dynamodesk-server --auth FILE), each an access key, its secret and
// optionally an IAM policy, and the check of a request's SigV4 signature
// against them, with the errors AWS answers: UnrecognizedClientException
// for an unknown access key, InvalidSignatureException for a signature that
// does not match, a request signed more than 15 minutes before or after now,
// or a credential scope of another date or service.
//
// The file is JSON:
//   {"Users": [{"UserName": "app", "AccessKeyId": "AKIA...", "SecretAccessKey": "...",
//               "Policy": {"Version": "2012-10-17", "Statement": [...]}}]}
// A user without Policy may do everything; one with a Policy what it allows
// (policy.h, permissions.h).
// Threads: immutable once read; any thread.
#pragma once

#include "model/result.h"
#include "security/policy.h"
#include "security/sigv4.h"

#include <QDateTime>
#include <QHash>

#include <memory>
#include <optional>

namespace dd::security {

struct Principal {
    QString userName;
    QString accessKeyId;
    QString secretAccessKey;
    std::optional<Policy> policy; // none: every action is allowed

    // "arn:aws:iam::<account>:user/<name>", as AWS's AccessDeniedException names a caller.
    QString arn(const QString &accountId) const { return QStringLiteral("arn:aws:iam::%1:user/%2").arg(accountId, userName); }
};

class Credentials {
public:
    static Result<std::shared_ptr<const Credentials>> fromJson(const QByteArray &json);
    static Result<std::shared_ptr<const Credentials>> load(const QString &path);

    // The user of `accessKeyId`, or null.
    std::shared_ptr<const Principal> find(const QString &accessKeyId) const { return m_users.value(accessKeyId); }
    qsizetype size() const { return m_users.size(); }
    // Whether `arn` is "arn:aws:iam::<accountId>:user/<name>" of a user here.
    bool hasUserArn(const QString &arn, const QString &accountId) const;

    // Checks the SigV4 signature in the Authorization header of `request`
    // (as received: its target in url's path and query, every header, the
    // body) at `now`. The signer, or AWS's error.
    Result<std::shared_ptr<const Principal>> verify(const SigV4::Request &request, const QDateTime &now) const;

    // How far a request's time may be from now (AWS: 15 minutes).
    static constexpr qint64 kMaxSkewSeconds = 15 * 60;

private:
    QHash<QString, std::shared_ptr<const Principal>> m_users; // by access key id
};

} // namespace dd::security
