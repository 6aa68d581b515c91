// What the features say of a failed call: "Type: message", and whether the
// endpoint lacks the operation (AWS, DynamoDB Local and other endpoints
// answer Dynamodesk's own operations with UnknownOperationException).
#pragma once

#include "client/client.h"

namespace dd::ui {

inline QString errorText(const client::ApiResponse &r)
{
    return r.ok() ? QString() : QStringLiteral("%1: %2").arg(r.error->type(), r.error->message());
}

inline bool unknownOperation(const client::ApiResponse &r)
{
    return !r.ok() && r.error->type().contains(QLatin1String("UnknownOperation"));
}

} // namespace dd::ui
