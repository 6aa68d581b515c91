// ShapeValidator: checks a request against the operation's input shape in
// AWS's own service model (engine/api/shapes.json, trimmed from botocore's
// DynamoDB, DynamoDB Streams and DAX models by tools/gen-shapes.py), the way
// AWS's front end does before any DynamoDB logic runs:
//  - a JSON value of the wrong kind is a SerializationException
//    ("NUMBER_VALUE cannot be converted to String");
//  - missing required members, lengths, ranges, patterns and enums are
//    collected into one ValidationException ("2 validation errors detected:
//    Value null at 'tableName' failed to satisfy constraint: Member must not be null; ...").
// Attribute values are not descended into: model/json validates them.
// Thread-safe after construction; one shared instance per service.
#pragma once

#include "model/result.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace dd::api {

class ShapeValidator {
public:
    enum class Service { DynamoDB, Streams, Dax };
    static const ShapeValidator &instance(Service service);

    // True if the model knows the operation.
    bool hasOperation(QStringView operation) const;

    // Validates `request` against the input shape of `operation`.
    Result<void> validate(QStringView operation, const QJsonObject &request) const;

    ~ShapeValidator();

private:
    explicit ShapeValidator(Service service);
    struct Private;
    std::unique_ptr<Private> d;
};

// True if `s` matches the table and index name pattern of AWS's model,
// [a-zA-Z0-9_.-]+ (its length is checked apart).
bool isNameText(QStringView s);

} // namespace dd::api
