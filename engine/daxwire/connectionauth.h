// ConnectionAuth: the check of a DAX connection's authorizeConnection
// against the users of dynamodesk-server --auth (security/credentials.h).
// The DAX clients sign a fixed request (SigV4Gen.js): POST / with only
// host:dax.amazonaws.com and x-amz-date, an empty body, service "dax", and
// send the access key id, the signature and the string to sign (whose date
// and scope say when and for which region). The connection's later
// requests run as that user (its IAM policy authorizes each call, as the
// dax: actions of the cluster), or, if the check failed, are answered with
// the check's error; the clients authorize again after it.
// Threads: plain functions.
#pragma once

#include "daxwire/cbor.h"
#include "model/result.h"
#include "security/credentials.h"

#include <QDateTime>

#include <vector>

namespace dd::daxwire {

// The user that authorizeConnection's `args` (accessKeyId, signature,
// stringToSign, sessionToken, userAgent) prove, at `now`; or AWS's error:
// UnrecognizedClientException for an unknown key, InvalidSignatureException
// for a wrong signature, a string to sign that is not the DAX clients', or
// a time more than 15 minutes from now.
Result<std::shared_ptr<const security::Principal>> verifyAuthorization(const security::Credentials &credentials,
                                                                      const std::vector<CborValue> &args, const QDateTime &now);

} // namespace dd::daxwire
