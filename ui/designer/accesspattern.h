// AccessPattern: one query the application needs ("orders by customer,
// newest first") as the designer's access-pattern list holds it and saves it
// with the design. Which key serves it is patternresolution.h's question.
// Value type; safe from any thread.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace dd::ui {

struct AccessPattern {
    QString name;                               // what the application asks, free text
    QString partition;                          // the attribute looked up by equality
    QString sort;                               // the attribute the condition ranges over; may be empty
    QString sortOperator = QStringLiteral("="); // =, <, <=, >, >=, between, begins_with (when sort is set)
    bool descending = false;                    // newest first: ScanIndexForward false

    static QStringList operators();             // the sort operators, in the form's order
    QJsonObject toJson() const;
    static AccessPattern fromJson(const QJsonObject &o); // missing members take their defaults
    bool operator==(const AccessPattern &o) const = default;
};

} // namespace dd::ui
