// ApiError: a DynamoDB error as a value. Every engine entry point reports failure
// through ApiError (wrapped in Result<T>); nothing throws across the engine API.
// Only engine/http knows how an ApiError looks on the wire (__type, status code).
#pragma once

#include <QJsonObject>
#include <QString>

namespace dd {

class ApiError {
public:
    ApiError() = default;
    ApiError(QString type, QString message) : m_type(std::move(type)), m_message(std::move(message)) {}

    const QString &type() const { return m_type; }       // DynamoDB exception name, e.g. "ValidationException"
    const QString &message() const { return m_message; } // AWS's text, in English as on the wire
    bool isClientError() const { return !isServerError(); }
    bool isServerError() const { return m_type == QLatin1String("InternalServerError") || m_type == QLatin1String("ServiceUnavailable"); }

    // Extra top-level fields of the error body (CancellationReasons, Item for
    // ReturnValuesOnConditionCheckFailure, ...).
    const QJsonObject &extra() const { return m_extra; }
    ApiError &withExtra(const QString &key, const QJsonValue &value) { m_extra.insert(key, value); return *this; }

    static ApiError validation(const QString &m) { return {QStringLiteral("ValidationException"), m}; }
    static ApiError serialization(const QString &m) { return {QStringLiteral("SerializationException"), m}; }
    static ApiError resourceNotFound(const QString &m) { return {QStringLiteral("ResourceNotFoundException"), m}; }
    static ApiError resourceInUse(const QString &m) { return {QStringLiteral("ResourceInUseException"), m}; }
    static ApiError conditionalCheckFailed(const QString &m = QStringLiteral("The conditional request failed")) { return {QStringLiteral("ConditionalCheckFailedException"), m}; }
    static ApiError limitExceeded(const QString &m) { return {QStringLiteral("LimitExceededException"), m}; }
    static ApiError unknownOperation(const QString &m = QString()) { return {QStringLiteral("UnknownOperationException"), m}; }
    static ApiError internal(const QString &m) { return {QStringLiteral("InternalServerError"), m}; }
    static ApiError itemCollectionSizeLimitExceeded(const QString &m) { return {QStringLiteral("ItemCollectionSizeLimitExceededException"), m}; }
    static ApiError transactionCanceled(const QString &m) { return {QStringLiteral("TransactionCanceledException"), m}; }
    static ApiError transactionConflict(const QString &m) { return {QStringLiteral("TransactionConflictException"), m}; }
    static ApiError idempotentParameterMismatch(const QString &m) { return {QStringLiteral("IdempotentParameterMismatchException"), m}; }
    static ApiError accessDenied(const QString &m) { return {QStringLiteral("AccessDeniedException"), m}; }
    static ApiError missingAuthenticationToken(const QString &m) { return {QStringLiteral("MissingAuthenticationTokenException"), m}; }

private:
    QString m_type;
    QString m_message;
    QJsonObject m_extra;
};

} // namespace dd
