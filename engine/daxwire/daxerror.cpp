#include "daxwire/daxerror.h"

#include <QHash>

namespace dd::daxwire {

std::vector<int> errorCodes(const QString &type)
{
    // The last code of each sequence (DaxServiceError.js, aws-dax-go's error.go).
    static const QHash<QString, int> known = {
        {QStringLiteral("ProvisionedThroughputExceededException"), 40},
        {QStringLiteral("ResourceNotFoundException"), 41},
        {QStringLiteral("ConditionalCheckFailedException"), 43},
        {QStringLiteral("ResourceInUseException"), 45},
        {QStringLiteral("ValidationException"), 46},
        {QStringLiteral("SerializationException"), 46},
        {QStringLiteral("ItemCollectionSizeLimitExceededException"), 48},
        {QStringLiteral("LimitExceededException"), 49},
        {QStringLiteral("ThrottlingException"), 50},
        {QStringLiteral("TransactionConflictException"), 57},
        {QStringLiteral("TransactionCanceledException"), 58},
        {QStringLiteral("TransactionInProgressException"), 59},
        {QStringLiteral("IdempotentParameterMismatchException"), 60},
        {QStringLiteral("RequestLimitExceeded"), 61},
    };
    if (type == u"InternalServerError" || type == u"ServiceUnavailable")
        return {1, 37, 38, 39, 47};
    // Authentication (go: error.go authError): the clients authorize the connection again.
    if (type == u"UnrecognizedClientException")
        return {4, 23, 31, 32};
    if (type == u"AuthenticationRequiredException")
        return kAuthenticationRequired;
    if (type == u"InvalidSignatureException")
        return {4, 23, 31, 34};
    const auto it = known.constFind(type);
    if (it != known.constEnd())
        return {4, 37, 38, 39, *it};
    return {4, 37, 38, 39}; // the clients take the name from the details
}

void writeError(CborWriter &w, const ApiError &error, const QByteArray &cancellationReasons)
{
    const std::vector<int> codes = errorCodes(error.type());
    w.arrayHeader(codes.size());
    for (int c : codes)
        w.uint(quint64(c));
    w.text(error.message());
    w.arrayHeader(cancellationReasons.isEmpty() ? 3 : 4);
    w.null(); // no request ids here
    w.text(error.type());
    w.uint(error.isServerError() ? 500 : 400);
    if (!cancellationReasons.isEmpty())
        w.raw(cancellationReasons);
}

} // namespace dd::daxwire
