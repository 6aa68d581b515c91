// DAX errors on the wire. An error response is three top-level items: the
// error's code sequence (its first code the class: 1 retryable, 2 wait for
// the cluster, 3 unretryable, 4 the client's fault), the message, and the
// details [requestId, DynamoDB's exception name, HTTP status] with, for a
// TransactionCanceledException, a fourth element: code, message and item
// of each cancellation reason, flattened.
// The clients turn a known code sequence into their own exception name
// (DaxServiceError.js) and otherwise take the name from the details.
// Threads: plain functions.
#pragma once

#include "daxwire/cbor.h"
#include "model/apierror.h"

#include <vector>

namespace dd::daxwire {

// The code sequence the DAX clients read as DynamoDB exception `type`.
std::vector<int> errorCodes(const QString &type);
// Appends the error response for `error`; `cancellationReasons`, when not
// empty, is the encoded fourth element of the details.
void writeError(CborWriter &w, const ApiError &error, const QByteArray &cancellationReasons = QByteArray());

// AuthenticationRequiredException's codes: the client authorizes the
// connection again and retries.
inline const std::vector<int> kAuthenticationRequired = {4, 23, 31, 33};
// NotImplemented: a method this server does not serve.
inline const std::vector<int> kNotImplemented = {4, 37, 38, 44};

} // namespace dd::daxwire
